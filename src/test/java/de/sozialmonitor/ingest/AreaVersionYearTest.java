package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Figures of an area in a year in which the area did not exist: Lahstedt was merged into Ilsede
 * on 1 November 2015 (areas file: valid_to 2015-11-01).
 */
class AreaVersionYearTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMergedAwayAreaInALaterYearIsAnErrorAndInItsMergerYearAWarning(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna").imported()).isTrue();
            Path file = IngestFixtures.write(tmp, "einwohner-zeitreihe.csv", """
                    area_code;year;variable;value
                    03157004;2014;pop_total;10.120
                    03157004;2015;pop_total;10.050
                    03157003;2015;pop_total;12.010
                    03157004;2018;pop_total;10.001
                    03157003;2018;pop_total;22.070
                    """);
            CheckReport r = Importer.check(ws, db, file);
            assertThat(r.problems()).extracting(Problem::severity, Problem::code, Problem::row, Problem::column, Problem::value)
                    .containsExactly(
                            tuple(Severity.WARNING, "area_part_of_year", 3L, "area_code", "03157004"),
                            tuple(Severity.ERROR, "area_not_in_year", 5L, "area_code", "03157004"));
            assertThat(r.problems().get(1).reason()).contains("Lahstedt", "2018", "2015-11-01");
            ImportOutcome rejected = Importer.importFile(ws, db, file, "anna");
            assertThat(rejected.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(ObservationStore.active(db.jdbi())).isEmpty();

            Path corrected = IngestFixtures.write(tmp, "einwohner-zeitreihe-korrigiert.csv", """
                    area_code;year;variable;value
                    03157004;2014;pop_total;10.120
                    03157004;2015;pop_total;10.050
                    03157003;2015;pop_total;12.010
                    03157003;2018;pop_total;22.070
                    """);
            ImportOutcome ok = Importer.importFile(ws, db, corrected, "anna");
            assertThat(ok.imported()).isTrue();
            assertThat(ok.report().problems()).extracting(Problem::code).containsExactly("area_part_of_year");
            assertThat(ObservationStore.active(db.jdbi())).hasSize(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void anAreaBeforeItsFirstVersionIsAnErrorToo(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            Path newArea = IngestFixtures.write(tmp, "neubaugebiet.csv", """
                    code;name;level;parent;valid_from;valid_to
                    0315700603;Peine-Neubaugebiet;Ortsteil;03157006;2020-01-01;
                    """);
            assertThat(Importer.importFile(ws, db, newArea, "anna").imported()).isTrue();
            Path file = IngestFixtures.write(tmp, "ortsteile.csv", """
                    area_code;year;variable;value
                    0315700603;2019;pop_total;120
                    0315700603;2020;pop_total;480
                    """);
            assertThat(Importer.check(ws, db, file).problems()).extracting(Problem::code, Problem::row)
                    .containsExactly(tuple("area_not_in_year", 2L));
        }
    }
}
