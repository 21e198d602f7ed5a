package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * A register extract (one row per person or case) aggregated while it streams into counts per
 * area × year × variable × target group; no record leaves this class (data minimisation), memory
 * grows with the number of distinct counts, not with the rows. Rows locate themselves by area code,
 * by an address key looked up in a declared address → area file, or by coordinates (EPSG:4326),
 * assigned to an area by point-in-polygon over an STRtree, with a stable rule for points on a
 * boundary ({@link #locate}).
 *
 * <p>One extract gives many variables at once: {@code derive:} computes values from the row (the age
 * in whole years from a birth date on the reference date), {@code variables:} names each variable
 * with the rows it counts ({@link RowFilter}: {@code sgb2 = 1 and age < 65}) and its target groups,
 * built from {@code dimensions:} (bands of an age, values of a column mapped to canonical ones). The
 * older form, one {@code variable:} counting every row, is the same with one variable.
 */
final class MicrodataLoader implements Loader {
    private final Path file;
    private final SourceMapping m;

    MicrodataLoader(Path file, SourceMapping m) {
        this.file = file;
        this.m = m;
    }

    @Override
    public String format() {
        return "microdata";
    }

    /** Rows with an unknown address key that are reported one by one; the rest are summed up. */
    static final int ADDRESS_ERRORS_LISTED = 10;
    /** Rows with an unreadable value of a field that are reported one by one; the rest are counted. */
    static final int VALUE_ERRORS_LISTED = 20;
    /**
     * The step by which a point on a shared boundary is moved to decide its area: 1e-9 degrees,
     * about 0.1 mm, far below any surveyed boundary's precision and far above double rounding.
     */
    static final double BOUNDARY_STEP = 1e-9;

    // bits of a count's key: area | year | variable | group | dimension values (4 x 4 bits)
    private static final int DIM_BITS = 4;
    private static final int MAX_DIMS = 4;
    private static final int GROUP_BITS = 6;
    private static final int VAR_BITS = 7;
    private static final int YEAR_BITS = 9;
    private static final int GROUP_SHIFT = DIM_BITS * MAX_DIMS;
    private static final int VAR_SHIFT = GROUP_SHIFT + GROUP_BITS;
    private static final int YEAR_SHIFT = VAR_SHIFT + VAR_BITS;
    private static final int AREA_SHIFT = YEAR_SHIFT + YEAR_BITS;

    /** The mapping's version, and the lookup's when rows locate themselves by address key. */
    @Override
    public String mappingVersion() {
        if (!m.node("address").isObject() || !m.node("address").hasNonNull("lookup")) {
            return m.version;
        }
        String v = m.version + "+" + AddressLookup.version(AddressLookup.fileOf(m));
        return v.length() <= 200 ? v : v.substring(0, 200);
    }

    @Override
    public String source() {
        return m.sourceName();
    }

    @Override
    public boolean observations() {
        return true;
    }

    /** One target-group dimension: where its value comes from and how source values map to canonical ones. */
    record Dimension(String name, int column, String from, List<String> bands, Map<String, String> values, List<String> canonical) {
        /** Index of the canonical value for a cell (or derived value), or -1. */
        int index(String cell) {
            String t = cell.trim();
            if (bands != null) {
                int age;
                try {
                    age = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    return -1;
                }
                for (int i = 0; i < bands.size(); i++) {
                    String b = bands.get(i);
                    if (b.endsWith("+") ? age >= Integer.parseInt(b.substring(0, b.length() - 1))
                            : age >= Integer.parseInt(b.substring(0, b.indexOf('-'))) && age <= Integer.parseInt(b.substring(b.indexOf('-') + 1))) {
                        return i;
                    }
                }
                return -1;
            }
            String v = values.containsKey(t) ? values.get(t) : values.get("*");
            return v == null ? -1 : canonical.indexOf(v);
        }
    }

    /** A variable the extract gives: the rows it counts and the target groups it is counted for. */
    private record Counted(String name, RowFilter.Predicate filter, List<int[]> groups) {
    }

    /** What the header decides: the columns of locating, year, derivations, dimensions and filters. */
    private final class Layout {
        final List<String> header;
        int areaCol = -1;
        int xCol = -1;
        int yCol = -1;
        int yearCol = -1;
        int[] addressCols;
        /** Derived age: the birth-date column, or -1. */
        int birthCol = -1;
        String ageName;
        final List<Dimension> dims = new ArrayList<>();
        final List<Counted> variables = new ArrayList<>();
        /** Slots of the row values filters read: columns first, then derived values, then dimensions. */
        final Map<String, Integer> slotOf = new LinkedHashMap<>();
        final List<Integer> slotColumn = new ArrayList<>();
        boolean usable = true;

        Layout(LoadContext ctx, List<String> header, JsonNode coords, AddressLookup addresses) {
            this.header = header;
            if (addresses != null) {
                addressCols = new int[addresses.extractColumns.size()];
                for (int i = 0; i < addressCols.length; i++) {
                    addressCols[i] = require(ctx, header, addresses.extractColumns.get(i));
                }
            } else if (coords.isObject()) {
                xCol = require(ctx, header, coords.path("x").asText("lon"));
                yCol = require(ctx, header, coords.path("y").asText("lat"));
            } else {
                String areaCol = m.node("area").path("column").asText(null);
                if (areaCol == null) {
                    throw m.fail("area", "mapping.micro.locate");
                }
                this.areaCol = require(ctx, header, areaCol);
            }
            String yc = m.text("year_column", null);
            if (yc != null) {
                yearCol = require(ctx, header, yc);
            } else if (m.text("year", null) == null) {
                throw m.fail("year", "mapping.micro.year");
            }
            derivations(ctx);
            dimensions(ctx);
            variables(ctx);
        }

        private void derivations(LoadContext ctx) {
            var it = m.node("derive").fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode d = e.getValue();
                if (!d.hasNonNull("birth_date")) {
                    throw m.fail("derive", "mapping.derive.kind", e.getKey());
                }
                if (ageName != null) {
                    throw m.fail("derive", "mapping.derive.one");
                }
                ageName = e.getKey();
                birthCol = require(ctx, header, d.get("birth_date").asText());
            }
        }

        private void dimensions(LoadContext ctx) {
            var it = m.node("dimensions").fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode d = e.getValue();
                String from = d.path("from").asText(null);
                int col = -1;
                if (from != null) {
                    if (!from.equals(ageName)) {
                        throw m.fail("dimensions", "mapping.dimension.from", e.getKey(), from);
                    }
                } else {
                    col = require(ctx, header, d.path("column").asText(e.getKey()));
                    if (col < 0) {
                        continue;
                    }
                }
                if (d.has("bands")) {
                    List<String> bands = new ArrayList<>();
                    d.get("bands").forEach(b -> bands.add(b.asText()));
                    for (String b : bands) {
                        if (!b.matches("\\d+-\\d+|\\d+\\+")) {
                            throw m.fail("dimensions", "mapping.band", b);
                        }
                    }
                    dims.add(new Dimension(e.getKey(), col, from, bands, null, bands));
                } else {
                    Map<String, String> values = new LinkedHashMap<>(SourceMapping.stringMap(d.path("values")));
                    List<String> canonical = values.values().stream().distinct().toList();
                    dims.add(new Dimension(e.getKey(), col, from, null, values, canonical));
                }
                if (dims.get(dims.size() - 1).canonical().size() >= (1 << DIM_BITS)) {
                    throw m.fail("dimensions", "mapping.dimension.values", e.getKey(), (1 << DIM_BITS) - 1);
                }
            }
            if (dims.size() > MAX_DIMS) {
                throw m.fail("dimensions", "mapping.dimensions.max");
            }
        }

        /** {@code variables:} (each with a filter and groups), or the older single {@code variable:} counting every row. */
        private void variables(LoadContext ctx) {
            JsonNode spec = m.node("variables");
            List<int[]> defaultGroups = groups(m.node("groups"));
            if (!spec.isObject()) {
                variables.add(new Counted(m.text("variable", "pop_total"), RowFilter.ALWAYS, defaultGroups));
                return;
            }
            var it = spec.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode v = e.getValue();
                String where = v.isTextual() ? v.asText() : v.path("where").asText(null);
                RowFilter.Predicate filter;
                try {
                    filter = RowFilter.compile(where, name -> slot(name));
                } catch (RowFilter.UnknownNameException ex) {
                    throw m.fail("variables", "mapping.filter.name", e.getKey(), ex.name, String.join(", ", names()));
                } catch (RowFilter.SyntaxException ex) {
                    throw m.fail("variables", "mapping.filter.syntax", e.getKey(), ex.getMessage());
                }
                List<int[]> groups = v.isObject() && v.has("groups") ? groups(v.get("groups")) : defaultGroups;
                variables.add(new Counted(e.getKey(), filter, groups));
            }
            if (variables.size() >= (1 << VAR_BITS)) {
                throw m.fail("variables", "mapping.variables.max", (1 << VAR_BITS) - 1);
            }
        }

        /** Which combinations to count: [[], [sex], [age, sex]]; default the total and each dimension alone. */
        private List<int[]> groups(JsonNode spec) {
            List<String> names = dims.stream().map(Dimension::name).toList();
            List<int[]> groups = new ArrayList<>();
            if (spec.isArray()) {
                for (JsonNode g : spec) {
                    List<Integer> idx = new ArrayList<>();
                    for (JsonNode n : g) {
                        int i = names.indexOf(n.asText());
                        if (i < 0) {
                            throw m.fail("groups", "mapping.groups.dimension", n.asText());
                        }
                        idx.add(i);
                    }
                    groups.add(idx.stream().mapToInt(Integer::intValue).toArray());
                }
            } else {
                groups.add(new int[0]);
                for (int i = 0; i < dims.size(); i++) {
                    groups.add(new int[] {i});
                }
            }
            if (groups.size() >= (1 << GROUP_BITS)) {
                throw m.fail("groups", "mapping.groups.max");
            }
            return groups;
        }

        /**
         * The slot of a name a filter uses: a derived value, a dimension (its canonical value), a
         * name of {@code fields:}, or a column of the extract by its header; -1 if none.
         */
        int slot(String name) {
            Integer known = slotOf.get(name);
            if (known != null) {
                return known;
            }
            int col;
            if (name.equals(ageName)) {
                col = -2;
            } else if (dims.stream().anyMatch(d -> d.name().equals(name))) {
                col = -3 - dims.stream().map(Dimension::name).toList().indexOf(name);
            } else {
                String aliased = m.node("fields").path(name).asText(null);
                col = MappedLoader.column(header, aliased != null ? aliased : name);
                if (col < 0) {
                    return -1;
                }
            }
            int slot = slotColumn.size();
            slotColumn.add(col);
            slotOf.put(name, slot);
            return slot;
        }

        /** Every name a filter may use, for the message when it uses another. */
        List<String> names() {
            Set<String> n = new LinkedHashSet<>();
            if (ageName != null) {
                n.add(ageName);
            }
            dims.forEach(d -> n.add(d.name()));
            m.node("fields").fieldNames().forEachRemaining(n::add);
            header.stream().filter(h -> h != null && !h.isBlank()).forEach(n::add);
            return List.copyOf(n);
        }

        private int require(LoadContext ctx, List<String> header, String name) {
            int idx = MappedLoader.column(header, name);
            if (idx < 0) {
                ctx.error("missing_column", null, 1, name, null, "mapping.noColumnListed", MappedLoader.describeColumns(header), 1, "");
                usable = false;
            }
            return idx;
        }
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        CsvDialect dialect = SheetRows.isXlsx(file) ? null : CsvDialect.detect(file);
        Map<Long, long[]> counts = new HashMap<>();
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        List<String> areaCodes = new ArrayList<>(known.keySet());
        Map<String, Integer> areaIdx = new HashMap<>();
        for (int i = 0; i < areaCodes.size(); i++) {
            areaIdx.put(areaCodes.get(i), i);
        }
        if (areaCodes.size() >= (1 << (63 - AREA_SHIFT))) {
            throw new IllegalStateException("too many areas for one register extract");
        }
        JsonNode coords = m.node("coordinates");
        STRtree index = coords.isObject() ? areaIndex(ctx, coords, areaIdx) : null;
        if (coords.isObject() && index == null) {
            return null;
        }
        AddressLookup addresses = null;
        if (m.node("address").isObject()) {
            addresses = AddressLookup.read(m, ctx, areaIdx);
            if (addresses == null) {
                return null;
            }
        }
        boolean[] limited = new boolean[areaCodes.size()];
        for (int i = 0; i < limited.length; i++) {
            limited[i] = ctx.validity().limited(areaCodes.get(i));
        }
        Set<Long> validityReported = new HashSet<>();
        long[] unmatched = {0};
        long[] badValues = {0};
        Set<String> unmatchedKeys = new LinkedHashSet<>();
        AreaMatcher matcher = new AreaMatcher(m.node("area"), known, m, ctx.texts);
        long[] read = {0};
        Layout[] layout = {null};
        String fixedYear = m.text("year", null);
        LocalDate fixedReference = referenceDate();
        GeometryFactory gf = new GeometryFactory();
        AddressLookup lookup = addresses;
        String sheet = SheetRows.forEach(file, m.text("sheet", null), dialect, line -> {
            if (layout[0] == null) {
                if (!line.blank()) {
                    layout[0] = new Layout(ctx, line.cells(), coords, lookup);
                }
                return;
            }
            if (line.blank()) {
                return;
            }
            read[0]++;
            Layout l = layout[0];
            if (!l.usable) {
                return;
            }
            int area;
            String areaColumn;
            if (lookup != null) {
                String[] parts = new String[l.addressCols.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = line.cell(l.addressCols[i]);
                }
                area = lookup.area(AddressLookup.key(parts));
                areaColumn = String.join("+", lookup.extractColumns);
                if (area < 0) {
                    unmatched[0]++;
                    String shown = String.join(" ", parts);
                    if (unmatched[0] <= ADDRESS_ERRORS_LISTED) {
                        ctx.error("unknown_address", null, line.number(), areaColumn, shown, "address.unknown", lookup.file.getFileName().toString());
                    }
                    if (unmatchedKeys.size() < 100_000) {
                        unmatchedKeys.add(shown);
                    }
                    return;
                }
            } else if (index != null) {
                areaColumn = coords.path("x").asText();
                area = locate(index, gf, line.cell(l.xCol), line.cell(l.yCol), areaCodes);
                if (area < 0) {
                    // no coordinates in the report: they locate a person
                    ctx.error("outside_areas", null, line.number(), coords.path("x").asText(), null, "micro.outside");
                    return;
                }
            } else {
                areaColumn = m.node("area").path("column").asText();
                AreaMatcher.Match mt = matcher.matchAlone(line.cell(l.areaCol), line.number());
                if (mt.kind() == AreaMatcher.Kind.IGNORED) {
                    return;
                }
                if (!mt.resolved()) {
                    matcher.report(ctx, null, line.number(), areaColumn, mt);
                    return;
                }
                Integer a = areaIdx.get(mt.code());
                if (a == null) {
                    ctx.error("unknown_area", null, line.number(), areaColumn, mt.code(), "area.unknown");
                    return;
                }
                area = a;
            }
            String yearText = l.yearCol >= 0 ? line.cell(l.yearCol) : fixedYear == null ? "" : fixedYear;
            int year = ObservationSink.parseYear(yearText);
            if (year < 0) {
                ctx.error("bad_period", null, line.number(), m.text("year_column", "year"), yearText, "period.bad",
                        ObservationSink.MIN_YEAR, ObservationSink.MAX_YEAR);
                return;
            }
            if (limited[area] && validityReported.add(((long) area << 16) | year)) {
                // reported once per area and year: thousands of persons share the same cause
                if (!ctx.checkValidity(null, line.number(), areaColumn, areaCodes.get(area), year)) {
                    return;
                }
            } else if (limited[area] && ctx.validity().of(areaCodes.get(area), year) == AreaValidity.Verdict.NOT_IN_YEAR) {
                return;
            }
            String age = null;
            if (l.birthCol >= 0) {
                LocalDate reference = fixedReference != null ? fixedReference : LocalDate.of(year, 12, 31);
                LocalDate born = Dates.parse(line.cell(l.birthCol));
                if (born == null || born.isAfter(reference)) {
                    if (++badValues[0] <= VALUE_ERRORS_LISTED) {
                        // the birth date itself is not shown: it identifies a person
                        ctx.error("bad_value", null, line.number(), l.header.get(l.birthCol), null,
                                born == null ? "micro.badBirthDate" : "micro.bornAfterReference", reference.toString());
                    }
                    return;
                }
                age = String.valueOf(Period.between(born, reference).getYears());
            }
            int[] v = new int[l.dims.size()];
            for (int d = 0; d < l.dims.size(); d++) {
                Dimension dim = l.dims.get(d);
                String cell = dim.from() != null ? age : line.cell(dim.column());
                v[d] = dim.index(cell);
                if (v[d] < 0) {
                    if (++badValues[0] <= VALUE_ERRORS_LISTED) {
                        ctx.error("bad_value", null, line.number(), dim.from() != null ? dim.from() : l.header.get(dim.column()),
                                dim.from() != null ? null : cell, "micro.badValue", dim.name());
                    }
                    return;
                }
            }
            String derivedAge = age;
            RowFilter.Fields fields = slot -> {
                int col = l.slotColumn.get(slot);
                if (col >= 0) {
                    return line.cell(col);
                }
                if (col == -2) {
                    return derivedAge;
                }
                int d = -3 - col;
                return l.dims.get(d).canonical().get(v[d]);
            };
            long base = ((long) area << AREA_SHIFT) | ((long) (year - ObservationSink.MIN_YEAR) << YEAR_SHIFT);
            for (int vi = 0; vi < l.variables.size(); vi++) {
                Counted c = l.variables.get(vi);
                if (!c.filter().test(fields)) {
                    continue;
                }
                for (int g = 0; g < c.groups().size(); g++) {
                    long key = base | ((long) vi << VAR_SHIFT) | ((long) g << GROUP_SHIFT);
                    int shift = 0;
                    for (int d : c.groups().get(g)) {
                        key |= ((long) (v[d] + 1)) << shift;
                        shift += DIM_BITS;
                    }
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                }
            }
        });
        ctx.report.rowsRead(read[0]);
        if (unmatched[0] > ADDRESS_ERRORS_LISTED) {
            List<String> first = unmatchedKeys.stream().limit(5).toList();
            ctx.error("unknown_address", null, 0, String.join("+", lookup.extractColumns), String.join(", ", first),
                    "address.unknownTotal", unmatched[0], unmatchedKeys.size() >= 100_000 ? "100000+" : String.valueOf(unmatchedKeys.size()),
                    lookup.file.getFileName().toString(), unmatched[0] - ADDRESS_ERRORS_LISTED);
        }
        if (badValues[0] > VALUE_ERRORS_LISTED) {
            ctx.fileError("bad_value", "micro.badValuesTotal", badValues[0], badValues[0] - VALUE_ERRORS_LISTED);
        }
        if (layout[0] == null) {
            ctx.fileError("empty_file", "file.noRows");
            return null;
        }
        if (ctx.report.hasErrors()) {
            return null;
        }
        Layout l = layout[0];
        ObservationSink sink = new ObservationSink(ctx, false);
        try {
            for (Map.Entry<Long, long[]> e : new TreeMap<>(counts).entrySet()) {
                long key = e.getKey();
                int area = (int) (key >>> AREA_SHIFT);
                int year = (int) ((key >>> YEAR_SHIFT) & ((1 << YEAR_BITS) - 1)) + ObservationSink.MIN_YEAR;
                Counted c = l.variables.get((int) ((key >>> VAR_SHIFT) & ((1 << VAR_BITS) - 1)));
                int g = (int) ((key >>> GROUP_SHIFT) & ((1 << GROUP_BITS) - 1));
                Map<String, String> tg = new TreeMap<>();
                int shift = 0;
                for (int d : c.groups().get(g)) {
                    int vi = (int) ((key >>> shift) & ((1 << DIM_BITS) - 1)) - 1;
                    tg.put(l.dims.get(d).name(), l.dims.get(d).canonical().get(vi));
                    shift += DIM_BITS;
                }
                sink.accept(sheet, 0, areaCodes.get(area), "area", String.valueOf(year), "year", c.name(), "variable",
                        TargetGroup.of(tg).key(), ParsedValue.of(e.getValue()[0]), String.valueOf(e.getValue()[0]), "count");
            }
        } finally {
            sink.close();
        }
        return sink;
    }

    /** {@code reference_date:} of the mapping, or null: then 31 December of each row's year. */
    private LocalDate referenceDate() {
        String r = m.text("reference_date", null);
        if (r == null) {
            return null;
        }
        LocalDate d = Dates.parse(r);
        if (d == null || r.trim().matches("\\d{4}")) {
            throw m.fail("reference_date", "mapping.referenceDate", r);
        }
        return d;
    }

    /** The geometries of the level the points are assigned to, in an STRtree; null after reporting that there are none. */
    private STRtree areaIndex(LoadContext ctx, JsonNode coords, Map<String, Integer> areaIdx) {
        String level = coords.path("level").asText(null);
        if (level == null) {
            throw m.fail("coordinates", "mapping.coordinates.level");
        }
        STRtree tree = new STRtree();
        GeoJsonReader reader = new GeoJsonReader(new GeometryFactory());
        for (Map.Entry<String, String> e : AreaRepository.geometries(ctx.handle, level).entrySet()) {
            try {
                Geometry g = reader.read(e.getValue());
                tree.insert(g.getEnvelopeInternal(), Map.entry(areaIdx.get(e.getKey()), PreparedGeometryFactory.prepare(g)));
            } catch (ParseException ex) {
                ctx.fileError("bad_geometry", "geojson.badGeometry", e.getKey());
            }
        }
        if (tree.size() == 0) {
            ctx.fileError("no_geometries", "micro.noGeometries", level);
            return null;
        }
        tree.build();
        return tree;
    }

    /**
     * The area of a point: the one area whose polygon covers it. A point on a boundary shared by
     * several areas belongs to the area that contains the point moved a tiny step north-east
     * ({@link #BOUNDARY_STEP}) — the half-open convention of grid cells, where a cell owns its west
     * and south edges: on a north-south boundary the point goes east, on an east-west boundary north,
     * on a corner to the area north-east of it. If no area contains the moved point (the point lies
     * on the territory's outer edge), the area with the smallest code among those that cover it. The
     * rule depends only on the geometries, never on the order of the spatial index.
     */
    static int locate(STRtree tree, GeometryFactory gf, String x, String y, List<String> codes) {
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(x.replace(',', '.'));
            lat = Double.parseDouble(y.replace(',', '.'));
        } catch (NumberFormatException e) {
            return -1;
        }
        Point p = gf.createPoint(new Coordinate(lon, lat));
        List<Map.Entry<Integer, PreparedGeometry>> covering = new ArrayList<>();
        for (Object o : tree.query(p.getEnvelopeInternal())) {
            @SuppressWarnings("unchecked")
            Map.Entry<Integer, PreparedGeometry> e = (Map.Entry<Integer, PreparedGeometry>) o;
            if (e.getValue().covers(p)) {
                covering.add(e);
            }
        }
        if (covering.size() == 1) {
            return covering.get(0).getKey();
        }
        if (covering.isEmpty()) {
            return -1;
        }
        Point moved = gf.createPoint(new Coordinate(lon + BOUNDARY_STEP, lat + BOUNDARY_STEP));
        int best = -1;
        for (Map.Entry<Integer, PreparedGeometry> e : covering) {
            if (e.getValue().contains(moved) && (best < 0 || codes.get(e.getKey()).compareTo(codes.get(best)) < 0)) {
                best = e.getKey();
            }
        }
        if (best >= 0) {
            return best;
        }
        for (Map.Entry<Integer, PreparedGeometry> e : covering) {
            if (best < 0 || codes.get(e.getKey()).compareTo(codes.get(best)) < 0) {
                best = e.getKey();
            }
        }
        return best;
    }
}
