package de.sozialmonitor.view;

import de.sozialmonitor.privacy.PublishedRow;

/**
 * One figure as every output shows it: a number, or the official symbol with the reason why there
 * is none ({@code .} withheld by disclosure control, {@code x} not available or not meaningful;
 * reasons as in {@link PublishedRow#REASONS}). Web pages, API, downloads and the report print the
 * same figure, each in its own format.
 */
public record Figure(Double value, String status, String symbol, String reason) {
    public static final Figure MISSING = new Figure(null, PublishedRow.MISSING, "x", PublishedRow.NOT_AVAILABLE);

    /** A computed value (staff's view and the internal report): shown, or missing when there is none. */
    public static Figure of(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? MISSING : new Figure(value, PublishedRow.OK, "", "");
    }

    /** A row of a release's protected table. */
    public static Figure of(PublishedRow row) {
        if (row.isPublished()) {
            return new Figure(Double.valueOf(row.value()), PublishedRow.OK, "", "");
        }
        return new Figure(null, row.status(), row.symbol(), row.reason());
    }

    public boolean shown() {
        return value != null;
    }

    /** Withheld by disclosure control (a value exists but may not be shown). */
    public boolean withheld() {
        return PublishedRow.SUPPRESSED.equals(status);
    }
}
