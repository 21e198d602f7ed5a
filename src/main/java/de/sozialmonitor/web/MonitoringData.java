package de.sozialmonitor.web;

import de.sozialmonitor.model.PrivacyConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only queries behind the pages and the API. Every method that returns results takes the
 * viewer's {@link ResultScope}, so that no page can read a result set the viewer may not see. A
 * protected (public) scope reads nothing but the protected rows of the published release
 * ({@code ReleaseRepository.publishedRows}); counts are never returned there.
 */
public final class MonitoringData {
    public record Level(String name, int depth) {
    }

    public record AreaInfo(String code, String name, String level, String parentCode) {
    }

    public record AreaResult(Double statusIndex, String statusClass, Double dynamicsIndex, String dynamicsClass,
                             boolean attention, String excluded) {
    }

    /** One indicator value; {@code suppressed} marks a value withheld by disclosure control. */
    public record Cell(Double value, Double numerator, Double denominator, Double change, Double zStatus,
                       boolean suppressed) {
        public static final Cell MISSING = new Cell(null, null, null, null, null, false);
    }

    private final Jdbi jdbi;
    private final PrivacyConfig privacy;
    private final de.sozialmonitor.store.ReleaseRepository releases;
    /** Published releases never change, so their parsed rows are kept. */
    private final Map<Integer, PublishedIndex> published = new java.util.concurrent.ConcurrentHashMap<>();

    public MonitoringData(Jdbi jdbi, PrivacyConfig privacy) {
        this.jdbi = jdbi;
        this.privacy = privacy;
        this.releases = new de.sozialmonitor.store.ReleaseRepository(jdbi);
    }

    /** The protected rows of a published release, indexed; empty for a release that is not published. */
    Optional<PublishedIndex> published(int releaseNumber) {
        PublishedIndex cached = published.get(releaseNumber);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PublishedIndex> index = releases.publishedRows(releaseNumber).map(PublishedIndex::new);
        index.ifPresent(i -> published.put(releaseNumber, i));
        return index;
    }

