package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The charts' coordinates read as the formatter wrote them before the fast path (pages stay byte for byte the same). */
class ChartCoordinateProperties {
    @Property(tries = 5000)
    void aCoordinateIsWrittenAsTheFormatterWritesIt(@ForAll("coordinates") double v) {
        assertThat(Charts.f(v)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }

    @Provide
    Arbitrary<Double> coordinates() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1000, 1000),
                // halves and values a rounding error away from them
                Arbitraries.integers().between(-20000, 20000).map(i -> i / 20.0),
                Arbitraries.integers().between(-20000, 20000).map(i -> i / 20.0 + 1e-9),
                Arbitraries.integers().between(-20000, 20000).map(i -> i / 20.0 - 1e-12),
                Arbitraries.of(0.0, -0.0, -0.04, -0.05, 0.05, 0.15, 0.25, 1e-300, -1e-300, 1e12, -1e12, 1e300,
                        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE));
    }
}
