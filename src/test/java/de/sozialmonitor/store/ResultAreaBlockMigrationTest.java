package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.FrozenResults;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database whose area results are rows of {@code result_area} (schema V105) opens with them as
 * blocks (V110/V111): a release's table reads the same rows, and a result set its areas in the same
 * order with the same figures, as the former readers read them from the rows. This holds for sets
 * the method wrote (ordinals 0 … n-1, not the order of the codes) and for sets written before there
 * were ordinals.
 */
class ResultAreaBlockMigrationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void rowsOfTheFormerTableBecomeBlocksThatReadTheSame(TestDatabases.Kind kind) throws Exception {
        TestDatabases.OldSchema old = TestDatabases.migratedTo(kind, "105", new ObservationBlockMigration(), new ResultBlockMigration());
        long computed;
        long early;
        List<FrozenResults.AreaRow> releaseRowsBefore;
        List<FrozenResults.AreaRow> earlyReleaseRowsBefore;
        List<String> orderBefore;
        List<String> earlyOrderBefore;
        try (var c = old.dataSource().getConnection()) {
            Handle h = org.jdbi.v3.core.Jdbi.open(c);
            computed = resultSet(h, 2024);
            // as the method wrote them: the county, a municipality and its localities in the order computed
            String insert = "INSERT INTO result_area(result_set_id, area_code, year, status_raw, status_index, status_class, dynamics_raw, "
                    + "dynamics_index, dynamics_class, attention, excluded, area_name, level, parent_code, population, ordinal) "
                    + "VALUES (?, ?, 2024, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            h.execute(insert, computed, "03157", null, null, null, null, null, null, false, null, "Landkreis Peine", "Kreis", null,
                    130_000.0, 0);
            h.execute(insert, computed, "03157005", null, null, null, null, null, null, false, null, "Ilsede", "Gemeinde", "03157",
                    21_000.0, 1);
            h.execute(insert, computed, "03157005002", 0.75, 1.25, "niedrig", -0.5, -0.8125, "negativ", true, null, "Groß Ilsede",
                    "Ortsteil", "03157005", 4_321.0, 3);
            h.execute(insert, computed, "03157005001", -1.5, -2.0, "hoch", 0.0, -0.0, "stabil", false, null, "Adenstedt", "Ortsteil",
                    "03157005", 1_234.5, 2);
            h.execute(insert, computed, "03157005003", null, null, null, null, null, null, false, "population_below_minimum", "Münstedt",
                    "Ortsteil", "03157005", 99.0, 4);
            // written before a result set recorded names, levels and the order of its areas
            early = resultSet(h, 2021);
            h.execute("INSERT INTO result_area(result_set_id, area_code, year, status_index, status_class, attention) "
                    + "VALUES (?, 'L2', 2021, 0.5, 'mittel', FALSE), (?, 'L1', 2021, NULL, NULL, TRUE)", early, early);
            releaseRowsBefore = formerReleaseRows(h, computed);
            earlyReleaseRowsBefore = formerReleaseRows(h, early);
            orderBefore = formerLoadOrder(h, computed);
            earlyOrderBefore = formerLoadOrder(h, early);
            h.close();
        }
        assertThat(orderBefore).containsExactly("03157", "03157005", "03157005001", "03157005002", "03157005003");

        try (Database db = Database.open(old.url(), "", "")) {
            db.jdbi().useHandle(h -> {
                assertThat(ReleaseRepository.readAreaRows(h, computed)).containsExactlyElementsOf(releaseRowsBefore);
                assertThat(ReleaseRepository.readAreaRows(h, early)).containsExactlyElementsOf(earlyReleaseRowsBefore);
                List<ResultAreaStore.YearAreas> blocks = ResultAreaStore.read(h, computed);
                assertThat(blocks).singleElement().satisfies(b -> assertThat(b.year()).isEqualTo(2024));
                BlockCodec.ResultAreas a = blocks.get(0).areas();
                assertThat(a.codes()).containsExactlyElementsOf(orderBefore);
                assertThat(a.names()).containsExactly("Landkreis Peine", "Ilsede", "Adenstedt", "Groß Ilsede", "Münstedt");
                assertThat(a.levels()).containsExactly("Kreis", "Gemeinde", "Ortsteil", "Ortsteil", "Ortsteil");
                assertThat(a.parents()).containsExactly(null, "03157", "03157005", "03157005", "03157005");
                assertThat(a.population()).containsExactly(130_000.0, 21_000.0, 1_234.5, 4_321.0, 99.0);
                assertThat(a.statusRaw()).containsExactly(Double.NaN, Double.NaN, -1.5, 0.75, Double.NaN);
                assertThat(a.dynamicsRaw()).containsExactly(Double.NaN, Double.NaN, 0.0, -0.5, Double.NaN);
                assertThat(a.dynamicsIndex()[2]).isEqualTo(-0.0);
                assertThat(ResultAreaStore.read(h, early)).singleElement()
                        .satisfies(b -> assertThat(b.areas().codes()).containsExactlyElementsOf(earlyOrderBefore));
                boolean oldTableGone = h.createQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE LOWER(table_name) = 'result_area'").mapTo(Long.class).one() == 0;
                assertThat(oldTableGone).isTrue();
            });
        }
    }

    private static long resultSet(Handle h, int year) {
        return h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, "
                        + "analysis_level) VALUES (:y, :at, 'tester', '{}', '{}', '{}', 'Ortsteil')")
                .bind("y", year).bind("at", OffsetDateTime.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The rows a release was frozen from, as the former ReleaseRepository.readAreaRows read them. */
    private static List<FrozenResults.AreaRow> formerReleaseRows(Handle h, long set) {
        return h.createQuery("SELECT area_code, year, status_index, status_class, dynamics_index, dynamics_class, attention, excluded "
                        + "FROM result_area WHERE result_set_id = :id ORDER BY year, area_code")
                .bind("id", set)
                .map((rs, ctx) -> new FrozenResults.AreaRow(rs.getString("area_code"), rs.getInt("year"),
                        (Double) rs.getObject("status_index", Double.class), rs.getString("status_class"),
                        (Double) rs.getObject("dynamics_index", Double.class), rs.getString("dynamics_class"),
                        rs.getBoolean("attention"), rs.getString("excluded")))
                .list();
    }

    /**
     * The order the former ResultRepository.load put a set's areas in: by ordinal where each is
     * distinct, else by ordinal and code as the database sorts (both are this query).
     */
    private static List<String> formerLoadOrder(Handle h, long set) {
        return h.createQuery("SELECT area_code FROM result_area WHERE result_set_id = :id ORDER BY ordinal, area_code")
                .bind("id", set).mapTo(String.class).list();
    }
}
