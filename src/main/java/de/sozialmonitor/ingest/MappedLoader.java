package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.model.TargetGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CSV or XLSX source read through its mapping: long (one row per area × period × variable),
 * wide (one column per variable or per year) or cross-tab (columns are combinations of target
 * group dimensions under multi-row, merged header cells). Wide and cross-tab are one mechanism:
 * every mapped column names its variable, and optionally its year and dimension values.
 */
final class MappedLoader implements Loader {
    private final Path file;
    private final SourceMapping m;

    MappedLoader(Path file, SourceMapping m) {
        this.file = file;
        this.m = m;
    }

    @Override
    public String format() {
        return "mapped";
    }

    @Override
    public String mappingVersion() {
        return m.version;
    }

    @Override
    public String source() {
        return m.sourceName();
    }

    @Override
    public boolean observations() {
        return true;
    }

    /** What one mapped column delivers. */
    record ColumnSpec(int index, String header, String variable, String year, Map<String, String> dims) {
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        String layout = m.text("layout", "long");
        if (!List.of("long", "wide", "crosstab").contains(layout)) {
            throw m.fail("layout", "layout must be long, wide, crosstab or microdata");
        }
        CsvDialect dialect = SheetRows.isXlsx(file) ? null : dialect();
        List<SheetSpec> sheets = SheetSpec.of(m, file);
        ObservationSink sink = new ObservationSink(ctx);
        long[] read = {0};
        try {
            for (SheetSpec spec : sheets) {
                List<SheetRows.Line> lines = new ArrayList<>();
                String sheet;
                try {
                    sheet = SheetRows.forEach(file, spec.name(), dialect, lines::add);
                } catch (SheetRows.MissingSheetException e) {
                    if (sheets.size() == 1) {
                        throw e;
                    }
                    ctx.error("missing_sheet", spec.name(), 0, null, null, "mapping.badSheet", GeoJsonLoader.oneLine(e.getMessage()));
                    continue;
                }
                loadSheet(ctx, spec.mapping(), layout, sheet, lines, sink, read);
            }
        } finally {
            ctx.report.rowsRead(read[0]);
            sink.close();
        }
        return sink;
    }

