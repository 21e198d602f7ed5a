package de.sozialmonitor.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Figures of reference regions in the reference long format
 * {@code region_code;region_name;year;variable;value}: the canonical long format with an official
 * regional code (and its name) instead of an area of the territory. Needs no mapping. The variable
 * is a variable of the catalog or an indicator's id (its value as delivered). See docs/vergleichsregionen.md.
 */
final class ReferenceLoader implements Loader {
    static final Map<String, List<String>> COLUMNS = Map.of(
            "region_code", List.of("region_code", "regionalschluessel", "regionalschl", "ags", "ars", "kennziffer"),
            "region_name", List.of("region_name", "region", "regionsname", "name", "raumeinheit", "bezeichnung"),
            "year", List.of("year", "jahr", "period", "periode", "stichtag"),
            "variable", List.of("variable", "merkmal", "indikator", "indicator"),
            "value", List.of("value", "wert"));
    static final List<String> REQUIRED = List.of("region_code", "year", "variable", "value");

    private final Path file;
    private final CsvDialect dialect;
    private final CsvTable.Header header;

    ReferenceLoader(Path file, CsvDialect dialect, CsvTable.Header header) {
        this.file = file;
        this.dialect = dialect;
        this.header = header;
    }

    @Override
    public String format() {
        return "reference";
    }

    @Override
    public boolean observations() {
        return false;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        int cCode = header.col("region_code");
        int cName = header.col("region_name");
        int cYear = header.col("year");
        int cVar = header.col("variable");
        int cValue = header.col("value");
        NumberStyle style = CanonicalLoader.detectStyle(file, dialect, header, cValue);
        ReferenceSink sink = new ReferenceSink(ctx);
        long read = CsvTable.forEachRow(file, dialect, header, row -> {
            String raw = row.cell(cValue);
            sink.accept(null, row.line(), row.cell(cCode), "region_code", cName < 0 ? "" : row.cell(cName), row.cell(cYear), "year",
                    row.cell(cVar), "variable", ValueParser.parse(raw, style), raw, "value");
        });
        ctx.report.rowsRead(read);
        ctx.report.rowsAccepted(sink.accepted());
        sink.save();
        return null;
    }
}
