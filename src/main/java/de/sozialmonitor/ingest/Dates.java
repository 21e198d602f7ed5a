package de.sozialmonitor.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as files write them: ISO 2015-11-01 or German 01.11.2015; a bare year means 1 January. */
final class Dates {
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu");

    private Dates() {
    }

    /** The date, or null if the text is not one. */
    static LocalDate parse(String s) {
        String t = s.trim();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t);
            }
            if (t.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(t, GERMAN);
            }
            if (t.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(t), 1, 1);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }
}
