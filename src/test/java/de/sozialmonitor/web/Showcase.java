package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Showcase data for the documentation screenshots: the real municipal boundaries of Landkreis
 * Peine (shared/data/peine, © GeoBasis-DE / BKG 2021), generated localities (Voronoi cells of
 * seeded points, labelled with the unverified names of the README), and synthetic results over
 * ten years computed with a simplified standardisation. Not the method: pictures only.
 */
final class Showcase {
    static final Map<String, List<String>> LOCALITIES = new LinkedHashMap<>();

    static {
        LOCALITIES.put("Peine", List.of("Peine-Kernstadt", "Berkum", "Dungelbeck", "Duttenstedt", "Essinghausen", "Handorf", "Rosenthal",
                "Schmedenstedt", "Schwicheldt", "Stederdorf", "Telgte", "Vöhrum", "Woltorf"));
        LOCALITIES.put("Edemissen", List.of("Abbensen", "Alvesse", "Blumenhagen", "Eddesse", "Edemissen", "Eickenrode", "Mödesse", "Oedesse",
                "Oelerse", "Plockhorst", "Rietze", "Wehnsen", "Wipshausen"));
        LOCALITIES.put("Hohenhameln", List.of("Bekum", "Bierbergen", "Clauen", "Equord", "Harber", "Hohenhameln", "Mehrum", "Ohlum", "Rötzum",
                "Soßmar", "Stedum"));
        LOCALITIES.put("Ilsede", List.of("Adenstedt", "Bülten", "Gadenstedt", "Groß Ilsede", "Groß Lafferde", "Groß Solschen", "Klein Ilsede",
                "Münstedt", "Oberg", "Ölsburg"));
        LOCALITIES.put("Lengede", List.of("Barbecke", "Broistedt", "Klein Lafferde", "Lengede", "Woltwiesche"));
        LOCALITIES.put("Vechelde", List.of("Bettmar", "Denstorf", "Groß Gleidingen", "Sierße", "Sonnenberg", "Vallstedt", "Vechelade", "Vechelde",
                "Wahle", "Wedtlenstedt"));
        LOCALITIES.put("Wendeburg", List.of("Bortfeld", "Harvesse", "Meerdorf", "Neubrück", "Rüper", "Sophiental", "Wendeburg", "Wendezelle",
                "Zweidorf"));
    }

    private Showcase() {
    }

