package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The before/after comparison of a measure's indicators beside the county (a difference of differences). */
class TrendComparisonProperties {

    private static SortedMap<Integer, Double> random(long seed, int from, int to) {
        Random rnd = new Random(seed);
        SortedMap<Integer, Double> s = new TreeMap<>();
        double v = 5 + 20 * rnd.nextDouble();
        for (int y = from; y <= to; y++) {
            v += rnd.nextGaussian();
            s.put(y, v);
        }
        return s;
    }

    @Property
    void anAreaThatMovesLikeTheCountyDiffersByNothing(@ForAll long seed, @ForAll @DoubleRange(min = -50, max = 50) double offset,
                                                       @ForAll @IntRange(min = 2016, max = 2023) int base) {
        SortedMap<Integer, Double> county = random(seed, 2014, 2024);
        SortedMap<Integer, Double> area = new TreeMap<>();
        county.forEach((y, v) -> area.put(y, v + offset));
        TrendComparison c = TrendComparison.of(area, county, base, 3);
        assertThat(c.made()).isTrue();
        assertThat(c.differenceOfDifferences()).isCloseTo(0.0, within(1e-9));
        assertThat(c.areaBefore()).isCloseTo(c.countyBefore(), within(1e-9));
    }

    @Property
    void aSteadyTrendOfItsOwnCancelsOut(@ForAll long seed, @ForAll @DoubleRange(min = -3, max = 3) double perYear,
                                        @ForAll @IntRange(min = 2016, max = 2023) int base) {
        SortedMap<Integer, Double> county = random(seed, 2014, 2024);
        SortedMap<Integer, Double> area = new TreeMap<>();
        county.forEach((y, v) -> area.put(y, v + perYear * (y - 2014)));
        TrendComparison c = TrendComparison.of(area, county, base, 3);
        assertThat(c.differenceOfDifferences()).isCloseTo(0.0, within(1e-9));
        assertThat(c.areaBefore() - c.countyBefore()).isCloseTo(perYear, within(1e-9));
    }

    @Property
    void aKinkAtTheStartIsTheDifference(@ForAll long seed, @ForAll @DoubleRange(min = -3, max = 3) double before,
                                        @ForAll @DoubleRange(min = -3, max = 3) double after,
                                        @ForAll @IntRange(min = 2016, max = 2023) int base) {
        SortedMap<Integer, Double> county = random(seed, 2014, 2024);
        SortedMap<Integer, Double> area = new TreeMap<>();
        county.forEach((y, v) -> area.put(y, v + (y <= base ? before * (y - base) : after * (y - base))));
        TrendComparison c = TrendComparison.of(area, county, base, 3);
        assertThat(c.differenceOfDifferences()).isCloseTo(after - before, within(1e-9));
    }

    @Property
    void gapsAndWithheldYearsAreSkippedNeverTakenAsZero(@ForAll long seed, @ForAll @IntRange(min = 2018, max = 2022) int base) {
        SortedMap<Integer, Double> county = random(seed, 2014, 2024);
        SortedMap<Integer, Double> area = new TreeMap<>(county);
        area.put(base - 1, null);
        area.put(base + 1, Double.NaN);
        county.remove(base - 2);
        TrendComparison c = TrendComparison.of(area, county, base, 3);
        assertThat(c.firstYear()).isEqualTo(base - 3);
        assertThat(c.differenceOfDifferences()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void handComputed() {
        // area: 20 (2017), 21 (2018), 23 (2020) base, 21 (2022); county: 10, 10.5, 11, 11 over the same years
        SortedMap<Integer, Double> area = new TreeMap<>(java.util.Map.of(2017, 20.0, 2018, 21.0, 2020, 23.0, 2022, 21.0));
        SortedMap<Integer, Double> county = new TreeMap<>(java.util.Map.of(2017, 10.0, 2018, 10.5, 2020, 11.0, 2022, 11.0));
        TrendComparison c = TrendComparison.of(area, county, 2020, 3);
        assertThat(c.firstYear()).isEqualTo(2017);
        assertThat(c.lastYear()).isEqualTo(2022);
        assertThat(c.areaBefore()).isCloseTo(1.0, within(1e-12));       // (23 - 20) / 3
        assertThat(c.areaAfter()).isCloseTo(-1.0, within(1e-12));       // (21 - 23) / 2
        assertThat(c.countyBefore()).isCloseTo(1.0 / 3, within(1e-12)); // (11 - 10) / 3
        assertThat(c.countyAfter()).isCloseTo(0.0, within(1e-12));
        assertThat(c.differenceOfDifferences()).isCloseTo(-2.0 + 1.0 / 3, within(1e-12));
    }

    @Test
    void saysWhyThereIsNoComparison() {
        SortedMap<Integer, Double> s = new TreeMap<>(java.util.Map.of(2020, 1.0, 2021, 2.0, 2022, 3.0));
        assertThat(TrendComparison.of(s, s, 2022, 3).reason()).isEqualTo(TrendComparison.NO_YEARS_AFTER);
        assertThat(TrendComparison.of(s, s, 2020, 3).reason()).isEqualTo(TrendComparison.NO_YEARS_BEFORE);
        assertThat(TrendComparison.of(s, s, 2019, 3).reason()).isEqualTo(TrendComparison.NO_BASE_YEAR);
        assertThat(TrendComparison.of(s, new TreeMap<>(), 2021, 3).reason()).isEqualTo(TrendComparison.NO_BASE_YEAR);
        assertThat(TrendComparison.baseYearOf(2021)).isEqualTo(2020);
    }
}
