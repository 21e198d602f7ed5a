package de.sozialmonitor.report.svg;

import java.util.Collection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Longitude/latitude (EPSG:4326) to SVG pixels for a county-sized map: an equirectangular projection
 * true to scale at the map's central latitude. Over a county (~50 km) the distortion is well below
 * what a printed map shows, and it keeps the code free of a projection library.
 */
public final class MapProjection {
    /** Kilometres per degree of latitude (mean Earth radius 6371 km). */
    static final double KM_PER_DEGREE = 6371.0 * Math.PI / 180.0;

    private final double lon0;
    private final double lat0;
    private final double cosLat;
    private final double pixelsPerKm;
    private final double offsetX;
    private final double offsetY;

    private MapProjection(double lon0, double lat0, double pixelsPerKm, double offsetX, double offsetY) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.cosLat = Math.cos(Math.toRadians(lat0));
        this.pixelsPerKm = pixelsPerKm;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
    }

    /** Fits the geometries into the box (x, y, width, height), centred, keeping the aspect ratio. */
    public static MapProjection fit(Collection<Geometry> geometries, double x, double y, double width, double height) {
        Envelope env = new Envelope();
        geometries.forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
        if (env.isNull()) {
            env.expandToInclude(0, 0);
        }
        double lat0 = (env.getMinY() + env.getMaxY()) / 2;
        double cos = Math.cos(Math.toRadians(lat0));
        double widthKm = Math.max(env.getWidth() * cos * KM_PER_DEGREE, 1e-6);
        double heightKm = Math.max(env.getHeight() * KM_PER_DEGREE, 1e-6);
        double scale = Math.min(width / widthKm, height / heightKm);
        double ox = x + (width - widthKm * scale) / 2;
        double oy = y + (height - heightKm * scale) / 2 + heightKm * scale;
        return new MapProjection(env.getMinX(), env.getMinY(), scale, ox, oy);
    }

    public double x(double lon) {
        return offsetX + (lon - lon0) * cosLat * KM_PER_DEGREE * pixelsPerKm;
    }

    public double y(double lat) {
        return offsetY - (lat - lat0) * KM_PER_DEGREE * pixelsPerKm;
    }

    public double pixelsPerKm() {
        return pixelsPerKm;
    }

    /** SVG path data of a (multi)polygon or line geometry; holes become sub-paths (fill-rule evenodd). */
    public String path(Geometry g) {
        StringBuilder d = new StringBuilder();
        appendPath(g, d);
        return d.toString();
    }

    private void appendPath(Geometry g, StringBuilder d) {
        if (g instanceof Polygon p) {
            ring(p.getExteriorRing(), d, true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(p.getInteriorRingN(i), d, true);
            }
        } else if (g instanceof LineString l) {
            ring(l, d, l.isClosed());
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) {
                    appendPath(part, d);
                }
            }
        }
    }

    private void ring(LineString ring, StringBuilder d, boolean close) {
        Coordinate[] cs = ring.getCoordinates();
        String lastX = null;
        String lastY = null;
        for (int i = 0; i < cs.length; i++) {
            String px = Svg.num(x(cs[i].x));
            String py = Svg.num(y(cs[i].y));
            if (i > 0 && px.equals(lastX) && py.equals(lastY)) {
                continue; // points closer than the print resolution add only bytes
            }
            d.append(i == 0 ? 'M' : 'L').append(px).append(' ').append(py);
            lastX = px;
            lastY = py;
        }
        if (close) {
            d.append('Z');
        }
    }
}
