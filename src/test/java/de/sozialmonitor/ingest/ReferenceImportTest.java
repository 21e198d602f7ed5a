package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Figures of reference regions: a table in the layout of the public regional statistics, and the reference long format. */
class ReferenceImportTest {
    @TempDir
    Path tmp;

    private Workspace workspaceWithAreas(Database db) throws Exception {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna").status())
                .isEqualTo(ImportOutcome.Status.IMPORTED);
        return ws;
    }

    private static Path copy(Path dir, String resource) throws Exception {
        Files.createDirectories(dir);
        Path p = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = ReferenceImportTest.class.getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static Map<String, ReferenceFigure> figures(Database db) {
        return ReferenceRepository.figures(db.jdbi()).stream()
                .collect(Collectors.toMap(f -> f.regionCode() + " " + f.year() + " "
                        + (f.kind() == ReferenceFigure.Kind.INDICATOR ? "indicator:" : "") + f.name(), Function.identity()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aRegionalStatisticsTableIsReadUnmodifiedThroughAReferenceMapping(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            copy(ws.sourcesDir(), "/steering/regionalstatistik-12411.yaml");
            Path file = copy(tmp, "/steering/12411-03-03-4.csv");

            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(o.format()).isEqualTo("mapped-reference");
            // the municipality of the territory is skipped with a warning, never stored as a reference region
            assertThat(o.report().problems()).filteredOn(p -> !p.isError())
                    .extracting(p -> p.row() + " " + p.code()).containsExactly("13 inside_territory");

            assertThat(ReferenceRepository.regions(db.jdbi())).extracting(r -> r.code() + " " + r.name() + " " + r.kind().code())
                    .containsExactly("03 Niedersachsen land", "03151 Gifhorn, Landkreis county", "03157 Peine, Landkreis county",
                            "03158 Wolfenbüttel, Landkreis county", "DG Deutschland germany");
            Map<String, ReferenceFigure> f = figures(db);
            assertThat(f).hasSize(3 * 8); // 9 rows, the municipality of the territory skipped
            assertThat(f.get("DG 2022 pop_total").value()).isEqualTo(84_000_000.0);
            assertThat(f.get("03157 2021 pop_65plus").value()).isEqualTo(30_000.0);
            assertThat(f.get("03158 2022 pop_u18").value()).isNull();
            assertThat(f.get("03158 2022 pop_u18").status()).isEqualTo(ValueStatus.UNKNOWN);
            assertThat(f.get("03158 2022 pop_65plus").status()).isEqualTo(ValueStatus.NOT_YET_AVAILABLE);
            assertThat(f).doesNotContainKey("03157001 2022 pop_total");
            // no observation of the territory was touched
            long observations = db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(value_count), 0) FROM observation_block").mapTo(Long.class).one());
            assertThat(observations).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theReferenceLongFormatReplacesFiguresOfTheSameRegionYearAndVariableAndKeepsTheRest(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            Path first = IngestFixtures.write(tmp, "vergleich-1.csv", """
                    Regionalschlüssel;Region;Jahr;Merkmal;Wert
                    03;Niedersachsen;2022;sgb2;7,9
                    DG;Deutschland;2022;sgb2;8,1
                    DG;Deutschland;2021;sgb2;8,3
                    """);
            ImportOutcome o = Importer.importFile(ws, db, first, "anna");
            assertThat(o.report().problems()).isEmpty();
            assertThat(o.format()).isEqualTo("reference");
            assertThat(o.rowsAccepted()).isEqualTo(3);
            Path second = IngestFixtures.write(tmp, "vergleich-2.csv", """
                    region_code;year;variable;value
                    DE;2022;sgb2;8.0
                    """);
            assertThat(Importer.importFile(ws, db, second, "ben").status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            Map<String, ReferenceFigure> f = figures(db);
            // sgb2 names only an indicator of the catalog: unmarked, it is the indicator's value
            assertThat(f.get("DG 2022 indicator:sgb2").value()).isEqualTo(8.0);
            assertThat(f.get("DG 2021 indicator:sgb2").value()).isEqualTo(8.3);
            assertThat(f.get("03 2022 indicator:sgb2").value()).isEqualTo(7.9);
            // a file without names keeps the name an earlier import gave
            assertThat(ReferenceRepository.regions(db.jdbi())).extracting(ReferenceRegion::name).contains("Deutschland");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aReferenceFileWithErrorsIsRejectedWholeNamingRowColumnAndReason(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            Path file = IngestFixtures.write(tmp, "vergleich-fehler.csv", """
                    region_code;region_name;year;variable;value
                    03;Niedersachsen;2022;sgb2;7,9
                    3157;Peine;2022;sgb2;9,0
                    03151;Gifhorn;2022;happiness;1
                    03151;Gifhorn;20x2;sgb2;1
                    03151;Gifhorn;2022;sgb2;zwölf
                    03;Niedersachsen;2022;sgb2;8,0
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError)
                    .extracting(p -> p.row() + " " + p.column() + " " + p.code())
                    .containsExactly("3 region_code bad_region", "4 variable unknown_variable", "5 year bad_period",
                            "6 value bad_number", "7 value duplicate_key");
            assertThat(ReferenceRepository.figures(db.jdbi())).isEmpty();
            assertThat(ReferenceRepository.regions(db.jdbi())).isEmpty();
        }
    }
}
