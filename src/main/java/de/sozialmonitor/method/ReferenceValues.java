package de.sozialmonitor.method;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.LinearExpression;
import java.util.Map;

/**
 * An indicator's value for a reference region from the region's delivered figures of one year,
 * by the catalog's own formula: the indicator's value where the source delivered it (e.g. an INKAR
 * rate), else the delivered share of an indicator over one, else {@code scale x numerator /
 * denominator} from the delivered counts. Only indicators of the total population: public tables
 * rarely break figures down the way target groups are defined.
 *
 * <p>Delivered indicator values and variables are kept apart by the caller: a name can be both (the
 * count {@code unemployed} and the rate {@code unemployed}), and a count is never read as a rate.
 */
public final class ReferenceValues {
    private ReferenceValues() {
    }

    /**
     * The value, or null if it cannot be formed (a figure missing or a placeholder, a denominator
     * of zero or below the indicator's minimum, an indicator of a target group).
     *
     * @param delivered the indicator's value as delivered for the region and year, or null
     * @param variables the region's usable figures of variables of the same year, by variable name
     */
    public static Double of(Indicator indicator, Double delivered, Map<String, Double> variables) {
        Double direct = finite(delivered);
        if (direct != null) {
            return direct;
        }
        if (!indicator.targetGroup().isTotal()) {
            return null;
        }
        if (indicator.isDelivered()) {
            return finite(variables.get(indicator.delivered()));
        }
        Double num = sum(indicator.numerator(), variables);
        Double den = sum(indicator.denominator(), variables);
        if (num == null || den == null || den <= 0 || den < indicator.minDenominator()) {
            return null;
        }
        return finite(indicator.scale() * num / den);
    }

    private static Double sum(LinearExpression e, Map<String, Double> figures) {
        double s = 0;
        for (LinearExpression.Term t : e.terms()) {
            Double v = finite(figures.get(t.variable()));
            if (v == null) {
                return null;
            }
            s += t.sign() * v;
        }
        return s;
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
