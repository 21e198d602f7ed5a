package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StampedCacheTest {
    @Test
    void aValueIsKeptWhileTheStampStaysAndLoadedAgainWhenItRises() {
        StampedCache<String, String> cache = new StampedCache<>();
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get(1, "k", k -> "a" + loads.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get(1, "k", k -> "a" + loads.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get(2, "k", k -> "a" + loads.incrementAndGet())).isEqualTo("a2");
        assertThat(cache.get(2, "k", k -> "a" + loads.incrementAndGet())).isEqualTo("a2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReaderWithAnOlderStampNeitherGetsNorReplacesWhatANewerOneKept() {
        StampedCache<String, String> cache = new StampedCache<>();
        cache.get(5, "k", k -> "new");
        // read its stamp before a write committed: it loads for itself
        assertThat(cache.get(4, "k", k -> "old")).isEqualTo("old");
        assertThat(cache.get(5, "k", k -> "loaded again")).isEqualTo("new");
    }

    @Test
    void aValueLoadedAtAStampIsNotHandedToAReaderOfANewerStamp() {
        StampedCache<String, String> cache = new StampedCache<>();
        // loaded at stamp 3 while a write (stamp 4) committed: kept under 3, never shown at 4
        cache.get(3, "k", k -> "loaded during the write");
        assertThat(cache.get(4, "k", k -> "after the write")).isEqualTo("after the write");
    }
}
