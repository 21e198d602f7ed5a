package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analyst area over HTTP: upload → check report → import (bound to the checked file's
 * SHA-256) → history → compute, and its security: roles, CSRF, XSS through uploaded files, path
 * traversal in file names, swapped files, the size limit.
 */
class AnalystAreaTest {
    static final String[] VARIABLES = {"pop_total", "pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18",
            "children_single_parent", "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers",
            "school_leavers_low", "eingliederungshilfe"};
    static final String XSS = "<script>alert('up')</script>\"><img src=x onerror=alert(2)>";
    static final Pattern HIDDEN = Pattern.compile("name=\"(upload|sha256)\" value=\"([^\"]*)\"");

    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Counts of every standard variable for the fixture's six localities in {@code year}: importable and computable. */
    static String canonicalCsv(int year, int seed) {
        StringBuilder sb = new StringBuilder("area_code;year;variable;value\n");
        java.util.Random rnd = new java.util.Random(seed);
        for (String l : WebFixture.LOCALITIES) {
            int pop = l.equals("L6") ? 150 : 1500 + rnd.nextInt(3000);
            for (String v : VARIABLES) {
                long value = v.equals("pop_total") ? pop : Math.round(pop * (0.04 + 0.2 * rnd.nextDouble()));
                sb.append(l).append(';').append(year).append(';').append(v).append(';').append(value).append('\n');
            }
        }
        return sb.toString();
    }

    /** A multipart/form-data POST as a browser sends it. */
    static HttpResponse<String> upload(WebFixture.Client c, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----sozialmonitor" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName.replace("\"", "%22")
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest r = HttpRequest.newBuilder(URI.create(c.base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return c.http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> check(WebFixture.Client c, String fileName, String content) {
        return upload(c, "/intern/daten/pruefen", fileName, content.getBytes(StandardCharsets.UTF_8), Map.of("_csrf", c.csrf));
    }

    /** The hidden fields of the import form on a check report. */
    static Map<String, String> importForm(String html) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            form.put(m.group(1), m.group(2));
        }
        return form;
    }

    static HttpResponse<String> importChecked(WebFixture.Client c, Map<String, String> form) {
        Map<String, String> post = new LinkedHashMap<>(form);
        post.put("_csrf", c.csrf);
        return c.post("/intern/daten/einspielen", post);
    }

