package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * A GeoJSON FeatureCollection of area geometries in EPSG:4326. Each feature names its area by a
 * {@code code} property (or the property the mapping names); geometries are attached to known
 * areas, and features that also carry name, level and parent create their area. Coordinates that
 * are not degrees (a file still in EPSG:25832) are rejected with a pointer to docs/import.md.
 */
final class GeoJsonLoader implements Loader {
    /** Properties looked for, in order, when no mapping names them. */
    record Properties(List<String> code, List<String> name, List<String> level, List<String> parent, List<String> validFrom) {
        static final Properties DEFAULT = new Properties(List.of("code", "area_code", "AGS", "ARS", "ags", "ars"),
                List.of("name", "GEN", "NAME"), List.of("level", "ebene"), List.of("parent", "parent_code"),
                List.of("valid_from"));
    }

    /** Degrees of tolerance around the territory (about 1 km) before a geometry counts as outside. */
    static final double TERRITORY_TOLERANCE = 0.01;

    private final Path file;
    private final Properties props;
    /** The delivery's mapping ({@code layout: geojson}), or null for a file read by its standard properties. */
    private final GeoJsonMapping mapping;

    GeoJsonLoader(Path file, Properties props) {
        this.file = file;
        this.props = props;
        this.mapping = null;
    }

    GeoJsonLoader(Path file, GeoJsonMapping mapping) {
        this.file = file;
        this.props = mapping.properties();
        this.mapping = mapping;
    }

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public String mappingVersion() {
        return mapping == null ? null : mapping.source().version;
    }

    @Override
    public String source() {
        return mapping == null ? null : mapping.source().sourceName();
    }

