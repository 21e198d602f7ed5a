package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.report.ReportPdf;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A published release is frozen: changing {@code sozialmonitor.yaml} (method parameters, disclosure
 * rules) and {@code indicators.yaml} (names, units, definitions) afterwards changes nothing in what
 * the release shows: its pages, method text, downloads, API and committee report.
 */
class FrozenReleaseTest {
    private static final List<String> PAGES = List.of("/", "/methode", "/indikatoren", "/indikator/sgb2", "/aufmerksamkeit",
            "/gebiet/03157005001", "/api/v1/indicators", "/api/v1/areas?level=Ortsteil", "/api/v1/areas/03157005001",
            "/download/gebiete.csv?format=de", "/ogc/collections/ortsteil/items?limit=1000");

    @Test
    void changingTheConfigurationAndTheCatalogAfterPublishingChangesNothingInTheRelease() throws Exception {
        Path dir = Files.createTempDirectory("frozen");
        try (Database db = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(dir);
            ReportFixture.create(ws, db, true);
            Map<String, String> before = outputs(ws, db);
            byte[] reportBefore = report(ws, db);

            String config = Files.readString(ws.configFile());
            Files.writeString(ws.configFile(), config.replace("min_population: 300", "min_population: 1000")
                    .replace("status_thresholds: {high: -1.0, low: 1.0, very_low: 1.5}", "status_thresholds: {high: -0.5, low: 0.5, very_low: 2.5}")
                    .replace("min_count: 3 ", "min_count: 10 ").replace("dynamics_years: 3", "dynamics_years: 2"));
            String catalog = Files.readString(ws.catalogFile());
            Files.writeString(ws.catalogFile(), catalog.replace("SGB-II-Empfänger/-innen", "Bürgergeld-Beziehende")
                    .replace("Kinder von Alleinerziehenden", "Kinder in Ein-Eltern-Familien"));
            Workspace changed = Workspace.open(dir);
            assertThat(changed.config().method().minPopulation()).isEqualTo(1000);
            assertThat(changed.catalog().indicator("sgb2").orElseThrow().nameDe()).isEqualTo("Bürgergeld-Beziehende");

            Map<String, String> after = outputs(changed, db);
            for (String page : PAGES) {
                assertThat(after.get(page)).as(page).isEqualTo(before.get(page));
            }
            assertThat(before.get("/methode")).contains("300").doesNotContain("1000");
            assertThat(before.get("/indikator/sgb2")).contains("SGB-II-Empfänger/-innen");
            assertThat(report(changed, db)).isEqualTo(reportBefore);
        }
    }

    private static Map<String, String> outputs(Workspace ws, Database db) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (WebServer server = new WebServer(ws, db).start(0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String page : PAGES) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                // the OGC response carries the time it was made and links with the server's port
                out.put(page, r.body().replaceAll("\"timeStamp\":\"[^\"]*\"", "").replaceAll("(localhost|127\\.0\\.0\\.1):\\d+", "localhost"));
            }
        }
        return out;
    }

    private static byte[] report(Workspace ws, Database db) {
        ReportModel model = new ReportModelBuilder(ResultViews.of(db.jdbi(), ws.config()), ReportModelBuilder.Context.of(ws))
                .build(1, new ReportModel.Options("de", false, true));
        return ReportPdf.render(model);
    }
}
