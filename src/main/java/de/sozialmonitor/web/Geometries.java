package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.AreaGeometry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
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
    /*
     * Both keyed by the geometry's text itself, not by its hash: two geometries with the same hash
     * would otherwise share a shape or a label. The texts come from ResultViews, which keeps them,
     * so their hashes are computed once.
     */
    private final Map<Simplification, RawValue> cache = new ConcurrentHashMap<>();
    private final Map<String, AreaGeometry.LabelPoint> labels = new ConcurrentHashMap<>();

    private record Simplification(int zoom, String geoJson) {
    }

    /** Tolerance in degrees: half a pixel of a 256-pixel web-map tile at {@code zoom}. */
    public static double tolerance(int zoom) {
        int z = clampZoom(zoom);
        return 0.5 * 360.0 / (256.0 * (1L << z));
    }

    public static int clampZoom(int zoom) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /**
     * The simplified GeoJSON geometry for {@code zoom} as JSON text to embed in a feature
     * ({@code null} if the text is not a polygon geometry). Kept as text: writing the coordinates
     * anew for each request was a third of the map's time.
     */
    public RawValue simplifiedText(String geoJson, int zoom) {
        int z = clampZoom(zoom);
        return cache.computeIfAbsent(new Simplification(z, geoJson), k -> {
            Geometry g = read(geoJson);
            JsonNode tree = g == null ? JsonNodeFactory.instance.nullNode() : write(TopologyPreservingSimplifier.simplify(g, tolerance(z)));
            return new RawValue(tree.toString());
        });
    }

    /** Where the area's name goes on the map (see {@link AreaGeometry#labelPoint}); null for no polygon. */
    public AreaGeometry.LabelPoint labelPoint(String geoJson) {
        AreaGeometry.LabelPoint found = labels.get(geoJson);
        if (found == null) {
            Geometry g = read(geoJson);
            if (g == null) {
                return null;
            }
            found = AreaGeometry.labelPoint(g, true);
            labels.put(geoJson, found);
        }
        return found;
    }

    /** Reads a GeoJSON Polygon or MultiPolygon (also inside a Feature); null for anything else. */
    public static Geometry read(String geoJson) {
        return AreaGeometry.parse(geoJson);
    }

    public static Envelope envelope(String geoJson) {
        Geometry g = read(geoJson);
        return g == null ? new Envelope() : g.getEnvelopeInternal();
    }

    /** The GeoJSON geometry object of {@code g} as a JSON tree (to embed in a feature); JSON null for none. */
    public static JsonNode write(Geometry g) {
        if (g == null || g.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return Json.MAPPER.readTree(AreaGeometry.toGeoJson(g));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
