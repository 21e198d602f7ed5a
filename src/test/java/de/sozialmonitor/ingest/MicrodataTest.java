package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MicrodataTest {
    @TempDir
    Path tmp;

    static final String MAPPING = """
            pattern: "melderegister-*.csv"
            layout: microdata
            variable: pop_total
            year: 2023
            %s
            dimensions:
              age: {column: Alter, bands: ["0-5", "6-14", "15-17", "18-24", "25-64", "65-79", "80+"]}
              sex: {column: Geschlecht, values: {"1": m, "2": f}}
              nationality: {column: Staat, values: {"deutsch": german, "*": foreign}}
            groups: [[], [sex], [age, sex], [nationality]]
            """;

    private Map<String, Double> counts(Database db, String area) {
        return ObservationStore.active(db.jdbi()).stream().filter(o -> o.areaCode().equals(area))
                .collect(Collectors.toMap(o -> o.targetGroup().key(), Observation::value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void registerRowsWithCoordinatesBecomeCountsPerAreaAndTargetGroup(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-geometrien.geojson"), "anna").imported()).isTrue();
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml",
                    MAPPING.formatted("coordinates: {x: lon, y: lat, level: Ortsteil}"));
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", """
                    lon;lat;Alter;Geschlecht;Staat
                    10.255;52.315;4;1;deutsch
                    10.265;52.325;34;2;türkisch
                    10.262;52.320;35;2;deutsch
                    10.261;52.321;81;1;deutsch
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).isEmpty();
            assertThat(o.imported()).isTrue();
            assertThat(counts(db, "0315700603")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "", 4.0, "sex=m", 2.0, "sex=f", 2.0,
                    "age=0-5;sex=m", 1.0, "age=25-64;sex=f", 2.0, "age=80+;sex=m", 1.0,
                    "nationality=german", 3.0, "nationality=foreign", 1.0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aPointOutsideEveryAreaOrAnUnmappedValueRejectsTheExtractWithoutEchoingCoordinates(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-geometrien.geojson"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml",
                    MAPPING.formatted("coordinates: {x: lon, y: lat, level: Ortsteil}"));
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", """
                    lon;lat;Alter;Geschlecht;Staat
                    10.255;52.315;4;1;deutsch
                    9.100;51.000;34;2;deutsch
                    10.262;52.320;35;9;deutsch
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).extracting(Problem::code).containsExactly("outside_areas", "bad_value");
            assertThat(o.report().problems().get(0).value()).isNull();
            assertThat(ObservationStore.active(db.jdbi())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void registerRowsWithAreaCodesAreCountedToo(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml", MAPPING.formatted("area: {column: Gemeinde, codes: ags}"));
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", """
                    Gemeinde;Alter;Geschlecht;Staat
                    3157001;4;1;deutsch
                    3157001;70;2;deutsch
                    3157002;70;2;polnisch
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).isEmpty();
            assertThat(counts(db, "03157001")).containsEntry("", 2.0).containsEntry("age=65-79;sex=f", 1.0);
            assertThat(counts(db, "03157002")).containsEntry("nationality=foreign", 1.0);
            assertThat(List.of(o.format())).containsExactly("microdata");
        }
    }

    /** Street key + house number → Ortsteil, as a GIS office exports it from the address register. */
    static final String LOOKUP = """
            strassenschluessel;hausnummer;area_code
            01234;1;0315700601
            01234;2;0315700601
            01234;12a;0315700602
            05678;7;0315700602
            05678;9;0315700602
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void registerRowsWithStreetKeyAndHouseNumberFindTheirAreaInTheDeclaredLookup(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "adressen-ortsteile.csv", LOOKUP);
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml", MAPPING.formatted(
                    "address: {columns: [Strassenschluessel, Hausnummer], lookup: adressen-ortsteile.csv}"));
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", """
                    Strassenschluessel;Hausnummer;Alter;Geschlecht;Staat
                    01234;1;4;1;deutsch
                    01234;12 A;34;2;türkisch
                    05678;7;35;2;deutsch
                    05678;7;81;1;deutsch
                    01234;2;40;1;deutsch
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).isEmpty();
            assertThat(o.imported()).isTrue();
            assertThat(counts(db, "0315700601")).containsEntry("", 2.0).containsEntry("age=0-5;sex=m", 1.0)
                    .containsEntry("age=25-64;sex=m", 1.0);
            assertThat(counts(db, "0315700602")).containsEntry("", 3.0).containsEntry("nationality=foreign", 1.0)
                    .containsEntry("age=80+;sex=m", 1.0);
            // data minimisation: only counts are stored, no address keys
            String stored = String.join(" ", de.sozialmonitor.store.ObservationStore.active(db.jdbi()).stream()
                    .map(x -> x.areaCode() + " " + x.targetGroup().key()).toList());
            assertThat(stored).doesNotContain("01234", "05678", "12");
            // the lookup is part of the provenance
            assertThat(de.sozialmonitor.store.ImportRepository.history(db.jdbi(), 1).get(0).mappingVersion())
                    .startsWith("sources/melderegister.yaml@").contains("+adressen-ortsteile.csv@");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void unknownAddressKeysAreNamedRowByRowThenSummedUpAndNothingIsImported(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "adressen.csv", "address_key;area_code\nA-1;0315700601\nA-2;0315700602\n");
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml", MAPPING.formatted(
                    "address: {column: address_key, lookup: adressen.csv}"));
            StringBuilder extract = new StringBuilder("address_key;Alter;Geschlecht;Staat\n");
            extract.append("A-1;30;1;deutsch\n");
            for (int i = 0; i < 14; i++) {
                extract.append(i % 2 == 0 ? "B-7" : "C-" + i).append(";30;2;deutsch\n");
            }
            extract.append("A-2;30;1;deutsch\n");
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", extract.toString());
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            List<Problem> problems = o.report().problems();
            assertThat(problems).hasSize(11).allSatisfy(p -> {
                assertThat(p.code()).isEqualTo("unknown_address");
                assertThat(p.column()).isEqualTo("address_key");
                assertThat(p.file()).isEqualTo("melderegister-2023.csv");
            });
            assertThat(problems.subList(0, 10)).extracting(Problem::row).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            assertThat(problems.get(0).value()).isEqualTo("B-7");
            assertThat(problems.get(0).reason()).contains("adressen.csv");
            Problem total = problems.get(10);
            assertThat(total.row()).isZero();
            assertThat(total.value()).isEqualTo("B-7, C-1, C-3, C-5, C-7");
            assertThat(total.reason()).contains("14", "8", "adressen.csv");
            assertThat(ObservationStore.active(db.jdbi())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aLookupPointingToAnUnknownAreaIsReportedAtItsOwnRow(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "adressen.csv", "Adresse;Gebiet\nA-1;0315700601\nA-2;0315799999\n");
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml", MAPPING.formatted(
                    "address: {column: address_key, lookup: adressen.csv, lookup_columns: [Adresse], area_column: Gebiet}"));
            Path file = IngestFixtures.write(tmp, "melderegister-2023.csv", "address_key;Alter;Geschlecht;Staat\nA-1;30;1;deutsch\n");
            CheckReport r = Importer.check(ws, db, file);
            assertThat(r.problems()).extracting(Problem::code, Problem::file, Problem::row, Problem::column, Problem::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown_area", "adressen.csv", 3L, "Gebiet", "0315799999"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void personsOfAMergedAwayMunicipalityInALaterYearAreAnErrorNamedOnce(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
            IngestFixtures.write(ws.sourcesDir(), "melderegister.yaml", MAPPING.formatted("area: {column: Gemeinde, codes: ags}")
                    .replace("year: 2023", "year_column: Stichtag"));
            Path file = IngestFixtures.write(tmp, "melderegister-2018.csv", """
                    Gemeinde;Stichtag;Alter;Geschlecht;Staat
                    3157003;31.12.2018;4;1;deutsch
                    3157004;31.12.2018;70;2;deutsch
                    3157004;31.12.2018;71;1;deutsch
                    """);
            CheckReport r = Importer.check(ws, db, file);
            assertThat(r.problems()).extracting(Problem::code, Problem::row, Problem::column, Problem::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("area_not_in_year", 3L, "Gemeinde", "03157004"));
        }
    }
}
