package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.sozialmonitor.model.PublishedClasses;
import de.sozialmonitor.workspace.PublishedClassesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a classification published by others ({@link PublishedClassesSource}) as it was delivered: one row
 * per area, the classes as words ({@code sehr niedrig} is the class {@code sehr_niedrig}), an empty
 * cell where the area took no part.
 */
public final class PublishedClassesReader {
    private PublishedClassesReader() {
    }

    /** @throws IllegalArgumentException naming file, row, column and reason when the table does not fit the settings */
    public static PublishedClasses read(Path workspaceRoot, PublishedClassesSource source) {
        Path file = workspaceRoot.resolve(source.file());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(source.file() + ": the reference table named in sozialmonitor.yaml (published_classes) does not exist");
        }
        Map<String, PublishedClasses.Published> classes = new LinkedHashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(source.separator()).ofNamedCsvRecord(file)) {
            int row = 1;
            for (NamedCsvRecord r : csv) {
                row++;
                for (String column : new String[] {source.codeColumn(), source.statusColumn(), source.dynamicsColumn()}) {
                    if (!r.getHeader().contains(column)) {
                        throw new IllegalArgumentException(source.file() + ": no column '" + column + "'; the file's columns are "
                                + r.getHeader());
                    }
                }
                String code = r.getField(source.codeColumn()).strip();
                try {
                    classes.put(code, new PublishedClasses.Published(code(r.getField(source.statusColumn())),
                            code(r.getField(source.dynamicsColumn()))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source.file() + ", row " + row + ", area " + code + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source.file() + ": cannot read", e);
        }
        return new PublishedClasses(source.name(), classes);
    }

    /** "sehr niedrig" is the class code {@code sehr_niedrig}; an empty cell: the area has no published class. */
    private static String code(String published) {
        String t = published.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t.replace(' ', '_');
    }
}
