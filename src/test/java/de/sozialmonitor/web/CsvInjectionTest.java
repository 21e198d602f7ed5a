package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An area name delivered as a spreadsheet formula reaches CSV downloads only as text. */
class CsvInjectionTest {
    static final String FORMULA = "=cmd|'/C calc'!A0";
    static WebFixture fx;

    @BeforeAll
    static void start() throws java.io.IOException {
        fx = WebFixture.start();
        // a new delivery of the areas file names L2 with a formula (same code and version: it replaces the name)
        java.nio.file.Path areas = java.nio.file.Files.writeString(fx.workspace.dataDir().resolve("gebiete-neu.csv"),
                "code;name;level;parent\nL2;" + FORMULA + ";Ortsteil;G1\n");
        de.sozialmonitor.ingest.ImportOutcome o = de.sozialmonitor.ingest.Importer.importFile(fx.workspace, fx.db, areas, "analyst1");
        assertThat(o.status()).as(o.summary()).isEqualTo(de.sozialmonitor.ingest.ImportOutcome.Status.IMPORTED);
        // a release freezes the names it was made with: the formula reaches the public in the next one
        var workflow = new de.sozialmonitor.workflow.ReleaseWorkflow(fx.db.jdbi());
        var cfg = fx.workspace.config();
        int number = workflow.create(de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest.of(cfg, fx.workspace.catalog(),
                "mit Formel", 2023, null), "test").number();
        workflow.publish(number, "test");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void thePublicCsvGuardsTheNameToo() {
        assertThat(fx.client().get("/download/gebiete.csv?year=2023").body()).contains(";'" + FORMULA + ";");
    }

    @Test
    void theWebCsvPrefixesTheFormulaWithAnApostropheAndKeepsNegativeNumbers() {
        WebFixture.Client analyst = fx.loggedIn("analyst1");
        for (String format : List.of("de", "intl")) {
            String csv = analyst.get("/download/gebiete.csv?year=2023&format=" + format).body();
            assertThat(csv).contains("'" + FORMULA).doesNotContain("," + FORMULA).doesNotContain(";" + FORMULA)
                    .doesNotContain("\"" + FORMULA);
            // a negative status index (internal results) is a number, not guarded text
            de.sozialmonitor.view.ResultView internal = fx.internal();
            String negative = WebFixture.LOCALITIES.stream().filter(c -> internal.classes(c).map(x -> x.statusIndex() != null
                    && x.statusIndex() < 0).orElse(false)).findFirst().orElseThrow();
            var row = PagesAndDownloadsTest.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv, format.equals("de") ? ';' : ',')
                    .stream().filter(r -> r.getField(0).equals(negative)).findFirst().orElseThrow();
            assertThat(row.getField(3)).startsWith("-");
            assertThat(Double.parseDouble(row.getField(3).replace(',', '.')))
                    .isCloseTo(internal.classes(negative).orElseThrow().statusIndex(), org.assertj.core.api.Assertions.within(0.01));
        }
    }
}
