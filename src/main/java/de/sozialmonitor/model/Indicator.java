package de.sozialmonitor.model;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An indicator of the catalog: {@code scale x numerator / denominator}, for one target group
 * (the total unless {@code targetGroup} says otherwise); or, where a source delivers the share
 * itself, that delivered share ({@code delivered}: a variable of kind share or rate, numerator and
 * denominator null).
 *
 * @param delivered the variable whose delivered values are the indicator's values, or null
 * @param change    a variable of kind change whose delivered values the dynamics use instead of the
 *                  difference {@code v(t) - v(t - k)}, or null
 */
public record Indicator(String id, String nameDe, String nameEn, String topic,
                        LinearExpression numerator, LinearExpression denominator,
                        TargetGroup targetGroup, double scale, String unit, Polarity polarity,
                        IndicatorRole role, int precision, double minDenominator,
                        String source, String definition, String delivered, String change) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        if (delivered == null) {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        } else if (numerator != null || denominator != null) {
            throw new IllegalArgumentException("indicator " + id + " is either delivered or a ratio, not both");
        }
        if (targetGroup == null) {
            targetGroup = TargetGroup.TOTAL;
        }
        if (polarity == null) {
            polarity = Polarity.HIGHER_IS_WORSE;
        }
        if (role == null) {
            role = IndicatorRole.PROFILE;
        }
    }

    /** A ratio of counts, its dynamics the difference of its values. */
    public Indicator(String id, String nameDe, String nameEn, String topic,
                     LinearExpression numerator, LinearExpression denominator,
                     TargetGroup targetGroup, double scale, String unit, Polarity polarity,
                     IndicatorRole role, int precision, double minDenominator,
                     String source, String definition) {
        this(id, nameDe, nameEn, topic, numerator, denominator, targetGroup, scale, unit, polarity, role, precision,
                minDenominator, source, definition, null, null);
    }

    /** True if the values are delivered shares or rates, not computed from counts. */
    public boolean isDelivered() {
        return delivered != null;
    }

    /** The variables its values are formed from (numerator and denominator, or the delivered share); not its change. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        if (delivered != null) {
            names.add(delivered);
        } else {
            names.addAll(numerator.variables());
            names.addAll(denominator.variables());
        }
        return names;
    }

    /**
     * The formula as the catalog states it: {@code a / b}, a sum or difference in parentheses
     * ({@code sgb2_u65 / (pop_total - pop_65plus)}), or the delivered variable. The target group is
     * not part of it: a reader is told it beside the formula ({@link #targetGroup}).
     */
    public String formula() {
        return delivered != null ? delivered : term(numerator) + " / " + term(denominator);
    }

    private static String term(LinearExpression e) {
        return e.terms().size() > 1 ? "(" + e + ")" : e.toString();
    }

    public String name(String language) {
        return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameDe;
    }
}