    static int count(String sql) {
        return fx.db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void anAnalystUploadsReadsTheCheckReportImportsAndComputes() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        assertThat(analyst.get("/intern/daten").body()).contains("Datei prüfen").contains("enctype=\"multipart/form-data\"");

        HttpResponse<String> report = check(analyst, "zaehlung-2024.csv", canonicalCsv(2024, 1));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Prüfbericht: zaehlung-2024.csv").contains("Keine Fehler").contains("Importieren");
        int importsBefore = count("SELECT COUNT(*) FROM import");
        assertThat(count("SELECT COUNT(*) FROM import")).as("a check changes nothing").isEqualTo(importsBefore);

        HttpResponse<String> imported = importChecked(analyst, importForm(report.body()));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("eingespielt").contains((WebFixture.LOCALITIES.size() * VARIABLES.length) + " Zeilen");
        String importUser = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT user_name FROM import ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertThat(importUser).isEqualTo("analyst1");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'import' AND user_name = 'analyst1' "
                + "AND target = 'zaehlung-2024.csv' AND detail LIKE 'import #%'")).isEqualTo(1);
        assertThat(Files.isDirectory(fx.workspace.dataDir().resolve("uploads"))).as("the imported file is kept under data/uploads").isTrue();

        String data = analyst.get("/intern/daten").body();
        assertThat(data).contains("zaehlung-2024.csv").contains("analyst1").contains("<option value=\"2024\"");

        // the same file again: the check says so, importing it changes nothing
        HttpResponse<String> again = check(analyst, "zaehlung-2024.csv", canonicalCsv(2024, 1));
        assertThat(again.body()).contains("schon eingespielt");
        assertThat(importChecked(analyst, importForm(again.body())).body()).contains("Unverändert");

        // a corrected delivery of the same source supersedes the first and shows the diff
        HttpResponse<String> corrected = check(analyst, "zaehlung-2024.csv", canonicalCsv(2024, 2));
        HttpResponse<String> second = importChecked(analyst, importForm(corrected.body()));
        assertThat(second.body()).contains("Ersetzt eine frühere Lieferung").contains("geänderte").contains("<td>L1</td>");

        HttpResponse<String> computed = analyst.post("/intern/berechnung", Map.of("_csrf", analyst.csrf, "year", "2024"));
        assertThat(computed.statusCode()).as(computed.body()).isEqualTo(200);
        assertThat(computed.body()).contains("Berechnung").contains("für 2024").contains("Gebiete je Klasse")
                .contains("action=\"/intern/berichtsstaende\"");
        int resultSet = count("SELECT MAX(id) FROM result_set");
        String computedBy = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT computed_by FROM result_set WHERE id = :id")
                .bind("id", resultSet).mapTo(String.class).one());
        assertThat(computedBy).isEqualTo("analyst1");
        // the internal pages see the new computation at once
        assertThat(analyst.get("/api/v1/meta").body()).containsPattern("\"years\":\\[[0-9,]*2024");
        assertThat(fx.client().get("/api/v1/meta").body()).as("the public still sees release 1").contains("\"release\":1")
                .doesNotContain("2024");
    }

    @Test
    void aFileWithErrorsIsReportedWithRowColumnValueAndCannotBeImported() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        String csv = "area_code;year;variable;value\nL1;2025;pop_total;12x\nNOPE;2025;pop_total;5\n";
        HttpResponse<String> report = check(analyst, "fehler.csv", csv);
        assertThat(report.body()).contains("kann nicht eingespielt werden").contains("<code>12x</code>").contains("<code>NOPE</code>")
                .doesNotContain("name=\"sha256\"");
        assertThat(report.body()).contains("<td>2</td>").contains("<td>3</td>");
    }

    @Test
    void scriptsInUploadedFilesFileNamesAreaNamesAndValuesStayText() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        // an areas file: names and a level carry payloads, a parent that does not exist is an error with its value
        String areas = "code;name;level;parent\nK;Landkreis Musterstadt;Kreis;\nX1;" + XSS.replace(";", ",") + ";Ortsteil;"
                + XSS.replace(";", ",") + "\n";
        HttpResponse<String> r1 = check(analyst, XSS + ".csv", areas);
        // content: area codes, variables and values with payloads
        String canonical = "area_code;year;variable;value\n" + XSS.replace(";", ",") + ";2025;pop_total;1\nL1;2025;"
                + XSS.replace(";", ",") + ";" + XSS.replace(";", ",") + "\n";
        HttpResponse<String> r2 = upload(analyst, "/intern/daten/pruefen", "x.csv", canonical.getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", analyst.csrf, "source", XSS));
        Map<String, String> form = importForm(r2.body());
        if (!form.isEmpty()) {
            importChecked(analyst, form);
        }
        // a rejected import: its message (reasons with values) lands in the history
        HttpResponse<String> r3 = check(analyst, "y.csv", "area_code;year;variable;value\nL1;2025;pop_total;1\nL2;2025;pop_total;"
                + XSS.replace(";", ",") + "\n");
        // area names read through a mapping (codes: name): an unknown name is an error whose value is the name
        try {
            Files.writeString(fx.workspace.sourcesDir().resolve("namen.yaml"), """
                    pattern: "namen-*.csv"
                    layout: wide
                    area: {column: Gebiet, codes: name}
                    columns:
                      "2037": {variable: pop_total, year: 2037}
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<String> r4 = check(analyst, "namen-1.csv", "Gebiet;2037\n" + XSS.replace(";", ",") + ";5\n");
        assertThat(r4.body()).contains("&lt;script&gt;alert(");
        // an areas file whose new area carries the payload as its name is imported; the pages show the name as text
        HttpResponse<String> r5 = check(analyst, "gebiete-neu.csv", "code;name;level;parent\nX9;" + XSS.replace(";", ",")
                + ";Ortsteil;G1\n");
        HttpResponse<String> r6 = importChecked(analyst, importForm(r5.body()));
        assertThat(r6.body()).contains("eingespielt");
        String history = analyst.get("/intern/daten").body();
        for (String page : List.of("/?year=2023", "/gebiet/X9?year=2023")) {
            assertThat(analyst.get(page).body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
        for (HttpResponse<String> r : List.of(r1, r2, r3, r4, r5, r6)) {
            assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("\"><img");
        }
        assertThat(history).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("\"><img");
        // the payloads are there, as text
        assertThat(r2.body()).contains("&lt;script&gt;alert(");
        assertThat(r1.body() + r2.body() + r3.body()).contains("&lt;img src=x onerror=alert(2)&gt;");
        // the client's name is cut to its last path element and reduced to safe characters
        assertThat(r1.body()).contains("<dd>script_22_img_src_x_onerror_alert_2_.csv</dd>");
    }

    @Test
    void aRejectedImportIsInTheHistoryWithItsReasonsEscaped() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        HttpResponse<String> ok = check(analyst, "spaeter.csv", "area_code;year;variable;value\nL1;2030;pop_total;10\n");
        Map<String, String> form = importForm(ok.body());
        assertThat(form).containsKeys("upload", "sha256");
        // meanwhile another delivery brings the same figure: the import of the checked file is now refused
        HttpResponse<String> other = check(analyst, "andere-quelle.csv", "area_code;year;variable;value\nL1;2030;pop_total;"
                + "11\n");
        assertThat(importChecked(analyst, importForm(other.body())).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = importChecked(analyst, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Import abgelehnt");
        assertThat(analyst.get("/intern/daten").body()).contains("abgelehnt").contains("spaeter.csv");
    }

    @Test
    void theImportTakesOnlyTheCheckedFile() throws IOException {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        HttpResponse<String> report = check(analyst, "tausch.csv", "area_code;year;variable;value\nL1;2031;pop_total;10\n");
        Map<String, String> form = importForm(report.body());
        int before = count("SELECT COUNT(*) FROM import");

        Map<String, String> wrongSha = new LinkedHashMap<>(form);
        wrongSha.put("sha256", "0".repeat(64));
        assertThat(importChecked(analyst, wrongSha).statusCode()).isEqualTo(409);

        Path staged = fx.workspace.stateDir().resolve("uploads").resolve(form.get("upload")).resolve("tausch.csv");
        assertThat(staged).exists();
        staged.toFile().setWritable(true);
        Files.writeString(staged, "area_code;year;variable;value\nL1;2031;pop_total;99999\n");
        assertThat(importChecked(analyst, form).statusCode()).as("a file swapped after the check").isEqualTo(409);

        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put("upload", "../../sozialmonitor.yaml");
        assertThat(importChecked(analyst, forged).statusCode()).isEqualTo(404);
        assertThat(fx.loggedIn("admin1").post("/intern/daten/einspielen", Map.of("_csrf", "x")).statusCode()).isEqualTo(403);
        WebFixture.Client admin = fx.loggedIn("admin1");
        assertThat(importChecked(admin, form).statusCode()).as("only the uploader imports").isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM import")).isEqualTo(before);
    }

    @Test
    void pathTraversalInTheFileNameStaysInsideTheStagingFolder() throws IOException {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        String config = Files.readString(fx.workspace.configFile());
        for (String name : List.of("../../sozialmonitor.yaml", "..\\..\\..\\indicators.yaml", "/etc/passwd", "..", ".hidden.csv")) {
            HttpResponse<String> r = check(analyst, name, "area_code;year;variable;value\nL1;2032;pop_total;1\n");
            assertThat(r.statusCode()).as(name).isEqualTo(200);
        }
        assertThat(Files.readString(fx.workspace.configFile())).isEqualTo(config);
        Path staging = fx.workspace.stateDir().resolve("uploads");
        try (Stream<Path> all = Files.walk(fx.workspace.root())) {
            List<Path> outside = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(staging) && !p.startsWith(fx.workspace.dataDir().resolve("uploads")))
                    .filter(p -> p.getFileName().toString().matches("sozialmonitor\\.yaml|indicators\\.yaml|passwd|hidden\\.csv"))
                    .filter(p -> !p.equals(fx.workspace.configFile()) && !p.equals(fx.workspace.catalogFile()))
                    .toList();
            assertThat(outside).isEmpty();
        }
        try (Stream<Path> staged = Files.walk(staging)) {
            assertThat(staged.map(p -> p.getFileName().toString()))
                    .contains("sozialmonitor.yaml", "indicators.yaml", "passwd", "hidden.csv")
                    .noneMatch(n -> n.startsWith("."));
        }
        assertThat(Uploads.safeName("../../a b<c>.csv")).isEqualTo("a_b_c_.csv");
        assertThat(Uploads.safeName("..")).isEqualTo("upload");
        assertThat(Uploads.safeName("Einwohner März 2024.xlsx")).isEqualTo("Einwohner_März_2024.xlsx");
    }

    @Test
    void viewersAndTheAnonymousPublicCannotUploadImportOrCompute() {
        int imports = count("SELECT COUNT(*) FROM import");
        int sets = count("SELECT COUNT(*) FROM result_set");
        WebFixture.Client viewer = fx.loggedIn("viewer1");
        assertThat(viewer.get("/intern/daten").statusCode()).isEqualTo(403);
        assertThat(check(viewer, "v.csv", canonicalCsv(2027, 3)).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/intern/daten/einspielen", Map.of("_csrf", viewer.csrf, "upload", "x", "sha256", "y")).statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/intern/berechnung", Map.of("_csrf", viewer.csrf)).statusCode()).isEqualTo(403);
        WebFixture.Client anonymous = fx.client();
        anonymous.csrf = anonymous.csrfFrom(anonymous.get("/login").body());
        assertThat(check(anonymous, "a.csv", canonicalCsv(2027, 3)).statusCode()).isEqualTo(403);
        assertThat(anonymous.get("/intern/daten").statusCode()).isEqualTo(303);
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        assertThat(upload(analyst, "/intern/daten/pruefen", "n.csv", "x".getBytes(StandardCharsets.UTF_8), Map.of()).statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(analyst.post("/intern/berechnung", Map.of("year", "2023")).statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM import")).isEqualTo(imports);
        assertThat(count("SELECT COUNT(*) FROM result_set")).isEqualTo(sets);
        try (Stream<Path> staged = Files.exists(fx.workspace.stateDir().resolve("uploads"))
                ? Files.walk(fx.workspace.stateDir().resolve("uploads")) : Stream.empty()) {
            assertThat(staged.map(p -> p.getFileName().toString())).doesNotContain("v.csv", "a.csv", "n.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anUploadAboveTheLimitIsRefusedAndNotKept() {
        try (WebServer small = new WebServer(WebServer.context(fx.workspace, fx.db).withMaxUploadBytes(2000)).start(0)) {
            WebFixture.Client c = new WebFixture.Client("http://localhost:" + small.port());
            assertThat(c.login("analyst1", WebFixture.PASSWORD).statusCode()).isEqualTo(303);
            HttpResponse<String> big = check(c, "gross.csv", canonicalCsv(2028, 4));
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(big.body()).contains("zu groß");
            HttpResponse<String> fits = check(c, "klein.csv", "area_code;year;variable;value\nL1;2033;pop_total;1\n");
            assertThat(fits.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aChosenSourceMappingReadsAFileWhoseNameItsPatternDoesNotMatch() throws IOException {
        Files.writeString(fx.workspace.sourcesDir().resolve("zensus.yaml"), """
                pattern: "zensus-*.csv"
                layout: wide
                area: {column: Gebiet, codes: name}
                columns:
                  "2036": {variable: pop_total, year: 2036}
                """);
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        assertThat(analyst.get("/intern/daten").body()).contains("<option value=\"zensus\">sources/zensus.yaml</option>");
        String wide = "Gebiet;2036\nOrtsteil A;1200\nOrtsteil B;1300\n";
        HttpResponse<String> automatic = check(analyst, "lieferung.csv", wide);
        assertThat(automatic.body()).contains("kann nicht eingespielt werden");
        HttpResponse<String> mapped = upload(analyst, "/intern/daten/pruefen", "lieferung.csv", wide.getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", analyst.csrf, "mapping", "zensus"));
        assertThat(mapped.body()).contains("Keine Fehler").contains("<dd>zensus</dd>");
        HttpResponse<String> imported = importChecked(analyst, importForm(mapped.body()));
        assertThat(imported.body()).contains("eingespielt").contains("2 Zeilen");
        String version = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT mapping_version FROM import ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertThat(version).startsWith("sources/zensus.yaml@");
        HttpResponse<String> unknown = upload(analyst, "/intern/daten/pruefen", "lieferung.csv", wide.getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", analyst.csrf, "mapping", "../sozialmonitor"));
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    void theAnalystPagesAreInEnglishToo() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        String page = analyst.get("/intern/daten?lang=en").body();
        assertThat(page).contains("Check a file").contains("Upload and check").contains("Imports").contains("Compute");
        HttpResponse<String> report = check(analyst, "english.csv", "area_code;year;variable;value\nL1;2034;pop_total;12abc\n");
        assertThat(report.body()).contains("Check report: english.csv").contains("cannot be imported");
    }
}
