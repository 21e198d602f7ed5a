package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interner Bereich → Abstimmung der Indikatoren und Klassensicherheit. */
class AnalysisPagesTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void staffSeeTheAnalysesAndTheCommitteeTemplateThePublicDoesNot() {
        WebFixture.Client anonymous = fx.client();
        HttpResponse<String> refused = anonymous.get("/intern/analyse");
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
        assertThat(anonymous.get("/intern/analyse/abstimmung.pdf").statusCode()).isEqualTo(303);

        WebFixture.Client viewer = fx.client();
        assertThat(viewer.login("viewer1", WebFixture.PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> page = viewer.get("/intern/analyse");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Abstimmung der Indikatoren und Klassensicherheit")
                .contains("Überblick über die Kandidaten").contains("Rangkorrelationen der Kandidaten")
                .contains("Wie empfindlich ist die Einstufung?").contains("Wie sicher ist die Klasse jedes Gebiets?")
                .contains("<svg").contains("/intern/analyse/abstimmung.pdf?jahr=2023");
        byte[] pdf = viewer.getBytes("/intern/analyse/abstimmung.pdf?jahr=2023");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(viewer.get("/intern/analyse/abstimmung.html?jahr=2023").body()).contains("Empfehlung");
        assertThat(viewer.get("/intern").body()).contains("/intern/analyse");
    }
}
