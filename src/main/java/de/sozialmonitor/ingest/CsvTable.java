package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordWrapper;
import de.siegmar.fastcsv.util.Limits;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private static boolean hasNext(Iterator<?> it, long line) {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new EncodingException(line, e.getCause());
            }
            throw e;
        }
    }

    /** Rows handed from the reading thread to the checking one at a time. */
    static final int BATCH_ROWS = 4096;
    /** Batches the reading thread may be ahead. */
    static final int BATCHES_AHEAD = 8;

    /**
     * Streams the rows below the header to {@code sink}, in file order, on the calling thread.
     * Rows with only the first cell filled are held back: after the last data row they are
     * footnotes and dropped; before a data row they are passed on (and fail validation as
     * incomplete rows).
     *
     * <p>Decoding and parsing (FastCSV) run in a second thread that hands batches of rows over a
     * bounded queue, so that the checks of a big file run beside its parsing on a second core. A
     * problem of the file (encoding, CSV structure, reading) reaches {@code sink}'s thread after
     * the rows before it, as if it were read there.
     */
    static long forEachRow(Path file, CsvDialect dialect, Header header, Consumer<Row> sink) throws IOException {
        BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        Throwable[] failure = {null};
        List<Row> end = new ArrayList<>(0);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                read(file, dialect, header, queue);
            } catch (InterruptedException e) {
                return; // cancelled: nobody takes the rest
            } catch (Throwable t) {
                failure[0] = t;
            }
            try {
                if (!cancelled.get()) {
                    queue.put(end);
                }
            } catch (InterruptedException e) {
                // cancelled while handing over the end
            }
        }, "sozialmonitor:csv-reader");
        reader.setDaemon(true);
        reader.start();
        long count = 0;
        boolean finished = false;
        try {
            while (true) {
                List<Row> batch = take(queue);
                if (batch == end) {
                    break;
                }
                for (Row row : batch) {
                    sink.accept(row);
                    count++;
                }
            }
            finished = true;
        } finally {
            if (!finished) {
                cancelled.set(true);
                reader.interrupt();
            }
            joinQuietly(reader);
        }
        Throwable t = failure[0];
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return count;
    }

    private static List<Row> take(BlockingQueue<List<Row>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the file was interrupted", e);
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                t.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reading thread's part of {@link #forEachRow}: parse, drop blank rows and footnotes, hand over in batches. */
    private static void read(Path file, CsvDialect dialect, Header header, BlockingQueue<List<Row>> queue)
            throws IOException, InterruptedException {
        List<Row> pending = new ArrayList<>();
        List<Row> batch = new ArrayList<>(BATCH_ROWS);
        try (CsvReader<Row> reader = dialect.reader(file, new RowHandler())) {
            Iterator<Row> it = reader.iterator();
            long line = 0;
            while (hasNext(it, line)) {
                Row row;
                try {
                    row = it.next();
                } catch (CsvParseException e) {
                    throw new EncodingException(line, e);
                }
                line = row.line();
                if (line <= header.line() || allBlank(row.cells())) {
                    continue;
                }
                if (header.width() > 1 && onlyFirstFilled(row.cells())) {
                    pending.add(row);
                    continue;
                }
                if (!pending.isEmpty()) {
                    for (Row p : pending) {
                        batch = add(batch, p, queue);
                    }
                    pending.clear();
                }
                batch = add(batch, row, queue);
            }
        } catch (IOException | RuntimeException | Error e) {
            if (!batch.isEmpty()) {
                queue.put(batch); // the rows above a problem of the file are checked first, as they come first
            }
            throw e;
        }
        if (!batch.isEmpty()) {
            queue.put(batch);
        }
    }

    private static List<Row> add(List<Row> batch, Row row, BlockingQueue<List<Row>> queue) throws InterruptedException {
        batch.add(row);
        if (batch.size() < BATCH_ROWS) {
            return batch;
        }
        queue.put(batch);
        return new ArrayList<>(BATCH_ROWS);
    }

    /**
     * FastCSV's callback for the rows of {@link #forEachRow}: each record straight into a {@link Row}
     * (no record object and list views in between: the reading thread is the bottleneck of a big
     * import). The limits are FastCSV's own.
     */
    static final class RowHandler extends AbstractBaseCsvCallbackHandler<Row> {
        private String[] fields = new String[32];
        private int recordSize;

        @Override
        protected void handleBegin(long startingLineNumber) {
            recordSize = 0;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            recordSize += len;
            if (recordSize > Limits.MAX_RECORD_SIZE) {
                throw new CsvParseException(String.format(Locale.ROOT, "Record starting at line %d has surpassed the maximum limit of %d characters",
                        getStartingLineNumber(), Limits.MAX_RECORD_SIZE));
            }
            if (index == fields.length) {
                if (fields.length * 2 > Limits.MAX_FIELD_COUNT) {
                    throw new CsvParseException("Maximum number of fields exceeded: " + Limits.MAX_FIELD_COUNT);
                }
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[index] = new String(buf, offset, len);
        }

        @Override
        protected RecordWrapper<Row> buildRecord() {
            return wrapRecord(new Row(getStartingLineNumber(), Arrays.asList(Arrays.copyOf(fields, getFieldCount()))));
        }
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