    static Path sharedPeine() {
        for (Path p : List.of(Path.of("../shared/data/peine/gemeinden.geojson"), Path.of("/work/shared/data/peine/gemeinden.geojson"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static void populate(Database db, Workspace ws, Path gemeinden) throws IOException {
        JsonNode fc = new ObjectMapper().readTree(gemeinden.toFile());
        GeometryFactory gf = new GeometryFactory();
        Random rnd = new Random(3157);
        List<Indicator> attention = ws.catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).toList();
        double[] base = {28, 16, 7, 5, 12, 3, 20};
        double[] spread = {9, 5, 3.5, 2, 7, 1.5, 8};
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO area_level(name, depth) VALUES ('Landkreis', 0), ('Gemeinde', 1), ('Ortschaft', 2)");
            List<Geometry> municipalities = new ArrayList<>();
            List<String[]> locs = new ArrayList<>(); // code, name, parent
            Map<String, Double> deprivation = new LinkedHashMap<>();
            Map<String, Double> trend = new LinkedHashMap<>();
            Map<String, Double> population = new LinkedHashMap<>();
            for (JsonNode f : fc.path("features")) {
                String ags = f.path("properties").path("AGS").asText();
                String gen = f.path("properties").path("GEN").asText();
                String key = gen.startsWith("Peine") ? "Peine" : gen;
                Geometry g = Geometries.read(f.path("geometry").toString());
                municipalities.add(g);
                insertArea(h, ags, gen.startsWith("Peine") ? "Stadt Peine" : gen, "Gemeinde", "03157", g.toText() == null ? null : Geometries.write(g).toString());
                List<String> names = LOCALITIES.getOrDefault(key, List.of(gen));
                List<Coordinate> seeds = new ArrayList<>();
                Envelope env = g.getEnvelopeInternal();
                while (seeds.size() < names.size()) {
                    Point p = gf.createPoint(new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(), env.getMinY() + rnd.nextDouble() * env.getHeight()));
                    if (g.contains(p)) {
                        seeds.add(p.getCoordinate());
                    }
                }
                VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
                vb.setSites(seeds);
                Envelope clip = new Envelope(env);
                clip.expandBy(0.1);
                vb.setClipEnvelope(clip);
                Geometry cells = vb.getDiagram(gf);
                for (int c = 0; c < cells.getNumGeometries(); c++) {
                    Geometry cell = cells.getGeometryN(c);
                    Coordinate site = (Coordinate) cell.getUserData();
                    int idx = seeds.indexOf(site);
                    if (idx < 0) {
                        continue;
                    }
                    Geometry part = cell.intersection(g);
                    String code = ags + String.format("%03d", idx + 1);
                    String name = names.get(idx);
                    insertArea(h, code, name, "Ortschaft", ags, Geometries.write(part).toString());
                    locs.add(new String[] {code, name, ags});
                    boolean core = name.equals("Peine-Kernstadt") || name.equals("Vöhrum") || name.equals("Telgte") || name.equals("Groß Ilsede");
                    deprivation.put(code, rnd.nextGaussian() * 0.8 + (core ? 1.8 : 0) + (key.equals("Peine") ? 0.4 : 0));
                    trend.put(code, name.equals("Stederdorf") || name.equals("Broistedt") || name.equals("Groß Lafferde") ? 0.25
                            : name.equals("Wendeburg") || name.equals("Vechelde") ? -0.2 : rnd.nextGaussian() * 0.03);
                    population.put(code, (double) (core ? 6000 + rnd.nextInt(9000) : 250 + rnd.nextInt(2500)));
                }
            }
            Geometry county = gf.buildGeometry(municipalities).union();
            insertArea(h, "03157", "Landkreis Peine", "Landkreis", null, Geometries.write(county).toString());
            h.createUpdate("INSERT INTO result_set(id, year, computed_at, computed_by, method_json, catalog_json, inputs_json, analysis_level) "
                            + "VALUES (1, 2024, :at, 'showcase', :m, '{}', '{}', 'Ortschaft')")
                    .bind("at", OffsetDateTime.of(2025, 3, 3, 9, 0, 0, 0, ZoneOffset.UTC))
                    .bind("m", de.sozialmonitor.store.ResultRepository.methodJson(de.sozialmonitor.model.MethodConfig.defaults()))
                    .execute();
            Map<String, double[][]> values = new LinkedHashMap<>(); // code -> [year][indicator]
            for (String[] l : locs) {
                double[][] v = new double[10][attention.size()];
                for (int y = 0; y < 10; y++) {
                    for (int k = 0; k < attention.size(); k++) {
                        double d = deprivation.get(l[0]) + trend.get(l[0]) * y;
                        v[y][k] = Math.max(0.2, base[k] + spread[k] * (d + rnd.nextGaussian() * 0.25));
                    }
                }
                values.put(l[0], v);
            }
            List<de.sozialmonitor.store.ResultValueStore.Row> valueRows = new ArrayList<>();
            for (int yy = 0; yy < 10; yy++) {
                final int y = yy;
                int year = 2015 + y;
                List<String> part = locs.stream().map(l -> l[0]).filter(c -> population.get(c) >= 300).toList();
                Map<String, Double> si = standardise(part, c -> mean(z(part, values, y, attention.size()).get(c)));
                Map<String, Double> di = y < 3 ? Map.of() : standardise(part, c -> {
                    double s = 0;
                    for (int k = 0; k < attention.size(); k++) {
                        s += values.get(c)[y][k] - values.get(c)[y - 3][k];
                    }
                    return s;
                });
                Map<String, double[]> zs = z(part, values, y, attention.size());
                for (String[] l : locs) {
                    String code = l[0];
                    boolean in = part.contains(code);
                    Double s = in ? si.get(code) : null;
                    Double d = in && !di.isEmpty() ? di.get(code) : null;
                    String sc = s == null ? null : s < -1 ? "hoch" : s <= 1 ? "mittel" : s <= 1.5 ? "niedrig" : "sehr_niedrig";
                    String dc = d == null ? null : d < -1 ? "positiv" : d <= 1 ? "stabil" : "negativ";
                    boolean att = "niedrig".equals(sc) || "sehr_niedrig".equals(sc) || "negativ".equals(dc);
                    h.createUpdate("INSERT INTO result_area(result_set_id, area_code, year, status_raw, status_index, status_class, dynamics_raw, dynamics_index, "
                            + "dynamics_class, attention, excluded) VALUES (1, :a, :y, :s, :s, :sc, :d, :d, :dc, :att, :ex)")
                            .bind("a", code).bind("y", year).bind("s", s).bind("sc", sc).bind("d", d).bind("dc", dc).bind("att", att)
                            .bind("ex", in ? (d == null && y >= 3 ? "no_base_year" : null) : "population_below_minimum").execute();
                    for (int k = 0; k < attention.size(); k++) {
                        double pop = population.get(code);
                        double v = values.get(code)[y][k];
                        valueRows.add(new de.sozialmonitor.store.ResultValueStore.Row(code, year, attention.get(k).id(), "", Math.round(v * pop * 0.002) * 1.0, pop * 0.2, v,
                                y >= 3 ? v - values.get(code)[y - 3][k] : null, in ? zs.get(code)[k] : null, null));
                    }
                }
                // municipalities and county: population-weighted means
                Map<String, List<String>> groups = new LinkedHashMap<>();
                for (String[] l : locs) {
                    groups.computeIfAbsent(l[2], x -> new ArrayList<>()).add(l[0]);
                    groups.computeIfAbsent("03157", x -> new ArrayList<>()).add(l[0]);
                }
                for (Map.Entry<String, List<String>> gr : groups.entrySet()) {
                    for (int k = 0; k < attention.size(); k++) {
                        double num = 0;
                        double den = 0;
                        for (String c : gr.getValue()) {
                            num += values.get(c)[y][k] * population.get(c);
                            den += population.get(c);
                        }
                        valueRows.add(new de.sozialmonitor.store.ResultValueStore.Row(gr.getKey(), year, attention.get(k).id(), "", null, null, num / den, null, null, null));
                    }
                }
            }
            de.sozialmonitor.store.ResultValueStore.writeRows(h, 1, valueRows);
            long importId = h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                            + "VALUES ('data/einwohner.csv', :sha, 'showcase', 'csv', 'showcase', :at, 'imported')")
                    .bind("sha", "c".repeat(64)).bind("at", OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            try (var w = de.sozialmonitor.store.ObservationStore.writer(h, importId)) {
                for (String[] l : locs) {
                    for (int y = 2015; y <= 2024; y++) {
                        w.add(l[0], y, "pop_total", "", (double) population.get(l[0]), de.sozialmonitor.model.ValueStatus.OK);
                    }
                }
            }
        });
        // published through the privacy part's real path, so that the public pages show protected rows
        var cfg = ws.config();
        de.sozialmonitor.workflow.ReleaseWorkflow releases = new de.sozialmonitor.workflow.ReleaseWorkflow(db.jdbi());
        var info = releases.create(new de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest("Sozialmonitoring 2024", 2024, null,
                cfg.territoryCode(), cfg.territoryName(), cfg.synthetic(), de.sozialmonitor.privacy.DisclosureRules.of(cfg.privacy()),
                cfg.method(), ws.catalog()), "showcase");
        releases.publish(info.number(), "showcase");
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static Map<String, double[]> z(List<String> part, Map<String, double[][]> values, int y, int n) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String c : part) {
            out.put(c, new double[n]);
        }
        for (int k = 0; k < n; k++) {
            final int kk = k;
            Map<String, Double> zk = standardise(part, c -> values.get(c)[y][kk]);
            zk.forEach((c, v) -> out.get(c)[kk] = v);
        }
        return out;
    }

    private static Map<String, Double> standardise(List<String> part, java.util.function.ToDoubleFunction<String> f) {
        double m = part.stream().mapToDouble(f).average().orElse(0);
        double sd = Math.sqrt(part.stream().mapToDouble(c -> Math.pow(f.applyAsDouble(c) - m, 2)).sum() / (part.size() - 1));
        Map<String, Double> out = new LinkedHashMap<>();
        part.forEach(c -> out.put(c, (f.applyAsDouble(c) - m) / sd));
        return out;
    }

    private static void insertArea(org.jdbi.v3.core.Handle h, String code, String name, String level, String parent, String geometry) {
        h.createUpdate("INSERT INTO area(code, valid_from, name, level, parent_code, geometry) VALUES (:c, :f, :n, :l, :p, :g)")
                .bind("c", code).bind("f", LocalDate.of(1900, 1, 1)).bind("n", name).bind("l", level).bind("p", parent)
                .bind("g", geometry).execute();
    }
}
