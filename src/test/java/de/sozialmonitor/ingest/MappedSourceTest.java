package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MappedSourceTest {
    @TempDir
    Path tmp;

    private Workspace ws;
    private Database db;

    private void setUp(TestDatabases.Kind kind) {
        ws = IngestFixtures.workspace(tmp.resolve("ws"));
        db = kind.open();
        ImportOutcome areas = Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna");
        assertThat(areas.imported()).isTrue();
    }

    private Observation active(String area, int year, String variable, String group) {
        return ObservationStore.active(db.jdbi()).stream()
                .filter(o -> o.areaCode().equals(area) && o.year() == year && o.variable().equals(variable)
                        && o.targetGroup().key().equals(group))
                .findFirst().orElseThrow(() -> new AssertionError("no " + area + " " + year + " " + variable + " " + group));
    }

    /** A state-office style workbook: title block, two header rows with merged cells, AGS as numbers, footnotes. */
    static void writeCrossTabWorkbook(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            wb.newWorksheet("Hinweise").value(0, 0, "Zeichenerklärung: * = unterdrückt");
            Worksheet s = wb.newWorksheet("Tabelle 2");
            s.value(0, 0, "Bevölkerung nach Altersgruppen und Geschlecht");
            s.value(1, 0, "Landkreis Peine, Stichtag 31.12.2023");
            s.value(3, 0, "Gemeinde");
            s.value(3, 1, "AGS");
            s.value(3, 2, "unter 18 Jahre");
            s.range(3, 2, 3, 3).merge();
            s.value(3, 4, "65 Jahre und älter");
            s.range(3, 4, 3, 5).merge();
            s.value(4, 2, "männlich");
            s.value(4, 3, "weiblich");
            s.value(4, 4, "männlich");
            s.value(4, 5, "weiblich");
            Object[][] rows = {
                    {"Edemissen", 3157001, 720, 690, 980, 1150},
                    {"Peine, Stadt", 3157006, 4100, 4400, 4800, 5900},
                    {"Vechelde", 3157007, 1500, 1420, "*", 1900},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        s.value(5 + r, c, n);
                    } else {
                        s.value(5 + r, c, (String) v);
                    }
                }
            }
            s.value(9, 0, "Quelle: Landesamt für Statistik Niedersachsen");
            wb.finish();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void crossTabWorkbookWithMergedHeadersMapsToTargetGroups(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "lsn-alter.yaml", """
                pattern: "lsn-alter-*.xlsx"
                sheet: "Tabelle 2"
                layout: crosstab
                header_rows: 2
                year: 2023
                area: {column: AGS, codes: ags}
                columns:
                  "unter 18 Jahre / männlich":     {variable: pop_u18, sex: m}
                  "unter 18 Jahre / weiblich":     {variable: pop_u18, sex: f}
                  "65 Jahre und älter / männlich": {variable: pop_65plus, sex: m}
                  "65 Jahre und älter / weiblich": {variable: pop_65plus, sex: f}
                """);
        Path file = tmp.resolve("lsn-alter-2023.xlsx");
        writeCrossTabWorkbook(file);
        ImportOutcome o = Importer.importFile(ws, db, file, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(o.imported()).isTrue();
        assertThat(o.rowsAccepted()).isEqualTo(12);
        assertThat(active("03157006", 2023, "pop_u18", "sex=f").value()).isEqualTo(4400.0);
        assertThat(active("03157001", 2023, "pop_65plus", "sex=m").value()).isEqualTo(980.0);
        Observation suppressed = active("03157007", 2023, "pop_65plus", "sex=m");
        assertThat(suppressed.status()).isEqualTo(ValueStatus.SUPPRESSED);
        assertThat(suppressed.value()).isNull();
        ImportRepository.ImportRow row = ImportRepository.history(db.jdbi(), 1).get(0);
        assertThat(row.source()).isEqualTo("lsn-alter");
        assertThat(row.mappingVersion()).startsWith("sources/lsn-alter.yaml@");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void wideCsvWithOneColumnPerYearAndAreaNamesInSpellingVariants(TestDatabases.Kind kind) {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "einwohner-gemeinden.yaml", """
                pattern: "einwohner-gemeinden*.csv"
                layout: wide
                area:
                  column: Gemeinde
                  codes: name
                  map: {"Ilsede (mit Lahstedt)": "03157003"}
                  ignore: ["Landkreis insgesamt"]
                columns:
                  "2022": {variable: pop_total, year: 2022}
                  "2023": {variable: pop_total, year: 2023}
                """);
        Path file = IngestFixtures.write(tmp, "einwohner-gemeinden.csv", """
                Einwohner mit Hauptwohnsitz;;
                Gemeinde;2022;2023
                EDEMISSEN;8.123;8.140
                Stadt Peine;50.220;50.410
                Ilsede (mit Lahstedt);22.110;22.050
                Hohenhameln;9.402;.
                Landkreis insgesamt;89.855;
                """);
        ImportOutcome o = Importer.importFile(ws, db, file, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(o.rowsAccepted()).isEqualTo(8);
        assertThat(active("03157006", 2023, "pop_total", "").value()).isEqualTo(50410.0);
        assertThat(active("03157001", 2022, "pop_total", "").value()).isEqualTo(8123.0);
        assertThat(active("03157002", 2023, "pop_total", "").status()).isEqualTo(ValueStatus.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void longCsvWithArsCodesAndSourceLabelsForVariables(TestDatabases.Kind kind) {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "ba-sgb2.yaml", """
                pattern: "ba-sgb2-*.csv"
                layout: long
                year_column: Jahr
                area: {column: ARS, codes: ars}
                variable_column: Merkmal
                value_column: Anzahl
                variables:
                  "Regelleistungsberechtigte unter 65 Jahren": sgb2_u65
                  "Arbeitslose": unemployed
                """);
        Path file = IngestFixtures.write(tmp, "ba-sgb2-2023.csv", """
                Jahr,ARS,Merkmal,Anzahl
                2023,031570001001,Regelleistungsberechtigte unter 65 Jahren,312
                2023,031570006006,Regelleistungsberechtigte unter 65 Jahren,"4,210"
                2023,031570006006,Arbeitslose,"1,988"
                2023,031570006006,Unbekanntes Merkmal,5
                """);
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("unknown_variable");
        assertThat(r.problems().get(0).row()).isEqualTo(5);
        Path fixed = IngestFixtures.write(tmp, "ba-sgb2-2023-b.csv", """
                Jahr,ARS,Merkmal,Anzahl
                2023,031570001001,Regelleistungsberechtigte unter 65 Jahren,312
                2023,031570006006,Regelleistungsberechtigte unter 65 Jahren,"4,210"
                2023,031570006006,Arbeitslose,"1,988"
                """);
        IngestFixtures.write(ws.sourcesDir(), "ba-sgb2.yaml", """
                pattern: "ba-sgb2-*.csv"
                layout: long
                year_column: Jahr
                decimal: point
                area: {column: ARS, codes: ars}
                variable_column: Merkmal
                value_column: Anzahl
                variables:
                  "Regelleistungsberechtigte unter 65 Jahren": sgb2_u65
                  "Arbeitslose": unemployed
                """);
        ImportOutcome o = Importer.importFile(ws, db, fixed, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(active("03157006", 2023, "sgb2_u65", "").value()).isEqualTo(4210.0);
        assertThat(active("03157001", 2023, "sgb2_u65", "").value()).isEqualTo(312.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMappingThatNamesAMissingColumnIsReportedNotGuessed(TestDatabases.Kind kind) {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "x.yaml", """
                pattern: "x-*.csv"
                layout: wide
                year: 2023
                area: {column: Gemeinde, codes: name}
                columns:
                  "Einwohner": pop_total
                  "Kinder": pop_u18
                """);
        Path file = IngestFixtures.write(tmp, "x-1.csv", "Gemeinde;Einwohner\nEdemissen;8140\n");
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).extracting(Problem::code, Problem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple("missing_column", "Kinder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aMissingSheetOrABrokenMappingIsAReportedProblem(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "lsn.yaml", """
                pattern: "lsn-*.xlsx"
                sheet: "Tabelle 9"
                layout: crosstab
                year: 2023
                area: {column: AGS, codes: ags}
                columns: {"x": pop_total}
                """);
        Path file = tmp.resolve("lsn-1.xlsx");
        writeCrossTabWorkbook(file);
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("missing_sheet");
        assertThat(r.problems().get(0).reason()).contains("Tabelle 2");
        IngestFixtures.write(ws.sourcesDir(), "lsn.yaml", "pattern: \"lsn-*.xlsx\"\nlayout: zigzag\n");
        assertThat(Importer.check(ws, db, file).problems()).extracting(Problem::code).containsExactly("bad_mapping");
    }

    /** A BA-style workbook: one sheet per year with the same layout, the year in the sheet name, a notes sheet. */
    static void writeYearSheetsWorkbook(Path file, boolean unknownAreaIn2023) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "test", "1.0");
            wb.newWorksheet("Hinweise").value(0, 0, "Statistik der Bundesagentur für Arbeit");
            Object[][][] years = {
                    {{"Edemissen", 3157001, 210, 95}, {"Peine, Stadt", 3157006, 2480, 1210}},
                    {{"Edemissen", 3157001, 198, 90}, {"Peine, Stadt", unknownAreaIn2023 ? 3157099 : 3157006, 2511, 1190}},
            };
            for (int y = 0; y < years.length; y++) {
                Worksheet s = wb.newWorksheet("SGB II " + (2022 + y));
                s.value(0, 0, "Regelleistungsberechtigte, Dezember " + (2022 + y));
                s.value(2, 0, "Gemeinde");
                s.value(2, 1, "AGS");
                s.value(2, 2, "RLB unter 65 Jahren");
                s.value(2, 3, "Kinder unter 15 Jahren in SGB II");
                for (int r = 0; r < years[y].length; r++) {
                    s.value(3 + r, 0, (String) years[y][r][0]);
                    for (int c = 1; c < 4; c++) {
                        s.value(3 + r, c, (Number) years[y][r][c]);
                    }
                }
                s.value(6, 0, "Quelle: Statistik der BA");
            }
            wb.finish();
        }
    }

    static final String YEAR_SHEETS_MAPPING = """
            pattern: "ba-kreis-*.xlsx"
            %s
            layout: wide
            year: sheet
            area: {column: AGS, codes: ags}
            columns:
              "RLB unter 65 Jahren": sgb2_u65
              "Kinder unter 15 Jahren in SGB II": children_u15_sgb2
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void oneSheetPerYearIsReadWithOneMappingAndTheYearFromTheSheetName(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        IngestFixtures.write(ws.sourcesDir(), "ba-kreis.yaml", YEAR_SHEETS_MAPPING.formatted("sheets: [\"SGB II *\"]"));
        Path file = tmp.resolve("ba-kreis-2023.xlsx");
        writeYearSheetsWorkbook(file, false);
        ImportOutcome o = Importer.importFile(ws, db, file, "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).isEmpty();
        assertThat(o.imported()).isTrue();
        assertThat(o.rowsAccepted()).isEqualTo(8);
        assertThat(active("03157006", 2022, "sgb2_u65", "").value()).isEqualTo(2480.0);
        assertThat(active("03157006", 2023, "sgb2_u65", "").value()).isEqualTo(2511.0);
        assertThat(active("03157001", 2023, "children_u15_sgb2", "").value()).isEqualTo(90.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void everyProblemNamesItsSheetAndSheetSpecsOverrideKeys(TestDatabases.Kind kind) throws IOException {
        setUp(kind);
        Path file = tmp.resolve("ba-kreis-2023.xlsx");
        writeYearSheetsWorkbook(file, true);
        IngestFixtures.write(ws.sourcesDir(), "ba-kreis.yaml", YEAR_SHEETS_MAPPING.formatted("""
                sheets:
                  - {name: "SGB II 2022", year: 2022}
                  - {name: "SGB II 2023", header_row: 3}
                  - "SGB II 2024"
                """));
        CheckReport r = Importer.check(ws, db, file);
        assertThat(r.problems()).extracting(Problem::code, Problem::sheet, Problem::row, Problem::value).containsExactly(
                // one problem for the row, not one per mapped column
                org.assertj.core.groups.Tuple.tuple("unknown_area", "SGB II 2023", 5L, "03157099"),
                org.assertj.core.groups.Tuple.tuple("missing_sheet", "SGB II 2024", 0L, null));
        assertThat(r.toText()).contains("[SGB II 2023]");
        assertThat(r.rowsRead()).isEqualTo(4);
        writeYearSheetsWorkbook(file, false);
        IngestFixtures.write(ws.sourcesDir(), "ba-kreis.yaml", YEAR_SHEETS_MAPPING.formatted("""
                sheets:
                  - {name: "SGB II 2022", year: 2022}
                  - {name: "SGB II 2023", header_row: 3}
                """));
        assertThat(Importer.importFile(ws, db, file, "anna").imported()).isTrue();
        assertThat(active("03157006", 2023, "sgb2_u65", "").value()).isEqualTo(2511.0);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
