package de.sozialmonitor.web;

import de.sozialmonitor.store.ReleaseRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Override
    public Optional<ResultScope> previousRelease(ResultScope scope) {
        List<ReleaseRepository.ReleaseInfo> published = new ReleaseRepository(jdbi).published();
        Set<Integer> corrected = new HashSet<>();
        published.forEach(r -> {
            if (r.corrects() != null) {
                corrected.add(r.corrects());
            }
        });
        Optional<ReleaseRepository.ReleaseInfo> previous = published.stream()
                .filter(r -> !corrected.contains(r.number()))
                .filter(r -> scope.releaseNumber() == null || r.number() < scope.releaseNumber())
                .reduce((a, b) -> b);
        return previous.flatMap(r -> {
            SortedMap<Integer, Long> year = new TreeMap<>(Map.of(r.year(), r.resultSetId()));
            if (!scope.protectedView()) {
                return Optional.of(new ResultScope("release", r.number(), year, false, scope.countsVisible()));
            }
            return data.published(r.number()).filter(index -> index.years().contains(r.year()))
                    .map(index -> new ResultScope("release", r.number(), year, true, false));
        });
    }

    @Override
    public Optional<ResultScope> publishedRelease(int number) {
        return new ReleaseRepository(jdbi).find(number).filter(ReleaseRepository.ReleaseInfo::isPublished).flatMap(this::scopeOf);
    }

    @Override
    public List<ReleaseRepository.ReleaseInfo> publishedReleases() {
        return new ReleaseRepository(jdbi).published();
    }

    /** The newest published release, its years as published in its download. */
    private ResultScope published() {
        return new ReleaseRepository(jdbi).latestPublished().flatMap(this::scopeOf).orElse(ResultScope.empty("none", true));
    }

    private Optional<ResultScope> scopeOf(ReleaseRepository.ReleaseInfo r) {
        return data.published(r.number()).map(index -> {
            SortedMap<Integer, Long> byYear = new TreeMap<>();
            index.years().forEach(y -> byYear.put(y, r.resultSetId()));
            return new ResultScope("release", r.number(), byYear, true, false);
        });
    }
}
