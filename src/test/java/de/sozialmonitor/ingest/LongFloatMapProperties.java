package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The key table behaves like a map, on the heap and after it has moved into a mapped file. */
class LongFloatMapProperties {
    @Property(tries = 30)
    void behavesLikeAHashMapOnTheHeapAndMapped(@ForAll @Size(max = 30_000) List<Long> keys, @ForAll boolean mappedEarly) {
        LongFloatMap map = mappedEarly ? new LongFloatMap(1 << 12) : new LongFloatMap();
        Map<Long, Float> expected = new HashMap<>();
        for (long k : keys) {
            if (k == Long.MIN_VALUE) {
                continue; // marks empty slots, never a packed key
            }
            float v = (float) (k % 1000);
            assertThat(map.putIfAbsent(k, v)).isEqualTo(expected.putIfAbsent(k, v) == null);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        if (!expected.containsKey(Long.MAX_VALUE - 17)) {
            assertThat(Float.isNaN(map.get(Long.MAX_VALUE - 17))).as("absent key reads as NaN").isTrue();
        }
        Map<Long, Float> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).isEqualTo(expected);
        if (mappedEarly && expected.size() > 3000) {
            assertThat(map.mapped()).isTrue();
        }
    }

    @Property(tries = 5)
    void theKeyZeroAndNegativeKeysSurviveTheMappedTable(@ForAll boolean unused) {
        LongFloatMap map = new LongFloatMap(1 << 12);
        for (long k = -5000; k < 5000; k++) {
            assertThat(map.putIfAbsent(k, k)).isTrue();
        }
        assertThat(map.mapped()).isTrue();
        assertThat(map.putIfAbsent(0, 1)).isFalse();
        assertThat(map.get(0)).isEqualTo(0f);
        assertThat(map.get(-4999)).isEqualTo(-4999f);
        assertThat(map.size()).isEqualTo(10_000);
    }
}
