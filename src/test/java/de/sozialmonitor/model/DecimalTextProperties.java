package de.sozialmonitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast 6-decimal text gives exactly the text of the BigDecimal route it replaces. */
class DecimalTextProperties {

    @Property(tries = 5000)
    void anyFiniteDoubleGivesTheBigDecimalText(@ForAll("doubles") double v) {
        assertThat(DecimalText.sixDecimals(v)).isEqualTo(DecimalText.viaBigDecimal(v));
    }

    @Property(tries = 5000)
    void decimalFractionsAndTiesGiveTheBigDecimalText(@ForAll("decimals") double v) {
        for (double w : new double[] {v, Math.nextUp(v), Math.nextDown(v), -v}) {
            assertThat(DecimalText.sixDecimals(w)).as("%s", w).isEqualTo(DecimalText.viaBigDecimal(w));
        }
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e12, 1e12),
                Arbitraries.doubles().between(-10, 10).ofScale(9),
                Arbitraries.doubles().between(-1e-5, 1e-5).ofScale(12),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)));
    }

    /** Numbers with a few decimals, as rates and counts are, and exact ties at the seventh decimal. */
    @Provide
    Arbitrary<Double> decimals() {
        Arbitrary<Long> units = Arbitraries.longs().between(-99_999_999_999L, 99_999_999_999L);
        Arbitrary<Integer> places = Arbitraries.integers().between(0, 9);
        Arbitrary<Double> fractions = Combinators.combine(units, places).as((u, p) -> u / Math.pow(10, p));
        Arbitrary<Double> ties = Arbitraries.longs().between(-9_999_999_999L, 9_999_999_999L).map(m -> (m + 0.5) / 1e6);
        return Arbitraries.oneOf(fractions, ties);
    }

    @Example
    void knownTexts() {
        assertThat(DecimalText.sixDecimals(0.0)).isEqualTo("0");
        assertThat(DecimalText.sixDecimals(-0.0)).isEqualTo("0");
        assertThat(DecimalText.sixDecimals(-0.0000004)).isEqualTo("0");
        assertThat(DecimalText.sixDecimals(0.0000005)).isEqualTo("0.000001");
        assertThat(DecimalText.sixDecimals(-2.5e-6)).isEqualTo("-0.000003");
        assertThat(DecimalText.sixDecimals(12.0)).isEqualTo("12");
        assertThat(DecimalText.sixDecimals(1200.0)).isEqualTo("1200");
        assertThat(DecimalText.sixDecimals(-0.25)).isEqualTo("-0.25");
        assertThat(DecimalText.sixDecimals(3.14159265)).isEqualTo("3.141593");
        assertThat(DecimalText.sixDecimals(1e20)).isEqualTo("100000000000000000000");
        assertThatThrownBy(() -> DecimalText.sixDecimals(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
