package de.sozialmonitor.web;

import de.sozialmonitor.model.PrivacyConfig;

/**
 * The web's last line of defence for anonymous visitors, applied on top of the published release:
 * a rate is withheld when its numerator is a small count (1 to min_count − 1, which the rate and a
 * published denominator would reveal), when its denominator is below min_count, or when the area
 * is too small for published rates. Counts themselves are never shown to the public by the web.
 * The full disclosure control (secondary suppression) belongs to the privacy part and is applied
 * when a release is created; this check does not replace it.
 */
public final class Disclosure {
    private Disclosure() {
    }

    public static boolean suppress(Double numerator, Double denominator, String excluded, PrivacyConfig privacy) {
        if (excluded != null && excluded.startsWith("population_below")) {
            return true;
        }
        if (numerator != null && numerator > 0 && numerator < privacy.minCount()) {
            return true;
        }
        return denominator != null && denominator < privacy.minCount();
    }
}
