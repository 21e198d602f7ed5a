package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The canonical long format {@code area_code;year;variable;value[;target_group]}: one row per
 * area × year × variable (× target group). Needs no mapping. See docs/import.md.
 */
final class CanonicalLoader implements Loader {
    static final Map<String, List<String>> COLUMNS = Map.of(
            "area_code", List.of("area_code", "area", "gebiet", "gebietscode", "gebietsschluessel", "code"),
            "year", List.of("year", "jahr", "period", "periode", "stichtag"),
            "variable", List.of("variable", "merkmal"),
            "value", List.of("value", "wert", "anzahl"),
            "target_group", List.of("target_group", "zielgruppe"));
    static final List<String> REQUIRED = List.of("area_code", "year", "variable", "value");
    /** Rows looked at to learn the number style before the real pass. */
    static final int STYLE_SAMPLE_ROWS = 50_000;

    private final Path file;
    private final CsvDialect dialect;
    private final CsvTable.Header header;

    CanonicalLoader(Path file, CsvDialect dialect, CsvTable.Header header) {
        this.file = file;
        this.dialect = dialect;
        this.header = header;
    }

    @Override
    public String format() {
        return "canonical";
    }

    @Override
    public boolean observations() {
        return true;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        int cArea = header.col("area_code");
        int cYear = header.col("year");
        int cVar = header.col("variable");
        int cValue = header.col("value");
        int cGroup = header.col("target_group");
        NumberStyle style = detectStyle(file, dialect, header, cValue);
        long[] read = {0};
        ObservationSink sink = new ObservationSink(ctx);
        try {
            CsvTable.forEachRow(file, dialect, header, row -> {
                read[0]++;
                if (row.cells().size() < 4) {
                    ctx.error("missing_columns", null, row.line(), null, String.join(String.valueOf(dialect.separator()), row.cells()),
                            "row.tooShort", header.width());
                    return;
                }
                if (extraFields(row)) {
                    // e.g. an unquoted target group nationality=foreign;sex=f: cutting it would store another group
                    ctx.error("extra_fields", null, row.line(), null, String.join(String.valueOf(dialect.separator()), row.cells()),
                            "row.tooLong", row.cells().size(), header.width(), String.valueOf(dialect.separator()));
                    return;
                }
                String raw = row.cell(cValue);
                sink.accept(null, row.line(), row.cell(cArea), "area_code", row.cell(cYear), "year", row.cell(cVar), "variable",
                        cGroup < 0 ? "" : row.cell(cGroup), ValueParser.parse(raw, style), raw, "value");
            });
        } finally {
            ctx.report.rowsRead(read[0]);
            sink.close();
        }
        return sink;
    }

    /** True if the row has a filled field beyond the header's columns (an empty trailing field is a trailing separator). */
    private boolean extraFields(CsvTable.Row row) {
        for (int i = header.width(); i < row.cells().size(); i++) {
            if (!row.cells().get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The file's number style: the first value that proves one decides; if none does, a file
     * separated by ';' or tab is German (the offices' convention), one separated by ',' international.
     */
    static NumberStyle detectStyle(Path file, CsvDialect dialect, CsvTable.Header header, int col) throws IOException {
        try (CsvReader<CsvRecord> reader = dialect.reader(file)) {
            int n = 0;
            for (CsvRecord r : reader) {
                if (r.getStartingLineNumber() <= header.line() || col >= r.getFieldCount()) {
                    continue;
                }
                NumberStyle s = NumberStyle.provenBy(ValueParser.strip(r.getField(col)));
                if (s != null) {
                    return s;
                }
                if (++n > STYLE_SAMPLE_ROWS) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            // an unreadable file is reported by the real pass
        }
        return dialect.separator() == ',' ? NumberStyle.INTERNATIONAL : NumberStyle.GERMAN;
    }
}
