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
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
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
                03999;Landkreis Musterstadt;2023;indicator:%1$s;12,3
                03;Niedersachsen;2022;indicator:%1$s;8,2
                DG;Deutschland;2023;indicator:%1$s;9,5
                03151;Gifhorn, Landkreis;2023;indicator:%1$s;7,1
                03152;Ohneland, Landkreis;2023;indicator:%1$s;.
                """.formatted(indicator));
        ImportOutcome o = Importer.importFile(fx.workspace, fx.db, file, "analyst1");
        assertThat(o.report().problems()).isEmpty();
        assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    /**
     * Another county's package: the fixture's own published release, passed off as Landkreis
     * Gifhorn's (its descriptor renamed, its method changed, the changed file's hash renewed as the
     * exporting county's program would have written it).
     */
    static void importOtherCounty() throws Exception {
        Path dir = Files.createTempDirectory("sozialmonitor-paket");
        de.sozialmonitor.exchange.PackageExport.write(de.sozialmonitor.exchange.PackageExport.of(
                de.sozialmonitor.view.ResultViews.of(fx.db.jdbi(), fx.workspace.config()),
                new de.sozialmonitor.store.ReleaseRepository(fx.db.jdbi()), 1), dir);
        com.fasterxml.jackson.databind.node.ObjectNode method = (com.fasterxml.jackson.databind.node.ObjectNode)
                de.sozialmonitor.json.Json.MAPPER.readTree(dir.resolve("method.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) method.path("method")).put("dynamicsYears", 5);
        byte[] m = de.sozialmonitor.json.Json.MAPPER.writeValueAsBytes(method);
        Files.write(dir.resolve("method.json"), m);
        com.fasterxml.jackson.databind.node.ObjectNode d = (com.fasterxml.jackson.databind.node.ObjectNode)
                de.sozialmonitor.json.Json.MAPPER.readTree(dir.resolve("datapackage.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) d.path("sozialmonitor")).put("territory_code", "03151")
                .put("territory_name", "Landkreis Gifhorn");
        for (com.fasterxml.jackson.databind.JsonNode r : d.path("resources")) {
            if ("method".equals(r.path("name").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("hash", "sha256:"
                        + de.sozialmonitor.privacy.ReleaseContent.sha256(m)).put("bytes", m.length);
            }
        }
        Files.write(dir.resolve("datapackage.json"), de.sozialmonitor.json.Json.MAPPER.writeValueAsBytes(d));
        ImportOutcome o = Importer.importFile(fx.workspace, fx.db, dir.resolve("datapackage.json"), "analyst1");
        assertThat(o.report().problems()).filteredOn(de.sozialmonitor.ingest.Problem::isError).isEmpty();
        assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it adds a reference region, which the other tests do not expect
    void theCountyComparisonShowsAnotherCountysFiguresAndMethodBesideThisCountys() throws Exception {
        assertThat(fx.client().get("/kreisvergleich").body()).contains("Noch kein Datenpaket");
        importOtherCounty();
        String page = fx.client().get("/kreisvergleich").body();
        assertThat(page).contains("Vergleich mit anderen Kreisen", "Landkreis Gifhorn", "03151", "Berichtsstand 1",
                "Zahlen auf Kreisebene", "Die Methoden nebeneinander", "Landkreis Musterstadt (Sozialmonitor)");
        // the changed parameter is marked, the others are not
        String methods = page.substring(page.indexOf("county-methods"));
        assertThat(methods).contains("class=\"differs\"", "5 Jahre", "(weicht ab)");
        assertThat(methods.split("\\(weicht ab\\)", -1)).hasSize(2);
        assertThat(fx.client().get("/methode").body()).contains("/kreisvergleich");
        // the indicator page lists the other county among the reference regions
        assertThat(fx.client().get("/indikator/" + indicator + "?year=2023").body()).contains("Landkreis Gifhorn");
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
    void theProfileOffersTheDataSheetOfThePublishedReleaseAsPdfAndXlsx() {
        String page = fx.client().get("/gebiet/L4?year=2023").body();
        assertThat(page).contains("Datenblatt Förderantrag", "/download/datenblatt/L4?release=1&amp;lang=de&amp;format=pdf");
        java.net.http.HttpResponse<byte[]> pdf = fx.client().getBytesResponse("/download/datenblatt/L4?release=1&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        java.net.http.HttpResponse<byte[]> xlsx = fx.client().getBytesResponse("/download/datenblatt/L4,L5?release=1&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
        // an unpublished release makes no sheet, not even for a guessed number
        assertThat(fx.client().getBytesResponse("/download/datenblatt/L4?release=2&format=pdf").statusCode()).isEqualTo(404);
        assertThat(fx.client().getBytesResponse("/download/datenblatt/NOPE?release=1&format=pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void englishPagesSayTheSame() {
        WebFixture.Client c = fx.client();
        String page = c.get("/gebiet/L4?year=2023&lang=en").body();
        assertThat(page).contains("Compared with county, Land and Germany", "Landkreis Musterstadt (official)");
    }
}
