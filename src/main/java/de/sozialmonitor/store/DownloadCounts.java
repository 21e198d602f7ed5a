package de.sozialmonitor.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * How often each public download was fetched per day (table {@code download_count}): counted,
 * not written as one audit row each, so anonymous traffic never pushes staff events out of the
 * audit log.
 */
public final class DownloadCounts {
    /** One day's count of one item, e.g. {@code release 2 json} or {@code gebiete.csv}. */
    public record Count(LocalDate day, String item, long downloads) {
    }

    private final Jdbi jdbi;

    public DownloadCounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds the counts of one day (item → downloads) in one transaction. */
    public void add(LocalDate day, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                String item = c.getKey().length() > 200 ? c.getKey().substring(0, 200) : c.getKey();
                int n = h.createUpdate("UPDATE download_count SET downloads = downloads + :n WHERE on_day = :d AND item = :i")
                        .bind("n", c.getValue()).bind("d", day).bind("i", item).execute();
                if (n == 0) {
                    h.createUpdate("INSERT INTO download_count(on_day, item, downloads) VALUES (:d, :i, :n)")
                            .bind("n", c.getValue()).bind("d", day).bind("i", item).execute();
                }
            }
        });
    }

    /** The counts of the last {@code days} days, newest day first, then by item. */
    public List<Count> recent(LocalDate today, int days) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT on_day, item, downloads FROM download_count WHERE on_day > :from ORDER BY on_day DESC, item")
                .bind("from", today.minusDays(days))
                .map((rs, ctx) -> new Count(rs.getObject("on_day", LocalDate.class), rs.getString("item"), rs.getLong("downloads")))
                .list());
    }
}
