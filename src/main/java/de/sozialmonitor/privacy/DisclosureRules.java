package de.sozialmonitor.privacy;

import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.PrivacyConfig;

/**
 * The disclosure-control parameters in force for one release.
 *
 * @param privacy          minimum counts and the minimum population for rates ({@code sozialmonitor.yaml})
 * @param protectionWidth  how wide the interval must be that an attacker can at best confine a
 *                         suppressed count to; 0 means "the variable's minimum count" (3 by default:
 *                         an attacker learns no more than "somewhere between 0 and 3 wide")
 */
public record DisclosureRules(PrivacyConfig privacy, double protectionWidth) {

    public static DisclosureRules defaults() {
        return new DisclosureRules(PrivacyConfig.defaults(), 0);
    }

    public static DisclosureRules of(PrivacyConfig privacy) {
        return new DisclosureRules(privacy, 0);
    }

    /** The minimum count of a measure: the strictest minimum of the variables in it. */
    public int minCount(String measure) {
        int min = privacy.minCount();
        boolean any = false;
        for (String variable : variablesOf(measure)) {
            int m = privacy.minCount(variable);
            min = any ? Math.max(min, m) : m;
            any = true;
        }
        return min;
    }

    /**
     * Primary suppression: a count of at least one but below the minimum. Zero is published ("-"),
     * as the Federal Employment Agency does: "nobody" names no person (see docs/privacy.md).
     */
    public boolean isPrimary(String measure, double value) {
        return !Double.isNaN(value) && value > 0 && value < minCount(measure);
    }

    public double protectionWidth(String measure) {
        return protectionWidth > 0 ? protectionWidth : minCount(measure);
    }

    public double minPopulationForRates() {
        return privacy.minPopulationForRates();
    }

    static java.util.Set<String> variablesOf(String measure) {
        try {
            return LinearExpression.parse(measure).variables();
        } catch (RuntimeException e) {
            return java.util.Set.of(measure);
        }
    }
}