    @Override
    public boolean observations() {
        return false;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            ctx.fileError("bad_json", "geojson.badJson", oneLine(e.getMessage()));
            return null;
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            ctx.fileError("bad_geojson", "geojson.notCollection");
            return null;
        }
        String crs = root.path("crs").path("properties").path("name").asText("");
        if (!crs.isEmpty() && !(crs.contains("4326") || crs.contains("CRS84"))) {
            ctx.fileError("wrong_crs", "geojson.crs", crs);
            return null;
        }
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        Map<String, Integer> levels = new HashMap<>(AreaRepository.levels(ctx.handle));
        GeoJsonReader reader = new GeoJsonReader();
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        String territory = ctx.ws.config().territoryCode();
        PreparedGeometry territoryShape = null;
        Envelope territoryEnvelope = null;
        String tGeo = AreaRepository.geometry(ctx.handle, territory);
        if (tGeo != null) {
            try {
                Geometry t = reader.read(tGeo);
                territoryEnvelope = t.getEnvelopeInternal();
                territoryEnvelope.expandBy(TERRITORY_TOLERANCE);
                territoryShape = PreparedGeometryFactory.prepare(t.buffer(TERRITORY_TOLERANCE));
            } catch (ParseException e) {
                // a broken stored territory is no reason to reject this file
            }
        }
        // features by the area (code and version) they give their geometry to; more than one only where decisions unite them
        record Item(long row, String code, LocalDate validFrom, Geometry geometry) {
        }
        Map<String, List<Item>> items = new LinkedHashMap<>();
        Map<Integer, GeoJsonMapping.Decision> decisions = mapping == null ? Map.of() : mapping.decisions();
        List<Area> created = new ArrayList<>();
        Map<String, Integer> createdDepth = new LinkedHashMap<>();
        long row = 0;
        for (JsonNode f : root.path("features")) {
            row++;
            JsonNode p = f.path("properties");
            String code = first(p, props.code());
            if (code.isEmpty()) {
                ctx.error("missing_value", null, row, props.code().get(0), null, "geojson.noCode", props.code().get(0));
                continue;
            }
            GeoJsonMapping.Decision decision = decisions.get((int) row);
            if (decision != null) {
                if (!decision.code().equals(code)) {
                    ctx.error("mapping_stale", null, row, props.code().get(0), code, "geojson.decisionStale", row, decision.code(),
                            mapping.source().file.getFileName());
                    continue;
                }
                ctx.warn("mapping_decision", null, row, props.code().get(0), code, "geojson.decision", code, decision.target(),
                        decision.name() == null ? first(p, props.name()) : decision.name(), decision.reason());
                code = decision.target();
            }
            Geometry g;
            try {
                g = reader.read(f.path("geometry").toString());
            } catch (ParseException | RuntimeException e) {
                ctx.error("bad_geometry", null, row, "geometry", code, "geojson.badGeometry", oneLine(e.getMessage()));
                continue;
            }
            if (!(g.getGeometryType().equals("Polygon") || g.getGeometryType().equals("MultiPolygon"))) {
                ctx.error("bad_geometry", null, row, "geometry", code, "geojson.notPolygon", g.getGeometryType());
                continue;
            }
            Envelope e = g.getEnvelopeInternal();
            if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90) {
                ctx.error("wrong_crs", null, row, "geometry", code, "geojson.notDegrees");
                continue;
            }
            IsValidOp valid = new IsValidOp(g);
            if (!valid.isValid()) {
                ctx.error("invalid_geometry", null, row, "geometry", code, "geojson.invalid", valid.getValidationError().toString());
                continue;
            }
            if (territoryShape != null && !code.equals(territory)) {
                if (!territoryEnvelope.intersects(e)) {
                    ctx.error("outside_territory", null, row, "geometry", code, "geojson.outside", territory);
                    continue;
                } else if (!territoryShape.covers(g)) {
                    ctx.warn("outside_territory", null, row, "geometry", code, "geojson.partlyOutside", territory);
                }
            }
            LocalDate from = null;
            String fromText = first(p, props.validFrom());
            if (!fromText.isEmpty()) {
                from = Dates.parse(fromText);
                if (from == null) {
                    ctx.error("bad_date", null, row, props.validFrom().get(0), fromText, "date.bad");
                    continue;
                }
            }
            String version = code + "|" + from;
            List<Item> same = items.get(version);
            if (same != null) {
                // one area, two features: only a decision about each of them may unite them
                boolean decided = decision != null && same.stream().allMatch(it -> decisions.containsKey((int) it.row()));
                if (!decided) {
                    Item other = same.get(0);
                    ctx.error("duplicate_code", null, row, props.code().get(0), code, "geojson.duplicateCode", code, other.row(),
                            Math.round(distanceKm(other.geometry(), g) * 10) / 10.0);
                    continue;
                }
                same.add(new Item(row, code, from, g));
                continue;
            }
            if (!known.containsKey(code) && !createdDepth.containsKey(code)) {
                String name = decision != null && decision.name() != null ? decision.name() : first(p, props.name());
                String level = mapping != null && mapping.level() != null ? mapping.level() : first(p, props.level());
                String parent = mapping != null && mapping.parentDigits() > 0
                        ? (code.length() > mapping.parentDigits() ? code.substring(0, mapping.parentDigits()) : "")
                        : first(p, props.parent());
                if (name.isEmpty() || level.isEmpty()) {
                    ctx.error("unknown_area", null, row, props.code().get(0), code, "geojson.unknownArea");
                    continue;
                }
                Integer depth;
                if (parent.isEmpty()) {
                    depth = 0;
                } else if (createdDepth.containsKey(parent)) {
                    depth = createdDepth.get(parent) + 1;
                } else if (known.containsKey(parent)) {
                    Integer pd = levels.get(known.get(parent).level());
                    depth = pd == null ? null : pd + 1;
                } else {
                    depth = null;
                }
                if (depth == null) {
                    ctx.error("unknown_parent", null, row, props.parent().get(0), parent, "area.unknownParent");
                    continue;
                }
                Integer had = levels.putIfAbsent(level, depth);
                if (had != null && !had.equals(depth)) {
                    ctx.error("level_depth", null, row, props.level().get(0), level, "level.dbDepth", had, depth);
                    continue;
                }
                createdDepth.put(code, depth);
                created.add(new Area(code, name, level, parent.isEmpty() ? null : parent, from, null));
            }
            items.put(version, new ArrayList<>(List.of(new Item(row, code, from, g))));
        }
        for (GeoJsonMapping.Decision d : decisions.values()) {
            if (d.feature() > row) {
                ctx.error("mapping_stale", null, 0, null, d.code(), "geojson.decisionNoFeature", d.feature(), row,
                        mapping.source().file.getFileName());
            }
        }
        ctx.report.rowsRead(row);
        if (row == 0) {
            ctx.fileError("empty_file", "file.noRows");
        }
        ctx.report.rowsAccepted(items.values().stream().mapToInt(List::size).sum());
        if (!ctx.report.hasErrors()) {
            for (Area a : created) {
                AreaRepository.upsertLevel(ctx.handle, a.level(), levels.get(a.level()));
                if (a.parentCode() == null) {
                    AreaRepository.upsertTerritory(ctx.handle, a.code(), a.name());
                }
            }
            AreaRepository.upsertAreas(ctx.handle, created, ctx.importId);
            for (List<Item> parts : items.values()) {
                Item first = parts.get(0);
                Geometry g = parts.size() == 1 ? first.geometry()
                        : OverlayNGRobust.union(parts.stream().map(Item::geometry).toList());
                AreaRepository.setGeometry(ctx.handle, first.code(), first.validFrom(), writer.write(g));
            }
        }
        return null;
    }

    /** The shortest distance between two geometries in kilometres (degrees scaled at their latitude): tells a neighbour from a stranger. */
    static double distanceKm(Geometry a, Geometry b) {
        org.locationtech.jts.geom.Coordinate[] nearest = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(a, b);
        double dx = (nearest[1].x - nearest[0].x) * Math.cos(Math.toRadians(nearest[0].y));
        double dy = nearest[1].y - nearest[0].y;
        return Math.hypot(dx, dy) * 111.32;
    }

    private static String first(JsonNode p, List<String> names) {
        for (String n : names) {
            JsonNode v = p.get(n);
            if (v != null && !v.isNull() && !v.asText().isBlank()) {
                return v.asText().trim();
            }
        }
        return "";
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
