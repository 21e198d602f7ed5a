package de.sozialmonitor.web;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.UserRepository;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workflow.ReleaseWorkflow;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A synthetic county in a fresh database, served on a free port, built the way a county builds its
 * monitoring: an areas file, boundaries and the counts of 2021–2023 written into the workspace,
 * imported, the method computed for 2023, the result frozen in release 1 and published. Then a
 * corrected delivery of L1's 2023 counts is imported and computed again, and frozen in release 2,
 * which is not published: staff see the corrected figures, the public does not.
 *
 * <p>County K, municipalities G1 and G2, localities L1..L15 (L3's name carries a script and its area
 * has the most room on the map, L6 is too small for the index, L2 has a count of 2 that disclosure control
 * must withhold). The counts are chosen so that the method gives every status class, all three
 * dynamics classes and several areas that need attention; which area gets which class is for the
 * method to say, and the tests read it from the release ({@link #views()}), never from here.
 */
final class WebFixture implements AutoCloseable {
    static final String XSS_NAME = "<script>alert('x')</script><img src=x onerror=alert(1)>Ort";
    static final String PASSWORD = "correct horse battery";
    static final List<Integer> YEARS = List.of(2021, 2022, 2023);
    static final int YEAR = 2023;
    /** The locality with too few inhabitants for the index and for published rates. */
    static final String SMALL = "L6";
    /** The locality with a count below disclosure control's minimum: its variable and the count. */
    static final String WITHHELD_AREA = "L2";
    static final String WITHHELD_INDICATOR = "single_parent_children";
    /** The locality whose 2023 counts the corrected delivery changes. */
    static final String CORRECTED = "L1";
    /**
     * The corrected count of under-18s with migration background in L1 (2023): 1,753 of 2,000, a
     * share of 87.65 % that no other figure comes near. Only in the unpublished computation.
     */
    static final int INTERNAL_COUNT = 1753;
    static final double INTERNAL_VALUE = 87.65;
    static final List<String> INTERNAL_VALUE_TEXTS = List.of("87,7", "87.7", "87.65", "87,65");

    /** code, municipality, inhabitants, need (status), trend (change of need per two years), box x0 y0 x1 y1 */
    private record Locality(String code, String parent, int population, double need, double trend, double[] box) {
    }

    private static final List<Locality> PLAN = List.of(
            new Locality("L1", "G1", 11000, 0.8, 0.0, new double[] {10.0, 52.29, 10.2, 52.38}),
            new Locality("L2", "G1", 900, 0.2, 0.0, new double[] {10.2, 52.29, 10.4, 52.38}),
            new Locality("L3", "G1", 3000, -0.2, 0.0, new double[] {10.0, 52.38, 10.4, 52.5}),
            new Locality("L4", "G2", 2600, 0.05, 1.0, new double[] {10.4, 52.35, 10.5, 52.5}),
            new Locality("L5", "G2", 2800, 2.2, 0.1, new double[] {10.5, 52.35, 10.6, 52.5}),
            new Locality("L6", "G2", 150, 0.0, 0.0, new double[] {10.6, 52.35, 10.7, 52.5}),
            new Locality("L7", "G1", 2000, -1.9, 0.0, new double[] {10.0, 52.2, 10.1, 52.29}),
            new Locality("L8", "G1", 2400, -0.1, -0.9, new double[] {10.1, 52.2, 10.2, 52.29}),
            new Locality("L9", "G1", 3100, 0.0, 0.1, new double[] {10.2, 52.2, 10.3, 52.29}),
            new Locality("L10", "G1", 2200, 1.6, 0.0, new double[] {10.3, 52.2, 10.4, 52.29}),
            new Locality("L11", "G2", 1800, -1.6, 0.0, new double[] {10.7, 52.35, 10.8, 52.5}),
            new Locality("L12", "G2", 2700, 0.9, 0.9, new double[] {10.4, 52.2, 10.5, 52.35}),
            new Locality("L13", "G2", 1600, -0.6, -1.0, new double[] {10.5, 52.2, 10.6, 52.35}),
            new Locality("L14", "G2", 3300, 0.1, 0.0, new double[] {10.6, 52.2, 10.7, 52.35}),
            new Locality("L15", "G2", 2100, -0.1, 0.0, new double[] {10.7, 52.2, 10.8, 52.35}));
    static final List<String> LOCALITIES = PLAN.stream().map(Locality::code).toList();
    /** The box of each area, as imported: a test may ask which area lies where. */
    static final Map<String, double[]> BOXES = boxes();

    /** Shares of the inhabitants that make up the denominators. */
    private static final Map<String, Double> SHARES = Map.of("pop_u18", 0.17, "pop_u15", 0.14, "pop_15_64", 0.64,
            "pop_65plus", 0.22, "school_leavers", 0.035);
    /** numerator, denominator, the county's typical rate (%) of the seven attention indicators */
    private static final String[][] RATES = {{"migrant_u18", "pop_u18", "28"}, {"children_single_parent", "pop_u18", "17"},
            {"sgb2_u65", "pop_u65", "7.5"}, {"unemployed", "pop_15_64", "5.0"}, {"children_u15_sgb2", "pop_u15", "11"},
            {"grusi_65plus", "pop_65plus", "3.0"}, {"school_leavers_low", "school_leavers", "14"}};

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
            WorkspaceInitializer.create(dir, Map.of("\"00000\"", "\"03999\"", "Mein Landkreis", "Landkreis Musterstadt",
                    // three years of data: dynamics compare 2023 with 2021 (Berlin's k = 2)
                    "dynamics_years: 3", "dynamics_years: 2"));
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

    /** The read side the pages render: releases as the public sees them, and the internal results. */
    ResultViews views() {
        return ResultViews.of(db.jdbi(), workspace.config());
    }

    /** Published release 1 as the public sees it. */
    ResultView published() {
        return views().published(1).orElseThrow();
    }

    /** The newest computation of 2023 as staff see it (the corrected one), with counts. */
    ResultView internal() {
        return views().internal(YEAR, true).orElseThrow();
    }

    /** A rectangle as GeoJSON. */
    static String box(double x0, double y0, double x1, double y1) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static Map<String, double[]> boxes() {
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("K", new double[] {10.0, 52.2, 10.8, 52.5});
        b.put("G1", new double[] {10.0, 52.2, 10.4, 52.5});
        b.put("G2", new double[] {10.4, 52.2, 10.8, 52.5});
        PLAN.forEach(l -> b.put(l.code(), l.box()));
        return Map.copyOf(b);
    }

    static String nameOf(String code) {
        if (code.equals("L3")) {
            return XSS_NAME;
        }
        return switch (code) {
            case "K" -> "Landkreis Musterstadt";
            case "G1" -> "Gemeinde Nord";
            case "G2" -> "Gemeinde Süd";
            default -> "Ortsteil " + (char) ('A' + Integer.parseInt(code.substring(1)) - 1);
        };
    }

    /** Areas file, boundaries, counts: imported, computed, released and published; then the correction. */
    private static void populate(Database db, Workspace ws) throws IOException {
        Path data = ws.dataDir();
        Files.createDirectories(data);
        StringBuilder areas = new StringBuilder("code;name;level;parent\nK;Landkreis Musterstadt;Kreis;\n"
                + "G1;Gemeinde Nord;Gemeinde;K\nG2;Gemeinde Süd;Gemeinde;K\n");
        PLAN.forEach(l -> areas.append(l.code()).append(';').append(nameOf(l.code()).replace(";", ",")).append(";Ortsteil;")
                .append(l.parent()).append('\n'));
        List<String> features = BOXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> "{\"type\":\"Feature\","
                + "\"properties\":{\"code\":\"" + e.getKey() + "\"},\"geometry\":" + box(e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3]) + "}").toList();
        Path areasFile = Files.writeString(data.resolve("gebiete.csv"), areas);
        Path boundaries = Files.writeString(data.resolve("grenzen.geojson"),
                "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        Path counts = Files.writeString(data.resolve("sozialdaten.csv"), counts(false));
        for (Path f : List.of(areasFile, boundaries, counts)) {
            imported(ws, db, f);
        }
        ComputeWorkflow.compute(ws, db, YEAR, "test");
        ReleaseWorkflow releases = new ReleaseWorkflow(db.jdbi());
        releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Berichtsstand 2023", YEAR, null), "test");
        releases.publish(1, "test");
        // the same delivery again with L1's counts of 2023 corrected: it supersedes the first
        imported(ws, db, Files.writeString(Files.createDirectories(data.resolve("berichtigt")).resolve("sozialdaten.csv"), counts(true)));
        ComputeWorkflow.compute(ws, db, YEAR, "test");
        releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Berichtsstand 2023, Korrektur", YEAR, null), "test");
    }

    private static void imported(Workspace ws, Database db, Path file) {
        ImportOutcome o = Importer.importFile(ws, db, file, "test");
        if (o.status() != ImportOutcome.Status.IMPORTED) {
            throw new IllegalStateException(file + ": " + o.summary() + " " + o.report().problems());
        }
    }

    /**
     * The counts of every locality and year in the canonical long format. Each rate is the county's
     * typical rate scaled by the locality's need (and its trend over the years), with a small
     * wobble per indicator so that the indicators do not move in lockstep.
     */
    static String counts(boolean corrected) {
        StringBuilder out = new StringBuilder("area_code;year;variable;value\n");
        for (Locality l : PLAN) {
            for (int year : YEARS) {
                Map<String, Long> c = new LinkedHashMap<>();
                c.put("pop_total", (long) l.population());
                SHARES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> c.put(e.getKey(), Math.round(l.population() * e.getValue())));
                Map<String, Long> denominators = new java.util.HashMap<>(c);
                denominators.put("pop_u65", l.population() - c.get("pop_65plus"));
                int n = Integer.parseInt(l.code().substring(1));
                for (int j = 0; j < RATES.length; j++) {
                    double wobble = 0.03 * Math.sin(7 * j + 3 * l.code().length() + n);
                    double rate = Double.parseDouble(RATES[j][2]) / 100
                            * Math.exp(0.35 * (l.need() + l.trend() * (year - YEARS.get(0)) / 2.0) + wobble);
                    c.put(RATES[j][0], Math.round(denominators.get(RATES[j][1]) * rate));
                }
                if (l.code().equals(WITHHELD_AREA) && year == YEAR) {
                    c.put("children_single_parent", 2L); // a small count: the public must not get it, nor the rate
                }
                if (corrected && l.code().equals(CORRECTED) && year == YEAR) {
                    // the first delivery of L1 had the counts of another locality in three columns
                    c.put("pop_u18", 2000L);
                    c.put("migrant_u18", (long) INTERNAL_COUNT);
                    c.put("sgb2_u65", Math.round(c.get("sgb2_u65") * 1.6));
                    c.put("children_u15_sgb2", Math.round(c.get("children_u15_sgb2") * 1.8));
                }
                c.forEach((variable, value) -> out.append(l.code()).append(';').append(year).append(';').append(variable)
                        .append(';').append(value).append('\n'));
            }
        }
        return out.toString();
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
