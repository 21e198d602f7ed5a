package de.sozialmonitor.ingest;

import de.sozialmonitor.model.ValueStatus;

/**
 * A parsed cell: a number with its status, or a placeholder symbol with its status and no number
 * (never 0), or an error text when the cell is neither.
 */
public record ParsedValue(Double value, ValueStatus status, String error) {
    public static ParsedValue of(double v) {
        return new ParsedValue(v, ValueStatus.OK, null);
    }

    public static ParsedValue failed(String error) {
        return new ParsedValue(null, null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
