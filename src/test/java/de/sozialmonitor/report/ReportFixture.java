package de.sozialmonitor.report;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A synthetic county shaped like Landkreis Peine, 7 municipalities and about 60 localities (Voronoi
 * cells, clearly not real boundaries) with five years of the counts of the seven attention
 * indicators, brought in the way a county does it: files imported ({@code areas.csv},
 * {@code grenzen.geojson}, {@code zahlen.csv}), the method computed for 2023 and 2024 and frozen
 * into release 1 (2023, published) and release 2 (2024, not yet published).
 */
public final class ReportFixture {
    public static final int YEAR = 2024;
    public static final int DYNAMICS_YEARS = 3;
    public static final String[] INDICATORS = {"migrant_u18", "single_parent_children", "sgb2", "unemployed",
            "children_min_income", "old_age_min_income", "school_leavers_low"};
    static final double[] BASE = {28, 17, 7.5, 5.0, 11, 3.0, 14};

    private static final GeometryFactory GF = new GeometryFactory();
    private static final String[][] MUNICIPALITIES = {
            {"03157001", "Edemissen", "10.26", "52.39"}, {"03157002", "Hohenhameln", "10.07", "52.26"},
            {"03157003", "Ilsede", "10.20", "52.26"}, {"03157004", "Lengede", "10.31", "52.20"},
            {"03157005", "Peine", "10.23", "52.32"}, {"03157006", "Vechelde", "10.37", "52.26"},
            {"03157007", "Wendeburg", "10.38", "52.33"}};

    /** One locality of the fixture with its counts per year. */
    public record Locality(String code, String name, String parent, Geometry geometry, Map<Integer, double[][]> counts) {
    }

    public final List<Locality> localities = new ArrayList<>();
    public final Map<String, Geometry> municipalities = new LinkedHashMap<>();

    /** The count variables of the default catalog, in the order of {@link #INDICATORS} (numerator, denominator). */
    static final String[][] VARIABLES = {{"migrant_u18", "pop_u18"}, {"children_single_parent", "pop_u18"},
            {"sgb2_u65", null}, {"unemployed", "pop_15_64"}, {"children_u15_sgb2", "pop_u15"}, {"grusi_65plus", "pop_65plus"},
            {"school_leavers_low", "school_leavers"}};

    /**
     * Writes the files into the workspace, imports them, computes 2023 and 2024 and creates the two
     * releases (release 1 published when {@code publishFirst}).
     */
    public static ReportFixture create(Workspace ws, Database db, boolean publishFirst) {
        ReportFixture f = delivered(ws, db);
        ComputeWorkflow.compute(ws, db, YEAR - 1, "fixture");
        ComputeWorkflow.compute(ws, db, YEAR, "fixture");
        ReleaseWorkflow releases = new ReleaseWorkflow(db.jdbi());
        releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Sozialmonitoring 2023", YEAR - 1, null), "fixture");
        if (publishFirst) {
            releases.publish(1, "fixture");
        }
        releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Sozialmonitoring 2024", YEAR, null), "fixture");
        return f;
    }

