package de.sozialmonitor.model;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An indicator of the catalog: {@code scale x numerator / denominator}, for one target group
 * (the total unless {@code targetGroup} says otherwise).
 */
public record Indicator(String id, String nameDe, String nameEn, String topic,
                        LinearExpression numerator, LinearExpression denominator,
                        TargetGroup targetGroup, double scale, String unit, Polarity polarity,
                        IndicatorRole role, int precision, double minDenominator,
                        String source, String definition) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
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

    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>(numerator.variables());
        names.addAll(denominator.variables());
        return names;
    }

    public String name(String language) {
        return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameDe;
    }
}
