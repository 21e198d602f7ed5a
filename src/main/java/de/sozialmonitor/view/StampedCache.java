package de.sozialmonitor.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values kept as long as a {@link de.sozialmonitor.store.ChangeStamps} stamp stays the same. A
 * value is kept with the stamp its reader read before loading it, so it holds at least what that
 * stamp stands for, and it is handed out only to readers that bring exactly that stamp: a value
 * loaded while a write commits can never stand in for the data after the write.
 */
final class StampedCache<K, V> {
    private record Kept<V>(long stamp, V value) {
    }

    private final Map<K, Kept<V>> values = new ConcurrentHashMap<>();
    private volatile long newest = Long.MIN_VALUE;

    /** The value for {@code key} at stamp {@code current} (read from the database before this call). */
    V get(long current, K key, Function<K, V> load) {
        Kept<V> kept = values.get(key);
        if (kept != null && kept.stamp() == current) {
            return kept.value();
        }
        if (current > newest) {
            newest = current;
            values.values().removeIf(k -> k.stamp() < current); // what an older stamp kept is of no use any more
        }
        V value = load.apply(key);
        values.merge(key, new Kept<>(current, value), (old, now) -> now.stamp() >= old.stamp() ? now : old);
        return value;
    }
}
