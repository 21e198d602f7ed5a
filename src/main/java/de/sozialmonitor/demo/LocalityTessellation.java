package de.sozialmonitor.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Generated locality shapes: a Voronoi tessellation of deterministic seed points inside a
 * municipality, clipped to the municipality's polygon, so the cells tile it without gap or overlap.
 * The shapes are invented; only the outer boundary is real.
 *
 * <p>Seeds are drawn uniformly inside the polygon (well apart from each other) and then moved a few
 * times to the centroid of their cell (Lloyd's relaxation), which gives compact, village-like cells.
 * The work is done in a local equirectangular projection (longitude scaled by cos(latitude)) so
 * that cells are not stretched east-west; the final clip is done in WGS84 against the original
 * polygon, so the municipal boundary is kept exactly.
 */
final class LocalityTessellation {
    private static final int LLOYD_ITERATIONS = 4;

    private LocalityTessellation() {
    }

    /**
     * Splits {@code region} into {@code n} cells; cell 0 is the one whose seed lies nearest to the
     * region's centre (used for the main place). Same region, n and random state: same cells.
     */
    static List<Geometry> tessellate(Geometry region, int n, Random random) {
        GeometryFactory factory = region.getFactory();
        Coordinate centre = region.getEnvelopeInternal().centre();
        AffineTransformation toLocal = new AffineTransformation()
                .translate(-centre.x, -centre.y)
                .scale(Math.cos(Math.toRadians(centre.y)), 1.0);
        AffineTransformation toWgs84;
        try {
            toWgs84 = toLocal.getInverse();
        } catch (org.locationtech.jts.geom.util.NoninvertibleTransformationException e) {
            throw new IllegalStateException(e);
        }
        Geometry local = toLocal.transform(region);
        if (n == 1) {
            return List.of(region.copy());
        }
        List<Coordinate> seeds = initialSeeds(local, n, random);
        for (int i = 0; i < LLOYD_ITERATIONS; i++) {
            List<Geometry> cells = voronoi(seeds, local, factory);
            List<Coordinate> moved = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                Geometry clipped = intersection(cells.get(k), local);
                Point c = clipped.isEmpty() ? null : clipped.getInteriorPoint();
                Point centroid = clipped.isEmpty() ? null : clipped.getCentroid();
                // keep the seed inside the region (a centroid of a crescent-shaped cell may lie outside)
                moved.add(centroid != null && local.contains(centroid) ? centroid.getCoordinate()
                        : c != null ? c.getCoordinate() : seeds.get(k));
            }
            seeds = moved;
        }
        Coordinate localCentre = local.getInteriorPoint().getCoordinate();
        int main = 0;
        for (int k = 1; k < n; k++) {
            if (seeds.get(k).distance(localCentre) < seeds.get(main).distance(localCentre)) {
                main = k;
            }
        }
        seeds.add(0, seeds.remove(main));
        List<Geometry> cells = voronoi(seeds, local, factory);
        List<Geometry> result = new ArrayList<>(n);
        for (Geometry cell : cells) {
            // round the cell to the grid first: neighbours share vertices, so they round alike
            Geometry onGrid = GeometryPrecisionReducer.reduce(toWgs84.transform(cell), OUTPUT_GRID);
            result.add(polygonal(gridIntersection(onGrid, region), factory));
        }
        return result;
    }

    private static List<Coordinate> initialSeeds(Geometry local, int n, Random random) {
        Envelope env = local.getEnvelopeInternal();
        double minDistance = 0.5 * Math.sqrt(local.getArea() / n);
        GeometryFactory factory = local.getFactory();
        List<Coordinate> seeds = new ArrayList<>(n);
        int attempts = 0;
        while (seeds.size() < n) {
            Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            attempts++;
            if (!local.contains(factory.createPoint(c))) {
                continue;
            }
            // relax the spacing rule if the region is too narrow for it
            double spacing = attempts > 20_000 ? 0 : minDistance;
            if (seeds.stream().allMatch(s -> s.distance(c) >= spacing)) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    /** Voronoi cells in the order of the seeds (the builder returns them in its own order). */
    private static List<Geometry> voronoi(List<Coordinate> seeds, Geometry local, GeometryFactory factory) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(local.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        List<Geometry> ordered = new ArrayList<>(seeds.size());
        for (Coordinate seed : seeds) {
            Geometry match = null;
            for (int i = 0; i < diagram.getNumGeometries(); i++) {
                Geometry cell = diagram.getGeometryN(i);
                if (cell.getUserData() instanceof Coordinate site && site.equals2D(seed)) {
                    match = cell;
                    break;
                }
            }
            if (match == null) {
                throw new IllegalStateException("no Voronoi cell for seed " + seed);
            }
            ordered.add(match);
        }
        return ordered;
    }

    /**
     * The grid of the output files (6 decimals, about 0.1 m). Overlays that produce written
     * geometry snap-round to it, so what is written is exactly what was computed, and valid:
     * rounding afterwards could fold a ring over itself.
     */
    static final PrecisionModel OUTPUT_GRID = new PrecisionModel(1e6);

    /** Robust overlay (OverlayNG): the classic overlay fails on near-parallel edges. */
    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    /** Intersection snap-rounded to the output grid. */
    static Geometry gridIntersection(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, OUTPUT_GRID);
    }

    static Geometry gridDifference(Geometry a, Geometry b) {
        return OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, OUTPUT_GRID);
    }

    static Geometry gridUnion(Geometry collection) {
        return UnaryUnionNG.union(collection, OUTPUT_GRID);
    }

    static Geometry union(Geometry collection) {
        return OverlayNGRobust.union(collection);
    }

    /** The polygonal part of an overlay result (Polygon, or MultiPolygon when a cell is cut in two). */
    static Geometry polygonal(Geometry g, GeometryFactory factory) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<org.locationtech.jts.geom.Polygon> polys = PolygonExtracter.getPolygons(g);
        return polys.size() == 1 ? polys.get(0) : factory.createMultiPolygon(polys.toArray(new org.locationtech.jts.geom.Polygon[0]));
    }
}
