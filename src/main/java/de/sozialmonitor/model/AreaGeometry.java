package de.sozialmonitor.model;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The GeoJSON geometry text of table {@code area} (EPSG:4326) to JTS and back, with JTS's own
 * GeoJSON reader and writer. Reading keeps only the polygonal parts (also of a Feature): maps draw
 * area boundaries, nothing else. Writing uses 6 decimals (about 0.1 m); more would only make the
 * answer longer.
 */
public final class AreaGeometry {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private AreaGeometry() {
    }

    /** The polygonal geometry, or null if the text is empty, unreadable or holds no polygon. */
    public static Geometry parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Geometry g = new GeoJsonReader(FACTORY).read(text);
            @SuppressWarnings("unchecked")
            List<Polygon> polygons = PolygonExtracter.getPolygons(g);
            if (polygons.isEmpty()) {
                return null;
            }
            return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Where an area's name belongs on a map: the centre of the largest circle inside the area (so
     * that a label sits inside even a crescent or an L-shaped area), and the circle's radius, both
     * in the geometry's units; a label wider than the area is for the map's collision check to drop.
     */
    public record LabelPoint(double x, double y, double radius) {
    }

    /**
     * The label point of a polygonal geometry. For longitude–latitude ({@code geographic}) the
     * longitudes are shortened by the cosine of the mean latitude first, so that "largest circle"
     * means the same on the ground as on a map; the result is in the geometry's own units again.
     */
    public static LabelPoint labelPoint(Geometry g, boolean geographic) {
        if (g == null || g.isEmpty()) {
            throw new IllegalArgumentException("no geometry to label");
        }
        org.locationtech.jts.geom.Envelope env = g.getEnvelopeInternal();
        double sx = geographic ? Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2)) : 1.0;
        Geometry scaled = org.locationtech.jts.geom.util.AffineTransformation.scaleInstance(sx, 1.0).transform(g);
        double size = Math.max(scaled.getEnvelopeInternal().getWidth(), scaled.getEnvelopeInternal().getHeight());
        org.locationtech.jts.algorithm.construct.MaximumInscribedCircle circle =
                new org.locationtech.jts.algorithm.construct.MaximumInscribedCircle(scaled, Math.max(size / 500, 1e-12));
        org.locationtech.jts.geom.Point centre = circle.getCenter();
        return new LabelPoint(centre.getX() / sx, centre.getY(), circle.getRadiusLine().getLength());
    }

    /** The GeoJSON geometry object of {@code g} as text, without a CRS member (RFC 7946: always WGS 84). */
    public static String toGeoJson(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        return writer.write(g);
    }
}
