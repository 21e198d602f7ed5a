package de.sozialmonitor.report;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads the GeoJSON geometry text of table {@code area} (EPSG:4326) into JTS, keeping only the
 * polygonal parts: a map draws area boundaries, nothing else.
 */
public final class GeoJsonGeometry {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonGeometry() {
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
}
