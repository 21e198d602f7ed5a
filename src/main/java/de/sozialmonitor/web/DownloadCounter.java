package de.sozialmonitor.web;

import de.sozialmonitor.store.DownloadCounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts public (anonymous) downloads per day and item in memory and adds them to
 * {@code download_count} when flushed (every minute and when the server stops), instead of one
 * audit row per download. At most {@code maxItems} items per flush; further ones count as
 * {@value #OTHER}. Staff downloads stay audited one by one.
 */
final class DownloadCounter {
    static final String OTHER = "(other)";

    private record Key(LocalDate day, String item) {
    }

    private final Map<Key, Long> pending = new HashMap<>();
    private final DownloadCounts store;
    private final Clock clock;
    private final int maxItems;

    DownloadCounter(DownloadCounts store, Clock clock, int maxItems) {
        this.store = store;
        this.clock = clock;
        this.maxItems = maxItems;
    }

    synchronized void count(String item) {
        Key key = new Key(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), item.length() > 200 ? item.substring(0, 200) : item);
        if (!pending.containsKey(key) && pending.size() >= maxItems) {
            key = new Key(key.day(), OTHER);
        }
        pending.merge(key, 1L, Long::sum);
    }

    void flush() {
        Map<LocalDate, Map<String, Long>> byDay = new HashMap<>();
        synchronized (this) {
            pending.forEach((k, n) -> byDay.computeIfAbsent(k.day(), d -> new HashMap<>()).put(k.item(), n));
            pending.clear();
        }
        byDay.forEach(store::add);
    }
}
