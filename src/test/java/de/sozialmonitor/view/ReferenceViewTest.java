package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.ingest.Problem;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Indicator values of reference regions formed from what each delivered figure is. */
class ReferenceViewTest {
    @TempDir
    Path tmp;

    /**
     * The bug: a name that is both a variable and an indicator ({@code unemployed},
     * {@code migrant_u18}, {@code school_leavers_low}) made a region's delivered count be read as
     * the indicator's value, so the Land's 250,000 unemployed were shown as an unemployment rate of
     * 250,000. An unmarked name is the variable; the rate is marked {@code indicator:}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aDeliveredCountOfANameThatIsAlsoAnIndicatorIsNotReadAsTheIndicatorsValue(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = ReportFixture.workspace(tmp.resolve("ws"));
            ReportFixture.create(ws, db, true);
            Path file = tmp.resolve("vergleich.csv");
            Files.writeString(file, """
                    region_code;region_name;year;variable;value
                    03;Niedersachsen;2023;unemployed;250000
                    03;Niedersachsen;2023;pop_15_64;5000000
                    03;Niedersachsen;2023;school_leavers_low;9000
                    03;Niedersachsen;2023;school_leavers;75000
                    DG;Deutschland;2023;unemployed;2600000
                    DG;Deutschland;2023;pop_15_64;52000000
                    DG;Deutschland;2023;indicator:unemployed;5,8
                    DG;Deutschland;2023;Indikator: migrant_u18;41,2
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);

            ResultView view = ResultViews.of(db.jdbi(), ws.config()).published(1).orElseThrow();
            ReferenceView refs = ReferenceView.of(view, ReferenceRepository.regions(db.jdbi()), ReferenceRepository.figures(db.jdbi()));
            Indicator unemployed = view.catalog().indicator("unemployed").orElseThrow();
            Indicator leavers = view.catalog().indicator("school_leavers_low").orElseThrow();
            Indicator migrant = view.catalog().indicator("migrant_u18").orElseThrow();
            // hand computed by the catalog's formulas: 100 x 250,000 / 5,000,000 = 5.0; 100 x 9,000 / 75,000 = 12.0
            assertThat(refs.value(unemployed, "03", 2023).orElseThrow().value()).isCloseTo(5.0, within(1e-9));
            assertThat(refs.value(leavers, "03", 2023).orElseThrow().value()).isCloseTo(12.0, within(1e-9));
            // a delivered rate, marked, is the rate (it wins over the counts, 5.0 by formula)
            assertThat(refs.value(unemployed, "DG", 2023).orElseThrow().value()).isEqualTo(5.8);
            assertThat(refs.value(migrant, "DG", 2023).orElseThrow().value()).isEqualTo(41.2);
            // the counts stay counts beside the delivered rate of the same name
            assertThat(ReferenceRepository.figures(db.jdbi())).filteredOn(f -> f.regionCode().equals("DG") && f.name().equals("unemployed"))
                    .extracting(f -> f.kind() + " " + f.value())
                    .containsExactlyInAnyOrder("VARIABLE 2600000.0", "INDICATOR 5.8");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMarkedNameThatIsNoIndicatorIsAnErrorNamingRowAndColumn(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = ReportFixture.workspace(tmp.resolve("ws"));
            Path file = tmp.resolve("vergleich.csv");
            Files.writeString(file, """
                    region_code;region_name;year;variable;value
                    03;Niedersachsen;2023;indicator:pop_total;8000000
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError).extracting(p -> p.row() + " " + p.column() + " " + p.code())
                    .containsExactly("2 variable unknown_variable");
        }
    }
}
