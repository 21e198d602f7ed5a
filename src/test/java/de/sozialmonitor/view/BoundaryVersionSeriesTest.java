package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * After a merger (A and B into C) and a split (D into E and F) at the start of 2022, every series
 * the web and the API show for 2024 is on the 2024 boundaries: the earlier years of C, E and F are
 * the counts the method carried over the change table, never the old area alone, and a split area
 * has its earlier values too.
 */
class BoundaryVersionSeriesTest {
    private static final List<String> STABLE = List.of("03157001001", "03157001002", "03157001003", "03157001004",
            "03157001005", "03157001006");
    private static final String A = "03157001011";
    private static final String B = "03157001012";
    private static final String C = "03157001013";
    private static final String D = "03157001021";
    private static final String E = "03157001022";
    private static final String F = "03157001023";
    private static final String[] VARIABLES = {"pop_u18", "migrant_u18", "children_single_parent", "pop_65plus", "sgb2_u65",
            "pop_15_64", "unemployed", "pop_u15", "children_u15_sgb2", "grusi_65plus", "school_leavers", "school_leavers_low"};

    @Test
    void seriesAcrossAMergerAndASplitAreTheMethodsCarriedOverValuesOnTheReleaseYearsBoundaries() throws Exception {
        Path dir = Files.createTempDirectory("boundaries");
        try (Database db = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(dir);
            StringBuilder areas = new StringBuilder("code;name;level;parent;valid_from;valid_to\n"
                    + "03157;Landkreis Peine;Kreis;;2000-01-01;\n03157001;Gemeinde;Gemeinde;03157;2000-01-01;\n");
            STABLE.forEach(s -> areas.append(s).append(";Ort ").append(s.substring(9)).append(";Ortsteil;03157001;2000-01-01;\n"));
            areas.append(A).append(";Alt A;Ortsteil;03157001;2000-01-01;2021-12-31\n")
                    .append(B).append(";Alt B;Ortsteil;03157001;2000-01-01;2021-12-31\n")
                    .append(C).append(";Neu C;Ortsteil;03157001;2022-01-01;\n")
                    .append(D).append(";Alt D;Ortsteil;03157001;2000-01-01;2021-12-31\n")
                    .append(E).append(";Neu E;Ortsteil;03157001;2022-01-01;\n")
                    .append(F).append(";Neu F;Ortsteil;03157001;2022-01-01;\n");
            String changes = "predecessor;successor;weight;date\n" + A + ";" + C + ";1;2022-01-01\n" + B + ";" + C + ";1;2022-01-01\n"
                    + D + ";" + E + ";0.4;2022-01-01\n" + D + ";" + F + ";0.6;2022-01-01\n";
            StringBuilder counts = new StringBuilder("area_code;year;variable;value\n");
            Random rnd = new Random(12);
            for (int year = 2019; year <= 2024; year++) {
                List<String> valid = new java.util.ArrayList<>(STABLE);
                valid.addAll(year < 2022 ? List.of(A, B, D) : List.of(C, E, F));
                for (String code : valid) {
                    int pop = 1500 + rnd.nextInt(3000);
                    counts.append(code).append(';').append(year).append(";pop_total;").append(pop).append('\n');
                    for (String v : VARIABLES) {
                        long value = Math.round(pop * (0.05 + 0.2 * rnd.nextDouble()));
                        counts.append(code).append(';').append(year).append(';').append(v).append(';').append(value).append('\n');
                    }
                }
            }
            Files.writeString(ws.dataDir().resolve("gebiete.csv"), areas);
            Files.writeString(ws.dataDir().resolve("aenderungen.csv"), changes);
            Files.writeString(ws.dataDir().resolve("zahlen.csv"), counts);
            for (String file : List.of("gebiete.csv", "aenderungen.csv", "zahlen.csv")) {
                ImportOutcome o = Importer.importFile(ws, db, ws.dataDir().resolve(file), "test");
                assertThat(o.status()).as(file + ": " + o.report().problems()).isEqualTo(ImportOutcome.Status.IMPORTED);
            }
            ComputeWorkflow.Computed computed = ComputeWorkflow.compute(ws, db, 2024, "test");
            ReleaseWorkflow releases = new ReleaseWorkflow(db.jdbi());
            releases.publish(releases.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "2024", 2024, null), "test")
                    .number(), "test");
            MonitoringResult method = new ResultRepository(db.jdbi()).byId(computed.resultSetId()).orElseThrow();

            try (WebServer server = new WebServer(ws, db).start(0)) {
                HttpClient http = HttpClient.newHttpClient();
                int compared = 0;
                int withheld = 0;
                for (String code : List.of(C, E, F)) {
                    JsonNode api = new ObjectMapper().readTree(get(http, server, "/api/v1/areas/" + code + "?year=2024"));
                    String download = get(http, server, "/download/vergleich?areas=" + code + "&year=2024&format=intl");
                    for (String indicator : List.of("sgb2", "unemployed", "migrant_u18")) {
                        int precision = ws.catalog().indicator(indicator).orElseThrow().precision();
                        JsonNode series = api.path("series").path(indicator);
                        assertThat(series.size()).as(code + " " + indicator + ": " + series).isEqualTo(method.years().length);
                        for (int year : method.years()) {
                            IndicatorValues carried = method.values(indicator, year);
                            double exact = carried.value()[method.areas().indexOf(code)];
                            // the public sees the published figure: the method's value, rounded as the release rounds it
                            double published = BigDecimal.valueOf(exact).setScale(precision, RoundingMode.HALF_UP).doubleValue();
                            JsonNode shown = series.path(Integer.toString(year));
                            if (shown.isNull()) {
                                // withheld by disclosure control (across boundary versions too): no number anywhere
                                assertThat(csvValue(download, indicator, year)).as(code + " " + indicator + " " + year).isNull();
                                withheld++;
                                continue;
                            }
                            assertThat(shown.asDouble()).as(code + " " + indicator + " " + year).isEqualTo(published);
                            assertThat(csvValue(download, indicator, year)).as(code + " " + indicator + " " + year).isEqualTo(published);
                            compared++;
                        }
                    }
                }
                // most figures are published; the test is about the ones that are
                assertThat(compared).as("compared %d, withheld %d", compared, withheld).isGreaterThan(3 * withheld);
                // the merged area in 2021 is A and B together, not either of them alone
                double merged = method.values("sgb2", 2021).value()[method.areas().indexOf(C)];
                assertThat(method.areas().indexOf(A)).isNegative();
                assertThat(merged).isNotNaN();
            }
        }
    }

    private static String get(HttpClient http, WebServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** The download's value of the indicator in the year; null where it gives a symbol instead (a withheld figure). */
    private static Double csvValue(String csv, String indicator, int year) {
        String data = csv.lines().filter(l -> !l.startsWith("#")).reduce((x, y) -> x + "\n" + y).orElse("");
        String value = CsvReader.builder().ofNamedCsvRecord(data).stream()
                .filter(r -> r.getField("indicator_id").equals(indicator) && r.getField("year").equals(Integer.toString(year)))
                .map(r -> r.getField("value")).findFirst().orElseThrow();
        return value.isEmpty() || !Character.isDigit(value.charAt(value.length() - 1)) ? null : Double.valueOf(value);
    }
}
