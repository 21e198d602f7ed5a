package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A delimited table below an optional title block and above optional footnotes, as offices
 * write them. The header row is the first of the first {@value #HEADER_SEARCH_ROWS} rows that
 * names all required columns; footnote rows (one filled cell after the last data row) are dropped.
 */
final class CsvTable {
    static final int HEADER_SEARCH_ROWS = 30;

    /** A header row found: where, and which column index each wanted column has. */
    record Header(long line, Map<String, Integer> columns, int width) {
        int col(String name) {
            Integer i = columns.get(name);
            return i == null ? -1 : i;
        }
    }

    /** One data row with its 1-based line number in the file. */
    record Row(long line, List<String> cells) {
        String cell(int i) {
            return i < 0 || i >= cells.size() ? "" : cells.get(i).trim();
        }
    }

    /** A file's encoding guess broke at some row. */
    static final class EncodingException extends RuntimeException {
        final long line;

        EncodingException(long line, Throwable cause) {
            super(cause);
            this.line = line;
        }
    }

    private CsvTable() {
    }

    /** Lower case, umlauts spelled out, spaces and hyphens as underscores: "Gebiets-Schlüssel" → gebiets_schluessel. */
    static String normalize(String s) {
        String t = s.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        t = Normalizer.normalize(t, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return t.replaceAll("[\\s\\-./]+", "_");
    }

    /**
     * Finds the header among the first rows. {@code wanted} maps a column name to its accepted
     * spellings; a header qualifies when every name in {@code required} is present.
     */
    static Header findHeader(Path file, CsvDialect dialect, Map<String, List<String>> wanted, List<String> required) throws IOException {
        try (CsvReader<CsvRecord> reader = dialect.reader(file)) {
            Iterator<CsvRecord> it = reader.iterator();
            int seen = 0;
            while (seen < HEADER_SEARCH_ROWS && hasNext(it, 0)) {
                CsvRecord r = it.next();
                seen++;
                Map<String, Integer> cols = new LinkedHashMap<>();
                for (int i = 0; i < r.getFieldCount(); i++) {
                    String n = normalize(r.getField(i));
                    for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
                        if (!cols.containsKey(e.getKey()) && e.getValue().contains(n)) {
                            cols.put(e.getKey(), i);
                        }
                    }
                }
                if (cols.keySet().containsAll(required)) {
                    return new Header(r.getStartingLineNumber(), cols, r.getFieldCount());
                }
            }
            return null;
        } catch (EncodingException e) {
            return null;
        }
    }

    private static boolean hasNext(Iterator<CsvRecord> it, long line) {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new EncodingException(line, e.getCause());
            }
            throw e;
        }
    }

    /**
     * Streams the rows below the header to {@code sink}. Rows with only the first cell filled are
     * held back: after the last data row they are footnotes and dropped; before a data row they
     * are passed on (and fail validation as incomplete rows).
     */
    static long forEachRow(Path file, CsvDialect dialect, Header header, Consumer<Row> sink) throws IOException {
        long count = 0;
        List<Row> pending = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = dialect.reader(file)) {
            Iterator<CsvRecord> it = reader.iterator();
            long line = 0;
            while (hasNext(it, line)) {
                CsvRecord r;
                try {
                    r = it.next();
                } catch (CsvParseException e) {
                    throw new EncodingException(line, e);
                }
                line = r.getStartingLineNumber();
                if (line <= header.line()) {
                    continue;
                }
                List<String> cells = r.getFields();
                if (allBlank(cells)) {
                    continue;
                }
                Row row = new Row(line, cells);
                if (header.width() > 1 && onlyFirstFilled(cells)) {
                    pending.add(row);
                    continue;
                }
                for (Row p : pending) {
                    sink.accept(p);
                    count++;
                }
                pending.clear();
                sink.accept(row);
                count++;
            }
        }
        return count;
    }

    private static boolean allBlank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyFirstFilled(List<String> cells) {
        for (int i = 1; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
