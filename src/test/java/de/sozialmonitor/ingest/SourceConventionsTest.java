package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deliveries as sources write them: values validated by the kind of their variable, the source's
 * own missing-value codes, periods as months or reference dates (also in the title rows), columns
 * named by letter, a missing column answered with the columns the file has, and canonical lines
 * with more fields than the header.
 */
class SourceConventionsTest {
    @TempDir
    Path tmp;

    private Workspace ws;
    private Database db;

    /** The Peine workspace, its catalog extended by a balance and a share. */
    private void setUp(TestDatabases.Kind kind) throws IOException {
        Path dir = tmp.resolve("ws");
        IngestFixtures.workspace(dir);
        Path catalog = dir.resolve("indicators.yaml");
        Files.writeString(catalog, Files.readString(catalog).replaceFirst("variables:\n", """
                variables:
                  net_migration: {de: "Wanderungssaldo", kind: balance}
                  unemployment_share: {de: "Arbeitslosenanteil", kind: share, unit: "%", base: pop_15_64}
                """));
        ws = Workspace.open(dir);
        db = kind.open();
        assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna").imported()).isTrue();
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private Observation active(String area, int year, String variable) {
        return ObservationStore.active(db.jdbi()).stream()
                .filter(o -> o.areaCode().equals(area) && o.year() == year && o.variable().equals(variable))
                .findFirst().orElseThrow(() -> new AssertionError("no " + area + " " + year + " " + variable));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void valuesAreValidatedByTheKindOfTheirVariable(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        Path ok = IngestFixtures.write(tmp, "salden.csv", """
                area_code;year;variable;value
                03157001;2022;net_migration;-125
                03157001;2022;unemployment_share;4,5
                03157001;2022;pop_total;8123
                """);
        ImportOutcome o = Importer.importFile(ws, db, ok, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(active("03157001", 2022, "net_migration").value()).isEqualTo(-125.0);
        Path bad = IngestFixtures.write(tmp, "falsch.csv", """
                area_code;year;variable;value
                03157002;2022;pop_total;-3
                03157002;2022;unemployment_share;-1
                03157002;2022;unemployment_share2;1
                03157003;2022;unemployment_share;104
                """.replace("unemployment_share2", "net_migration"));
        CheckReport r = Importer.check(ws, db, bad);
        assertThat(r.problems()).extracting(Problem::code, Problem::row).containsExactly(
                org.assertj.core.groups.Tuple.tuple("negative_count", 2L),
                org.assertj.core.groups.Tuple.tuple("negative_value", 3L),
                org.assertj.core.groups.Tuple.tuple("share_above_whole", 5L));
        assertThat(r.problems().get(0).reason()).contains("pop_total ist eine Anzahl").contains("kind: balance");
        assertThat(r.problems().get(2).reason()).isEqualTo("unemployment_share ist ein Anteil in % und kann nicht über 100 liegen");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void missingCodesAndMonthsAreReadAsTheSourceMeansThem(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "ba.yaml", """
                pattern: "ba-*.csv"
                layout: long
                year_column: Monat
                area: {column: AGS, codes: ags}
                variable_column: Merkmal
                value_column: Wert
                missing: ["-9999", "999999"]
                """);
        Path file = IngestFixtures.write(tmp, "ba-2022.csv", """
                Monat;AGS;Merkmal;Wert
                202212;3157001;unemployed;210
                202212;3157002;unemployed;-9999
                2022-12;3157003;sgb2_u65;999999
                12/2022;3157005;sgb2_u65;-9999,0
                31.12.2022;3157006;unemployed;1200
                202213;3157007;unemployed;5
                """);
        CheckReport check = Importer.check(ws, db, file);
        assertThat(check.problems()).extracting(Problem::code, Problem::row, Problem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad_period", 7L, "202213"));
        assertThat(check.problems().get(0).reason()).contains("einen Monat (202012, 2020-12, 12/2020)");
        IngestFixtures.write(tmp, "ba-2022.csv", Files.readString(tmp.resolve("ba-2022.csv")).replace("202213;3157007;unemployed;5\n", ""));
        ImportOutcome o = Importer.importFile(ws, db, file, "anna");
        assertThat(o.imported()).isTrue();
        assertThat(active("03157001", 2022, "unemployed").value()).isEqualTo(210.0);
        for (String[] missing : new String[][] {{"03157002", "unemployed"}, {"03157003", "sgb2_u65"}, {"03157005", "sgb2_u65"}}) {
            Observation m = active(missing[0], 2022, missing[1]);
            assertThat(m.status()).isEqualTo(ValueStatus.UNKNOWN);
            assertThat(m.value()).isNull();
        }
    }

    /** A workbook: title rows with the reference date, a header on row 4, the data below, a footnote. */
    private static void writeTitledWorkbook(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            Worksheet s = wb.newWorksheet("Tabelle 1");
            s.value(0, 0, "Einwohner nach Gemeinden");
            s.value(1, 0, "Stand: 31.12.2021");
            s.value(3, 0, "Schlüssel");
            s.value(3, 1, "Gemeinde");
            s.value(3, 2, "Einwohner");
            s.value(3, 3, "unter 18");
            s.value(4, 0, "3157001");
            s.value(4, 1, "Edemissen");
            s.value(4, 2, 12000);
            s.value(4, 3, 2100);
            s.value(5, 0, "3157002");
            s.value(5, 1, "Hohenhameln");
            s.value(5, 2, 9400);
            s.value(5, 3, 1500);
            s.value(7, 0, "Quelle: Gemeindestatistik");
            wb.finish();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theYearMayStandInTheTitleAndColumnsMayBeNamedByTheirLetters(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "gemeinden.yaml", """
                pattern: "gemeinden-*.xlsx"
                layout: wide
                header_row: 4
                year: title
                area: {column: A, codes: ags}
                columns:
                  C: pop_total
                  D: pop_u18
                """);
        Path file = tmp.resolve("gemeinden-stand.xlsx");
        writeTitledWorkbook(file);
        ImportOutcome o = Importer.importFile(ws, db, file, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(active("03157001", 2021, "pop_total").value()).isEqualTo(12000.0);
        assertThat(active("03157002", 2021, "pop_u18").value()).isEqualTo(1500.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMissingColumnIsAnsweredWithTheColumnsTheFileHas(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "lsn.yaml", """
                pattern: "lsn-alter-*.xlsx"
                sheet: "Tabelle 2"
                layout: crosstab
                year: 2023
                area: {column: AGS, codes: ags}
                columns:
                  "unter 18 Jahre / weiblich": {variable: pop_u18, sex: f}
                """);
        Path file = tmp.resolve("lsn-alter-2023.xlsx");
        MappedSourceTest.writeCrossTabWorkbook(file);
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("missing_column");
            assertThat(p.column()).isEqualTo("unter 18 Jahre / weiblich");
            assertThat(p.reason()).contains("mit header_rows: 1 hat sie die Spalten: A „Gemeinde“, B „AGS“, C „unter 18 Jahre“,"
                    + " E „65 Jahre und älter“").contains("mit header_rows: 2 gäbe es eine Spalte dieses Namens");
        });
    }

    @Test
    void aCanonicalLineWithMoreFieldsThanTheHeaderIsAnErrorNeverCut() throws IOException {
        setUp(TestDatabases.Kind.H2);
        // regression: the unquoted target group was stored as nationality=foreign, the rest of the line dropped
        Path file = IngestFixtures.write(tmp, "gruppen.csv", """
                area_code;year;variable;value;target_group
                03157001;2022;pop_total;100;nationality=foreign;sex=f
                03157001;2022;pop_total;300;
                03157002;2022;pop_total;200;"nationality=foreign;sex=f"
                """);
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("extra_fields");
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.reason()).contains("Zeile hat 6 Felder, die Kopfzeile nur 5").contains("Anführungszeichen");
        });
        ImportOutcome o = Importer.importFile(ws, db, file, "anna", Importer.Options.in(Locale.ENGLISH));
        assertThat(o.imported()).isFalse();
        assertThat(o.report().problems().get(0).reason()).contains("must be quoted");
    }
}
