package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** An indicator's value for a reference region, formed by the catalog's own formula from delivered figures. */
class ReferenceValuesProperties {
    private static Indicator sgb2() {
        return new Indicator("sgb2", "SGB II", "SGB II", "armut", LinearExpression.parse("sgb2_u65"),
                LinearExpression.parse("pop_total - pop_65plus"), TargetGroup.TOTAL, 100, "%", Polarity.HIGHER_IS_WORSE,
                IndicatorRole.ATTENTION, 1, 0, null, null);
    }

    @Property
    void theValueIsTheCatalogsRatioOfTheDeliveredCounts(@ForAll @DoubleRange(min = 0, max = 1e6) double recipients,
                                                       @ForAll @DoubleRange(min = 1, max = 1e7) double under65,
                                                       @ForAll @DoubleRange(min = 0, max = 1e7) double over65) {
        Map<String, Double> f = Map.of("sgb2_u65", recipients, "pop_total", under65 + over65, "pop_65plus", over65);
        assertThat(ReferenceValues.of(sgb2(), null, f)).isCloseTo(100 * recipients / under65, within(1e-9 * Math.max(1, 100 * recipients / under65)));
    }

    @Property
    void aDeliveredValueOfTheIndicatorWinsOverItsCounts(@ForAll @DoubleRange(min = 0, max = 100) double delivered,
                                                       @ForAll @DoubleRange(min = 0, max = 1e6) double recipients) {
        Map<String, Double> f = Map.of("sgb2_u65", recipients, "pop_total", 2e6, "pop_65plus", 1e5);
        assertThat(ReferenceValues.of(sgb2(), delivered, f)).isEqualTo(delivered);
    }

    @Property
    void aMissingFigureGivesNoValueNeverAZero(@ForAll("names") String left) {
        Map<String, Double> f = new HashMap<>(Map.of("sgb2_u65", 10.0, "pop_total", 200.0, "pop_65plus", 50.0));
        f.remove(left);
        assertThat(ReferenceValues.of(sgb2(), null, f)).isNull();
    }

    @Property
    void aVariableNamedLikeTheIndicatorIsNeverItsValue(@ForAll @DoubleRange(min = 0, max = 1e6) double count) {
        // the count of a variable that shares the indicator's name is a count: only the formula uses it
        Map<String, Double> f = Map.of("sgb2", count, "sgb2_u65", 10.0, "pop_total", 300.0, "pop_65plus", 100.0);
        assertThat(ReferenceValues.of(sgb2(), null, f)).isCloseTo(5.0, within(1e-12));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of("sgb2_u65", "pop_total", "pop_65plus");
    }

    @Test
    void aDenominatorOfZeroOrATargetGroupGivesNoValue() {
        assertThat(ReferenceValues.of(sgb2(), null, Map.of("sgb2_u65", 0.0, "pop_total", 50.0, "pop_65plus", 50.0))).isNull();
        Indicator women = new Indicator("sgb2_f", "SGB II Frauen", null, "armut", LinearExpression.parse("sgb2_u65"),
                LinearExpression.parse("pop_total"), TargetGroup.parse("sex=f"), 100, "%", null, null, 1, 0, null, null);
        assertThat(ReferenceValues.of(women, null, Map.of("sgb2_u65", 1.0, "pop_total", 10.0))).isNull();
        // hand computed: 100 x 12 / (300 - 60) = 5
        assertThat(ReferenceValues.of(sgb2(), null, Map.of("sgb2_u65", 12.0, "pop_total", 300.0, "pop_65plus", 60.0))).isCloseTo(5.0, within(1e-12));
    }
}
