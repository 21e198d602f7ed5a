package de.sozialmonitor.web;

import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Visibility read from the database. Internal roles see, for every year, the newest result set
 * that holds that year (so one computation per year and one computation over all years both
 * work). The public sees the result set frozen in the newest published release, up to the
 * release year, and only through {@link Disclosure}.
 */
public final class DatabaseVisibility implements Visibility {
    private final Jdbi jdbi;

    public DatabaseVisibility(Jdbi jdbi) {
        this.jdbi = jdbi;
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

    private ResultScope published() {
        record Release(int number, int year, long resultSet) {
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT number, year, result_set_id FROM release WHERE published_at IS NOT NULL ORDER BY number DESC LIMIT 1")
                .map((rs, ctx) -> new Release(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                .findOne()
                .map(r -> {
                    SortedMap<Integer, Long> byYear = new TreeMap<>();
                    h.createQuery("SELECT DISTINCT year FROM result_area WHERE result_set_id = :rs AND year <= :y")
                            .bind("rs", r.resultSet()).bind("y", r.year())
                            .mapTo(Integer.class).forEach(y -> byYear.put(y, r.resultSet()));
                    return new ResultScope("release", r.number(), byYear, true, false);
                })
                .orElse(ResultScope.empty("none", true)));
    }
}
