package de.sozialmonitor.privacy;

import de.sozialmonitor.model.DecimalText;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Canonical number text for releases: plain decimal point, no exponent, no trailing zeros. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A count: up to 6 decimals (counts carried across boundary changes can be fractional), by the
     * one rule every output of numbers follows, so that a release's bytes never depend on which
     * output wrote a count.
     */
    public static String count(double v) {
        return DecimalText.sixDecimals(v);
    }

    /** A rate rounded half-up to its indicator's precision, with exactly that many decimals. */
    public static String fixed(double v, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        return d.signum() == 0 ? BigDecimal.ZERO.setScale(decimals).toPlainString() : d.toPlainString();
    }

    public static double parse(String s) {
        return Double.parseDouble(s.trim());
    }
}
