package de.sozialmonitor.web;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.UserRepository;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * A small synthetic county in a fresh database, served on a free port: county K, municipalities
 * G1 and G2, localities L1..L6 (L3 carries a script in its name, L6 is too small for the index),
 * years 2021–2023. Result set 1 is frozen in published release 1; result set 2 is a newer,
 * unpublished computation. Distinctive numbers let tests see who sees what:
 * {@link #INTERNAL_VALUE} and the count {@link #INTERNAL_COUNT} exist only in result set 2 (and
 * in the unpublished release 2). Release 1 is created and published through ReleaseWorkflow.
 */
final class WebFixture implements AutoCloseable {
    static final double INTERNAL_VALUE = 987.654;
    static final List<String> INTERNAL_VALUE_TEXTS = List.of("987,7", "987.7", "987.65", "987,65");
    static final double INTERNAL_COUNT = 4242.5;
    static final String XSS_NAME = "<script>alert('x')</script><img src=x onerror=alert(1)>Ort";
    static final String PASSWORD = "correct horse battery";
    static final List<String> LOCALITIES = List.of("L1", "L2", "L3", "L4", "L5", "L6");
    static final List<Integer> YEARS = List.of(2021, 2022, 2023);

    final Path dir;
    final Workspace workspace;
    final Database db;
    final WebServer server;
    final String base;

    private WebFixture(Path dir, Workspace workspace, Database db, WebServer server) {
        this.dir = dir;
        this.workspace = workspace;
        this.db = db;
        this.server = server;
        this.base = "http://localhost:" + server.port();
    }

    static WebFixture start() {
        return start(de.sozialmonitor.store.TestDatabases.h2());
    }

