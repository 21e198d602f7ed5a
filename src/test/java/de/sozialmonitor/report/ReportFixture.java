package de.sozialmonitor.report;

import de.sozialmonitor.model.MethodConfig;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A synthetic county shaped like Landkreis Peine, written by SQL into the V1 tables as the method
 * and privacy parts will fill them: 7 municipalities, about 60 localities (Voronoi cells, clearly
 * not real boundaries), four years of seven attention indicators, target-group rows, two releases.
 * The index is computed here after METHOD.md (z-scores, sample SD, thresholds), so that classes
 * and attention flags are consistent with the values. Until the demo is on main, the report tests
 * run on this.
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

    /** Inserts everything; returns the fixture for expectations. */
    public static ReportFixture insert(Jdbi jdbi) {
        ReportFixture f = new ReportFixture();
        f.build();
        jdbi.useTransaction(f::write);
        return f;
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

    // ------------------------------------------------------------------ SQL

    private void write(Handle h) {
        h.execute("INSERT INTO territory(code, name) VALUES ('03157', 'Landkreis Peine')");
        h.execute("INSERT INTO area_level(name, depth) VALUES ('Kreis', 0), ('Gemeinde', 1), ('Ortsteil', 2)");
        OffsetDateTime at = OffsetDateTime.of(2025, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, finished_at, rows_read, "
                        + "rows_accepted, rows_rejected, outcome) VALUES (:f, :s, :src, 'csv', 'fixture', :at, :at, :r, :r, 0, 'imported')")
                .bind("f", "data/einwohner_2020-2024.csv").bind("s", "a".repeat(64)).bind("src", "Einwohnermelderegister")
                .bind("at", at).bind("r", 2400).execute();
        h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, finished_at, rows_read, "
                        + "rows_accepted, rows_rejected, outcome) VALUES (:f, :s, :src, 'xlsx', 'fixture', :at, :at, :r, :r, 3, 'imported')")
                .bind("f", "data/ba_sgb2_2024.xlsx").bind("s", "b".repeat(64)).bind("src", "Statistik der BA")
                .bind("at", at.plusDays(2)).bind("r", 1800).execute();
        insertArea(h, "03157", "Landkreis Peine", "Kreis", null, union(municipalities.values()));
        for (String[] m : MUNICIPALITIES) {
            insertArea(h, m[0], m[1], "Gemeinde", "03157", municipalities.get(m[0]));
        }
        for (Locality l : localities) {
            insertArea(h, l.code(), l.name(), "Ortsteil", l.parent(), l.geometry());
        }
        for (Locality l : localities) {
            for (int y = YEAR - DYNAMICS_YEARS - 1; y <= YEAR; y++) {
                h.createUpdate("INSERT INTO observation(import_id, area_code, year, variable, target_group, value, status) "
                                + "VALUES (1, :a, :y, 'pop_total', '', :v, 'OK')")
                        .bind("a", l.code()).bind("y", y).bind("v", l.counts().get(y)[0][0]).execute();
            }
        }
        long set1 = resultSet(h, YEAR - 1);
        long set2 = resultSet(h, YEAR);
        h.createUpdate("INSERT INTO release(number, title, year, result_set_id, created_at, created_by, published_at, published_by, "
                        + "checksum, content) VALUES (1, 'Sozialmonitoring 2023', :y, :s, :c, 'fixture', :c, 'fixture', :k, '{}')")
                .bind("y", YEAR - 1).bind("s", set1).bind("c", OffsetDateTime.of(2024, 6, 3, 10, 0, 0, 0, ZoneOffset.UTC))
                .bind("k", "1".repeat(64)).execute();
        h.createUpdate("INSERT INTO release(number, title, year, result_set_id, created_at, created_by, published_at, published_by, "
                        + "checksum, content) VALUES (2, 'Sozialmonitoring 2024', :y, :s, :c, 'fixture', NULL, NULL, :k, '{}')")
                .bind("y", YEAR).bind("s", set2).bind("c", OffsetDateTime.of(2025, 5, 12, 10, 0, 0, 0, ZoneOffset.UTC))
                .bind("k", "3f9a1c0e5b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf0246a").execute();
    }

    private static Geometry union(java.util.Collection<Geometry> gs) {
        return GF.buildGeometry(gs).union();
    }

    private static void insertArea(Handle h, String code, String name, String level, String parent, Geometry g) {
        h.createUpdate("INSERT INTO area(code, valid_from, name, level, parent_code, geometry) VALUES (:c, DATE '2015-01-01', :n, :l, :p, :g)")
                .bind("c", code).bind("n", name).bind("l", level).bind("p", parent).bind("g", geoJson(g)).execute();
    }

    static String geoJson(Geometry g) {
        StringBuilder sb = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!(g.getGeometryN(i) instanceof Polygon p)) {
                continue;
            }
            if (sb.charAt(sb.length() - 1) == ']') {
                sb.append(',');
            }
            sb.append('[');
            ring(sb, p.getExteriorRing().getCoordinates());
            for (int k = 0; k < p.getNumInteriorRing(); k++) {
                sb.append(',');
                ring(sb, p.getInteriorRingN(k).getCoordinates());
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    private static void ring(StringBuilder sb, Coordinate[] cs) {
        sb.append('[');
        for (int i = 0; i < cs.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.5f,%.5f]", cs[i].x, cs[i].y));
        }
        sb.append(']');
    }

    /** Computes and stores one result set for year {@code t} after METHOD.md; returns its id. */
    private long resultSet(Handle h, int t) {
        long id = h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, "
                        + "analysis_level) VALUES (:y, :at, 'fixture', :m, '{}', '{}', 'Ortsteil')")
                .bind("y", t).bind("at", OffsetDateTime.of(2025, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC))
                .bind("m", de.sozialmonitor.store.ResultRepository.methodJson(de.sozialmonitor.model.MethodConfig.defaults()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        int k = DYNAMICS_YEARS;
        List<Locality> part = localities.stream().filter(l -> l.counts().get(t)[0][0] >= 300).toList();
        List<Locality> partDyn = localities.stream().filter(l -> l.counts().get(t)[0][0] >= 300 && l.counts().get(t - k)[0][0] >= 300).toList();
        Map<String, Double> si = index(part, t, false, h, id);
        Map<String, Double> di = index(partDyn, t, true, h, id);
        MethodConfig.StatusThresholds st = MethodConfig.StatusThresholds.DEFAULT;
        for (Locality l : localities) {
            for (int y = t - k; y <= t; y++) {
                double[][] c = l.counts().get(y);
                for (int j = 0; j < INDICATORS.length; j++) {
                    double[][] c0 = l.counts().get(y - k);
                    Double change = c0 == null ? null : rate(c[j + 1]) - rate(c0[j + 1]);
                    h.createUpdate("INSERT INTO result_value(result_set_id, area_code, year, indicator_id, target_group, numerator, "
                                    + "denominator, value, change_value, z_status, z_dynamics) VALUES (:s, :a, :y, :i, '', :n, :d, :v, :c, :z, :zd)")
                            .bind("s", id).bind("a", l.code()).bind("y", y).bind("i", INDICATORS[j]).bind("n", c[j + 1][0])
                            .bind("d", c[j + 1][1]).bind("v", rate(c[j + 1])).bind("c", y == t ? change : null)
                            .bind("z", y == t ? zOf(l, j, t) : null)
                            .bind("zd", y == t ? zCache.get("d" + t + "|" + l.code() + "|" + j) : null).execute();
                }
            }
            Double s = si.get(l.code());
            Double d = di.get(l.code());
            String sc = s == null ? null : s < st.high() ? "hoch" : s <= st.low() ? "mittel" : s <= st.veryLow() ? "niedrig" : "sehr_niedrig";
            String dc = d == null ? null : d < -1 ? "positiv" : d <= 1 ? "stabil" : "negativ";
            boolean attention = "niedrig".equals(sc) || "sehr_niedrig".equals(sc) || "negativ".equals(dc);
            h.createUpdate("INSERT INTO result_area(result_set_id, area_code, year, status_index, status_class, dynamics_index, "
                            + "dynamics_class, attention, excluded) VALUES (:s, :a, :y, :si, :sc, :di, :dc, :att, :ex)")
                    .bind("s", id).bind("a", l.code()).bind("y", t).bind("si", s).bind("sc", sc).bind("di", d).bind("dc", dc)
                    .bind("att", attention).bind("ex", s == null ? "population_below_minimum" : null).execute();
            // a target-group breakdown: SGB II by nationality, split 35/65 of the counts
            double[] sgb2 = l.counts().get(t)[3];
            double[][] groups = {{Math.round(sgb2[0] * 0.35), Math.round(sgb2[1] * 0.12)}, {sgb2[0] - Math.round(sgb2[0] * 0.35), sgb2[1] - Math.round(sgb2[1] * 0.12)}};
            String[] keys = {"nationality=foreign", "nationality=german"};
            for (int g = 0; g < 2; g++) {
                h.createUpdate("INSERT INTO result_value(result_set_id, area_code, year, indicator_id, target_group, numerator, denominator, value) "
                                + "VALUES (:s, :a, :y, 'sgb2', :tg, :n, :d, :v)")
                        .bind("s", id).bind("a", l.code()).bind("y", t).bind("tg", keys[g]).bind("n", groups[g][0])
                        .bind("d", groups[g][1]).bind("v", rate(groups[g])).execute();
            }
        }
        // municipalities and the county: ratio of summed counts
        Map<String, List<Locality>> byParent = new LinkedHashMap<>();
        localities.forEach(l -> byParent.computeIfAbsent(l.parent(), x -> new ArrayList<>()).add(l));
        byParent.put("03157", localities);
        for (Map.Entry<String, List<Locality>> e : byParent.entrySet()) {
            for (int y = t - k; y <= t; y++) {
                for (int j = 0; j < INDICATORS.length; j++) {
                    double n = 0;
                    double d = 0;
                    for (Locality l : e.getValue()) {
                        n += l.counts().get(y)[j + 1][0];
                        d += l.counts().get(y)[j + 1][1];
                    }
                    h.createUpdate("INSERT INTO result_value(result_set_id, area_code, year, indicator_id, target_group, numerator, "
                                    + "denominator, value) VALUES (:s, :a, :y, :i, '', :n, :d, :v)")
                            .bind("s", id).bind("a", e.getKey()).bind("y", y).bind("i", INDICATORS[j]).bind("n", n).bind("d", d)
                            .bind("v", 100 * n / d).execute();
                }
            }
        }
        return id;
    }

    static double rate(double[] c) {
        return c[1] == 0 ? Double.NaN : 100 * c[0] / c[1];
    }

    private final Map<String, Double> zCache = new LinkedHashMap<>();

    private Double zOf(Locality l, int j, int t) {
        return zCache.get(t + "|" + l.code() + "|" + j);
    }

    /** Two-step standardisation; stores result_stat rows; returns the index per area. */
    private Map<String, Double> index(List<Locality> part, int t, boolean dynamics, Handle h, long setId) {
        Map<String, Double> raw = new LinkedHashMap<>();
        double[][] z = new double[part.size()][INDICATORS.length];
        for (int j = 0; j < INDICATORS.length; j++) {
            double[] v = new double[part.size()];
            for (int i = 0; i < part.size(); i++) {
                double[][] c = part.get(i).counts().get(t);
                v[i] = dynamics ? rate(c[j + 1]) - rate(part.get(i).counts().get(t - DYNAMICS_YEARS)[j + 1]) : rate(c[j + 1]);
            }
            double mean = mean(v);
            double sd = sd(v, mean);
            h.createUpdate("INSERT INTO result_stat(result_set_id, year, component, indicator_id, n, mean, sd) VALUES (:s, :y, :c, :i, :n, :m, :sd)")
                    .bind("s", setId).bind("y", t).bind("c", dynamics ? "dynamics" : "status").bind("i", INDICATORS[j])
                    .bind("n", part.size()).bind("m", mean).bind("sd", sd).execute();
            for (int i = 0; i < part.size(); i++) {
                z[i][j] = (v[i] - mean) / sd;
                zCache.put((dynamics ? "d" : "") + t + "|" + part.get(i).code() + "|" + j, z[i][j]);
            }
        }
        double[] s = new double[part.size()];
        for (int i = 0; i < part.size(); i++) {
            s[i] = mean(z[i]);
        }
        double mean = mean(s);
        double sd = sd(s, mean);
        for (int i = 0; i < part.size(); i++) {
            raw.put(part.get(i).code(), (s[i] - mean) / sd);
        }
        return raw;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
