package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database written before the areas became a snapshot block (schema V105: one row per area
 * version, the geometry a column of it) opens with the same area versions, levels, territory,
 * geometries and boundary changes: V106-V107 move the rows into the snapshot and the geometries
 * into their own table.
 */
class AreaBlockMigrationTest {
    private static final LocalDate BEGINNING = Area.BEGINNING;
    private static final LocalDate MERGER = LocalDate.of(2015, 1, 1);

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void areaRowsBecomeASnapshotWithTheSameVersionsAndGeometries(TestDatabases.Kind kind) throws Exception {
        TestDatabases.OldSchema old = TestDatabases.migratedTo(kind, "105", new ObservationBlockMigration(), new ResultBlockMigration());
        try (var c = old.dataSource().getConnection()) {
            Handle h = Jdbi.open(c);
            long areasImport = importRow(h, "Gebiete");
            long geoImport = importRow(h, "Geometrien");
            h.execute("INSERT INTO territory(code, name) VALUES ('03157', 'Landkreis Peine')");
            h.execute("INSERT INTO area_level(name, depth) VALUES ('Kreis', 0), ('Gemeinde', 1), ('Ortsteil', 2)");
            String insert = "INSERT INTO area(code, valid_from, valid_to, name, level, parent_code, geometry, import_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            h.execute(insert, "03157", BEGINNING, null, "Landkreis Peine", "Kreis", null, "{\"type\":\"Point\",\"coordinates\":[10.2,52.3]}",
                    areasImport);
            h.execute(insert, "03157006", BEGINNING, MERGER, "Ilsede (alt)", "Gemeinde", "03157", "{\"g\":\"alt\"}", areasImport);
            h.execute(insert, "03157006", MERGER, null, "Ilsede", "Gemeinde", "03157", "{\"g\":\"neu\"}", geoImport);
            h.execute(insert, "03157007", BEGINNING, MERGER, "Lahstedt", "Gemeinde", "03157", null, areasImport);
            h.execute(insert, "0315700601", BEGINNING, null, "Groß Ilsede", "Ortsteil", "03157006", null, null);
            h.execute("INSERT INTO boundary_change(predecessor_code, successor_code, weight, change_date, import_id) "
                    + "VALUES ('03157007', '03157006', 1.0, ?, ?)", MERGER, areasImport);
            h.close();
        }

        try (Database db = Database.open(old.url(), "", "")) {
            Jdbi jdbi = db.jdbi();
            assertThat(AreaRepository.areas(jdbi)).containsExactly(
                    new Area("03157", "Landkreis Peine", "Kreis", null, BEGINNING, null),
                    new Area("03157006", "Ilsede (alt)", "Gemeinde", "03157", BEGINNING, MERGER),
                    new Area("03157006", "Ilsede", "Gemeinde", "03157", MERGER, null),
                    new Area("0315700601", "Groß Ilsede", "Ortsteil", "03157006", BEGINNING, null),
                    new Area("03157007", "Lahstedt", "Gemeinde", "03157", BEGINNING, MERGER));
            Map<String, Integer> levels = jdbi.withHandle(AreaRepository::levels);
            assertThat(levels).containsExactly(Map.entry("Kreis", 0), Map.entry("Gemeinde", 1),
                    Map.entry("Ortsteil", 2));
            String territory = jdbi.withHandle(h -> h.createQuery("SELECT name FROM territory WHERE code = '03157'").mapTo(String.class).one());
            assertThat(territory).isEqualTo("Landkreis Peine");
            assertThat(AreaRepository.boundaryChanges(jdbi)).containsExactly(new BoundaryChange("03157007", "03157006", 1.0, MERGER));

            String ilsede = jdbi.withHandle(h -> AreaRepository.geometry(h, "03157006"));
            assertThat(ilsede).isEqualTo("{\"g\":\"neu\"}");
            String lahstedt = jdbi.withHandle(h -> AreaRepository.geometry(h, "03157007"));
            assertThat(lahstedt).isNull();
            Map<String, String> municipalities = jdbi.withHandle(h -> AreaRepository.geometries(h, "Gemeinde"));
            assertThat(municipalities).containsExactly(Map.entry("03157006", "{\"g\":\"neu\"}"));
            assertThat(AreaRepository.geometriesValidOn(jdbi, "Gemeinde", LocalDate.of(2014, 12, 31)))
                    .containsExactly(Map.entry("03157006", "{\"g\":\"alt\"}"));
            assertThat(AreaRepository.geometriesValidOn(jdbi, "Gemeinde", LocalDate.of(2024, 12, 31)))
                    .containsExactly(Map.entry("03157006", "{\"g\":\"neu\"}"));
            assertThat(AreaRepository.geometrySources(jdbi)).containsExactly("Gebiete", "Geometrien");

            Map<String, AreaRepository.KnownArea> known = jdbi.withHandle(AreaRepository::known);
            assertThat(known).hasSize(4);
            assertThat(known.get("03157006")).isEqualTo(new AreaRepository.KnownArea("03157006", "Ilsede", "Gemeinde", "03157", true));
            assertThat(known.get("03157007").hasGeometry()).isFalse();
            List<AreaRepository.Validity> limited = jdbi.withHandle(AreaRepository::limitedValidities);
            assertThat(limited).containsExactly(
                    new AreaRepository.Validity("03157006", BEGINNING, MERGER),
                    new AreaRepository.Validity("03157006", MERGER, null),
                    new AreaRepository.Validity("03157007", BEGINNING, MERGER));

            boolean oldTableGone = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) = 'area'").mapTo(Long.class).one() == 0);
            assertThat(oldTableGone).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aRedeliveredVersionReplacesTheOldOneAndKeepsItsGeometry(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            db.jdbi().useTransaction(h -> {
                long first = importRow(h, "erste");
                h.execute("INSERT INTO area_level(name, depth) VALUES ('Kreis', 0), ('Gemeinde', 1), ('Bezirk', 1)");
                AreaRepository.upsertAreas(h, List.of(new Area("K", "Kreis", "Kreis", null), new Area("A", "Alt", "Gemeinde", "K"),
                        new Area("B", "Bach", "Gemeinde", "K")), first);
                assertThat(AreaRepository.setGeometry(h, "A", null, "{\"a\":1}")).isEqualTo(1);
                assertThat(AreaRepository.setGeometry(h, "B", LocalDate.of(2020, 1, 1), "{\"b\":1}")).isZero();
            });
            db.jdbi().useTransaction(h -> {
                long second = importRow(h, "zweite");
                // A becomes a Bezirk ending in 2020, a new version follows; C is new; the delivery names A twice, the later wins
                AreaRepository.upsertAreas(h, List.of(new Area("C", "Chaussee", "Gemeinde", "K"),
                        new Area("A", "Falsch", "Gemeinde", "K", BEGINNING, null),
                        new Area("A", "Au", "Bezirk", "K", BEGINNING, LocalDate.of(2020, 1, 1)),
                        new Area("A", "Aue", "Bezirk", "K", LocalDate.of(2020, 1, 1), null)), second);
            });
            assertThat(AreaRepository.areas(db.jdbi())).containsExactly(
                    new Area("A", "Au", "Bezirk", "K", BEGINNING, LocalDate.of(2020, 1, 1)),
                    new Area("A", "Aue", "Bezirk", "K", LocalDate.of(2020, 1, 1), null),
                    new Area("B", "Bach", "Gemeinde", "K"),
                    new Area("C", "Chaussee", "Gemeinde", "K"),
                    new Area("K", "Kreis", "Kreis", null));
            // the geometry stayed with its version and follows its level, validity and import
            Map<String, String> districts = db.jdbi().withHandle(h -> AreaRepository.geometries(h, "Bezirk"));
            assertThat(districts).containsExactly(Map.entry("A", "{\"a\":1}"));
            Map<String, String> municipalities = db.jdbi().withHandle(h -> AreaRepository.geometries(h, "Gemeinde"));
            assertThat(municipalities).isEmpty();
            assertThat(AreaRepository.geometriesValidOn(db.jdbi(), "Bezirk", LocalDate.of(2023, 12, 31))).isEmpty();
            assertThat(AreaRepository.geometrySources(db.jdbi())).containsExactly("zweite");
            // one snapshot is kept: the previous one is given back
            int snapshots = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM area_snapshot").mapTo(Integer.class).one());
            assertThat(snapshots).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aRolledBackImportLeavesTheAreasAsTheyWere(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            db.jdbi().useTransaction(h -> {
                h.execute("INSERT INTO area_level(name, depth) VALUES ('Kreis', 0)");
                AreaRepository.upsertAreas(h, List.of(new Area("K", "Kreis", "Kreis", null)), importRow(h, "erste"));
            });
            // read once, so that the decoded snapshot is the one kept
            assertThat(AreaRepository.areas(db.jdbi())).hasSize(1);
            try (Handle h = db.jdbi().open()) {
                h.begin();
                AreaRepository.upsertAreas(h, List.of(new Area("L", "Land", "Kreis", null)), importRow(h, "zweite"));
                assertThat(AreaRepository.areas(h)).hasSize(2);
                h.rollback();
            }
            assertThat(AreaRepository.areas(db.jdbi())).containsExactly(new Area("K", "Kreis", "Kreis", null));
        }
    }

    private static long importRow(Handle h, String source) {
        return h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                        + "VALUES ('a.csv', :sha, :src, 'csv', 'tester', :at, 'imported')")
                .bind("sha", "0".repeat(64)).bind("src", source).bind("at", OffsetDateTime.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