    private Optional<PublishedIndex> release(ResultScope scope) {
        return scope.protectedView() && scope.releaseNumber() != null ? published(scope.releaseNumber()) : Optional.empty();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Levels that have areas, root first. */
    public List<Level> levels() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT l.name, l.depth FROM area_level l WHERE EXISTS (SELECT 1 FROM area a WHERE a.level = l.name) ORDER BY l.depth")
                .map((rs, ctx) -> new Level(rs.getString(1), rs.getInt(2))).list());
    }

    /** The deepest level: where the method compares areas and the map starts. */
    public Optional<String> finestLevel() {
        List<Level> levels = levels();
        return levels.isEmpty() ? Optional.empty() : Optional.of(levels.get(levels.size() - 1).name());
    }

    /** Area versions valid on 31 December of {@code year}, by code. */
    public Map<String, AreaInfo> areas(int year) {
        LocalDate ref = LocalDate.of(year, 12, 31);
        Map<String, AreaInfo> map = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT code, name, level, parent_code FROM area "
                        + "WHERE valid_from <= :d AND (valid_to IS NULL OR valid_to > :d) ORDER BY name, code")
                .bind("d", ref)
                .map((rs, ctx) -> new AreaInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .forEach(a -> map.put(a.code(), a)));
        return map;
    }

    public List<AreaInfo> areasAt(String level, int year) {
        return areas(year).values().stream().filter(a -> a.level().equals(level)).toList();
    }

    /** GeoJSON text of the area versions valid in {@code year} at {@code level}, by code. */
    public Map<String, String> geometries(String level, int year) {
        LocalDate ref = LocalDate.of(year, 12, 31);
        Map<String, String> map = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT code, geometry FROM area WHERE level = :l "
                        + "AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d) AND geometry IS NOT NULL")
                .bind("l", level).bind("d", ref)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    public Map<String, AreaResult> areaResults(ResultScope scope, int year) {
        if (scope.protectedView()) {
            return release(scope).map(i -> i.results(year)).orElse(Map.of());
        }
        Long rs = scope.resultSet(year);
        if (rs == null) {
            return Map.of();
        }
        Map<String, AreaResult> map = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT area_code, status_index, status_class, dynamics_index, dynamics_class, attention, excluded "
                        + "FROM result_area WHERE result_set_id = :rs AND year = :y")
                .bind("rs", rs).bind("y", year)
                .map((r, ctx) -> Map.entry(r.getString(1), new AreaResult((Double) r.getObject(2, Double.class), r.getString(3),
                        r.getObject(4, Double.class), r.getString(5), r.getBoolean(6), r.getString(7))))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    /** Values of the total population (target group '') in {@code year}: area code → indicator id → cell. */
    public Map<String, Map<String, Cell>> values(ResultScope scope, int year) {
        if (scope.protectedView()) {
            return release(scope).map(i -> i.totals(year)).orElse(Map.of());
        }
        Long rs = scope.resultSet(year);
        if (rs == null) {
            return Map.of();
        }
        Map<String, AreaResult> results = Map.of();
        Map<String, Map<String, Cell>> map = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT area_code, indicator_id, numerator, denominator, value, change_value, z_status "
                        + "FROM result_value WHERE result_set_id = :rs AND year = :y AND target_group = ''")
                .bind("rs", rs).bind("y", year)
                .map((r, ctx) -> {
                    String area = r.getString(1);
                    Cell raw = new Cell(r.getObject(5, Double.class), r.getObject(3, Double.class), r.getObject(4, Double.class),
                            r.getObject(6, Double.class), r.getObject(7, Double.class), false);
                    return Map.entry(area, Map.entry(r.getString(2), shown(scope, raw, results.get(area))));
                })
                .forEach(e -> map.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(e.getValue().getKey(), e.getValue().getValue())));
        return map;
    }

    /** Target-group values of one area and year: target group → indicator id → cell. */
    public Map<String, Map<String, Cell>> targetGroupValues(ResultScope scope, String areaCode, int year) {
        if (scope.protectedView()) {
            return release(scope).map(i -> i.groups(year, areaCode)).orElse(Map.of());
        }
        Long rs = scope.resultSet(year);
        if (rs == null) {
            return Map.of();
        }
        AreaResult result = null;
        Map<String, Map<String, Cell>> map = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT target_group, indicator_id, numerator, denominator, value, change_value, z_status "
                        + "FROM result_value WHERE result_set_id = :rs AND year = :y AND area_code = :a AND target_group <> ''")
                .bind("rs", rs).bind("y", year).bind("a", areaCode)
                .map((r, ctx) -> Map.entry(r.getString(1), Map.entry(r.getString(2), shown(scope,
                        new Cell(r.getObject(5, Double.class), r.getObject(3, Double.class), r.getObject(4, Double.class),
                                r.getObject(6, Double.class), r.getObject(7, Double.class), false), result))))
                .forEach(e -> map.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(e.getValue().getKey(), e.getValue().getValue())));
        return map;
    }

    /** The time series of one indicator for one area over all years of the scope. */
    public SortedMap<Integer, Cell> series(ResultScope scope, String areaCode, String indicatorId) {
        return allSeries(scope, areaCode).getOrDefault(indicatorId, new TreeMap<>());
    }

    /** The time series of every indicator of one area (one query per result set): indicator id → year → cell. */
    public Map<String, SortedMap<Integer, Cell>> allSeries(ResultScope scope, String areaCode) {
        Map<String, SortedMap<Integer, Cell>> all = new HashMap<>();
        if (scope.protectedView()) {
            release(scope).ifPresent(i -> i.years().forEach(y -> i.totals(y).getOrDefault(areaCode, Map.of())
                    .forEach((ind, c) -> all.computeIfAbsent(ind, k -> new TreeMap<>()).put(y, c))));
            return all;
        }
        Map<Long, List<Integer>> yearsBySet = new HashMap<>();
        scope.resultSetByYear().forEach((y, rs) -> yearsBySet.computeIfAbsent(rs, k -> new ArrayList<>()).add(y));
        for (Map.Entry<Long, List<Integer>> e : yearsBySet.entrySet()) {
            jdbi.useHandle(h -> h.createQuery("SELECT v.year, v.numerator, v.denominator, v.value, v.change_value, v.z_status, a.excluded, v.indicator_id "
                            + "FROM result_value v LEFT JOIN result_area a ON a.result_set_id = v.result_set_id AND a.area_code = v.area_code AND a.year = v.year "
                            + "WHERE v.result_set_id = :rs AND v.area_code = :a AND v.target_group = '' AND v.year IN (<years>)")
                    .bind("rs", e.getKey()).bind("a", areaCode).bindList("years", e.getValue())
                    .map((r, ctx) -> Map.entry(r.getString(8), Map.entry(r.getInt(1), shown(scope,
                            new Cell(r.getObject(4, Double.class), r.getObject(2, Double.class), r.getObject(3, Double.class),
                                    r.getObject(5, Double.class), r.getObject(6, Double.class), false),
                            r.getString(7) == null ? null : new AreaResult(null, null, null, null, false, r.getString(7))))))
                    .forEach(en -> all.computeIfAbsent(en.getKey(), k -> new TreeMap<>()).put(en.getValue().getKey(), en.getValue().getValue())));
        }
        return all;
    }

    /**
     * Mean and SD (over the areas taking part) per component ({@code status}, {@code dynamics})
     * and indicator, as the method standardised with them: "component|indicator" → {mean, sd}.
     * Published with every release (the committee report prints them), so every scope may read them.
     */
    public Map<String, double[]> componentStats(ResultScope scope, int year) {
        Long rs = scope.resultSet(year);
        Map<String, double[]> out = new HashMap<>();
        if (rs == null) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT component, indicator_id, mean, sd FROM result_stat "
                        + "WHERE result_set_id = :rs AND year = :y AND left_out = FALSE AND mean IS NOT NULL AND sd > 0")
                .bind("rs", rs).bind("y", year)
                .map((r, ctx) -> Map.entry(r.getString(1) + "|" + r.getString(2), new double[] {r.getDouble(3), r.getDouble(4)}))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The method parameters stored with a result set (JSON text) and the level it compared. */
    public record StoredMethod(String json, String analysisLevel) {
    }

    /** The method parameters stored with the result set of {@code year}. */
    public Optional<StoredMethod> method(ResultScope scope, int year) {
        Long rs = scope.resultSet(year);
        if (rs == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT method_json, analysis_level FROM result_set WHERE id = :id").bind("id", rs)
                .map((r, ctx) -> new StoredMethod(r.getString(1), r.getString(2))).findOne());
    }

    /** Internal scopes: counts only for roles that may see them. (Protected scopes never get here.) */
    private Cell shown(ResultScope scope, Cell raw, AreaResult result) {
        return scope.countsVisible() ? raw : new Cell(raw.value(), null, null, raw.change(), raw.zStatus(), false);
    }
}
