package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.ingest.Problem;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evidence that the product computes what Berlin published: each Monitoring Soziale
 * Stadtentwicklung report 2013, 2015, 2017, 2019 and 2021 goes through the normal path a county
 * statistician takes — the delivered table imported unchanged through a mapping (shares and changes
 * as published, empty cells as the source's missing values, no invented base year), the Berlin
 * configuration of the report (its status indicators, {@code dynamics_years: 2}, minimum 300
 * inhabitants, the population SD, the areas excluded by hand), {@code compute} — and every published
 * status and dynamics class comes out: 2,277 areas with both classes. With the sample SD, exactly the
 * three classes Berlin's README names differ. Data and configuration of the reports 2013-2019 are
 * those the Berlin demo ships ({@code src/main/resources/demo/berlin/}, README.md there: one
 * {@code sozialmonitor.yaml} whose {@code method.by_year} holds each report's settings); the 2021
 * report's are in {@code src/test/resources/berlin-mss-2013-2021/} (SOURCE.md there).
 */
class BerlinMssReportsReproductionTest {
    /** The reports 2013-2019 ship with the Berlin demo (data, catalog, mappings, the method of each report); 2021 is the test's own. */
    static final String DEMO = "/demo/berlin/";
    static final String RESOURCES = "/berlin-mss-2013-2021/";

    @TempDir
    static Path tmp;

    /** The five reports, imported and computed once for all tests. */
    static final Map<Integer, Report> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void importAndComputeEveryReport() throws IOException {
        for (int reportYear : new int[] {2013, 2015, 2017, 2019, 2021}) {
            REPORTS.put(reportYear, importAndCompute(reportYear));
        }
    }

    @AfterAll
    static void closeDatabases() {
        REPORTS.values().forEach(r -> r.db().close());
    }

    /** One row of a report: the area and its published classes (null where it took no part). */
    record Published(String code, String name, String inhabitants, String statusClass, String dynamicsClass) {
    }

    /** A report imported and computed: its rows, the workspace and the stored result. */
    record Report(int reportYear, List<Published> rows, Workspace ws, Database db, MonitoringResult result) {
        int dataYear() {
            return reportYear - 1;
        }
    }

    private static Report importAndCompute(int reportYear) throws IOException {
        Path ws = tmp.resolve("mss-" + reportYear);
        Files.createDirectories(ws.resolve("sources"));
        Files.createDirectories(ws.resolve("data"));
        copy(DEMO + "workspace/indicators.yaml", ws.resolve("indicators.yaml"));
        boolean demo = reportYear <= 2019;
        copy(demo ? DEMO + "workspace/sozialmonitor.yaml" : RESOURCES + "mss-" + reportYear + "/sozialmonitor.yaml",
                ws.resolve("sozialmonitor.yaml"));
        copy(demo ? DEMO + "workspace/sources/mss-" + reportYear + ".yaml" : RESOURCES + "mss-" + reportYear + "/sources/mss.yaml",
                ws.resolve("sources/mss.yaml"));
        Path data = ws.resolve("data/mss_" + reportYear + "_plr.csv");
        copy((demo ? DEMO : RESOURCES) + "mss_" + reportYear + "_plr.csv", data);
        List<Published> rows = read(data);
        // the planning areas, as the LOR register lists them
        StringBuilder areas = new StringBuilder("code;name;level;parent\n11000000;Berlin;Land;\n");
        rows.forEach(r -> areas.append(r.code()).append(';').append(r.name()).append(";Planungsraum;11000000\n"));
        Path areasFile = Files.writeString(ws.resolve("data/plr.csv"), areas);

        Workspace workspace = Workspace.open(ws);
        Database db = TestDatabases.h2();
        assertThat(Importer.importFile(workspace, db, areasFile, "test").imported()).isTrue();
        ImportOutcome o = Importer.importFile(workspace, db, data, "test");
        assertThat(o.report().problems()).filteredOn(Problem::isError).as(o.report().toText()).isEmpty();
        assertThat(o.imported()).isTrue();
        assertThat(o.source()).isEqualTo("mss");
        MonitoringResult r = ComputeWorkflow.compute(workspace, db, reportYear - 1, "test").result();
        return new Report(reportYear, rows, workspace, db, r);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = BerlinMssReportsReproductionTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, to);
        }
    }

    private static List<Published> read(Path file) throws IOException {
        List<Published> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';').ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(new Published(r.getField(0), r.getField(1), r.getField(2), blankToNull(r.getField(11)),
                        blankToNull(r.getField(12))));
            }
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.trim().replace(' ', '_');
    }

    /** Classes that agree with the published ones, and those that do not ("code name: ours != published"). */
    private static List<String> differences(Report rep, MonitoringResult r) {
        List<String> diff = new ArrayList<>();
        for (Published p : rep.rows()) {
            int a = r.areas().indexOf(p.code());
            String status = r.statusClass()[a] == null ? null : r.statusClass()[a].code();
            String dynamics = r.dynamicsClass()[a] == null ? null : r.dynamicsClass()[a].code();
            if (!java.util.Objects.equals(status, p.statusClass())) {
                diff.add(rep.reportYear() + " " + p.code() + " " + p.name() + " status: " + status + " != " + p.statusClass());
            }
            if (!java.util.Objects.equals(dynamics, p.dynamicsClass())) {
                diff.add(rep.reportYear() + " " + p.code() + " " + p.name() + " dynamics: " + dynamics + " != " + p.dynamicsClass());
            }
        }
        return diff;
    }

    @ParameterizedTest(name = "MSS {0}")
    @ValueSource(ints = {2013, 2015, 2017, 2019, 2021})
    void everyPublishedClassOfTheReportIsReproducedFromTheDeliveredSharesAndChanges(int reportYear) throws IOException {
        Report rep = REPORTS.get(reportYear);
        MonitoringResult r = rep.result();
        long published = rep.rows().stream().filter(p -> p.statusClass() != null).count();
        assertThat(r.config().standardisation()).isEqualTo(MethodConfig.STANDARDISATION_POPULATION);
        assertThat(r.status().participants()).isEqualTo((int) published);
        assertThat(r.dynamics().participants()).isEqualTo((int) published);
        assertThat(differences(rep, r)).isEmpty();
        Map<String, Integer> counts = new TreeMap<>();
        for (Published p : rep.rows()) {
            int a = r.areas().indexOf(p.code());
            String why = r.excluded()[a];
            if (p.statusClass() != null) {
                counts.merge(p.statusClass(), 1, Integer::sum);
                assertThat(why).as(p.code()).isNull();
            } else if (r.config().exclude().containsKey(p.code())) { // the year's exclusions (method.by_year)
                assertThat(why).as(p.code()).startsWith(Monitoring.MANUAL + "statistisch unsicher");
            } else if (p.inhabitants().isBlank()) {
                assertThat(why).as(p.code()).isEqualTo("missing:pop_total");
            } else {
                assertThat(why).as(p.code()).isEqualTo(Monitoring.POPULATION_BELOW_MINIMUM);
            }
        }
        System.out.printf("Berlin MSS %d: %d areas take part, %d of %d status and %d of %d dynamics classes as published %s%n",
                reportYear, published, published, published, published, published, counts);
    }

    @Test
    void withTheSampleSdExactlyTheThreeClassesBerlinNamesDiffer() throws IOException {
        List<String> all = new ArrayList<>();
        Map<Integer, Integer> agreeing = new LinkedHashMap<>();
        for (int reportYear : new int[] {2013, 2015, 2017, 2019, 2021}) {
            Report rep = REPORTS.get(reportYear);
            MethodConfig sample = rep.ws().config().methodFor(rep.dataYear()).withStandardisation(MethodConfig.STANDARDISATION_SAMPLE);
            MonitoringResult r = Monitoring.compute(MonitoringInputReader.read(rep.db().jdbi()), rep.ws().catalog(), sample,
                    rep.dataYear());
            List<String> diff = differences(rep, r);
            all.addAll(diff);
            agreeing.put(reportYear, 2 * (int) rep.rows().stream().filter(p -> p.statusClass() != null).count() - diff.size());
        }
        System.out.println("Berlin MSS with the sample SD: classes as published per report " + agreeing + "; differing: " + all);
        assertThat(all).hasSize(3);
        assertThat(String.join("\n", all)).contains("2013", "Klixstraße").contains("2015", "Wittelsbacherstraße")
                .contains("2019", "Dorf Altglienicke");
    }
}
