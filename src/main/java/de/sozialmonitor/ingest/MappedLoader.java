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
 *
 * <p>With {@code reference: true} the file holds figures of reference regions (a public regional
 * statistics table: Germany, the Länder, the counties by official code): the area column's codes
 * are taken as written, not matched against the territory, an optional {@code area: name_column:}
 * names them, and the figures go to the reference tables (docs/vergleichsregionen.md).
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
        return reference() ? "mapped-reference" : "mapped";
    }

    private boolean reference() {
        return m.node("reference").asBoolean(false);
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
        return !reference();
    }

    /** What one mapped column delivers. */
    record ColumnSpec(int index, String header, String variable, String year, Map<String, String> dims) {
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        String layout = m.text("layout", "long");
        if (!List.of("long", "wide", "crosstab").contains(layout)) {
            throw m.fail("layout", "mapping.layout", m.text("layout", ""));
        }
        CsvDialect dialect = SheetRows.isXlsx(file) ? null : dialect();
        List<SheetSpec> sheets = SheetSpec.of(m, file);
        ReferenceSink refs = reference() ? new ReferenceSink(ctx) : null;
        ObservationSink sink = refs == null ? new ObservationSink(ctx) : null;
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
                loadSheet(ctx, spec.mapping(), layout, sheet, lines, sink, refs, read);
            }
        } finally {
            ctx.report.rowsRead(read[0]);
            if (sink != null) {
                sink.close();
            }
        }
        if (refs != null) {
            ctx.report.rowsAccepted(refs.accepted());
            refs.save();
        }
        return sink;
    }

    /** The rows of one sheet (or of the CSV file) into the sink; {@code m} is the mapping with the sheet's own keys. */
    private void loadSheet(LoadContext ctx, SourceMapping m, String layout, String sheet, List<SheetRows.Line> lines,
                           ObservationSink sink, ReferenceSink refs, long[] readCount) {
        JsonNode areaSpec = m.node("area");
        String areaColumn = areaSpec.path("column").asText(null);
        if (areaColumn == null) {
            throw m.fail("area", "mapping.areaColumn");
        }
        int headerRows = m.integer("header_rows", 1);
        int headerIdx = headerIndex(m, lines, areaColumn);
        if (headerIdx >= 0 && m.integer("header_row", 0) == 0) {
            // the area column's label sits in the top header row; the header ends header_rows - 1 below
            headerIdx = Math.min(lines.size() - 1, headerIdx + headerRows - 1);
        }
        if (headerIdx < 0) {
            ctx.error("missing_column", sheet, 0, areaColumn, null, isLetter(areaColumn) ? "mapping.letterNeedsHeaderRow" : "mapping.noHeader",
                    areaColumn, firstRows(lines, ctx.texts));
            readCount[0] += lines.size();
            return;
        }
        List<String> headers = headerKeys(lines, headerIdx, headerRows);
        Columns cols = new Columns(ctx, sheet, lines, headerIdx, headerRows, headers);
        int areaCol = cols.find(areaColumn);
        AreaMatcher areas = new AreaMatcher(areaSpec, ctx.knownAreas(), m, ctx.texts);
        int levelCol = areaSpec.hasNonNull("level_column") ? cols.require(areaSpec.get("level_column").asText()) : -1;
        int parentCol = areaSpec.hasNonNull("parent_column") ? cols.require(areaSpec.get("parent_column").asText()) : -1;
        // name_column: the file's own name of each area, compared with the register's (an edition that moved a code shows here)
        int nameCol = areaSpec.hasNonNull("name_column") ? cols.require(areaSpec.get("name_column").asText()) : -1;
        Map<String, de.sozialmonitor.store.AreaRepository.KnownArea> known = ctx.knownAreas();
        String fixedYear = "title".equalsIgnoreCase(m.text("year", "").trim())
                ? titleYear(ctx, sheet, lines, headerIdx - headerRows + 1) : SheetSpec.year(m.text("year", null), sheet);
        int yearCol = m.text("year_column", null) == null ? -1 : cols.require(m.text("year_column", null));
        NumberStyle style = "point".equals(m.text("decimal", "comma")) ? NumberStyle.INTERNATIONAL : NumberStyle.GERMAN;
        MissingCodes missing = MissingCodes.of(m);
        List<ColumnSpec> specs = new ArrayList<>();
        int varCol = -1;
        int valueCol = -1;
        int groupCol = -1;
        Map<String, String> variableLabels = SourceMapping.stringMap(m.node("variables"));
        if (layout.equals("long")) {
            varCol = m.text("variable", null) != null && m.text("variable_column", null) == null ? cols.find("variable")
                    : cols.require(m.text("variable_column", "variable"));
            valueCol = cols.require(m.text("value_column", "value"));
            groupCol = m.text("target_group_column", null) == null ? -1 : cols.require(m.text("target_group_column", null));
        } else {
            JsonNode spec = m.node("columns");
            if (!spec.isObject() || spec.isEmpty()) {
                throw m.fail("columns", "mapping.columns", layout);
            }
            var it = spec.fields();
            while (it.hasNext()) {
                var e = it.next();
                int idx = cols.require(e.getKey());
                if (idx < 0) {
                    continue;
                }
                JsonNode c = e.getValue();
                String variable = c.isTextual() ? c.asText() : c.path("variable").asText(m.text("variable", null));
                String year = c.isObject() && c.has("year") ? SheetSpec.year(c.get("year").asText(), sheet) : null;
                Map<String, String> dims = new TreeMap<>();
                if (c.isObject()) {
                    c.fields().forEachRemaining(f -> {
                        if (!f.getKey().equals("variable") && !f.getKey().equals("year")) {
                            dims.put(f.getKey(), f.getValue().asText());
                        }
                    });
                }
                if (variable == null) {
                    throw m.fail("columns", "mapping.columnVariable", e.getKey());
                }
                specs.add(new ColumnSpec(idx, headers.get(idx), variable, year, dims));
            }
        }
        if (areaCol < 0) {
            cols.require(areaColumn);
        }
        if (cols.missing) {
            readCount[0] += Math.max(0, lines.size() - headerIdx - 1);
            return;
        }
        long read = 0;
        try {
            List<SheetRows.Line> data = dataRows(lines, headerIdx, headers.size());
            if (refs != null) {
                for (SheetRows.Line l : data) {
                    read++;
                    String code = l.cell(areaCol);
                    String name = nameCol < 0 ? "" : l.cell(nameCol);
                    String yearText = yearCol >= 0 ? l.cell(yearCol) : fixedYear == null ? "" : fixedYear;
                    if (layout.equals("long")) {
                        String label = varCol >= 0 ? l.cell(varCol) : m.text("variable", "");
                        String raw = l.cell(valueCol);
                        refs.accept(sheet, l.number(), code, areaColumn, name, yearText, "year", variableLabels.getOrDefault(label, label),
                                m.text("variable_column", "variable"), parse(l, valueCol, style, missing), raw, headers.get(valueCol));
                    } else {
                        for (ColumnSpec c : specs) {
                            refs.accept(sheet, l.number(), code, areaColumn, name, c.year() != null ? c.year() : yearText, "year",
                                    c.variable(), c.header(), parse(l, c.index(), style, missing), l.cell(c.index()), c.header());
                        }
                    }
                }
                return;
            }
            List<AreaMatcher.Match> matches = new ArrayList<>(data.size());
            for (SheetRows.Line l : data) {
                matches.add(areas.match(l.cell(areaCol), l.number(), levelCol < 0 ? null : l.cell(levelCol),
                        parentCol < 0 ? null : l.cell(parentCol)));
            }
            areas.resolveRows(matches);
            for (int r = 0; r < data.size(); r++) {
                SheetRows.Line l = data.get(r);
                read++;
                AreaMatcher.Match mt = matches.get(r);
                if (mt.kind() == AreaMatcher.Kind.IGNORED) {
                    continue;
                }
                if (!mt.resolved()) {
                    areas.report(ctx, sheet, l.number(), headers.get(areaCol).isEmpty() ? areaColumn : headers.get(areaCol), mt);
                    continue; // one problem per row, not one per mapped column
                }
                String code = mt.code();
                if (nameCol >= 0 && known.containsKey(code)) {
                    String named = l.cell(nameCol);
                    String registered = known.get(code).name();
                    if (named != null && !named.isBlank()
                            && !AreaMatcher.normalizeName(named).equals(AreaMatcher.normalizeName(registered))) {
                        ctx.warn("area_name_differs", sheet, l.number(), headers.get(nameCol), named, "mapping.nameDiffers",
                                code, named.trim(), registered);
                    }
                }
                String yearText = yearCol >= 0 ? l.cell(yearCol) : fixedYear == null ? "" : fixedYear;
                if (layout.equals("long")) {
                    String label = varCol >= 0 ? l.cell(varCol) : m.text("variable", "");
                    String variable = variableLabels.getOrDefault(label, label);
                    String raw = l.cell(valueCol);
                    sink.accept(sheet, l.number(), code, areaColumn, yearText, "year", variable, m.text("variable_column", "variable"),
                            groupCol < 0 ? "" : l.cell(groupCol), parse(l, valueCol, style, missing), raw, headers.get(valueCol));
                } else {
                    for (ColumnSpec c : specs) {
                        String raw = l.cell(c.index());
                        String y = c.year() != null ? c.year() : yearText;
                        sink.accept(sheet, l.number(), code, areaColumn, y, "year", c.variable(), c.header(),
                                TargetGroup.of(c.dims()).key(), parse(l, c.index(), style, missing), raw, c.header());
                    }
                }
            }
        } finally {
            readCount[0] += read;
        }
    }

    /**
     * The rows below the header that carry data: blank rows are skipped, and rows with a single
     * filled cell are footnotes when nothing follows them (trailing notes), else incomplete rows.
     */
    private static List<SheetRows.Line> dataRows(List<SheetRows.Line> lines, int headerIdx, int width) {
        List<SheetRows.Line> pending = new ArrayList<>();
        List<SheetRows.Line> data = new ArrayList<>();
        for (int i = headerIdx + 1; i < lines.size(); i++) {
            SheetRows.Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            if (filledCells(l) == 1 && width > 1) {
                pending.add(l); // a footnote if nothing follows, else an incomplete row
                continue;
            }
            data.addAll(pending);
            pending.clear();
            data.add(l);
        }
        return data;
    }

    /** The year named by the title rows above the header ({@code year: title}): "Bevölkerung am 31.12.2020". */
    private static String titleYear(LoadContext ctx, String sheet, List<SheetRows.Line> lines, int headerTop) {
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < Math.max(0, headerTop); i++) {
            lines.get(i).cells().forEach(c -> title.append(c == null ? "" : c).append(' '));
        }
        int y = Periods.yearInText(title.toString());
        if (y < 0) {
            ctx.error("bad_period", sheet, 0, null, title.toString().trim(), "mapping.noTitleYear");
            return "";
        }
        return String.valueOf(y);
    }

    /**
     * Finds the columns a mapping names in one sheet and reports each one the sheet lacks, listing
     * the columns it has (the joined texts of a multi-row header, with their letters), and saying
     * so where a different {@code header_rows} would have found it.
     */
    private final class Columns {
        final LoadContext ctx;
        final String sheet;
        final List<SheetRows.Line> lines;
        final int headerIdx;
        final int headerRows;
        final List<String> headers;
        boolean missing;

        Columns(LoadContext ctx, String sheet, List<SheetRows.Line> lines, int headerIdx, int headerRows, List<String> headers) {
            this.ctx = ctx;
            this.sheet = sheet;
            this.lines = lines;
            this.headerIdx = headerIdx;
            this.headerRows = headerRows;
            this.headers = headers;
        }

        int find(String name) {
            return column(headers, name);
        }

        /** The column's index, or -1 after reporting it missing. */
        int require(String name) {
            int idx = column(headers, name);
            if (idx >= 0) {
                return idx;
            }
            missing = true;
            String hint = "";
            for (int rows = 1; rows <= 5; rows++) {
                if (rows != headerRows) {
                    int last = Math.min(lines.size() - 1, headerIdx - headerRows + rows);
                    if (last >= rows - 1 && column(headerKeys(lines, last, rows), name) >= 0) {
                        hint = ctx.texts.get("mapping.tryHeaderRows", rows);
                        break;
                    }
                }
            }
            ctx.error("missing_column", sheet, lines.get(headerIdx).number(), name, null, "mapping.noColumnListed",
                    describeColumns(headers), headerRows, hint);
            return -1;
        }
    }

    /** "A „Stadtteil“, B „Bevölkerung / insgesamt“, ..." (empty header cells left out). */
    static String describeColumns(List<String> headers) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).isBlank()) {
                parts.add(letter(i) + " „" + headers.get(i) + "“");
            }
        }
        return String.join(", ", parts);
    }

    /** The first rows of a sheet, for a message that found no header: what the file starts with. */
    private static String firstRows(List<SheetRows.Line> lines, ImportTexts texts) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(5, lines.size()); i++) {
            List<String> cells = lines.get(i).cells().stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
            if (!cells.isEmpty()) {
                rows.add(texts.get("where.row", lines.get(i).number()) + ": " + String.join(" | ", cells));
            }
        }
        return String.join("; ", rows);
    }

    /** The spreadsheet letter of a 0-based column index: 0 = A, 26 = AA. */
    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    private static boolean isLetter(String name) {
        return name.matches("[A-Z]{1,3}");
    }

    private CsvDialect dialect() throws IOException {
        CsvDialect d = CsvDialect.detect(file);
        String enc = m.text("encoding", null);
        String sep = m.text("separator", null);
        java.nio.charset.Charset cs = enc == null ? d.charset() : java.nio.charset.Charset.forName(enc);
        char separator = sep == null ? d.separator() : ("tab".equalsIgnoreCase(sep) ? '\t' : sep.charAt(0));
        return new CsvDialect(cs, d.bomLength(), separator);
    }

    private static ParsedValue parse(SheetRows.Line l, int col, NumberStyle style, MissingCodes missing) {
        String cell = l.cell(col);
        if (missing.matches(cell, l.isNumeric(col) ? NumberStyle.INTERNATIONAL : style)) {
            return new ParsedValue(null, de.sozialmonitor.model.ValueStatus.UNKNOWN, null);
        }
        return ValueParser.parse(cell, l.isNumeric(col) ? NumberStyle.INTERNATIONAL : style);
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
     * cell in an upper header row takes the text to its left when both columns lie under the same
     * texts above it: that is how a merged cell spanning several columns (a year over its age bands)
     * arrives, while a label merged downwards ("Wanderungssaldo" over two rows) keeps its own column.
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
            List<List<String>> above = new ArrayList<>();
            parts.forEach(p -> above.add(List.copyOf(p)));
            for (int c = 0; c < width; c++) {
                String t = l.cell(c).replaceAll("\\s+", " ");
                if (t.isEmpty() && upper && c > 0 && above.get(c).equals(above.get(c - 1))) {
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

    /**
     * A column by header key (exact, then normalised) or by letter (A, B, ..., AA, ..., XFD): wherever
     * a mapping names a column, its spreadsheet letter will do.
     */
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
        if (name.matches("[A-Z]{1,3}")) {
            int idx = 0;
            for (char ch : name.toCharArray()) {
                idx = idx * 26 + (ch - 'A' + 1);
            }
            return idx - 1;
        }
        return -1;
    }
}
