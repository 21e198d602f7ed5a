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
    static void start() {
        fx = WebFixture.start();
        fx.db.jdbi().useHandle(h -> h.createUpdate("UPDATE area SET name = :n WHERE code = 'L2'").bind("n", FORMULA).execute());
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
            // L1's status index (internal results) is negative: a number, not guarded text
            assertThat(csv).containsPattern("\\nL1[;,][^\\r]*[;,]\"?-0[.,]9");
        }
    }
}
