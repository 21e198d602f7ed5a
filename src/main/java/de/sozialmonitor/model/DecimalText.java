package de.sozialmonitor.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The text of a number in our CSV and JSON outputs ({@code export results}, the analyses): rounded
 * half-up to 6 decimals from the number's shortest decimal form ({@code BigDecimal.valueOf}), plain
 * decimal point, no exponent, no trailing zeros, {@code 0} for zero. A county's export writes
 * millions of them; the {@code BigDecimal} route (decimal text, rounding, stripping) was a third of
 * its time, so the usual case is done in {@code long} arithmetic and gives the same text: where
 * {@code v * 10^6} is not within a few units in the last place of a tie ({@code .5}), rounding the
 * product and rounding the shortest decimal form agree; near ties (and beyond 2^50) the
 * {@code BigDecimal} route decides.
 */
public final class DecimalText {
    private static final long SCALE = 1_000_000L;

    private DecimalText() {
    }

    /** {@code v} rounded half-up to 6 decimals, as plain text; {@code v} must be finite. */
    public static String sixDecimals(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        double y = v * SCALE;
        if (!(Math.abs(y) < 0x1p50)) {
            return viaBigDecimal(v); // beyond a billion the units of y are no longer exact
        }
        double floor = Math.floor(y);
        double fraction = y - floor;
        // y is within 1.5 units in the last place of the exact product of the shortest decimal form, and
        // the fraction within half a unit of 1 for |y| < 1: beyond this margin both round alike
        if (Math.abs(fraction - 0.5) <= 4 * Math.ulp(Math.max(Math.abs(y), 1.0))) {
            return viaBigDecimal(v); // near a tie
        }
        long n = (long) floor + (fraction > 0.5 ? 1 : 0);
        if (n == 0) {
            return "0";
        }
        // the digits from the last one backwards into a small array (no builder, no intermediate strings)
        long a = Math.abs(n);
        long whole = a / SCALE;
        long part = a % SCALE;
        byte[] c = new byte[24];
        int p = c.length;
        if (part != 0) {
            int digits = 6;
            while (part % 10 == 0) {
                part /= 10;
                digits--;
            }
            for (int i = 0; i < digits; i++) {
                c[--p] = (byte) ('0' + part % 10);
                part /= 10;
            }
            c[--p] = '.';
        }
        do {
            c[--p] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole != 0);
        if (n < 0) {
            c[--p] = '-';
        }
        return new String(c, p, c.length - p, StandardCharsets.ISO_8859_1);
    }

    /** The reference: what {@link #sixDecimals} returns, by {@code BigDecimal}. */
    static String viaBigDecimal(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
