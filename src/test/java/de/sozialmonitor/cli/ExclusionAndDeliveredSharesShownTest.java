package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the method leaves out is said wherever results are read, the whole way a county statistician
 * goes (issue 13): an area excluded by hand under {@code method.exclude} carries its reason in
 * {@code export results}, the published release, the report and the public pages, and the method text
 * names it; an indicator over a delivered share without a base gives the municipality and the county
 * no value — in the release too — and its page says why.
 */
class ExclusionAndDeliveredSharesShownTest {
    private static final String EXCLUDED = "03157102";

    private static CliTest.Run ok(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static String page(WebServer server, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Accept-Language", "de").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static List<PublishedRow> publishRelease(Path ws, Path tmp) throws Exception {
        String w = ws.toString();
        ok("release", "create", "-w", w, "--title", "Sozialmonitoring 2023", "--year", "2023");
        ok("release", "publish", "1", "-w", w);
        Path json = tmp.resolve("release-1.json");
        ok("export", "release", "1", "--format", "json", "--output", json.toString(), "-w", w);
        return ReleaseDownload.readJson(Files.readAllBytes(json));
    }

    @Test
    void anAreaExcludedByHandCarriesItsReasonInTheExportTheReleaseTheReportAndThePages(@TempDir Path tmp) throws Exception {
        Path ws = ReleaseCommandTest.workspaceWithResults(tmp);
        String w = ws.toString();
        Path config = ws.resolve("sozialmonitor.yaml");
        Files.writeString(config, Files.readString(config).replace("  status_indicators: {",
                "  exclude: {\"" + EXCLUDED + "\": \"statistisch unsicher\"}\n  status_indicators: {"));
        ok("compute", "-w", w, "--year", "2023");

        Path csv = tmp.resolve("ergebnisse.csv");
        ok("export", "results", "-w", w, "--year", "2023", "--format", "csv", "--output", csv.toString());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(";", -1));
        int excludedColumn = header.indexOf("excluded");
        String row = lines.stream().filter(l -> l.startsWith(EXCLUDED + ";")).findFirst().orElseThrow();
        String[] f = row.split(";", -1);
        assertThat(f[excludedColumn]).isEqualTo("manual:statistisch unsicher");
        assertThat(f[3]).as("no status index").isEmpty();
        assertThat(f[header.indexOf("sgb2")]).as("its values are kept").isNotEmpty();

        List<PublishedRow> release = publishRelease(ws, tmp);
        assertThat(release).filteredOn(r -> r.measure().equals("excluded") && r.areaCode().equals(EXCLUDED) && r.year() == 2023)
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("manual:statistisch unsicher"));

        Path report = tmp.resolve("bericht.html");
        ok("--lang", "de", "report", "--format", "html", "--profiles", "all", "--output", report.toString(), "-w", w);
        String html = Files.readString(report);
        assertThat(html).contains("von Hand ausgeschlossen: statistisch unsicher")
                .contains("Auf Entscheidung der für das Monitoring zuständigen Stelle nehmen 1 Gebiete nicht teil");

        try (Database db = Workspace.open(ws).openDatabase(); WebServer server = new WebServer(Workspace.open(ws), db).start(0)) {
            assertThat(page(server, "/gebiet/" + EXCLUDED)).contains("von Hand ausgeschlossen: statistisch unsicher");
            assertThat(page(server, "/")).contains("von Hand ausgeschlossen: statistisch unsicher");
            assertThat(page(server, "/methode")).contains("Auf Entscheidung der für das Monitoring zuständigen Stelle")
                    .contains(EXCLUDED);
        }
    }

    @Test
    void aDeliveredShareWithoutABaseGivesMunicipalityAndCountyNoValueAndItsPageSaysWhy(@TempDir Path tmp) throws Exception {
        Path ws = ReleaseCommandTest.workspaceWithResults(tmp);
        String w = ws.toString();
        Path catalog = ws.resolve("indicators.yaml");
        Files.writeString(catalog, Files.readString(catalog)
                .replaceFirst("variables:\n", "variables:\n  unemp_share: {de: \"Arbeitslosenanteil (geliefert)\", kind: share, unit: \"%\"}\n")
                .replaceFirst("indicators:\n", "indicators:\n  - {id: unemp_delivered, name: {de: \"Arbeitslosenanteil laut Quelle\"}, "
                        + "topic: employment, value: unemp_share}\n"));
        StringBuilder shares = new StringBuilder("area_code;year;variable;value\n");
        for (int g = 1; g <= 2; g++) {
            for (int l = 1; l <= 4; l++) {
                shares.append("03157").append(g).append('0').append(l).append(";2023;unemp_share;")
                        .append(3 + g + l).append(",5\n");
            }
        }
        Path file = Files.writeString(ws.resolve("data/anteile.csv"), shares);
        ok("import", "-w", w, file.toString());
        ok("compute", "-w", w, "--year", "2023");

        List<PublishedRow> release = publishRelease(ws, tmp);
        List<PublishedRow> delivered = release.stream()
                .filter(r -> r.kind().equals(PublishedRow.RATE) && r.measure().equals("unemp_delivered") && r.year() == 2023).toList();
        assertThat(delivered).filteredOn(r -> r.areaCode().equals("03157101")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("5.5"));
        // the municipalities and the county: no value (no row, or an empty one), never a mean of shares
        assertThat(delivered).filteredOn(r -> r.areaCode().length() == 6).allSatisfy(r -> assertThat(r.value()).isEmpty());
        assertThat(release)
                .filteredOn(r -> r.kind().equals(PublishedRow.RATE) && r.measure().equals("sgb2") && r.areaCode().equals("031571") && r.year() == 2023)
                .as("an indicator over counts has its municipality value").singleElement()
                .satisfies(r -> assertThat(r.value()).isNotEmpty());

        try (Database db = Workspace.open(ws).openDatabase(); WebServer server = new WebServer(Workspace.open(ws), db).start(0)) {
            assertThat(page(server, "/indikator/unemp_delivered")).contains("von der Quelle für die kleinen Gebiete geliefert; "
                    + "Gemeinde und Kreis haben keinen Wert, weil keine Basisvariable angegeben ist");
        }
    }
}
