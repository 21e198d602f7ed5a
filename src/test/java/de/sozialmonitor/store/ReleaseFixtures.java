package de.sozialmonitor.store;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.FrozenResults;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a generated county into the V1 tables by plain SQL, as the ingest and method parts would:
 * areas, one import with the population, a result set with values and area results.
 */
public final class ReleaseFixtures {
    private ReleaseFixtures() {
    }

    /** Inserts the data as result set of {@code year}; returns the result set id. */
    public static long insert(Jdbi jdbi, FrozenResults data, int year) {
        return jdbi.inTransaction(h -> {
            Map<String, AreaInfo> areas = data.areas();
            if (h.createQuery("SELECT COUNT(*) FROM area_level").mapTo(Integer.class).one() == 0) {
                new TreeSet<>(areas.values().stream().map(a -> a.depth() + "|" + a.level()).toList()).forEach(l ->
                        h.execute("INSERT INTO area_level(name, depth) VALUES (?, ?)", l.substring(l.indexOf('|') + 1),
                                Integer.parseInt(l.substring(0, l.indexOf('|')))));
                for (AreaInfo a : areas.values()) {
                    h.execute("INSERT INTO area(code, valid_from, name, level, parent_code) VALUES (?, ?, ?, ?, ?)",
                            a.code(), LocalDate.of(2000, 1, 1), a.name(), a.level(), a.parentCode());
                }
            }
            long importId = h.createUpdate("INSERT INTO import(file_name, sha256, source, format, user_name, started_at, outcome) "
                            + "VALUES (:f, :sha, 'test', 'csv', 'test', :at, 'imported')")
                    .bind("f", "data/population-" + year + ".csv").bind("sha", "a".repeat(63) + (year % 10))
                    .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            try (ObservationStore.Writer w = ObservationStore.writer(h, importId)) {
                data.population().forEach((key, value) -> {
                    String area = key.substring(0, key.indexOf('|'));
                    int y = Integer.parseInt(key.substring(key.indexOf('|') + 1));
                    if (areas.get(area).depth() == 2) { // only localities are delivered; the rest is summed
                        w.add(area, y, "pop_total", "", value, de.sozialmonitor.model.ValueStatus.OK);
                    }
                });
            }
            long rs = h.createUpdate("INSERT INTO result_set(year, computed_at, computed_by, method_json, catalog_json, inputs_json, analysis_level) "
                            + "VALUES (:y, :at, 'test', :m, '{\"indicators\": [\"sgb2\"]}', :in, 'ortsteil')")
                    .bind("y", year).bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                    .bind("m", "{\"min_population\": 300, \"dynamics_years\": 3}")
                    .bind("in", "{\"imports\": [" + importId + "]}")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            List<ResultValueStore.Row> rows = new java.util.ArrayList<>();
            for (FrozenResults.ValueRow v : data.values()) {
                rows.add(new ResultValueStore.Row(v.areaCode(), v.year(), v.indicatorId(), v.targetGroup(), v.numerator(), v.denominator(),
                        v.value(), v.change(), null, null));
            }
            ResultValueStore.writeRows(h, rs, rows);
            for (FrozenResults.AreaRow a : data.areaResults()) {
                h.execute("INSERT INTO result_area(result_set_id, area_code, year, status_index, status_class, dynamics_index, "
                                + "dynamics_class, attention, excluded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rs, a.areaCode(), a.year(), a.statusIndex(), a.statusClass(), a.dynamicsIndex(), a.dynamicsClass(),
                        a.attention(), a.excluded());
            }
            h.execute("INSERT INTO result_stat(result_set_id, year, component, indicator_id, n, mean, sd) VALUES (?, ?, 'status', 'sgb2', 10, 5.5, 2.25)",
                    rs, year);
            return rs;
        });
    }

    public static IndicatorCatalog catalog(FrozenResults data) {
        List<Indicator> list = new ArrayList<>();
        for (FrozenResults.IndicatorInfo i : data.indicators()) {
            list.add(new Indicator(i.id(), i.id(), i.id(), "test", LinearExpression.parse(i.numerator()),
                    LinearExpression.parse(i.denominator()), TargetGroup.TOTAL, i.scale(), "%", Polarity.HIGHER_IS_WORSE,
                    IndicatorRole.ATTENTION, i.precision(), 0, "test", "test"));
        }
        return new IndicatorCatalog(List.of(), list);
    }

    public static de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest request(FrozenResults data, String title, int year, Integer corrects) {
        return new de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest(title, year, corrects, "03157", "Landkreis Test", true,
                DisclosureRules.defaults(), MethodConfig.defaults(), catalog(data));
    }

}
