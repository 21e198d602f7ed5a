package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;

/**
 * Class bounds of METHOD.md: hoch SI &lt; high; mittel high &le; SI &le; low; niedrig low &lt; SI &le;
 * very_low; sehr_niedrig SI &gt; very_low; positiv DI &lt; positive; stabil positive &le; DI &le; negative;
 * negativ DI &gt; negative. The index is compared after rounding to 9 decimals, so that floating-point
 * noise of the order 1e-16 never decides on which side of a bound an area falls: an index that is
 * exactly 1 in exact arithmetic is classed as exactly 1.
 */
public final class Classification {
    private Classification() {
    }

    static double forComparison(double index) {
        return Math.round(index * 1e9) / 1e9;
    }

    /** The status class, or null for a missing index. */
    public static StatusClass statusClass(double si, MethodConfig.StatusThresholds t) {
        if (Double.isNaN(si)) {
            return null;
        }
        double v = forComparison(si);
        if (v < t.high()) {
            return StatusClass.HOCH;
        }
        if (v <= t.low()) {
            return StatusClass.MITTEL;
        }
        if (v <= t.veryLow()) {
            return StatusClass.NIEDRIG;
        }
        return StatusClass.SEHR_NIEDRIG;
    }

    /** The dynamics class, or null for a missing index. */
    public static DynamicsClass dynamicsClass(double di, MethodConfig.DynamicsThresholds t) {
        if (Double.isNaN(di)) {
            return null;
        }
        double v = forComparison(di);
        if (v < t.positive()) {
            return DynamicsClass.POSITIV;
        }
        if (v <= t.negative()) {
            return DynamicsClass.STABIL;
        }
        return DynamicsClass.NEGATIV;
    }

    /**
     * The attention flag. {@code default}: status niedrig or sehr_niedrig, or dynamics negativ.
     * {@code berlin}: status niedrig or sehr_niedrig and dynamics not positiv (a missing dynamics class
     * counts as not positiv, so that an area without a base year is judged on its status).
     */
    public static boolean attention(String rule, StatusClass status, DynamicsClass dynamics) {
        boolean lowStatus = status == StatusClass.NIEDRIG || status == StatusClass.SEHR_NIEDRIG;
        if (MethodConfig.ATTENTION_BERLIN.equals(rule)) {
            return lowStatus && dynamics != DynamicsClass.POSITIV;
        }
        return lowStatus || dynamics == DynamicsClass.NEGATIV;
    }
}
