package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Area geometries for the map: GeoJSON (Polygon, MultiPolygon, EPSG:4326) read into JTS and
 * simplified per zoom level with JTS's {@link TopologyPreservingSimplifier}, so that the browser
 * gets no more vertices than it can draw (tolerance: half a screen pixel at that zoom). Results
 * are cached by the geometry text and zoom.
 */
public final class Geometries {
    public static final int MIN_ZOOM = 6;
    public static final int MAX_ZOOM = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();

    /** Tolerance in degrees: half a pixel of a 256-pixel web-map tile at {@code zoom}. */
    public static double tolerance(int zoom) {
        int z = clampZoom(zoom);
        return 0.5 * 360.0 / (256.0 * (1L << z));
    }

    public static int clampZoom(int zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** The simplified GeoJSON geometry for {@code zoom}; null if the text is not a polygon geometry. */
    public JsonNode simplified(String geoJson, int zoom) {
        int z = clampZoom(zoom);
        String key = z + ":" + geoJson.hashCode() + ":" + geoJson.length();
        return cache.computeIfAbsent(key, k -> {
            Geometry g = read(geoJson);
            if (g == null) {
                return JsonNodeFactory.instance.nullNode();
            }
            return write(TopologyPreservingSimplifier.simplify(g, tolerance(z)));
        });
    }

    /** Reads a GeoJSON Polygon or MultiPolygon (also inside a Feature); null for anything else. */
    public static Geometry read(String geoJson) {
        try {
            JsonNode node = JSON.readTree(geoJson);
            if (node.has("geometry")) {
                node = node.get("geometry");
            }
            String type = node.path("type").asText();
            JsonNode coords = node.path("coordinates");
            if ("Polygon".equals(type)) {
                return polygon(coords);
            }
            if ("MultiPolygon".equals(type)) {
                Polygon[] parts = new Polygon[coords.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coords.get(i));
                }
                return FACTORY.createMultiPolygon(parts);
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    public static Envelope envelope(String geoJson) {
        Geometry g = read(geoJson);
        return g == null ? new Envelope() : g.getEnvelopeInternal();
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return FACTORY.createLinearRing(cs);
    }

    public static JsonNode write(Geometry g) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (g instanceof Polygon p) {
            node.put("type", "Polygon");
            node.set("coordinates", rings(p));
        } else if (g instanceof MultiPolygon mp) {
            node.put("type", "MultiPolygon");
            ArrayNode polys = node.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polys.add(rings((Polygon) mp.getGeometryN(i)));
            }
        } else {
            return JsonNodeFactory.instance.nullNode();
        }
        return node;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = JsonNodeFactory.instance.arrayNode();
        rings.add(points(p.getExteriorRing().getCoordinates()));
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            rings.add(points(p.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode points(Coordinate[] cs) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Coordinate c : cs) {
            // 6 decimals are ~0.1 m: more would only make the answer longer
            arr.addArray().add(Math.round(c.x * 1e6) / 1e6).add(Math.round(c.y * 1e6) / 1e6);
        }
        return arr;
    }
}