    /** The rows of one sheet (or of the CSV file) into the sink; {@code m} is the mapping with the sheet's own keys. */
    private void loadSheet(LoadContext ctx, SourceMapping m, String layout, String sheet, List<SheetRows.Line> lines,
                           ObservationSink sink, long[] readCount) {
        JsonNode areaSpec = m.node("area");
        String areaColumn = areaSpec.path("column").asText(null);
        if (areaColumn == null) {
            throw m.fail("area", "area: column: names the column that holds the area");
        }
        int headerRows = m.integer("header_rows", 1);
        int headerIdx = headerIndex(m, lines, areaColumn);
        if (headerIdx >= 0 && m.integer("header_row", 0) == 0) {
            // the area column's label sits in the top header row; the header ends header_rows - 1 below
            headerIdx = Math.min(lines.size() - 1, headerIdx + headerRows - 1);
        }
        if (headerIdx < 0) {
            ctx.error("missing_column", sheet, 0, areaColumn, null, "mapping.noHeader", areaColumn);
            readCount[0] += lines.size();
            return;
        }
        List<String> headers = headerKeys(lines, headerIdx, headerRows);
        int areaCol = column(headers, areaColumn);
        AreaMatcher areas = new AreaMatcher(areaSpec, ctx.knownAreas());
        String fixedYear = SheetSpec.year(m.text("year", null), sheet);
        int yearCol = m.text("year_column", null) == null ? -1 : column(headers, m.text("year_column", null));
        if (m.text("year_column", null) != null && yearCol < 0) {
            ctx.error("missing_column", sheet, lines.get(headerIdx).number(), m.text("year_column", null), null, "mapping.noColumn");
        }
        NumberStyle style = "point".equals(m.text("decimal", "comma")) ? NumberStyle.INTERNATIONAL : NumberStyle.GERMAN;
        List<ColumnSpec> specs = new ArrayList<>();
        int varCol = -1;
        int valueCol = -1;
        int groupCol = -1;
        Map<String, String> variableLabels = SourceMapping.stringMap(m.node("variables"));
        if (layout.equals("long")) {
            varCol = column(headers, m.text("variable_column", "variable"));
            valueCol = column(headers, m.text("value_column", "value"));
            groupCol = m.text("target_group_column", null) == null ? -1 : column(headers, m.text("target_group_column", null));
            if (varCol < 0 && m.text("variable", null) == null) {
                ctx.error("missing_column", sheet, lines.get(headerIdx).number(), m.text("variable_column", "variable"), null, "mapping.noColumn");
            }
            if (valueCol < 0) {
                ctx.error("missing_column", sheet, lines.get(headerIdx).number(), m.text("value_column", "value"), null, "mapping.noColumn");
            }
        } else {
            JsonNode cols = m.node("columns");
            if (!cols.isObject() || cols.isEmpty()) {
                throw m.fail("columns", "a " + layout + " layout needs columns: header -> {variable, year, dimensions}");
            }
            var it = cols.fields();
            while (it.hasNext()) {
                var e = it.next();
                int idx = column(headers, e.getKey());
                if (idx < 0) {
                    ctx.error("missing_column", sheet, lines.get(headerIdx).number(), e.getKey(), null, "mapping.noColumn");
                    continue;
                }
                JsonNode spec = e.getValue();
                String variable = spec.isTextual() ? spec.asText() : spec.path("variable").asText(m.text("variable", null));
                String year = spec.isObject() && spec.has("year") ? SheetSpec.year(spec.get("year").asText(), sheet) : null;
                Map<String, String> dims = new TreeMap<>();
                if (spec.isObject()) {
                    spec.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("variable") && !f.getKey().equals("year")) {
                            dims.put(f.getKey(), f.getValue().asText());
                        }
                    });
                }
                if (variable == null) {
                    throw m.fail("columns", "column '" + e.getKey() + "' names no variable");
                }
                specs.add(new ColumnSpec(idx, headers.get(idx), variable, year, dims));
            }
        }
        long read = 0;
        try {
            List<SheetRows.Line> pending = new ArrayList<>();
            List<SheetRows.Line> data = new ArrayList<>();
            for (int i = headerIdx + 1; i < lines.size(); i++) {
                SheetRows.Line l = lines.get(i);
                if (l.blank()) {
                    continue;
                }
                if (filledCells(l) == 1 && headers.size() > 1) {
                    pending.add(l); // a footnote if nothing follows, else an incomplete row
                    continue;
                }
                data.addAll(pending);
                pending.clear();
                data.add(l);
            }
            for (SheetRows.Line l : data) {
                read++;
                String rawArea = l.cell(areaCol);
                if (areas.ignored(rawArea)) {
                    continue;
                }
                String code = areas.resolve(rawArea);
                String yearText = yearCol >= 0 ? l.cell(yearCol) : fixedYear == null ? "" : fixedYear;
                if (layout.equals("long")) {
                    String label = varCol >= 0 ? l.cell(varCol) : m.text("variable", "");
                    String variable = variableLabels.getOrDefault(label, label);
                    String raw = l.cell(valueCol);
                    sink.accept(sheet, l.number(), code, areaColumn, yearText, "year", variable, m.text("variable_column", "variable"),
                            groupCol < 0 ? "" : l.cell(groupCol), parse(l, valueCol, style), raw, headers.get(valueCol));
                } else {
                    for (ColumnSpec c : specs) {
                        String raw = l.cell(c.index());
                        String y = c.year() != null ? c.year() : yearText;
                        sink.accept(sheet, l.number(), code, areaColumn, y, "year", c.variable(), c.header(),
                                TargetGroup.of(c.dims()).key(), parse(l, c.index(), style), raw, c.header());
                    }
                }
            }
        } finally {
            readCount[0] += read;
        }
    }

    private CsvDialect dialect() throws IOException {
        CsvDialect d = CsvDialect.detect(file);
        String enc = m.text("encoding", null);
        String sep = m.text("separator", null);
        java.nio.charset.Charset cs = enc == null ? d.charset() : java.nio.charset.Charset.forName(enc);
        char separator = sep == null ? d.separator() : ("tab".equalsIgnoreCase(sep) ? '\t' : sep.charAt(0));
        return new CsvDialect(cs, d.bomLength(), separator);
    }

    private static ParsedValue parse(SheetRows.Line l, int col, NumberStyle style) {
        return ValueParser.parse(l.cell(col), l.isNumeric(col) ? NumberStyle.INTERNATIONAL : style);
    }

    private static int filledCells(SheetRows.Line l) {
        int n = 0;
        for (String c : l.cells()) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** The header row: given as header_row (the last header row), else the first row naming the area column. */
    private static int headerIndex(SourceMapping m, List<SheetRows.Line> lines, String areaColumn) {
        int given = m.integer("header_row", 0);
        for (int i = 0; i < lines.size(); i++) {
            SheetRows.Line l = lines.get(i);
            if (given > 0) {
                if (l.number() == given) {
                    return i;
                }
                continue;
            }
            if (i > 50) {
                break;
            }
            for (String c : l.cells()) {
                if (c != null && CsvTable.normalize(c).equals(CsvTable.normalize(areaColumn))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Column keys: the texts of the header rows from top to bottom, joined by " / ". An empty
     * cell in an upper header row takes the text to its left: that is how a merged cell spanning
     * several columns (a year over its age bands) arrives.
     */
    static List<String> headerKeys(List<SheetRows.Line> lines, int lastHeader, int headerRows) {
        int width = 0;
        for (int r = Math.max(0, lastHeader - headerRows + 1); r <= lastHeader; r++) {
            width = Math.max(width, lines.get(r).cells().size());
        }
        List<List<String>> parts = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            parts.add(new ArrayList<>());
        }
        for (int r = Math.max(0, lastHeader - headerRows + 1); r <= lastHeader; r++) {
            SheetRows.Line l = lines.get(r);
            String carry = "";
            boolean upper = r < lastHeader;
            for (int c = 0; c < width; c++) {
                String t = l.cell(c).replaceAll("\\s+", " ");
                if (t.isEmpty() && upper) {
                    t = carry;
                } else {
                    carry = t;
                }
                if (!t.isEmpty()) {
                    parts.get(c).add(t);
                }
            }
        }
        List<String> keys = new ArrayList<>();
        for (List<String> p : parts) {
            keys.add(String.join(" / ", p));
        }
        return keys;
    }

    /** A column by header key (exact, then normalised) or by letter (A, B, ..., AA). */
    static int column(List<String> headers, String name) {
        if (name == null) {
            return -1;
        }
        int i = headers.indexOf(name);
        if (i >= 0) {
            return i;
        }
        String n = CsvTable.normalize(name);
        for (int c = 0; c < headers.size(); c++) {
            if (CsvTable.normalize(headers.get(c)).equals(n)) {
                return c;
            }
        }
        if (name.matches("[A-Z]{1,2}")) {
            int idx = 0;
            for (char ch : name.toCharArray()) {
                idx = idx * 26 + (ch - 'A' + 1);
            }
            return idx - 1;
        }
        return -1;
    }
}
