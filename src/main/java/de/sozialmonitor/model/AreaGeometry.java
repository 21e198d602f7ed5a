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

    /** The GeoJSON geometry object of {@code g} as text, without a CRS member (RFC 7946: always WGS 84). */
    public static String toGeoJson(Geometry g) {
        GeoJsonWriter writer = new GeoJsonWriter(6);
        writer.setEncodeCRS(false);
        return writer.write(g);
    }
}
