package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.method.Profiles;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.workspace.CatalogReader;
import de.sozialmonitor.model.IndicatorCatalog;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class ResultRepositoryTest {
    static final String[] VARS = {"pop_total", "pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18",
            "children_single_parent", "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers",
            "school_leavers_low"};

    static long importRow(Handle h, String outcome) {
        return h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                        + "VALUES ('f.csv', :sha, 'test', 'csv', 'test', :at, :outcome)")
                .bind("sha", "0".repeat(64)).bind("at", OffsetDateTime.now()).bind("outcome", outcome)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void observation(java.util.Map<Long, ObservationStore.Writer> writers, Handle h, long imp, String area, int year, String var,
                            String group, Double value, String status) {
        writers.computeIfAbsent(imp, i -> ObservationStore.writer(h, i))
                .add(area, year, var, group, value, de.sozialmonitor.model.ValueStatus.valueOf(status));
    }

    /** One count of the generated county: null value for a count suppressed at source. */
    record Count(String area, int year, String variable, String group, Double value) {
    }

    /**
     * The counts of a county with two municipalities (M1, M2) and twelve localities (L1..L12, "Ort 1"..),
     * 2017 and 2020: L12 is too small for the index, L11's school leavers with the lowest
     * qualification are suppressed at source in 2020; unemployment of women as a target group.
     */
    static List<Count> county() {
        List<Count> out = new ArrayList<>();
        Random rnd = new Random(7);
        for (int l = 1; l <= 12; l++) {
            String code = "L" + l;
            for (int year : new int[] {2017, 2020}) {
                double pop = l == 12 ? 200 : 1000 + rnd.nextInt(3000);
                for (String v : VARS) {
                    double value = v.equals("pop_total") ? pop : Math.floor(pop * (0.05 + 0.2 * rnd.nextDouble()));
                    out.add(new Count(code, year, v, "", l == 11 && v.equals("school_leavers_low") && year == 2020 ? null : value));
                }
                out.add(new Count(code, year, "unemployed", "sex=f", Math.floor(pop * 0.02)));
                out.add(new Count(code, year, "pop_15_64", "sex=f", Math.floor(pop * 0.3)));
            }
        }
        return out;
    }

    /** The county as a county delivers it: its areas file and its counts in the canonical long format ({@code *}: suppressed). */
    public static List<Path> countyFiles(Path dir) throws java.io.IOException {
        StringBuilder areas = new StringBuilder("code;name;level;parent\nK;Kreis;Landkreis;\nM1;Gemeinde 1;Gemeinde;K\nM2;Gemeinde 2;Gemeinde;K\n");
        for (int l = 1; l <= 12; l++) {
            areas.append("L").append(l).append(";Ort ").append(l).append(";Ortsteil;M").append(l % 2 + 1).append('\n');
        }
        StringBuilder counts = new StringBuilder("area_code;year;variable;value;target_group\n");
        for (Count c : county()) {
            counts.append(c.area()).append(';').append(c.year()).append(';').append(c.variable()).append(';')
                    .append(c.value() == null ? "*" : String.format(java.util.Locale.ROOT, "%.0f", c.value())).append(';')
                    .append(c.group()).append('\n');
        }
        java.nio.file.Files.createDirectories(dir);
        return List.of(java.nio.file.Files.writeString(dir.resolve("gebiete.csv"), areas),
                java.nio.file.Files.writeString(dir.resolve("zaehlung.csv"), counts));
    }

    /**
     * The county written straight into the tables, with what the reader must pass over: the rows of
     * a superseded import and of a failed one (which an import never leaves behind, but a reader
     * must not trust that).
     */
    public static void fill(Database db) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO area_level(name, depth) VALUES ('Landkreis', 0), ('Gemeinde', 1), ('Ortsteil', 2)");
            java.util.List<de.sozialmonitor.model.Area> areas = new java.util.ArrayList<>();
            areas.add(new de.sozialmonitor.model.Area("K", "Kreis", "Landkreis", null));
            for (int m = 1; m <= 2; m++) {
                areas.add(new de.sozialmonitor.model.Area("M" + m, "Gemeinde " + m, "Gemeinde", "K"));
            }
            for (int l = 1; l <= 12; l++) {
                areas.add(new de.sozialmonitor.model.Area("L" + l, "Ort " + l, "Ortsteil", "M" + (l % 2 + 1)));
            }
            long good = importRow(h, "imported");
            AreaRepository.upsertAreas(h, areas, good);
            long bad = importRow(h, "imported");
            long failed = importRow(h, "failed");
            h.execute("UPDATE import SET superseded_by = " + good + " WHERE id = " + bad);
            java.util.Map<Long, ObservationStore.Writer> w = new java.util.LinkedHashMap<>();
            for (Count c : county()) {
                observation(w, h, good, c.area(), c.year(), c.variable(), c.group(), c.value(), c.value() == null ? "SUPPRESSED" : "OK");
                if (c.group().isEmpty()) {
                    // a superseded and a failed import: must not be read
                    observation(w, h, bad, c.area(), c.year(), c.variable(), "", 999999.0, "OK");
                    observation(w, h, failed, c.area(), c.year(), c.variable(), "", 888888.0, "OK");
                }
            }
            w.values().forEach(ObservationStore.Writer::close);
        });
    }

    static IndicatorCatalog catalog() throws Exception {
        return CatalogReader.read(Path.of(ResultRepositoryTest.class.getResource("/workspace-template/indicators.yaml").toURI()));
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void onlyActiveObservationsAreRead(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            fill(db);
            MonitoringInput in = MonitoringInputReader.read(db.jdbi());
            assertThat(in.levels()).containsExactly("Landkreis", "Gemeinde", "Ortsteil");
            assertThat(in.years()).containsExactly(2017, 2020);
            double[] pop = in.counts(MonitoringInput.SeriesKey.total("pop_total"), 2020);
            assertThat(pop[in.indexOf("L12")]).isEqualTo(200);
            double[] low = in.counts(MonitoringInput.SeriesKey.total("school_leavers_low"), 2020);
            assertThat(low[in.indexOf("L11")]).isNaN();
            assertThat(in.counts(new MonitoringInput.SeriesKey("unemployed", "sex=f"), 2020)).isNotNull();
            MonitoringResult r = Monitoring.compute(in, catalog(), MethodConfig.defaults(), 2020);
            assertThat(r.excluded()[r.areas().indexOf("L12")]).isEqualTo("population_below_minimum");
            assertThat(r.excluded()[r.areas().indexOf("L11")]).isEqualTo("missing:school_leavers_low");
            assertThat(r.status().participants()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aSavedResultSetLoadsBackWithEveryValue(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            fill(db);
            MonitoringResult r = Monitoring.compute(MonitoringInputReader.read(db.jdbi()), catalog(), MethodConfig.defaults(), 2020);
            ResultRepository repo = new ResultRepository(db.jdbi());
            long id = repo.save(r, "tester");
            assertThat(repo.latestId(2020)).contains(id);
            assertThat(repo.latestId()).contains(id);
            assertThat(repo.latestId(2017)).isEmpty();
            assertThat(repo.list()).singleElement().satisfies(i -> {
                assertThat(i.computedBy()).isEqualTo("tester");
                assertThat(i.analysisLevel()).isEqualTo("Ortsteil");
            });
            MonitoringResult back = repo.latest(2020).orElseThrow();
            assertThat(back.year()).isEqualTo(2020);
            assertThat(back.baseYear()).isEqualTo(2017);
            assertThat(back.config()).isEqualTo(r.config());
            assertThat(back.config().standardisation()).isEqualTo("population");
            assertThat(back.catalog()).isEqualTo(r.catalog());
            assertThat(back.analysisLevel()).isEqualTo("Ortsteil");
            assertThat(back.areas().size()).isEqualTo(r.areas().size());
            for (int a = 0; a < r.areas().size(); a++) {
                int b = back.areas().indexOf(r.areas().code(a));
                assertThat(back.areas().name(b)).isEqualTo(r.areas().name(a));
                assertThat(back.areas().level(b)).isEqualTo(r.areas().level(a));
                assertSame(back.statusIndex(b), r.statusIndex(a));
                assertSame(back.dynamicsIndex(b), r.dynamicsIndex(a));
                assertSame(back.status().raw()[b], r.status().raw()[a]);
                assertThat(back.statusClass()[b]).isEqualTo(r.statusClass()[a]);
                assertThat(back.dynamicsClass()[b]).isEqualTo(r.dynamicsClass()[a]);
                assertThat(back.attention()[b]).isEqualTo(r.attention()[a]);
                assertThat(back.excluded()[b]).isEqualTo(r.excluded()[a]);
                for (IndicatorValues v : r.values()) {
                    IndicatorValues w = back.values(v.indicatorId(), v.year(), v.targetGroup());
                    assertThat(w).as(v.indicatorId() + " " + v.year() + " " + v.targetGroup()).isNotNull();
                    assertSame(w.value()[b], v.value()[a]);
                }
                for (String id2 : r.config().statusIndicators().keySet()) {
                    assertSame(back.status().z().get(id2)[b], r.status().z().get(id2)[a]);
                    assertSame(back.dynamics().z().get(id2)[b], r.dynamics().z().get(id2)[a]);
                    assertSame(back.dynamics().input().get(id2)[b], r.dynamics().input().get(id2)[a]);
                }
            }
            for (ComponentStat s : r.status().stats()) {
                ComponentStat t = back.status().stat(s.indicatorId());
                assertThat(t.n()).isEqualTo(s.n());
                assertSame(t.mean(), s.mean());
                assertSame(t.sd(), s.sd());
                assertThat(t.leftOut()).isEqualTo(s.leftOut());
            }
            assertThat(back.status().participants()).isEqualTo(r.status().participants());
            // a profile from the stored result equals the one from the computed result
            assertThat(Profiles.of(back, "L3").indicators().get(2).value())
                    .isCloseTo(Profiles.of(r, "L3").indicators().get(2).value(), within(1e-12));
            assertThat(back.breakdowns("unemployed")).extracting(IndicatorValues::targetGroup).containsExactly("sex=f");
            assertThat(repo.byId(id + 100)).isEmpty();
            // the indicator as defined is stored under target group '', also when it has its own filter
            long women = db.jdbi().withHandle(h -> ResultValueStore.rows(h, id).stream()
                    .filter(v -> v.indicatorId().equals("unemployed_women") && v.targetGroup().isEmpty() && v.year() == 2020).count());
            assertThat(women).isEqualTo(15);
            assertThat(back.current("unemployed_women").targetGroup()).isEqualTo("sex=f");
            assertThat(back.provenance()).containsKey("imports");
            assertThat(back.provenance().containsKey("years")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theOwnYearReadGivesWhatAnExportWritesAndNoOtherYear(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            fill(db);
            MonitoringResult r = Monitoring.compute(MonitoringInputReader.read(db.jdbi()), catalog(), MethodConfig.defaults(), 2020);
            ResultRepository repo = new ResultRepository(db.jdbi());
            long id = repo.save(r, "tester");
            MonitoringResult all = repo.byId(id).orElseThrow();
            MonitoringResult own = repo.ownYearById(id).orElseThrow();
            assertThat(all.values()).anyMatch(v -> v.year() == 2017);
            assertThat(own.values()).allMatch(v -> v.year() == 2020);
            assertThat(own.analysisAreas()).containsExactly(all.analysisAreas());
            for (int a = 0; a < all.areas().size(); a++) {
                assertThat(own.areas().code(a)).isEqualTo(all.areas().code(a));
                assertSame(own.statusIndex(a), all.statusIndex(a));
                assertSame(own.dynamicsIndex(a), all.dynamicsIndex(a));
                assertThat(own.statusClass()[a]).isEqualTo(all.statusClass()[a]);
                assertThat(own.dynamicsClass()[a]).isEqualTo(all.dynamicsClass()[a]);
                assertThat(own.attention()[a]).isEqualTo(all.attention()[a]);
                assertThat(own.excluded()[a]).isEqualTo(all.excluded()[a]);
                for (var ind : all.catalog().indicators()) {
                    assertSame(own.current(ind.id()).value()[a], all.current(ind.id()).value()[a]);
                }
            }
            assertThat(repo.ownYearById(id + 100)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aDeletedResultSetLeavesNothingBehindAndTheOthersAsTheyWere(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            fill(db);
            MonitoringResult r = Monitoring.compute(MonitoringInputReader.read(db.jdbi()), catalog(), MethodConfig.defaults(), 2020);
            ResultRepository repo = new ResultRepository(db.jdbi());
            long kept = repo.save(r, "tester");
            long gone = repo.save(r, "tester");
            long freed = db.jdbi().inTransaction(h -> ResultRepository.delete(h, gone));
            long again = db.jdbi().inTransaction(h -> ResultRepository.delete(h, gone));
            assertThat(freed).isPositive();
            assertThat(again).isZero();
            assertThat(repo.byId(gone)).isEmpty();
            for (String table : List.of("result_stat", "result_value_block", "result_value_areas", "result_area_block")) {
                long left = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE result_set_id = :id")
                        .bind("id", gone).mapTo(Long.class).one());
                assertThat(left).as(table).isZero();
            }
            MonitoringResult back = repo.byId(kept).orElseThrow();
            assertThat(back.areas().size()).isEqualTo(r.areas().size());
            assertThat(back.attention()).containsExactly(r.attention());
        }
    }

    @org.junit.jupiter.api.Test
    void aResultSetStoredBeforeTheSettingExistedSaysItUsedTheSampleSd() {
        MethodConfig now = MethodConfig.defaults();
        String legacy = ResultRepository.methodJson(now).replace(",\"standardisation\":\"population\"", "");
        assertThat(legacy).doesNotContain("standardisation");
        assertThat(ResultRepository.methodConfig(legacy).standardisation()).isEqualTo("sample");
        assertThat(ResultRepository.methodConfig(ResultRepository.methodJson(now))).isEqualTo(now);
    }

    private static void assertSame(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-12));
        }
    }
}
