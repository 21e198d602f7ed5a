package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.sozialmonitor.report.ReportHtml;
import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo berlin} end to end: Berlin's published files through the normal import, compute and
 * release path; every class the four MSS reports published comes out again, and the public pages
 * name the source instead of calling the figures synthetic.
 */
class BerlinDemoCommandTest {

    @Test
    void demoBerlinReproducesEveryPublishedClassAndItsPagesNameTheSource(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sozialmonitor-demo-berlin");
        long t0 = System.nanoTime();
        CliTest.Run run = CliTest.run("--lang", "en", "demo", "berlin", "--no-serve", "--dir", dir.toString());
        System.out.printf(Locale.ROOT, "demo berlin --no-serve: %.1f s%n%s%n", (System.nanoTime() - t0) / 1e9, run.out());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("REAL, PUBLISHED DATA").contains("Senatsverwaltung für Stadtentwicklung")
                .contains("release 2018: release 4 created and published").doesNotContain("differs:");

        int total = 0;
        for (int report : new int[] {2013, 2015, 2017, 2019}) {
            int published = withPublishedClasses(dir.resolve("data/mss_" + report + "_plr.csv"));
            assertThat(published).as("MSS %d", report).isGreaterThan(400);
            total += published;
            assertThat(run.out()).contains(String.format(Locale.ROOT, "MSS %d: %d of %d planning areas (status %d of %d, dynamics %d of %d)",
                    report, published, published, published, published, published, published));
        }
        assertThat(run.out()).contains(String.format(Locale.ROOT, "All %d of %d planning areas of the 4 reports reproduced", total, total));

        Workspace ws = Workspace.open(dir);
        int latest = withPublishedClasses(dir.resolve("data/mss_2019_plr.csv"));
        try (Database db = ws.openDatabase(); WebServer server = new WebServer(ws, db).start(0)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.port();
            for (String page : new String[] {"/", "/aufmerksamkeit", "/methode", "/gebiet/01011101"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                assertThat(r.body()).as(page).contains("Echte, veröffentlichte Daten")
                        .contains("Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen Berlin")
                        .contains("CC BY 4.0").contains("Geoportal Berlin").doesNotContain("synthetische Daten");
            }
            String attention = http.send(HttpRequest.newBuilder(URI.create(base + "/aufmerksamkeit")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(attention).as("Berlin's attention rule, not the default's").contains("sich die Lage in den letzten Jahren nicht verbessert hat")
                    .doesNotContain("oder weil sich die Lage");
            String method = http.send(HttpRequest.newBuilder(URI.create(base + "/methode")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(method).contains("Vergleich mit den veröffentlichten Klassen")
                    .contains("MSS 2019: " + latest + " von " + latest + " Gebieten haben beide Klassen wie veröffentlicht")
                    .contains("Jede veröffentlichte Klasse wird reproduziert");

            // the release's own download names it (frozen with the release), as do the API documents
            String download = http.send(HttpRequest.newBuilder(URI.create(base + "/download/berichtsstand/4?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(download).contains("\"synthetic\" : false").contains("\"source\" : \"Senatsverwaltung für Stadtentwicklung");
            String api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/areas")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(api).contains("\"source\":\"Senatsverwaltung für Stadtentwicklung");

            // the committee report of the newest release names the source on its title page and in every page's header
            String report = ReportHtml.render(new ReportModelBuilder(de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config()), ReportModelBuilder.Context.of(ws))
                    .build(4, new ReportModel.Options("de", false, false)));
            assertThat(report).contains("Echte, veröffentlichte Daten. Quelle und Lizenz: Senatsverwaltung für Stadtentwicklung")
                    .doesNotContain("synthetische Zahlen");
        }

        // exports name it too
        CliTest.Run export = CliTest.run("--lang", "en", "--workspace", dir.toString(), "export", "results", "--year", "2018",
                "--format", "json");
        assertThat(export.exit()).isZero();
        assertThat(export.out()).contains("\"source\" : \"Senatsverwaltung für Stadtentwicklung");
        assertThat(export.err()).contains("Source and licence of the data");
    }

    /** Planning areas the report gave a status class (those that took part). */
    private static int withPublishedClasses(Path report) throws Exception {
        int n = 0;
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(';').ofNamedCsvRecord(report)) {
            for (NamedCsvRecord r : csv) {
                n += r.getField("status_class").isBlank() ? 0 : 1;
            }
        }
        return n;
    }
}
