package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.ValueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The import's columns give the same verdicts as a plain map from (series, area) to (value, status). */
class ObservationColumnsProperties {
    record Put(int series, int area, double value, ValueStatus status) {
    }

    @Provide
    Arbitrary<Put> puts() {
        // areas from a few pages far apart, so that pages stay unallocated between them
        Arbitrary<Integer> area = Arbitraries.oneOf(Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(100_000, 100_300), Arbitraries.integers().between(3_199_000, 3_200_000));
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.just(Double.NaN));
        return Combinators.combine(Arbitraries.integers().between(0, 4), area, value, Arbitraries.of(ValueStatus.class)).as(Put::new);
    }

    @Property(tries = 200)
    void duplicatesPresenceValuesAndAreaOrderAsAMap(@ForAll @Size(max = 2_000) List<@net.jqwik.api.From("puts") Put> puts) {
        ObservationColumns columns = new ObservationColumns();
        List<Map<Integer, Put>> expected = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            assertThat(columns.series("v" + s, 2020 + s, s == 4 ? "sex=f" : "")).isEqualTo(s);
            expected.add(new TreeMap<>());
        }
        for (Put p : puts) {
            boolean fresh = expected.get(p.series()).putIfAbsent(p.area(), p) == null;
            assertThat(columns.put(p.series(), p.area(), p.value(), p.status())).as("new figure accepted, duplicate refused").isEqualTo(fresh);
        }
        for (int s = 0; s < 5; s++) {
            Map<Integer, Put> m = expected.get(s);
            assertThat(columns.count(s)).isEqualTo(m.size());
            List<Integer> visited = new ArrayList<>();
            for (int a = columns.next(s, 0); a >= 0; a = columns.next(s, a + 1)) {
                visited.add(a);
            }
            assertThat(visited).as("areas in ascending order, each once").containsExactlyElementsOf(m.keySet());
            BlockCodec.ObservationValues v = columns.values(s);
            assertThat(v.areas()).containsExactly(m.keySet().stream().mapToInt(Integer::intValue).toArray());
            int i = 0;
            for (Put p : m.values()) {
                assertThat(columns.present(s, p.area())).isTrue();
                assertThat(columns.status(s, p.area())).isEqualTo(p.status());
                assertThat(columns.value(s, p.area())).isEqualTo(Double.valueOf(p.value()));
                assertThat(columns.usableValue(s, p.area())).isEqualTo(Double.valueOf(p.status().hasValue() ? p.value() : Double.NaN));
                assertThat(v.values()[i]).isEqualTo(Double.valueOf(p.value()));
                assertThat(v.status()[i]).isEqualTo((byte) p.status().ordinal());
                i++;
            }
            for (int absent : new int[] {1_000, 50_000, 3_300_000}) {
                assertThat(columns.present(s, absent)).isFalse();
                assertThat(columns.status(s, absent)).isNull();
                assertThat(columns.value(s, absent)).isNaN();
            }
        }
    }

    @Property(tries = 20)
    void aFigureWithoutANumberIsPresentAndBlocksASecondOne(@ForAll ValueStatus status) {
        ObservationColumns columns = new ObservationColumns();
        int s = columns.series("pop_total", 2024, "");
        assertThat(columns.put(s, 7, Double.NaN, status)).isTrue();
        assertThat(columns.present(s, 7)).isTrue();
        assertThat(columns.value(s, 7)).isNaN();
        assertThat(columns.put(s, 7, 3.0, ValueStatus.OK)).as("the slot is taken, even without a number").isFalse();
        assertThat(columns.status(s, 7)).isEqualTo(status);
    }

    @Property(tries = 5)
    void aSeriesWithFewAreasAmongMillionsAllocatesFewPages(@ForAll boolean unused) {
        ObservationColumns columns = new ObservationColumns();
        int s = columns.series("sgb2_u65", 2024, "nationality=foreign");
        for (int a = 0; a < 3_200_000; a += 400_000) {
            assertThat(columns.put(s, a, a, ValueStatus.OK)).isTrue();
        }
        assertThat(columns.pagesAllocated(s)).isEqualTo(8);
        assertThat(columns.count(s)).isEqualTo(8);
    }
}
