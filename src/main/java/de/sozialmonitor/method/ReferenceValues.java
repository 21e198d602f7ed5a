package de.sozialmonitor.method;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.LinearExpression;
import java.util.Map;

/**
 * An indicator's value for a reference region from the region's delivered figures of one year,
 * by the catalog's own formula: the indicator's value where the source delivered it (the figure
 * named by the indicator's id, e.g. an INKAR share), else the delivered share of an indicator over
 * one, else {@code scale x numerator / denominator} from the delivered counts. Only indicators of
 * the total population: public tables rarely break figures down the way target groups are defined.
 */
public final class ReferenceValues {
    private ReferenceValues() {
    }

    /**
     * The value, or null if it cannot be formed (a figure missing or a placeholder, a denominator
     * of zero or below the indicator's minimum, an indicator of a target group).
     *
     * @param figures the region's usable numbers of one year by variable (or indicator id)
     */
    public static Double of(Indicator indicator, Map<String, Double> figures) {
        Double direct = finite(figures.get(indicator.id()));
        if (direct != null) {
            return direct;
        }
        if (!indicator.targetGroup().isTotal()) {
            return null;
        }
        if (indicator.isDelivered()) {
            return finite(figures.get(indicator.delivered()));
        }
        Double num = sum(indicator.numerator(), figures);
        Double den = sum(indicator.denominator(), figures);
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
