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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void registerRowsWithCoordinatesBecomeCountsPerAreaAndTargetGroup() {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = TestDatabases.h2()) {
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

    @Test
    void aPointOutsideEveryAreaOrAnUnmappedValueRejectsTheExtractWithoutEchoingCoordinates() {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = TestDatabases.h2()) {
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

    @Test
    void registerRowsWithAreaCodesAreCountedToo() {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = TestDatabases.h2()) {
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
}
