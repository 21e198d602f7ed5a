package de.sozialmonitor.web;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Visibility read from the database. Internal roles see, for every year, the newest result set
 * that holds that year (so one computation per year and one computation over all years both
 * work). The public sees the result set frozen in the newest published release, up to the
 * release year, read only from the release's protected rows (see {@link MonitoringData}).
 */
public final class DatabaseVisibility implements Visibility {
    private final Jdbi jdbi;
    private final MonitoringData data;

    public DatabaseVisibility(Jdbi jdbi, MonitoringData data) {
        this.jdbi = jdbi;
        this.data = data;
    }

    @Override
    public ResultScope scopeFor(Role role) {
        return role == Role.PUBLIC ? published() : internal(role);
    }

    private ResultScope internal(Role role) {
        SortedMap<Integer, Long> byYear = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT year, MAX(result_set_id) AS rs FROM result_area GROUP BY year")
                .map((rs, ctx) -> new long[] {rs.getInt("year"), rs.getLong("rs")})
                .forEach(r -> byYear.put((int) r[0], r[1])));
        return new ResultScope("internal", null, byYear, false, role.atLeast(Role.ANALYST));
    }

    /** The newest published release, its years as published in its download. */
    private ResultScope published() {
        return new de.sozialmonitor.store.ReleaseRepository(jdbi).latestPublished()
                .flatMap(r -> data.published(r.number()).map(index -> {
                    SortedMap<Integer, Long> byYear = new TreeMap<>();
                    index.years().forEach(y -> byYear.put(y, r.resultSetId()));
                    return new ResultScope("release", r.number(), byYear, true, false);
                }))
                .orElse(ResultScope.empty("none", true));
    }
}
