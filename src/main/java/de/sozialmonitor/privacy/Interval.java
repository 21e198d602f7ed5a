package de.sozialmonitor.privacy;

/** The range an attacker can confine a suppressed value to; {@code upper} may be infinite. */
public record Interval(double lower, double upper) {
    public double width() {
        return upper - lower;
    }

    public boolean isUnbounded() {
        return Double.isInfinite(upper);
    }
}
