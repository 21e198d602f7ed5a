package de.sozialmonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads the GeoJSON geometry text of table {@code area} (EPSG:4326) into JTS. Only what area
 * boundaries use: Polygon and MultiPolygon, also wrapped in a Feature or GeometryCollection.
 */
public final class GeoJsonGeometry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
    }

    /** The geometry, or null if the text is empty or not a polygonal GeoJSON geometry. */
    public static Geometry parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return read(JSON.readTree(text));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static Geometry read(JsonNode node) {
        String type = node.path("type").asText();
        switch (type) {
            case "Feature":
                return read(node.path("geometry"));
            case "Polygon":
                return polygon(node.path("coordinates"));
            case "MultiPolygon": {
                List<Polygon> parts = new ArrayList<>();
                node.path("coordinates").forEach(p -> parts.add(polygon(p)));
                return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            case "GeometryCollection": {
                List<Geometry> parts = new ArrayList<>();
                node.path("geometries").forEach(g -> parts.add(read(g)));
                return FACTORY.buildGeometry(parts);
            }
            default:
                throw new IllegalArgumentException("unsupported GeoJSON type " + type);
        }
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        List<Coordinate> cs = new ArrayList<>();
        positions.forEach(p -> cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
        if (!cs.isEmpty() && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
    }
}