    static WebFixture start(Database db) {
        try {
            Path dir = Files.createTempDirectory("sozialmonitor-web");
            WorkspaceInitializer.create(dir, Map.of("\"00000\"", "\"03999\"", "Mein Landkreis", "Landkreis Musterstadt"));
            Files.writeString(dir.resolve(Workspace.CONFIG_FILE), "\nsynthetic: true\n", java.nio.file.StandardOpenOption.APPEND);
            Workspace ws = Workspace.open(dir);
            populate(db, ws);
            UserRepository users = new UserRepository(db.jdbi());
            for (String role : UserRepository.ROLES) {
                users.add(role + "1", role, PASSWORD, "test");
            }
            WebServer server = new WebServer(ws, db).start(0);
            return new WebFixture(dir, ws, db, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle as GeoJSON, corners on a 0.05° grid. */
    static String box(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static void populate(Database db, Workspace ws) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO area_level(name, depth) VALUES ('Kreis', 0), ('Gemeinde', 1), ('Ortsteil', 2)");
            area(h, "K", "Landkreis Musterstadt", "Kreis", null, box(10.0, 52.2, 10.4, 52.5));
            area(h, "G1", "Gemeinde Nord", "Gemeinde", "K", box(10.0, 52.2, 10.2, 52.5));
            area(h, "G2", "Gemeinde Süd", "Gemeinde", "K", box(10.2, 52.2, 10.4, 52.5));
            for (int i = 0; i < 6; i++) {
                String code = LOCALITIES.get(i);
                String name = code.equals("L3") ? XSS_NAME : "Ortsteil " + (char) ('A' + i);
                double x0 = i < 3 ? 10.0 : 10.2;
                double y0 = 52.2 + 0.1 * (i % 3);
                area(h, code, name, "Ortsteil", i < 3 ? "G1" : "G2", box(x0, y0, x0 + 0.2, y0 + 0.1));
            }
            long importId = h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                            + "VALUES ('data/einwohner.csv', :sha, 'test', 'csv', 'test', :at, 'imported')")
                    .bind("sha", "b".repeat(64)).bind("at", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            try (var w = de.sozialmonitor.store.ObservationStore.writer(h, importId)) {
                for (String l : LOCALITIES) {
                    for (int year : YEARS) {
                        w.add(l, year, "pop_total", "", l.equals("L6") ? 150.0 : 2500.0, de.sozialmonitor.model.ValueStatus.OK);
                    }
                }
            }
            List<String> indicators = ws.catalog().indicators().stream()
                    .filter(i -> i.role() == de.sozialmonitor.model.IndicatorRole.ATTENTION).map(i -> i.id()).toList();
            resultSet(h, 1, indicators, ws.catalog());
        });
        // Release 1 freezes result set 1 through the privacy part's real path, and is published.
        de.sozialmonitor.workflow.ReleaseWorkflow releases = new de.sozialmonitor.workflow.ReleaseWorkflow(db.jdbi());
        var cfg = ws.config();
        java.util.function.Function<String, de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest> request = title ->
                new de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest(title, 2023, null, cfg.territoryCode(), cfg.territoryName(),
                        cfg.synthetic(), de.sozialmonitor.privacy.DisclosureRules.of(cfg.privacy()), cfg.method(), ws.catalog());
        releases.create(request.apply("Berichtsstand 2023"), "test");
        releases.publish(1, "test");
        // Result set 2: a newer, unpublished computation, frozen into release 2, which is not published.
        db.jdbi().useTransaction(h -> resultSet(h, 2, ws.catalog().indicators().stream()
                .filter(i -> i.role() == de.sozialmonitor.model.IndicatorRole.ATTENTION).map(i -> i.id()).toList(), ws.catalog()));
        releases.create(request.apply("Berichtsstand 2023, Korrektur"), "test");
        // result sets 1 and 2 were inserted with their ids: a computation in a test gets the next one
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE result_set ALTER COLUMN id RESTART WITH 3"));
    }

    private static void resultSet(Handle h, long rs, List<String> indicators, de.sozialmonitor.model.IndicatorCatalog catalog) {
            {
                h.createUpdate("INSERT INTO result_set(id, year, computed_at, computed_by, method_json, catalog_json, inputs_json, analysis_level) "
                                + "VALUES (:id, 2023, :at, 'test', :m, :c, '{}', 'Ortsteil')")
                        .bind("id", rs).bind("at", OffsetDateTime.of(2024, 3, (int) rs, 12, 0, 0, 0, ZoneOffset.UTC))
                        .bind("c", de.sozialmonitor.store.ResultRepository.catalogJsonText(catalog))
                        .bind("m", de.sozialmonitor.store.ResultRepository.methodJson(de.sozialmonitor.model.MethodConfig.defaults()))
                        .execute();
                List<String> all = List.of("K", "G1", "G2", "L1", "L2", "L3", "L4", "L5", "L6");
                List<de.sozialmonitor.store.ResultValueStore.Row> valueRows = new java.util.ArrayList<>();
                for (int year : YEARS) {
                    for (int a = 0; a < all.size(); a++) {
                        String code = all.get(a);
                        for (int k = 0; k < indicators.size(); k++) {
                            // value = numerator / 2000 * 100, numerator a whole count
                            double numerator = 100 + 40 * a + 20 * k + 10 * (year - 2021);
                            double value = numerator / 20;
                            if (rs == 2 && code.equals("L1") && k == 0) {
                                value = INTERNAL_VALUE;
                                numerator = INTERNAL_COUNT;
                            }
                            if (code.equals("L2") && k == 1 && year == 2023) {
                                numerator = 2; // a small count: the public must not get this rate
                                value = 0.1;
                            }
                            valueRows.add(new de.sozialmonitor.store.ResultValueStore.Row(code, year, indicators.get(k), "", numerator,
                                    2000.0, value, 0.5, (a - 4) * 0.6 + k * 0.1, null));
                        }
                        if (code.startsWith("L")) {
                            int l = Integer.parseInt(code.substring(1));
                            String[] status = {"hoch", "mittel", "mittel", "niedrig", "sehr_niedrig"};
                            boolean small = code.equals("L6");
                            String sc = small ? null : status[l - 1];
                            String dc = small ? null : (l == 4 && year == 2023 ? "negativ" : l == 1 ? "positiv" : "stabil");
                            boolean attention = !small && (sc.equals("niedrig") || sc.equals("sehr_niedrig") || "negativ".equals(dc));
                            h.createUpdate("INSERT INTO result_area(result_set_id, area_code, year, status_raw, status_index, status_class, "
                                            + "dynamics_raw, dynamics_index, dynamics_class, attention, excluded) "
                                            + "VALUES (:rs, :a, :y, :si, :si, :sc, :di, :di, :dc, :att, :ex)")
                                    .bind("rs", rs).bind("a", code).bind("y", year)
                                    .bind("si", small ? null : -1.5 + l * 0.6).bind("sc", sc)
                                    .bind("di", small ? null : 0.3 * l - 0.8).bind("dc", dc)
                                    .bind("att", attention).bind("ex", small ? "population_below_minimum" : null).execute();
                        }
                    }
                }
                de.sozialmonitor.store.ResultValueStore.writeRows(h, rs, valueRows);
            }
        componentStats(h, rs);
    }

    /**
     * result_stat as the method writes it: mean and sample SD of the values (status) and of the
     * changes (dynamics) over the localities that take part (L1..L5; L6 is too small).
     */
    static void componentStats(Handle h, long rs) {
        h.execute("DELETE FROM result_stat WHERE result_set_id = ?", rs);
        // per year and indicator: the figures of the participating localities
        Map<String, List<de.sozialmonitor.store.ResultValueStore.Row>> groups = new java.util.TreeMap<>();
        for (var r : de.sozialmonitor.store.ResultValueStore.rows(h, rs)) {
            if (r.targetGroup().isEmpty() && List.of("L1", "L2", "L3", "L4", "L5").contains(r.areaCode())) {
                groups.computeIfAbsent(r.year() + "|" + r.indicatorId(), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        for (String component : List.of("status", "dynamics")) {
            groups.forEach((key, rows) -> {
                double[] x = rows.stream().map(r -> component.equals("status") ? r.value() : r.change())
                        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
                double mean = java.util.Arrays.stream(x).average().orElse(Double.NaN);
                double sd = x.length < 2 ? Double.NaN
                        : Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
                String[] yi = key.split("\\|");
                h.createUpdate("INSERT INTO result_stat(result_set_id, year, component, indicator_id, n, mean, sd, left_out) "
                                + "VALUES (:rs, :y, :c, :i, :n, :mean, :sd, :left)")
                        .bind("rs", rs).bind("y", Integer.parseInt(yi[0])).bind("c", component).bind("i", yi[1]).bind("n", rows.size())
                        .bind("mean", Double.isNaN(mean) ? null : mean).bind("sd", Double.isNaN(sd) ? null : sd)
                        .bind("left", Double.isNaN(sd) ? null : (Boolean) (sd == 0)).execute();
            });
        }
}

    private static void area(Handle h, String code, String name, String level, String parent, String geometry) {
        h.createUpdate("INSERT INTO area(code, valid_from, name, level, parent_code, geometry) VALUES (:c, :f, :n, :l, :p, :g)")
                .bind("c", code).bind("f", LocalDate.of(1900, 1, 1)).bind("n", name).bind("l", level).bind("p", parent)
                .bind("g", geometry).execute();
    }

    /** An HTTP client with its own cookie jar; not following redirects, so tests see them. */
    Client client() {
        return new Client(base);
    }

    Client loggedIn(String username) {
        Client c = client();
        HttpResponse<String> r = c.login(username, PASSWORD);
        if (r.statusCode() != 303) {
            throw new IllegalStateException("login of " + username + " failed: " + r.statusCode());
        }
        return c;
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    static final class Client {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
        final String base;
        final HttpClient http;
        String csrf;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        byte[] getBytes(String path) {
            return getBytesResponse(path).body();
        }

        HttpResponse<byte[]> getBytesResponse(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            return post(path, form, Map.of());
        }

        HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(b::header);
            return send(b.build());
        }

        /** Reads the CSRF token from a page's form. */
        String csrfFrom(String html) {
            Matcher m = CSRF.matcher(html);
            return m.find() ? m.group(1) : null;
        }

        HttpResponse<String> login(String username, String password) {
            String token = csrfFrom(get("/login").body());
            HttpResponse<String> r = post("/login", Map.of("_csrf", token, "username", username, "password", password, "next", "/intern"));
            if (r.statusCode() == 303) {
                csrf = csrfFrom(get("/intern").body());
            }
            return r;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
