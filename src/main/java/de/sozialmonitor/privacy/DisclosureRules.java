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
 * @param scheme           {@link #GIVEN_COUNTS_NOT_PARTNERS} for every new release; the older schemes only to
 *                         rebuild releases frozen under them
 */
public record DisclosureRules(PrivacyConfig privacy, double protectionWidth, int scheme) {

    /**
     * Releases frozen before disclosure control covered the whole public record: one release on
     * its own, linear programming only, no earlier-year counts. Kept so that {@code release verify}
     * can rebuild such a release exactly; never used to create one.
     */
    public static final int SINGLE_RELEASE = 1;
    /**
     * The whole public record: every published release together with the new one; counts withheld
     * once stay withheld; integer programming; no withheld count pinned even knowing that zeros are
     * always published; earlier years' counts under the same rules as the release year's.
     */
    public static final int PUBLIC_RECORD = 2;
    /**
     * As {@link #PUBLIC_RECORD}, protecting against what an outside attacker sees: criterion (b)
     * counts every pinned count, also one pinned to a wrong value (around a withheld zero: the
     * attacker cannot tell), and a partner that another relation of known counts would give back is
     * chosen only where nothing else can be. Releases of scheme 2 are rebuilt with scheme 2.
     */
    public static final int PUBLIC_RECORD_AS_SEEN_OUTSIDE = 3;
    /**
     * As {@link #PUBLIC_RECORD_AS_SEEN_OUTSIDE}, and a count the published releases give by
     * subtraction (a published total minus its published parts, also through the margins the new
     * release declares) is never withheld to protect another, and never "repaired" by withholding
     * more: it is reported as unprotected at once. Under scheme 3 a release for an earlier year,
     * created after releases that carried that year's totals and women, withheld the men as
     * partners and then every breakdown around them, and still could not be published.
     * Releases of scheme 3 are rebuilt with scheme 3.
     */
    public static final int GIVEN_COUNTS_NOT_PARTNERS = 4;

    public DisclosureRules(PrivacyConfig privacy, double protectionWidth) {
        this(privacy, protectionWidth, GIVEN_COUNTS_NOT_PARTNERS);
    }

    public static DisclosureRules defaults() {
        return new DisclosureRules(PrivacyConfig.defaults(), 0);
    }

    public static DisclosureRules of(PrivacyConfig privacy) {
        return new DisclosureRules(privacy, 0);
    }

    /** Whether this is the scheme of releases frozen before the public record was protected as a whole. */
    public boolean singleRelease() {
        return scheme == SINGLE_RELEASE;
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
