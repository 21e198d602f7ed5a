package de.sozialmonitor.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Converts between the (Multi)Polygon geometry member of GeoJSON, as Jackson tree nodes, and JTS.
 * Only the two polygonal types occur in the demo, so this stays small (jts-io is not on the class
 * path). Coordinates are written with 6 decimals (about 0.1 m), as exact decimals, so output files
 * are byte-identical for the same input.
 */
final class GeoJsonGeometry {
    static final int DECIMALS = 6;

    private GeoJsonGeometry() {
    }

    static Geometry read(JsonNode geometry, GeometryFactory factory) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), factory);
                }
                yield factory.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + type);
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory factory) {
        Coordinate[] coords = new Coordinate[points.size()];
        for (int i = 0; i < coords.length; i++) {
            coords[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coords);
    }

    /** The GeoJSON geometry object of a polygonal JTS geometry (Polygon or MultiPolygon). */
    static ObjectNode write(Geometry geometry) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        if (geometry instanceof Polygon p) {
            node.put("type", "Polygon");
            node.set("coordinates", rings(p));
        } else if (geometry instanceof MultiPolygon mp) {
            node.put("type", "MultiPolygon");
            ArrayNode parts = node.putArray("coordinates");
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                parts.add(rings((Polygon) mp.getGeometryN(i)));
            }
        } else {
            throw new IllegalArgumentException("not polygonal: " + geometry.getGeometryType());
        }
        return node;
    }

    private static ArrayNode rings(Polygon p) {
        ArrayNode rings = JsonNodeFactory.instance.arrayNode();
        // GeoJSON (RFC 7946): exterior rings counterclockwise, holes clockwise.
        Polygon oriented = (Polygon) p.copy();
        oriented.normalize(); // JTS normal form: shell clockwise, holes counterclockwise
        rings.add(points(oriented.getExteriorRing().reverse().getCoordinates()));
        for (int i = 0; i < oriented.getNumInteriorRing(); i++) {
            rings.add(points(oriented.getInteriorRingN(i).reverse().getCoordinates()));
        }
        return rings;
    }

    private static ArrayNode points(Coordinate[] coords) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        BigDecimal lastX = null;
        BigDecimal lastY = null;
        for (Coordinate c : coords) {
            BigDecimal x = round(c.x);
            BigDecimal y = round(c.y);
            if (x.equals(lastX) && y.equals(lastY)) {
                continue; // rounding merged two vertices closer than 0.1 m
            }
            ArrayNode pt = arr.addArray();
            pt.add(x);
            pt.add(y);
            lastX = x;
            lastY = y;
        }
        return arr;
    }

    static BigDecimal round(double v) {
        return BigDecimal.valueOf(Math.round(v * 1e6), DECIMALS);
    }
}
