package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * area × year × target group; no record leaves this class (data minimisation), memory grows with
 * the number of distinct counts, not with the rows. Rows locate themselves by area code, by an
 * address key looked up in a declared address → area file, or by coordinates (EPSG:4326),
 * assigned to an area by point-in-polygon over an STRtree.
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

    /** One target-group dimension: its column and how source values map to canonical ones. */
    record Dimension(String name, int column, List<String> bands, Map<String, String> values, List<String> canonical) {
        /** Index of the canonical value for a cell, or -1. */
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

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        CsvDialect dialect = SheetRows.isXlsx(file) ? null : CsvDialect.detect(file);
        String variable = m.text("variable", "pop_total");
        // the header: first row
        List<String>[] header = new List[1];
        Map<Long, long[]> counts = new HashMap<>();
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        List<String> areaCodes = new ArrayList<>(known.keySet());
        Map<String, Integer> areaIdx = new HashMap<>();
        for (int i = 0; i < areaCodes.size(); i++) {
            areaIdx.put(areaCodes.get(i), i);
        }
        JsonNode coords = m.node("coordinates");
        STRtree tree = null;
        GeometryFactory gf = new GeometryFactory();
        if (coords.isObject()) {
            tree = new STRtree();
            String level = coords.path("level").asText(null);
            if (level == null) {
                throw m.fail("coordinates", "mapping.coordinates.level");
            }
            GeoJsonReader reader = new GeoJsonReader(gf);
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
        }
        STRtree index = tree;
        AddressLookup lookup = null;
        if (m.node("address").isObject()) {
            lookup = AddressLookup.read(m, ctx, areaIdx);
            if (lookup == null) {
                return null;
            }
        }
        AddressLookup addresses = lookup;
        boolean[] limited = new boolean[areaCodes.size()];
        for (int i = 0; i < limited.length; i++) {
            limited[i] = ctx.validity().limited(areaCodes.get(i));
        }
        java.util.Set<Long> validityReported = new java.util.HashSet<>();
        long[] unmatched = {0};
        java.util.Set<String> unmatchedKeys = new java.util.LinkedHashSet<>();
        AreaMatcher matcher = new AreaMatcher(m.node("area"), known, m);
        String sheet = null;
        long[] read = {0};
        boolean[] headerSeen = {false};
        Object[] state = new Object[4]; // columns, dimensions, groups, address key columns, resolved from the header
        String fixedYear = m.text("year", null);
        sheet = SheetRows.forEach(file, m.text("sheet", null), dialect, line -> {
            if (!headerSeen[0]) {
                if (line.blank()) {
                    return;
                }
                headerSeen[0] = true;
                header[0] = line.cells();
                state[0] = columns(ctx, header[0], coords);
                state[1] = dimensions(ctx, header[0]);
                state[2] = groups(((List<Dimension>) state[1]));
                if (addresses != null) {
                    int[] ac = new int[addresses.extractColumns.size()];
                    for (int i = 0; i < ac.length; i++) {
                        ac[i] = MappedLoader.column(header[0], addresses.extractColumns.get(i));
                        if (!require(ctx, ac[i], addresses.extractColumns.get(i))) {
                            state[0] = null; // no row can be read
                        }
                    }
                    state[3] = ac;
                }
                return;
            }
            if (line.blank()) {
                return;
            }
            read[0]++;
            int[] cols = (int[]) state[0];
            List<Dimension> dims = (List<Dimension>) state[1];
            List<int[]> groups = (List<int[]>) state[2];
            if (cols == null) {
                return;
            }
            int area;
            String areaColumn;
            if (addresses != null) {
                int[] ac = (int[]) state[3];
                String[] parts = new String[ac.length];
                for (int i = 0; i < ac.length; i++) {
                    parts[i] = line.cell(ac[i]);
                }
                area = addresses.area(AddressLookup.key(parts));
                areaColumn = String.join("+", addresses.extractColumns);
                if (area < 0) {
                    unmatched[0]++;
                    String shown = String.join(" ", parts);
                    if (unmatched[0] <= ADDRESS_ERRORS_LISTED) {
                        ctx.error("unknown_address", null, line.number(), areaColumn, shown, "address.unknown",
                                addresses.file.getFileName().toString());
                    }
                    if (unmatchedKeys.size() < 100_000) {
                        unmatchedKeys.add(shown);
                    }
                    return;
                }
            } else if (index != null) {
                areaColumn = coords.path("x").asText();
                area = locate(index, gf, line.cell(cols[1]), line.cell(cols[2]));
                if (area < 0) {
                    // no coordinates in the report: they locate a person
                    ctx.error("outside_areas", null, line.number(), coords.path("x").asText(), null, "micro.outside");
                    return;
                }
            } else {
                AreaMatcher.Match mt = matcher.matchAlone(line.cell(cols[0]), line.number());
                Integer a = mt.resolved() ? areaIdx.get(mt.code()) : null;
                if (mt.kind() == AreaMatcher.Kind.IGNORED) {
                    return;
                }
                if (!mt.resolved()) {
                    matcher.report(ctx, null, line.number(), m.node("area").path("column").asText(), mt);
                    return;
                }
                if (a == null) {
                    ctx.error("unknown_area", null, line.number(), m.node("area").path("column").asText(), mt.code(), "area.unknown");
                    return;
                }
                area = a;
                areaColumn = m.node("area").path("column").asText();
            }
            int year = ObservationSink.parseYear(cols[3] >= 0 ? line.cell(cols[3]) : fixedYear == null ? "" : fixedYear);
            if (year < 0) {
                ctx.error("bad_period", null, line.number(), m.text("year_column", "year"), cols[3] >= 0 ? line.cell(cols[3]) : fixedYear,
                        "period.bad", ObservationSink.MIN_YEAR, ObservationSink.MAX_YEAR);
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
            int[] v = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                Dimension dim = dims.get(d);
                v[d] = dim.index(line.cell(dim.column()));
                if (v[d] < 0) {
                    ctx.error("bad_value", null, line.number(), header[0].get(dim.column()), line.cell(dim.column()), "micro.badValue", dim.name());
                    return;
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                long key = ((long) area << 40) | ((long) (year - ObservationSink.MIN_YEAR) << 30) | ((long) g << 24);
                int shift = 0;
                for (int d : groups.get(g)) {
                    key |= ((long) (v[d] + 1)) << shift;
                    shift += 6;
                }
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
            }
        });
        ctx.report.rowsRead(read[0]);
        if (unmatched[0] > ADDRESS_ERRORS_LISTED) {
            List<String> first = unmatchedKeys.stream().limit(5).toList();
            ctx.error("unknown_address", null, 0, String.join("+", addresses.extractColumns), String.join(", ", first),
                    "address.unknownTotal", unmatched[0], unmatchedKeys.size() >= 100_000 ? "100000+" : String.valueOf(unmatchedKeys.size()),
                    addresses.file.getFileName().toString(), unmatched[0] - ADDRESS_ERRORS_LISTED);
        }
        if (!headerSeen[0]) {
            ctx.fileError("empty_file", "file.noRows");
            return null;
        }
        if (ctx.report.hasErrors()) {
            return null;
        }
        List<Dimension> dims = (List<Dimension>) state[1];
        List<int[]> groups = (List<int[]>) state[2];
        ObservationSink sink = new ObservationSink(ctx, false);
        try {
            for (Map.Entry<Long, long[]> e : new TreeMap<>(counts).entrySet()) {
                long key = e.getKey();
                int area = (int) (key >>> 40);
                int year = (int) ((key >>> 30) & 0x3FF) + ObservationSink.MIN_YEAR;
                int g = (int) ((key >>> 24) & 0x3F);
                Map<String, String> tg = new TreeMap<>();
                int shift = 0;
                for (int d : groups.get(g)) {
                    int vi = (int) ((key >>> shift) & 0x3F) - 1;
                    tg.put(dims.get(d).name(), dims.get(d).canonical().get(vi));
                    shift += 6;
                }
                sink.accept(sheet, 0, areaCodes.get(area), "area", String.valueOf(year), "year", variable, "variable",
                        de.sozialmonitor.model.TargetGroup.of(tg).key(), ParsedValue.of(e.getValue()[0]), String.valueOf(e.getValue()[0]), "count");
            }
        } finally {
            sink.close();
        }
        return sink;
    }

    private int locate(STRtree tree, GeometryFactory gf, String x, String y) {
        double lon;
        double lat;
        try {
            lon = Double.parseDouble(x.replace(',', '.'));
            lat = Double.parseDouble(y.replace(',', '.'));
        } catch (NumberFormatException e) {
            return -1;
        }
        Point p = gf.createPoint(new Coordinate(lon, lat));
        for (Object o : tree.query(p.getEnvelopeInternal())) {
            @SuppressWarnings("unchecked")
            Map.Entry<Integer, PreparedGeometry> e = (Map.Entry<Integer, PreparedGeometry>) o;
            if (e.getValue().covers(p)) {
                return e.getKey();
            }
        }
        return -1;
    }

    /** Column indexes: area, x, y, year (-1 where not used); null after reporting a missing column. */
    private int[] columns(LoadContext ctx, List<String> header, JsonNode coords) {
        int[] c = {-1, -1, -1, -1};
        boolean ok = true;
        if (m.node("address").isObject()) {
            // the address key columns are resolved in load()
        } else if (coords.isObject()) {
            c[1] = MappedLoader.column(header, coords.path("x").asText("lon"));
            c[2] = MappedLoader.column(header, coords.path("y").asText("lat"));
            ok &= require(ctx, c[1], coords.path("x").asText("lon"));
            ok &= require(ctx, c[2], coords.path("y").asText("lat"));
        } else {
            String areaCol = m.node("area").path("column").asText(null);
            if (areaCol == null) {
                throw m.fail("area", "mapping.micro.locate");
            }
            c[0] = MappedLoader.column(header, areaCol);
            ok &= require(ctx, c[0], areaCol);
        }
        String yc = m.text("year_column", null);
        if (yc != null) {
            c[3] = MappedLoader.column(header, yc);
            ok &= require(ctx, c[3], yc);
        } else if (m.text("year", null) == null) {
            throw m.fail("year", "mapping.micro.year");
        }
        return ok ? c : null;
    }

    private boolean require(LoadContext ctx, int idx, String name) {
        if (idx < 0) {
            ctx.error("missing_column", null, 1, name, null, "mapping.noColumn");
            return false;
        }
        return true;
    }

    private List<Dimension> dimensions(LoadContext ctx, List<String> header) {
        List<Dimension> dims = new ArrayList<>();
        JsonNode spec = m.node("dimensions");
        var it = spec.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode d = e.getValue();
            int col = MappedLoader.column(header, d.path("column").asText(e.getKey()));
            if (col < 0) {
                ctx.error("missing_column", null, 1, d.path("column").asText(e.getKey()), null, "mapping.noColumn");
                continue;
            }
            if (d.has("bands")) {
                List<String> bands = new ArrayList<>();
                d.get("bands").forEach(b -> bands.add(b.asText()));
                for (String b : bands) {
                    if (!b.matches("\\d+-\\d+|\\d+\\+")) {
                        throw m.fail("dimensions", "mapping.band", b);
                    }
                }
                dims.add(new Dimension(e.getKey(), col, bands, null, bands));
            } else {
                Map<String, String> values = new LinkedHashMap<>(SourceMapping.stringMap(d.path("values")));
                List<String> canonical = values.values().stream().distinct().toList();
                dims.add(new Dimension(e.getKey(), col, null, values, canonical));
            }
        }
        if (dims.size() > 4) {
            throw m.fail("dimensions", "mapping.dimensions.max");
        }
        return dims;
    }

    /** Which combinations to count: groups: [[], [sex], [age, sex]]; default the total and each dimension alone. */
    private List<int[]> groups(List<Dimension> dims) {
        List<String> names = dims.stream().map(Dimension::name).toList();
        List<int[]> groups = new ArrayList<>();
        JsonNode spec = m.node("groups");
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
        if (groups.size() > 63) {
            throw m.fail("groups", "mapping.groups.max");
        }
        return groups;
    }
}
