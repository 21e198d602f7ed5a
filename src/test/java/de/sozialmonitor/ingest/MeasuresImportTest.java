package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Measure;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MeasureRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lists of measures (Maßnahmenlisten) through the ordinary import, as CSV and as a workbook. */
class MeasuresImportTest {
    @TempDir
    Path tmp;

    private Workspace workspaceWithAreas(Database db) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna").status())
                .isEqualTo(ImportOutcome.Status.IMPORTED);
        return ws;
    }

    private static Path copy(Path dir, String resource) throws Exception {
        Path p = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = MeasuresImportTest.class.getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void anOfficeListInWindows1252WithTitleAndFootnoteBecomesMeasures(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            Path file = copy(tmp, "/steering/massnahmen-windows1252.csv");
            CheckReport check = Importer.check(ws, db, file);
            assertThat(check.problems()).isEmpty();
            assertThat(check.format()).isEqualTo("measures");
            assertThat(new MeasureRepository(db.jdbi()).list()).isEmpty(); // check changes nothing

            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            assertThat(o.rowsAccepted()).isEqualTo(3);
            List<MeasureRepository.Stored> stored = new MeasureRepository(db.jdbi()).list();
            assertThat(stored).extracting(s -> s.measure().key()).containsExactly("M-2021-01", "M-2022-02", "M-2023-03");
            Measure first = stored.get(0).measure();
            assertThat(first.title()).isEqualTo("Lernwerkstatt Vöhrum");
            assertThat(first.office()).isEqualTo("FD Jugend");
            assertThat(first.start()).isEqualTo(LocalDate.of(2021, 3, 1));
            assertThat(first.end()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(first.budget()).isEqualByComparingTo("120000");
            assertThat(first.funding()).isEqualTo("Sozialer Zusammenhalt");
            assertThat(first.areaCodes()).containsExactly("0315700602");          // by its name
            assertThat(first.indicatorIds()).containsExactly("children_min_income", "sgb2"); // by name and by id
            Measure second = stored.get(1).measure();
            assertThat(second.start()).isEqualTo(LocalDate.of(2022, 7, 1));
            assertThat(second.end()).isNull();
            assertThat(second.budget()).isEqualByComparingTo("85500.50");
            assertThat(second.areaCodes()).containsExactly("0315700601", "0315700602");
            Measure third = stored.get(2).measure();
            assertThat(third.start()).isEqualTo(LocalDate.of(2023, 1, 1));
            assertThat(third.budget()).isNull();
            assertThat(third.shownPublic()).isFalse();
            assertThat(third.areaCodes()).containsExactly("03157003");
            assertThat(stored).allSatisfy(s -> assertThat(s.importId()).isEqualTo(o.importId()));
            assertThat(new AuditLog(db.jdbi()).latest(10)).extracting(AuditLog.Event::action)
                    .contains("import", "measure.create");

            // the same file again changes nothing; an edited list updates by key and keeps the others
            assertThat(Importer.importFile(ws, db, file, "anna").status()).isEqualTo(ImportOutcome.Status.UNCHANGED);
            Path edited = IngestFixtures.write(tmp, "massnahmen-2.csv", """
                    Nr.;Maßnahme;Handlungsfeld;Beginn;Gebiete
                    M-2021-01;Lernwerkstatt Vöhrum (verlängert);Bildung;01.03.2021;0315700602
                    """);
            assertThat(Importer.importFile(ws, db, edited, "ben").status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            List<MeasureRepository.Stored> after = new MeasureRepository(db.jdbi()).list();
            assertThat(after).hasSize(3);
            assertThat(after.get(0).measure().title()).isEqualTo("Lernwerkstatt Vöhrum (verlängert)");
            assertThat(after.get(0).measure().budget()).isNull();
            assertThat(after.get(0).updatedBy()).isEqualTo("ben");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aWorkbookListWithDateAndNumberCellsIsReadWithoutAMapping(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            Path file = tmp.resolve("massnahmen.xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                Workbook wb = new Workbook(out, "Test", "1.0");
                Worksheet s = wb.newWorksheet("Maßnahmen");
                s.value(0, 0, "Maßnahmen 2024");
                String[] header = {"Kennung", "Titel", "Handlungsfeld", "Zuständig", "Beginn", "Ende", "Mittel (EUR)", "Gebiete",
                        "Indikatoren", "Beschreibung"};
                for (int c = 0; c < header.length; c++) {
                    s.value(2, c, header[c]);
                }
                s.value(3, 0, "W-1");
                s.value(3, 1, "Familienzentrum Kernstadt");
                s.value(3, 2, "Familie");
                s.value(3, 3, "FD Jugend");
                s.value(3, 4, LocalDate.of(2020, 9, 1));
                s.style(3, 4).format("dd.mm.yyyy").set();
                s.value(3, 5, "31.08.2025");
                s.value(3, 6, 45000.5);
                s.value(3, 7, "Peine-Kernstadt");
                s.value(3, 8, "single_parent_children");
                s.value(3, 9, "synthetisches Beispiel");
                wb.finish();
            }
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).isEmpty();
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
            Measure m = new MeasureRepository(db.jdbi()).find("W-1").orElseThrow().measure();
            assertThat(m.start()).isEqualTo(LocalDate.of(2020, 9, 1));
            assertThat(m.end()).isEqualTo(LocalDate.of(2025, 8, 31));
            assertThat(m.budget()).isEqualByComparingTo("45000.50");
            assertThat(m.areaCodes()).containsExactly("0315700601");
            assertThat(m.description()).isEqualTo("synthetisches Beispiel");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aListWithErrorsIsRejectedWholeNamingRowColumnAndReason(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = workspaceWithAreas(db);
            Path file = IngestFixtures.write(tmp, "massnahmen-fehler.csv", """
                    key;title;field_of_action;start;end;budget;areas;indicators
                    A;Gut;Bildung;2021-01-01;;100;03157001;sgb2
                    B;Ende vor Beginn;Bildung;2021-05-01;2020-01-01;;03157001;
                    C;Unbekannt;Bildung;2021-01-01;;;Atlantis;
                    D;Falscher Indikator;Bildung;32.13.2021;;zwölf;03157001;happiness
                    A;Doppelt;Bildung;2021-01-01;;;03157001;
                    E;;;2021-01-01;;;03157001;
                    """);
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).filteredOn(Problem::isError)
                    .extracting(p -> p.row() + " " + p.column() + " " + p.code())
                    .contains("3 end bad_measure", "4 areas unknown_area", "5 start bad_date", "5 budget bad_number",
                            "5 indicators unknown_indicator", "6 key duplicate_key", "7 title bad_measure",
                            "7 field_of_action bad_measure");
            assertThat(new MeasureRepository(db.jdbi()).list()).isEmpty();
        }
    }
}
