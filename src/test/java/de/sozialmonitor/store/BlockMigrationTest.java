package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ValueStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database written before the block storage (schema V81, main's schema before the blocks: one row
 * per observation and per result figure) opens with its observations and figures intact: V82-V85
 * move the rows into blocks and leave the other tables (here the reference regions of V81) alone.
 */
class BlockMigrationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void rowsOfTheFormerTablesBecomeBlocksWithTheSameFigures(TestDatabases.Kind kind) throws Exception {
        // the schema as it was before the blocks
        TestDatabases.OldSchema old = TestDatabases.migratedTo(kind, "81");
        String url = old.url();
        javax.sql.DataSource ds = old.dataSource();
        long setId;
        try (var c = ds.getConnection()) {
            var h = org.jdbi.v3.core.Jdbi.open(c);
            long imp = h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                            + "VALUES ('a.csv', :sha, 'test', 'csv', 'tester', :at, 'imported')")
                    .bind("sha", "0".repeat(64)).bind("at", OffsetDateTime.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO observation(import_id, area_code, year, variable, target_group, value, status) VALUES "
                    + "(?, 'B', 2023, 'pop_total', '', 1234.0, 'OK'), (?, 'A', 2023, 'pop_total', '', 99.5, 'ESTIMATED'), "
                    + "(?, 'A', 2023, 'sgb2_u65', 'sex=f', NULL, 'SUPPRESSED')", imp, imp, imp);
            long set = h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, "
                            + "analysis_level) VALUES (2023, :at, 'tester', '{}', '{}', '{}', 'Ortsteil')")
                    .bind("at", OffsetDateTime.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO result_area(result_set_id, area_code, year, attention) VALUES (?, 'A', 2023, FALSE), (?, 'B', 2023, TRUE)",
                    set, set);
            h.execute("INSERT INTO result_value(result_set_id, area_code, year, indicator_id, target_group, numerator, denominator, value, "
                    + "change_value, z_status, z_dynamics) VALUES (?, 'B', 2023, 'sgb2', '', 10, 200, 5, -1, 0.5, NULL), "
                    + "(?, 'A', 2020, 'sgb2', 'sex=f', 3, 60, 5, NULL, NULL, NULL), (?, 'K', 2023, 'sgb2', '', NULL, NULL, 4.5, NULL, NULL, NULL)",
                    set, set, set);
            h.execute("INSERT INTO reference_region(code, name, kind, import_id) VALUES ('03', 'Niedersachsen', 'land', ?)", imp);
            h.execute("INSERT INTO reference_value(region_code, year, variable, value, status, import_id) "
                    + "VALUES ('03', 2023, 'sgb2', 7.25, 'OK', ?)", imp);
            h.close();
            setId = set;
        }

        try (Database db = Database.open(url, "", "")) {
            assertThat(ObservationStore.active(db.jdbi())).extracting(o -> o.areaCode() + "|" + o.variable() + "|"
                            + o.targetGroup().key() + "|" + o.value() + "|" + o.status())
                    .containsExactly("A|pop_total||99.5|ESTIMATED", "B|pop_total||1234.0|OK", "A|sgb2_u65|sex=f|null|SUPPRESSED");
            List<ResultValueStore.Row> rows = db.jdbi().withHandle(h -> {
                List<ResultValueStore.Row> r = ResultValueStore.rows(h, setId);
                r.sort(ResultValueStore.RELEASE_ORDER);
                return r;
            });
            assertThat(rows).containsExactly(
                    new ResultValueStore.Row("A", 2020, "sgb2", "sex=f", 3.0, 60.0, 5.0, null, null, null),
                    new ResultValueStore.Row("B", 2023, "sgb2", "", 10.0, 200.0, 5.0, -1.0, 0.5, null),
                    new ResultValueStore.Row("K", 2023, "sgb2", "", null, null, 4.5, null, null, null));
            boolean oldTablesGone = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) IN ('observation', 'result_value')").mapTo(Long.class).one() == 0);
            assertThat(oldTablesGone).isTrue();
            // V105: a reference figure imported before it said what it is stays, read as then (unmarked)
            assertThat(ReferenceRepository.figures(db.jdbi())).containsExactly(
                    new ReferenceFigure("03", 2023, ReferenceFigure.Kind.UNMARKED, "sgb2", 7.25, ValueStatus.OK));
        }
    }
}