    /** Writes the files into the workspace and imports them, as a county does; nothing computed yet. */
    public static ReportFixture delivered(Workspace ws, Database db) {
        ReportFixture f = new ReportFixture();
        f.build();
        try {
            for (Path file : f.writeFiles(ws.dataDir())) {
                imported(ws, db, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Imports one more file (a correction), which must be accepted. */
    public static void imported(Workspace ws, Database db, Path file) {
        ImportOutcome outcome = Importer.importFile(ws, db, file, "fixture");
        if (outcome.status() != ImportOutcome.Status.IMPORTED) {
            throw new IllegalStateException(file + ": " + outcome.summary() + " " + outcome.report().problems());
        }
    }

    /** A new workspace for Landkreis Peine (synthetic) in a temporary folder, with the fixture in its database. */
    public static Workspace workspace(Path dir) {
        try {
            de.sozialmonitor.workspace.WorkspaceInitializer.create(dir, Map.of("\"00000\"", "\"03157\"", "Mein Landkreis", "Landkreis Peine"));
            Files.writeString(dir.resolve(Workspace.CONFIG_FILE), "\nsynthetic: true\n", java.nio.file.StandardOpenOption.APPEND);
            return Workspace.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void build() {
        Random rnd = new Random(3157);
        Coordinate[] outline = new Coordinate[25];
        for (int i = 0; i < 24; i++) {
            double a = 2 * Math.PI * i / 24;
            double r = 1 + 0.12 * Math.sin(3 * a) + 0.06 * Math.cos(5 * a);
            outline[i] = new Coordinate(10.225 + 0.19 * r * Math.cos(a), 52.30 + 0.115 * r * Math.sin(a));
        }
        outline[24] = outline[0];
        Polygon territory = GF.createPolygon(outline);
        Geometry munCells = voronoi(pointsOf(MUNICIPALITIES), territory);
        for (int i = 0; i < MUNICIPALITIES.length; i++) {
            Coordinate seed = new Coordinate(Double.parseDouble(MUNICIPALITIES[i][2]), Double.parseDouble(MUNICIPALITIES[i][3]));
            Geometry cell = cellContaining(munCells, seed).intersection(territory);
            municipalities.put(MUNICIPALITIES[i][0], cell);
            int n = "Peine".equals(MUNICIPALITIES[i][1]) ? 14 : 6 + rnd.nextInt(5);
            List<Coordinate> pts = new ArrayList<>();
            org.locationtech.jts.geom.Envelope env = cell.getEnvelopeInternal();
            while (pts.size() < n) {
                Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                        env.getMinY() + rnd.nextDouble() * env.getHeight());
                if (cell.contains(GF.createPoint(c))) {
                    pts.add(c);
                }
            }
            Geometry locCells = voronoiOf(pts, cell);
            for (int k = 0; k < pts.size(); k++) {
                Geometry lc = cellContaining(locCells, pts.get(k)).intersection(cell);
                String code = MUNICIPALITIES[i][0] + String.format(Locale.ROOT, "%03d", k + 1);
                String name = MUNICIPALITIES[i][1] + (k == 0 ? " (Kernort)" : " " + (char) ('A' + k - 1));
                boolean city = "Peine".equals(MUNICIPALITIES[i][1]);
                double size = k == 0 ? 4000 + rnd.nextInt(3000) : city ? 1500 + rnd.nextInt(3500) : 150 + rnd.nextInt(1800);
                double deprivation = (city ? 0.6 : 0) + rnd.nextGaussian() * 0.45 + (k == 0 ? 0.2 : 0);
                double trend = rnd.nextGaussian() * 0.05;
                Map<Integer, double[][]> counts = new LinkedHashMap<>();
                for (int y = YEAR - DYNAMICS_YEARS - 1; y <= YEAR; y++) {
                    double[][] c = new double[INDICATORS.length + 1][2];
                    double pop = Math.round(size * (1 + 0.004 * (y - YEAR)));
                    c[0] = new double[] {pop, pop};
                    for (int j = 0; j < INDICATORS.length; j++) {
                        double denominator = Math.round(pop * (j == 6 ? 0.012 : j == 5 ? 0.22 : j == 3 ? 0.64 : j == 2 ? 0.78 : 0.17));
                        double rate = BASE[j] * Math.exp(deprivation * 0.55 + trend * (y - YEAR + DYNAMICS_YEARS)
                                + rnd.nextGaussian() * 0.05) / 100;
                        c[j + 1] = new double[] {Math.round(denominator * rate), denominator};
                    }
                    counts.put(y, c);
                }
                localities.add(new Locality(code, name, MUNICIPALITIES[i][0], lc, counts));
            }
        }
    }

    private static Coordinate[] pointsOf(String[][] rows) {
        Coordinate[] cs = new Coordinate[rows.length];
        for (int i = 0; i < rows.length; i++) {
            cs[i] = new Coordinate(Double.parseDouble(rows[i][2]), Double.parseDouble(rows[i][3]));
        }
        return cs;
    }

    private static Geometry voronoi(Coordinate[] pts, Geometry clip) {
        return voronoiOf(List.of(pts), clip);
    }

    private static Geometry voronoiOf(List<Coordinate> pts, Geometry clip) {
        VoronoiDiagramBuilder b = new VoronoiDiagramBuilder();
        b.setSites(pts);
        b.setClipEnvelope(clip.getEnvelopeInternal());
        return b.getDiagram(GF);
    }

    private static Geometry cellContaining(Geometry cells, Coordinate c) {
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            if (cells.getGeometryN(i).contains(GF.createPoint(c))) {
                return cells.getGeometryN(i);
            }
        }
        throw new IllegalStateException("no cell contains " + c);
    }

    // ------------------------------------------------------------------ files

    private List<Path> writeFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder areas = new StringBuilder("code;name;level;parent\n03157;Landkreis Peine;Kreis;\n");
        for (String[] m : MUNICIPALITIES) {
            areas.append(m[0]).append(';').append(m[1]).append(";Gemeinde;03157\n");
        }
        for (Locality l : localities) {
            areas.append(l.code()).append(';').append(l.name()).append(";Ortsteil;").append(l.parent()).append('\n');
        }
        StringBuilder geo = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        List<String> features = new ArrayList<>();
        features.add(feature("03157", GF.buildGeometry(municipalities.values()).union()));
        municipalities.forEach((code, g) -> features.add(feature(code, g)));
        localities.forEach(l -> features.add(feature(l.code(), l.geometry())));
        geo.append(String.join(",", features)).append("]}");
        StringBuilder counts = new StringBuilder("area_code;year;variable;value\n");
        for (Locality l : localities) {
            for (int y = YEAR - DYNAMICS_YEARS - 1; y <= YEAR; y++) {
                double[][] c = l.counts().get(y);
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("pop_total", c[0][0]);
                for (int j = 0; j < INDICATORS.length; j++) {
                    values.put(VARIABLES[j][0], c[j + 1][0]);
                    if (VARIABLES[j][1] != null) {
                        values.putIfAbsent(VARIABLES[j][1], c[j + 1][1]);
                    } else {
                        // SGB II under 65: the denominator is inhabitants minus those 65 and over
                        values.putIfAbsent("pop_65plus", c[0][0] - c[j + 1][1]);
                    }
                }
                int year = y;
                values.forEach((v, x) -> counts.append(l.code()).append(';').append(year).append(';').append(v).append(';')
                        .append(String.format(Locale.ROOT, "%.0f", x)).append('\n'));
            }
        }
        Path areasFile = dir.resolve("gebiete.csv");
        Path geoFile = dir.resolve("grenzen.geojson");
        Path countsFile = dir.resolve("zahlen.csv");
        Files.writeString(areasFile, areas);
        Files.writeString(geoFile, geo);
        Files.writeString(countsFile, counts);
        return List.of(areasFile, geoFile, countsFile);
    }

    private static String feature(String code, Geometry g) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":"
                + de.sozialmonitor.model.AreaGeometry.toGeoJson(g) + "}";
    }
}
