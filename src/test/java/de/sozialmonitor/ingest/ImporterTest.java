package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImporterTest {
    @TempDir
    Path tmp;

    private static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** Values stored over all imports, active or not. */
    private static long storedValues(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(value_count), 0) FROM observation_block")
                .mapTo(Long.class).one());
    }

    private static Optional<Observation> active(Database db, String area, int year, String variable, String group) {
        return ObservationStore.active(db.jdbi()).stream()
                .filter(o -> o.areaCode().equals(area) && o.year() == year && o.variable().equals(variable)
                        && o.targetGroup().key().equals(group))
                .findFirst();
    }

    private ImportOutcome importAreas(Workspace ws, Database db) {
        ImportOutcome o = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
        assertThat(o.report().problems()).isEmpty();
        assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void areasFileFillsAreasLevelsByDepthAndTheTerritory(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Map<String, Integer> levels = db.jdbi().withHandle(AreaRepository::levels);
            assertThat(levels).containsExactly(Map.entry("Landkreis", 0), Map.entry("Gemeinde", 1), Map.entry("Ortsteil", 2));
            String territory = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM territory WHERE code = '03157'")
                    .mapTo(String.class).one());
            assertThat(territory).isEqualTo("Landkreis Peine");
            assertThat(AreaRepository.areas(db.jdbi())).hasSize(11)
                    .filteredOn(a -> a.code().equals("03157004")).singleElement()
                    .satisfies(a -> assertThat(a.validInYear(2016)).isFalse());
            assertThat(count(db, "audit_event")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void canonicalFileImportsAndTheSameFileAgainChangesNothing(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Path file = IngestFixtures.sample(tmp, "einwohner-2022.csv");
            ImportOutcome first = Importer.importFile(ws, db, file, "anna");
            assertThat(first.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(first.rowsAccepted()).isEqualTo(9);
            assertThat(active(db, "03157006", 2022, "pop_u18", "sex=f")).get()
                    .extracting(Observation::value).isEqualTo(4400.0);
            long observations = storedValues(db);

            ImportOutcome again = Importer.importFile(ws, db, file, "ben");
            assertThat(again.status()).isEqualTo(ImportOutcome.Status.UNCHANGED);
            assertThat(again.sameAsImport()).isEqualTo(first.importId());
            assertThat(again.summary()).contains("#" + first.importId());
            assertThat(storedValues(db)).isEqualTo(observations);
            assertThat(count(db, "import")).isEqualTo(2);
            assertThat(count(db, "audit_event")).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aCorrectedDeliverySupersedesTheEarlierOneKeepsItInTheHistoryAndShowsTheDiff(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Importer.Options src = new Importer.Options("einwohner");
            ImportOutcome first = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "einwohner-2022.csv"), "anna", src);
            ImportOutcome fix = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "einwohner-2022-korrigiert.csv"), "anna", src);

            assertThat(fix.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(fix.superseded()).containsExactly(first.importId());
            assertThat(fix.diff().changed()).isEqualTo(2); // Edemissen 8123 -> 8125, migrant_u18 2100 -> "."
            assertThat(fix.diff().added()).isEqualTo(1);   // Vechelde
            assertThat(fix.diff().removed()).isZero();
            assertThat(fix.summary()).contains("8123 -> 8125");
            assertThat(active(db, "03157001", 2022, "pop_total", "")).get().extracting(Observation::value).isEqualTo(8125.0);
            assertThat(active(db, "03157006", 2022, "migrant_u18", "")).get()
                    .satisfies(o -> {
                        assertThat(o.value()).isNull();
                        assertThat(o.status()).isEqualTo(ValueStatus.UNKNOWN);
                    });
            // the earlier delivery stays in the history, no longer active; its figures, which no release and no
            // result set recorded as input, are removed (space given back, see SpaceGivenBackTest)
            assertThat(storedValues(db)).isEqualTo(10);
            List<ImportRepository.ImportRow> history = ImportRepository.history(db.jdbi(), 10);
            assertThat(history).filteredOn(r -> r.id() == first.importId()).singleElement()
                    .satisfies(r -> assertThat(r.supersededBy()).isEqualTo(fix.importId()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theSameFiguresFromAnotherSourceAreRejectedNotDoubled(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "einwohner-2022.csv"), "anna");
            ImportOutcome other = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "einwohner-2022-korrigiert.csv"), "anna");
            assertThat(other.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(other.report().problems()).extracting(Problem::code).contains("already_delivered");
            assertThat(storedValues(db)).isEqualTo(9);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void everyProblemIsListedAtOnceAndNothingIsImported(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Path file = IngestFixtures.sample(tmp, "fehlerhaft.csv");
            CheckReport check = Importer.check(ws, db, file);
            assertThat(check.problems()).extracting(Problem::code).containsExactlyInAnyOrder(
                    "unknown_area", "bad_period", "unknown_variable", "bad_number", "negative_count", "duplicate_key");
            assertThat(check.problems()).filteredOn(p -> p.code().equals("unknown_area")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.row()).isEqualTo(3);
                        assertThat(p.column()).isEqualTo("area_code");
                        assertThat(p.value()).isEqualTo("99999999");
                    });
            assertThat(check.toJson()).contains("\"code\" : \"duplicate_key\"");

            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().errorCount()).isEqualTo(6);
            assertThat(storedValues(db)).isZero();
            assertThat(ImportRepository.history(db.jdbi(), 1).get(0).outcome()).isEqualTo("rejected");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void anOfficeCsvInWindows1252WithTitlesFootnotesAndPlaceholdersKeepsEveryFlag(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            ImportOutcome o = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "amt-windows1252.csv"), "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
            assertThat(o.rowsAccepted()).isEqualTo(11);
            assertThat(active(db, "03157001", 2022, "pop_total", "")).get().extracting(Observation::value).isEqualTo(8123.0);
            assertThat(active(db, "03157006", 2022, "pop_total", "")).get().extracting(Observation::value).isEqualTo(50220.0);
            assertThat(active(db, "03157006", 2022, "sgb2_u65", "")).get().extracting(Observation::value).isEqualTo(1234.5);
            assertThat(active(db, "03157003", 2022, "pop_total", "")).get().extracting(Observation::status).isEqualTo(ValueStatus.NOTHING);
            Observation unknown = active(db, "03157005", 2022, "pop_total", "").orElseThrow();
            assertThat(unknown.status()).isEqualTo(ValueStatus.UNKNOWN);
            assertThat(unknown.value()).isNull();
            assertThat(active(db, "03157007", 2022, "pop_total", "")).get().extracting(Observation::status).isEqualTo(ValueStatus.NOT_SENSIBLE);
            Observation bound = active(db, "03157008", 2022, "pop_total", "").orElseThrow();
            assertThat(bound.status()).isEqualTo(ValueStatus.BELOW_BOUND);
            assertThat(bound.usableValue()).isNull();
            assertThat(active(db, "03157006", 2022, "unemployed", "")).get().extracting(Observation::status).isEqualTo(ValueStatus.NOT_YET_AVAILABLE);
            assertThat(active(db, "03157006", 2022, "school_leavers", "")).get().extracting(Observation::status).isEqualTo(ValueStatus.SUPPRESSED);
            assertThat(active(db, "03157006", 2022, "pop_u18", "")).get().extracting(Observation::status).isEqualTo(ValueStatus.TOO_UNCERTAIN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void boundaryChangesAndGeometriesAreStoredAndUtmCoordinatesAreRejected(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            ImportOutcome b = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "gebietsaenderungen.csv"), "anna");
            assertThat(b.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(AreaRepository.boundaryChanges(db.jdbi())).singleElement()
                    .satisfies(c -> {
                        assertThat(c.predecessorCode()).isEqualTo("03157004");
                        assertThat(c.successorCode()).isEqualTo("03157003");
                        assertThat(c.changeDate()).hasYear(2015);
                    });

            ImportOutcome g = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-geometrien.geojson"), "anna");
            assertThat(g.report().problems()).isEmpty();
            assertThat(g.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            String peine = db.jdbi().withHandle(h -> AreaRepository.geometry(h, "03157006"));
            assertThat(peine).contains("Polygon");
            assertThat(AreaRepository.areas(db.jdbi())).extracting(a -> a.code()).contains("0315700603");

            ImportOutcome utm = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "utm32-geometrien.geojson"), "anna");
            assertThat(utm.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(utm.report().problems()).extracting(Problem::code).containsExactly("wrong_crs");
            String edemissen = db.jdbi().withHandle(h -> AreaRepository.geometry(h, "03157001"));
            assertThat(edemissen).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aPlaceholderIsAFigureSoTheSameKeyAgainIsADuplicateInTheTotalAndInATargetGroup(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Path file = IngestFixtures.write(tmp, "doppelt.csv", """
                    area_code;year;variable;value;target_group
                    03157001;2022;unemployed;.;
                    03157002;2022;unemployed;7;sex=f
                    03157001;2022;unemployed;5;
                    03157001;2022;unemployed;3;sex=f
                    03157002;2022;unemployed;4;"sex=f"
                    03157002;2022;unemployed;.;
                    """);
            CheckReport check = Importer.check(ws, db, file);
            assertThat(check.problems()).extracting(Problem::code).containsOnly("duplicate_key");
            assertThat(check.problems()).extracting(Problem::row).containsExactly(4L, 6L);
            assertThat(check.problems().get(1).reason()).contains("03157002").contains("sex=f");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void jumpsAndPartsAboveTheirWholeAreWarningsThatDoNotBlock(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            importAreas(ws, db);
            Path file = IngestFixtures.write(tmp, "sgb2.csv", """
                    area_code;year;variable;value
                    03157001;2021;children_u15_sgb2;100
                    03157001;2022;children_u15_sgb2;450
                    03157001;2022;pop_u15;300
                    03157002;2022;children_u15_sgb2;20
                    03157002;2022;pop_u15;900
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(o.report().problems()).extracting(Problem::code).containsExactlyInAnyOrder("jump", "part_above_whole");
            assertThat(o.report().problems()).allSatisfy(p -> assertThat(p.value()).startsWith("03157001 2022"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void smallCountsJumpingBelowTheConfiguredMinimumAreNotWarnedAbout(TestDatabases.Kind kind) throws Exception {
        String small = """
                area_code;year;variable;value
                03157001;2021;unemployed;6
                03157001;2022;unemployed;15
                """;
        Workspace quiet = IngestFixtures.workspace(tmp.resolve("quiet"));
        try (Database db = kind.open()) {
            importAreas(quiet, db);
            ImportOutcome o = Importer.importFile(quiet, db, IngestFixtures.write(tmp, "quiet.csv", small), "anna");
            assertThat(o.report().problems()).extracting(Problem::code).doesNotContain("jump");
        }
        Workspace strict = IngestFixtures.workspace(tmp.resolve("strict"));
        Path config = strict.root().resolve(Workspace.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replaceFirst("jump_min_count: \\d+", "jump_min_count: 0"));
        strict = Workspace.open(strict.root());
        try (Database db = kind.open()) {
            importAreas(strict, db);
            ImportOutcome o = Importer.importFile(strict, db, IngestFixtures.write(tmp, "strict.csv", small), "anna");
            assertThat(o.report().problems()).extracting(Problem::code).containsExactly("jump");
        }
    }
}
