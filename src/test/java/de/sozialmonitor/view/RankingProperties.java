package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The ranking counts as the scan over every peer it replaced on the profile page did. */
class RankingProperties {
    @Property
    void belowAndAboveCountAsAScanWithLessAndGreaterThan(@ForAll("values") double[] values, @ForAll("values") double[] probes) {
        Ranking ranking = new Ranking(values);
        assertThat(ranking.size()).isEqualTo(values.length);
        for (double v : probes) {
            assertThat(ranking.below(v)).as("below %s", v).isEqualTo(Arrays.stream(values).filter(x -> x < v).count());
            assertThat(ranking.above(v)).as("above %s", v).isEqualTo(Arrays.stream(values).filter(x -> x > v).count());
        }
    }

    @Provide
    Arbitrary<double[]> values() {
        // few distinct values, so that ties and -0.0 beside 0.0 are common
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 1.5, -1.5, 12.25),
                Arbitraries.integers().between(-20, 20).map(i -> i / 4.0));
        return value.array(Double[].class).ofMaxSize(40).map(a -> Arrays.stream(a).mapToDouble(Double::doubleValue).toArray());
    }
}
