package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.MeasureRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Measures recorded by staff in the web, shown on the public profiles with their before/after comparison. */
class MeasurePagesTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void noMeasures() {
        MeasureRepository repo = new MeasureRepository(fx.db.jdbi());
        repo.list().forEach(s -> repo.delete(s.measure().key(), "test"));
    }

    /** A form post with repeated fields (several areas or indicators). */
    private static HttpResponse<String> post(WebFixture.Client c, String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            return c.http.send(HttpRequest.newBuilder(URI.create(c.base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstAttentionIndicator() {
        return fx.workspace.catalog().indicators().stream()
                .filter(i -> i.role() == de.sozialmonitor.model.IndicatorRole.ATTENTION).findFirst().orElseThrow().id();
    }

    private static List<Map.Entry<String, String>> measure(WebFixture.Client c, String key, String title, String start,
                                                            boolean shownPublic, String... areas) {
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>(List.of(Map.entry("_csrf", c.csrf), Map.entry("editing", "0"),
                Map.entry("key", key), Map.entry("title", title), Map.entry("field_of_action", "Bildung"),
                Map.entry("office", "FD Jugend"), Map.entry("start", start), Map.entry("end", ""), Map.entry("budget", "120.000"),
                Map.entry("funding", "Sozialer Zusammenhalt"), Map.entry("target_group", "Familien"),
                Map.entry("description", "synthetisches Beispiel"), Map.entry("indicators", firstAttentionIndicator())));
        for (String a : areas) {
            f.add(Map.entry("areas", a));
        }
        if (shownPublic) {
            f.add(Map.entry("public", "on"));
        }
        return f;
    }

    @Test
    void anAnalystRecordsAMeasureAndTheProfilesShowItWithItsComparisonLabelledAsDescription() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        assertThat(analyst.get("/intern/massnahmen/bearbeiten").body()).contains("name=\"areas\"", "name=\"indicators\"");
        HttpResponse<String> saved = post(analyst, "/intern/massnahmen",
                measure(analyst, "M-1", "Lernwerkstatt <b>Süd</b>", "2023-01-01", true, "L4"));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("gespeichert", "M-1").doesNotContain("<b>Süd</b>");
        assertThat(new AuditLog(fx.db.jdbi()).latest(5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("measure.create");
            assertThat(e.user()).isEqualTo("analyst1");
        });

        WebFixture.Client anonymous = fx.client();
        String profile = anonymous.get("/gebiet/L4").body();
        // the comparison before and after the start, read as the read side reads the release's figures
        de.sozialmonitor.view.MeasureView measures = fx.views().measures(fx.published(), false);
        de.sozialmonitor.view.MeasureView.Trend trend = measures.trends(measures.find("M-1").orElseThrow()).get(0);
        String reading = trend.comparison().reading(trend.indicator().polarity().sign(), trend.indicator().precision());
        assertThat(reading).isNotNull();
        assertThat(profile).contains("id=\"massnahmen\"", "Lernwerkstatt &lt;b&gt;Süd&lt;/b&gt;", "FD Jugend", "120.000 €",
                "Sozialer Zusammenhalt", "seit 01.01.2023", "Differenz der Differenzen", "kein Wirkungsnachweis",
                "2021–2022", "2022–2023", de.sozialmonitor.i18n.TextBundle.of("i18n.steering", java.util.Locale.GERMAN)
                        .get("measures.reading." + reading));
        assertThat(anonymous.get("/gebiet/G2").body()).contains("Lernwerkstatt"); // the municipality above
        assertThat(anonymous.get("/gebiet/L1").body()).doesNotContain("Lernwerkstatt", "id=\"massnahmen\"");
        assertThat(anonymous.get("/massnahmen").body()).contains("Lernwerkstatt", "kein Wirkungsnachweis");
    }

    @Test
    void aMeasureNotMarkedPublicStaysWithStaff() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        assertThat(post(analyst, "/intern/massnahmen", measure(analyst, "M-2", "Geplante Beratung", "2022-05-01", false, "L2"))
                .statusCode()).isEqualTo(200);
        WebFixture.Client anonymous = fx.client();
        assertThat(anonymous.get("/gebiet/L2").body()).doesNotContain("Geplante Beratung");
        assertThat(anonymous.get("/massnahmen").body()).doesNotContain("Geplante Beratung");
        String staff = fx.loggedIn("viewer1").get("/massnahmen").body();
        assertThat(staff).contains("Geplante Beratung", "nur intern");
    }

    @Test
    void theJsonApiListsTheMeasuresTheViewerMaySeeWithTheirComparisons() throws Exception {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        post(analyst, "/intern/massnahmen", measure(analyst, "M-6", "Lernwerkstatt Nord", "2023-01-01", true, "L4"));
        post(analyst, "/intern/massnahmen", measure(analyst, "M-7", "Geplante Sprechstunde", "2022-05-01", false, "L2"));
        com.fasterxml.jackson.databind.JsonNode pub = de.sozialmonitor.json.Json.MAPPER.readTree(fx.client().get("/api/v1/measures").body());
        assertThat(pub.size()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode m = pub.get(0);
        assertThat(m.path("key").asText()).isEqualTo("M-6");
        assertThat(m.path("areas").get(0).asText()).isEqualTo("L4");
        assertThat(m.path("indicators").get(0).asText()).isEqualTo(firstAttentionIndicator());
        assertThat(m.path("start").asText()).isEqualTo("2023-01-01");
        assertThat(m.path("comparisons").size()).isPositive();
        assertThat(m.path("comparisons").get(0).path("area").asText()).isEqualTo("L4");
        assertThat(m.path("comparisons").get(0).has("difference_of_differences")).isTrue();
        com.fasterxml.jackson.databind.JsonNode staff = de.sozialmonitor.json.Json.MAPPER.readTree(
                fx.loggedIn("viewer1").get("/api/v1/measures").body());
        assertThat(staff.size()).isEqualTo(2);
    }

    @Test
    void aFormWithMistakesIsShownAgainWithReasonsAndNothingIsSaved() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>(measure(analyst, "M-3", "", "2023-05-01", true, "L4", "Atlantis"));
        f.removeIf(e -> e.getKey().equals("end"));
        f.add(Map.entry("end", "2020-01-01"));
        HttpResponse<String> r = post(analyst, "/intern/massnahmen", f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Titel: Angabe fehlt", "Ende: Ende liegt vor dem Beginn", "Gebiete: unbekanntes Gebiet (Atlantis)");
        assertThat(new MeasureRepository(fx.db.jdbi()).list()).isEmpty();
    }

    @Test
    void viewersReadButOnlyAnalystsChangeAndEveryDeletionIsAudited() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        post(analyst, "/intern/massnahmen", measure(analyst, "M-4", "Quartiersbüro", "2021-01-01", true, "G1"));
        WebFixture.Client viewer = fx.loggedIn("viewer1");
        assertThat(viewer.get("/intern/massnahmen").body()).contains("Quartiersbüro").doesNotContain("/intern/massnahmen/loeschen");
        assertThat(post(viewer, "/intern/massnahmen", measure(viewer, "M-5", "Nein", "2021-01-01", true, "G1")).statusCode())
                .isEqualTo(403);
        assertThat(post(viewer, "/intern/massnahmen/loeschen", List.of(Map.entry("_csrf", viewer.csrf), Map.entry("key", "M-4")))
                .statusCode()).isEqualTo(403);
        assertThat(fx.client().get("/intern/massnahmen").statusCode()).isEqualTo(303);

        assertThat(analyst.get("/intern/massnahmen/bearbeiten?key=M-4").body()).contains("value=\"Quartiersbüro\"", "readonly");
        HttpResponse<String> deleted = post(analyst, "/intern/massnahmen/loeschen",
                List.of(Map.entry("_csrf", analyst.csrf), Map.entry("key", "M-4")));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(new MeasureRepository(fx.db.jdbi()).find("M-4")).isEmpty();
        assertThat(new AuditLog(fx.db.jdbi()).latest(3)).first().satisfies(e -> {
            assertThat(e.action()).isEqualTo("measure.delete");
            assertThat(e.detail()).contains("title=Quartiersbüro");
        });
    }
}
