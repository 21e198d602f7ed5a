package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.model.IndicatorRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference regions on the public pages: beside the county on the profile, all of them on the indicator page. */
class ReferencePagesTest {
    static WebFixture fx;
    static String indicator;

    @BeforeAll
    static void start() throws Exception {
        fx = WebFixture.start();
        indicator = fx.workspace.catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION)
                .findFirst().orElseThrow().id();
        Path file = Files.createTempDirectory("sozialmonitor-ref").resolve("vergleich.csv");
        // the fixture's territory is 03999 (synthetic): its official figure, its Land 03, Germany, another county
        Files.writeString(file, """
                region_code;region_name;year;variable;value
                03999;Landkreis Musterstadt;2023;%1$s;12,3
                03;Niedersachsen;2022;%1$s;8,2
                DG;Deutschland;2023;%1$s;9,5
                03151;Gifhorn, Landkreis;2023;%1$s;7,1
                03152;Ohneland, Landkreis;2023;%1$s;.
                """.formatted(indicator));
        ImportOutcome o = Importer.importFile(fx.workspace, fx.db, file, "analyst1");
        assertThat(o.report().problems()).isEmpty();
        assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theProfileShowsTheCountysOfficialFigureItsLandAndGermanyBesideTheMonitoring() {
        String page = fx.client().get("/gebiet/L4?year=2023").body();
        assertThat(page).contains("id=\"vergleichsregionen\"", "Vergleich mit Kreis, Land und Bund",
                "Landkreis Musterstadt (Sozialmonitor)", "Landkreis Musterstadt (amtlich)", "Niedersachsen", "Deutschland",
                "12,3", "8,2 (2022)", "9,5", "nie mit ihnen verrechnet");
        // another county is no column of the profile
        assertThat(page.substring(page.indexOf("id=\"vergleichsregionen\""))).doesNotContain("Gifhorn");
    }

    @Test
    void theIndicatorPageListsEveryReferenceRegionWithAValue() {
        String page = fx.client().get("/indikator/" + indicator + "?year=2023").body();
        assertThat(page).contains("id=\"vergleichsregionen\"", "4 Vergleichsregionen anzeigen", "Gifhorn, Landkreis", "03151",
                "Landkreis Musterstadt (amtlich)", "Bund", "Land", "Kreis");
        assertThat(page).doesNotContain("Ohneland"); // a placeholder only: no value to list
    }

    @Test
    void englishPagesSayTheSame() {
        WebFixture.Client c = fx.client();
        String page = c.get("/gebiet/L4?year=2023&lang=en").body();
        assertThat(page).contains("Compared with county, Land and Germany", "Landkreis Musterstadt (official)");
    }
}
