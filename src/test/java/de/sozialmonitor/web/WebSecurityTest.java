package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role test (every route × every role), CSRF, sessions, headers, XSS and SQL injection,
 * against a running server with the fixture's published and unpublished results.
 */
class WebSecurityTest {
    static WebFixture fx;
    static Map<Role, WebFixture.Client> clients;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
        clients = new EnumMap<>(Role.class);
        clients.put(Role.PUBLIC, fx.client());
        clients.put(Role.VIEWER, fx.loggedIn("viewer1"));
        clients.put(Role.ANALYST, fx.loggedIn("analyst1"));
        clients.put(Role.ADMIN, fx.loggedIn("admin1"));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The corrected count only analysts may see, as a number of its own (not a part of a longer one). */
    static final java.util.regex.Pattern INTERNAL_COUNT = java.util.regex.Pattern.compile("(?<![0-9.,])"
            + WebFixture.INTERNAL_COUNT + "(?![0-9])");

    static String concrete(String path) {
        return path.replace("{code}", "L1").replace("{id}", "sgb2").replace("{collection}", "ortsteil")
                .replace("{feature}", "L1").replace("{name}", "viewer1").replace("{number}", "1");
    }

    @Test
    void everyRouteAnswersEveryRoleAsItsLeastRoleAllowsAndLeaksNothing() {
        List<String> problems = new ArrayList<>();
        for (WebServer.RouteSpec route : fx.server.routes()) {
            for (Role role : Role.values()) {
                WebFixture.Client c = clients.get(role);
                String path = concrete(route.path());
                HttpResponse<String> r;
                if (route.method() == HandlerType.GET) {
                    r = c.get(path + (path.contains("?") ? "&" : "?") + "year=2023&show=ind:sgb2");
                } else {
                    if (role.atLeast(route.minRole())) {
                        continue; // allowed state changes are tested one by one below
                    }
                    r = c.post(path, Map.of("_csrf", c.csrf == null ? "" : c.csrf, "role", "admin", "username", "mallory",
                            "password", "0123456789abc"));
                }
                String where = route.method() + " " + path + " as " + role + ": ";
                boolean allowed = role.atLeast(route.minRole());
                if (allowed && route.method() == HandlerType.GET && r.statusCode() != 200) {
                    problems.add(where + "expected 200, got " + r.statusCode());
                }
                if (!allowed && !List.of(401, 403, 303).contains(r.statusCode())) {
                    problems.add(where + "expected 401/403/303, got " + r.statusCode());
                }
                if (!allowed && r.statusCode() == 303) {
                    assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/login");
                }
                String body = r.body();
                if (!role.atLeast(Role.VIEWER)) {
                    for (String internal : WebFixture.INTERNAL_VALUE_TEXTS) {
                        if (body.contains(internal)) {
                            problems.add(where + "shows the unpublished value " + internal);
                        }
                    }
                }
                if (!role.atLeast(Role.ANALYST) && INTERNAL_COUNT.matcher(body).find()) {
                    problems.add(where + "shows a count (numerator) it may not see");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRoleTestHasTeeth_internalValuesAndCountsDoReachThoseAllowedToSeeThem() {
        String viewer = clients.get(Role.VIEWER).get("/api/v1/areas?year=2023").body();
        assertThat(viewer).contains(String.valueOf(WebFixture.INTERNAL_VALUE));
        assertThat(INTERNAL_COUNT.matcher(viewer).find()).isFalse();
        String analyst = clients.get(Role.ANALYST).get("/api/v1/areas?year=2023").body();
        assertThat(analyst).contains(String.valueOf(WebFixture.INTERNAL_VALUE));
        assertThat(INTERNAL_COUNT.matcher(analyst).find()).isTrue();
        assertThat(clients.get(Role.PUBLIC).get("/api/v1/areas?year=2023").body()).doesNotContain(String.valueOf(WebFixture.INTERNAL_VALUE))
                .contains("\"L1\"");
        assertThat(clients.get(Role.PUBLIC).get("/api/v1/meta").body()).contains("\"release\":1");
    }

    @Test
    void onlyPublishedReleasesCanBeDownloadedWithoutLogin() {
        assertThat(clients.get(Role.PUBLIC).get("/download/berichtsstand/1").statusCode()).isEqualTo(200);
        assertThat(clients.get(Role.PUBLIC).get("/download/berichtsstand/2").statusCode()).isEqualTo(404);
        assertThat(clients.get(Role.PUBLIC).get("/download/berichtsstand/2?format=json").statusCode()).isEqualTo(404);
        assertThat(INTERNAL_COUNT.matcher(clients.get(Role.ANALYST).get("/intern/berichtsstaende/2/download").body()).find()).isTrue();
        assertThat(clients.get(Role.VIEWER).get("/intern/berichtsstaende/2/download").statusCode()).isEqualTo(403);
    }

    @Test
    void aViewerCannotPublishAndAnAnalystCanOnlyWithTheToken() {
        assertThat(clients.get(Role.VIEWER).post("/intern/berichtsstaende/2/veroeffentlichen",
                Map.of("_csrf", clients.get(Role.VIEWER).csrf)).statusCode()).isEqualTo(403);
        assertThat(clients.get(Role.ANALYST).post("/intern/berichtsstaende/2/veroeffentlichen", Map.of()).statusCode()).isEqualTo(403);
        assertThat(fx.client().get("/api/v1/meta").body()).contains("\"release\":1");
    }

    @Test
    void thePublicGetsSmallCountRatesWithheld() {
        String csv = clients.get(Role.PUBLIC).get("/download/gebiete.csv?year=2023&format=intl").body();
        int column = List.of(csv.lines().filter(l -> l.startsWith("area_code,")).findFirst().orElseThrow().split(","))
                .indexOf(WebFixture.WITHHELD_INDICATOR);
        String area = WebFixture.WITHHELD_AREA + ",";
        assertThat(csv.lines().filter(l -> l.startsWith(area)).findFirst().orElseThrow().split(",")[column]).isEqualTo(".");
        String internal = clients.get(Role.ANALYST).get("/download/gebiete.csv?year=2023&format=intl").body();
        assertThat(internal.lines().filter(l -> l.startsWith(area)).findFirst().orElseThrow().split(",")[column]).isNotEqualTo(".");
    }

    @Test
    void stateChangingRequestsWithoutTheCsrfTokenAreRefused() {
        WebFixture.Client admin = clients.get(Role.ADMIN);
        HttpResponse<String> noToken = admin.post("/intern/benutzer", Map.of("username", "eve", "role", "admin", "password", "0123456789abc"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = admin.post("/intern/benutzer", Map.of("_csrf", "forged", "username", "eve", "role", "admin",
                "password", "0123456789abc"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = admin.post("/intern/benutzer", Map.of("_csrf", admin.csrf, "username", "eve", "role", "admin",
                "password", "0123456789abc"), Map.of("Origin", "https://evil.example"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> loginWithoutToken = fx.client().post("/login", Map.of("username", "admin1", "password", WebFixture.PASSWORD));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
        int eves = fx.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = 'eve'").mapTo(Integer.class).one());
        assertThat(eves).isZero();
    }

    @Test
    void anAdminAddsAUserWithTheTokenAndTheChangeIsAudited() {
        WebFixture.Client admin = clients.get(Role.ADMIN);
        HttpResponse<String> r = admin.post("/intern/benutzer", Map.of("_csrf", admin.csrf, "username", "neu.analyst", "role", "analyst",
                "password", "0123456789abc"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fx.client().login("neu.analyst", "0123456789abc").statusCode()).isEqualTo(303);
        assertThat(admin.get("/intern/protokoll").body()).contains("user.add").contains("neu.analyst");
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrictAndRenewedAtLogin() {
        WebFixture.Client c = fx.client();
        String token = c.csrfFrom(c.get("/login").body());
        HttpResponse<String> r = c.post("/login", Map.of("_csrf", token, "username", "viewer1", "password", WebFixture.PASSWORD));
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(WebServer.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
        HttpResponse<String> again = c.login("viewer1", WebFixture.PASSWORD);
        String second = again.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith(WebServer.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(second).isNotEqualTo(cookie);
    }

    @Test
    void logoutEndsTheSession() {
        WebFixture.Client c = fx.loggedIn("viewer1");
        assertThat(c.get("/intern").statusCode()).isEqualTo(200);
        assertThat(c.post("/logout", Map.of("_csrf", c.csrf)).statusCode()).isEqualTo(303);
        assertThat(c.get("/intern").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongPasswordsAreThrottledAndAuditedInAggregate() {
        WebFixture.Client c = fx.client();
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            codes.add(c.login("analyst1-typo", "wrong password " + i).statusCode());
        }
        assertThat(codes.subList(0, 5)).containsOnly(401);
        assertThat(codes.get(6)).isEqualTo(429);
        fx.server.flushCounts(true);
        List<String> rows = fx.db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT detail FROM audit_event WHERE action = 'login.failed' AND target = 'analyst1-typo'")
                .mapTo(String.class).list());
        // One row per minute: a run that crosses a minute boundary is written as two rows.
        assertThat(rows).hasSizeBetween(1, 2).allSatisfy(row -> assertThat(row).contains("address 127.0.0.1"));
        assertThat(sumOf(rows, "failed")).isEqualTo(5);
        assertThat(sumOf(rows, "throttled")).isEqualTo(2);
    }

    private static int sumOf(List<String> auditRows, String word) {
        java.util.regex.Pattern count = java.util.regex.Pattern.compile("(\\d+) " + word);
        return auditRows.stream().mapToInt(row -> {
            java.util.regex.Matcher m = count.matcher(row);
            assertThat(m.find()).as("'%s' in %s", word, row).isTrue();
            return Integer.parseInt(m.group(1));
        }).sum();
    }

    @Test
    void overlongNamesAndPasswordsAtLoginAre400NeverAServerError() {
        WebFixture.Client c = fx.client();
        assertThat(c.login("n".repeat(200), "whatever password").statusCode()).isEqualTo(400);
        assertThat(c.login("viewer1", "p".repeat(1001)).statusCode()).isEqualTo(400);
        for (int i = 0; i < 6; i++) {
            c.login("throttled-" + "t".repeat(90), "wrong password " + i);
        }
        assertThat(c.login("throttled-" + "t".repeat(90), "wrong password").statusCode()).isEqualTo(429);
        assertThat(c.login("t".repeat(200), "wrong password").statusCode()).as("a 200-character name, throttled or not").isEqualTo(400);
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndACspWithoutInlineScript() {
        for (String path : List.of("/", "/gebiet/L1", "/api/v1/areas", "/ogc", "/login", "/nirgends")) {
            HttpResponse<String> r = fx.client().get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
        String html = fx.client().get("/").body();
        assertThat(html).doesNotContainPattern("<script>[^<]").doesNotContain("style=\"").doesNotContain(" onclick=");
    }

    @Test
    void scriptInAnAreaNameIsRenderedAsText() {
        for (Role role : List.of(Role.PUBLIC, Role.ANALYST)) {
            for (String path : List.of("/?year=2023", "/gebiet/L3?year=2023", "/aufmerksamkeit?year=2023", "/indikator/sgb2?year=2023")) {
                String html = clients.get(role).get(path).body();
                assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x");
            }
        }
        assertThat(fx.client().get("/gebiet/L3?year=2023").body()).contains("&lt;script&gt;alert(");
        HttpResponse<String> json = fx.client().get("/api/v1/areas?year=2023");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void sqlInjectionThroughEveryParameterFailsHarmlessly() {
        List<String> attacks = List.of("' OR '1'='1", "1; DROP TABLE area_snapshot; --", "L1' UNION SELECT password_hash FROM app_user --", "%27%20OR%201=1");
        int areasBefore = de.sozialmonitor.store.AreaRepository.areas(fx.db.jdbi()).size();
        for (WebServer.RouteSpec route : fx.server.routes()) {
            if (route.method() != HandlerType.GET) {
                continue;
            }
            for (String attack : attacks) {
                String enc = java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8);
                String path = route.path().replaceAll("\\{[a-z]+}", enc.replace("+", "%20"));
                String query = "?level=" + enc + "&year=" + enc + "&show=" + enc + "&sort=" + enc + "&dir=" + enc + "&format=" + enc
                        + "&limit=" + enc + "&offset=" + enc + "&bbox=" + enc + "&datetime=" + enc + "&zoom=" + enc + "&next=" + enc + "&lang=" + enc;
                for (Role role : List.of(Role.PUBLIC, Role.ADMIN)) {
                    HttpResponse<String> r = clients.get(role).get(path + query);
                    assertThat(r.statusCode()).as(route.path() + " " + attack).isLessThan(500);
                    assertThat(r.body()).doesNotContain("$argon2");
                    if (role == Role.PUBLIC) {
                        assertThat(r.body()).doesNotContain(WebFixture.INTERNAL_VALUE_TEXTS.toArray(String[]::new));
                    }
                }
            }
        }
        int areasAfter = de.sozialmonitor.store.AreaRepository.areas(fx.db.jdbi()).size();
        assertThat(areasAfter).isEqualTo(areasBefore);
    }

    @Test
    void anOpenRedirectAfterLoginIsRefused() {
        assertThat(Admin.safeNext("https://evil.example/")).isEqualTo("/intern");
        assertThat(Admin.safeNext("//evil.example/")).isEqualTo("/intern");
        assertThat(Admin.safeNext("/gebiet/L1")).isEqualTo("/gebiet/L1");
    }
}
