package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How rows of a real file find their area (docs/import.md, "How rows find their area"): code first,
 * names within the row's level or parent, totals told from parts of the same name by position, one
 * problem per unresolved row listing the candidates, and {@code ignore} that drops rows, never areas.
 * Hamburg's Bezirke and Stadtteile, where Eimsbüttel and Harburg are both.
 */
class AreaMatchingTest {
    @TempDir
    Path tmp;

    private Workspace ws;
    private Database db;

    @BeforeEach
    void setUp() throws IOException {
        Path dir = tmp.resolve("ws");
        WorkspaceInitializer.create(dir, Map.of("code: \"00000\"", "code: \"02000000\"", "name: \"Mein Landkreis\"", "name: \"Hamburg\""));
        ws = Workspace.open(dir);
        db = TestDatabases.h2();
        Path areas = Files.writeString(tmp.resolve("gebiete.csv"), StatisticalOfficeWorkbookTest.areasFile());
        assertThat(Importer.importFile(ws, db, areas, "anna").imported()).isTrue();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CheckReport check(String mapping, String csv) throws IOException {
        IngestFixtures.write(ws.sourcesDir(), "ew.yaml", "pattern: \"ew-*.csv\"\nlayout: wide\nyear: 2020\n" + mapping
                + "columns:\n  Einwohner: pop_total\n  Saldo: pop_u18\n");
        return Importer.check(ws, db, IngestFixtures.write(tmp, "ew-2020.csv", csv));
    }

    private double imported(String mapping, String csv, String code) throws IOException {
        check(mapping, csv);
        ImportOutcome o = Importer.importFile(ws, db, tmp.resolve("ew-2020.csv"), "anna");
        assertThat(o.report().problems()).filteredOn(Problem::isError).as(o.report().toText()).isEmpty();
        return ObservationStore.active(db.jdbi()).stream()
                .filter(x -> x.areaCode().equals(code) && x.variable().equals("pop_total")).findFirst()
                .map(Observation::value).orElseThrow();
    }

    @Test
    void anAmbiguousNameIsOneProblemPerRowListingTheCandidates() throws IOException {
        CheckReport r = check("area: {column: Gebiet, codes: name}\n", """
                Gebiet;Einwohner;Saldo
                Eimsbüttel;57345;8450
                Ottensen;35788;6010
                Osdorf;100;10
                """);
        assertThat(r.problems()).extracting(Problem::code, Problem::row, Problem::value).containsExactly(
                tuple("ambiguous_area", 2L, "Eimsbüttel"), tuple("unknown_area", 4L, "Osdorf"));
        assertThat(r.problems().get(0).reason()).contains("der Name passt auf 2 Gebiete")
                .contains("Eimsbüttel (Bezirk, 0203, in Hamburg)").contains("Eimsbüttel (Stadtteil, 020301, in Eimsbüttel)")
                .contains("totals: after/before");
        assertThat(r.problems().get(1).reason()).startsWith("unbekannter Gebietsname");
    }

    @Test
    void aCodeIsTakenFirstAndANameWithinTheLevelOrParentTheRowNames() throws IOException {
        assertThat(imported("area: {column: Gebiet, codes: name}\n", """
                Gebiet;Einwohner;Saldo
                020301;57345;8450
                """, "020301")).isEqualTo(57345.0);
        assertThat(imported("area: {column: Gebiet, codes: name, level_column: Ebene}\n", """
                Ebene;Gebiet;Einwohner;Saldo
                Stadtteil;Eimsbüttel;57346;8450
                Bezirk;Eimsbüttel;289876;1
                """, "0203")).isEqualTo(289876.0);
        assertThat(imported("area: {column: Gebiet, codes: name, parent_column: Bezirk}\n", """
                Bezirk;Gebiet;Einwohner;Saldo
                Eimsbüttel;Eimsbüttel;57347;8450
                Hamburg;Harburg;66583;1
                """, "020301")).isEqualTo(57347.0);
        assertThat(imported("""
                area:
                  column: Gebiet
                  codes: name
                  levels: [{pattern: "Bezirk *", level: Bezirk}, {rows: "2-3", level: Stadtteil}]
                  map: {"Bezirk Eimsbüttel": "0203"}
                """, """
                Gebiet;Einwohner;Saldo
                Eimsbüttel;57348;8450
                Harburg;26560;4480
                Bezirk Eimsbüttel;289877;1
                """, "020701")).isEqualTo(26560.0);
        CheckReport wrongLevel = check("area: {column: Gebiet, codes: name, level_column: Ebene}\n", """
                Ebene;Gebiet;Einwohner;Saldo
                Stadtteil;Altona;95999;1
                """);
        assertThat(wrongLevel.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("kein Gebiet dieses Namens passt zur Ebene „Stadtteil“").contains("Altona (Bezirk, 0202, in Hamburg)"));
    }

    @Test
    void totalsBeforeTheirPartsAreToldApartByPosition() throws IOException {
        double bezirk = imported("area: {column: Gebiet, codes: name, totals: before}\n", """
                Gebiet;Einwohner;Saldo
                Hamburg;1000000;1
                Eimsbüttel;289876;1
                Eimsbüttel;57345;8450
                Harvestehude;17956;2990
                Harburg;66583;1
                Heimfeld;22120;3950
                Harburg;26560;4480
                Wilstorf;17903;3020
                """, "0203");
        assertThat(bezirk).isEqualTo(289876.0);
        assertThat(ObservationStore.active(db.jdbi())).filteredOn(o -> o.variable().equals("pop_total"))
                .extracting(Observation::areaCode, Observation::value)
                .contains(tuple("020301", 57345.0), tuple("0207", 66583.0), tuple("020701", 26560.0));
    }

    @Test
    void ignoreDropsRowsNeverAreas() throws IOException {
        CheckReport rejected = check("area: {column: Gebiet, codes: name, ignore: [\"Eimsbüttel\"]}\n", """
                Gebiet;Einwohner;Saldo
                Eimsbüttel;57345;8450
                """);
        assertThat(rejected.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("bad_mapping");
            assertThat(p.reason()).contains("ignore lässt nie die Zeilen eines Gebiets fallen, und „Eimsbüttel“ ist auch der Name von")
                    .contains("Eimsbüttel (Stadtteil, 020301, in Eimsbüttel)");
        });
        // the totals are dropped by their level, the Stadtteile of the same name stay
        double stadtteil = imported("area: {column: Gebiet, codes: name, totals: after, ignore: [{level: Bezirk}, \"Hamburg insgesamt\"]}\n", """
                Gebiet;Einwohner;Saldo
                Eimsbüttel;57345;8450
                Harvestehude;17956;2990
                Eimsbüttel;289876;1
                Harburg;26560;4480
                Wilstorf;17903;3020
                Harburg;66583;1
                Hamburg insgesamt;1000000;1
                """, "020301");
        assertThat(stadtteil).isEqualTo(57345.0);
        assertThat(ObservationStore.active(db.jdbi())).extracting(Observation::areaCode)
                .doesNotContain("0203", "0207").contains("020701", "020303");
    }
}
