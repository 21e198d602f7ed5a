package de.sozialmonitor.ingest;

import de.sozialmonitor.model.ValueStatus;

/**
 * A parsed cell: a number with its status, or a placeholder symbol with its status and no number
 * (never 0), or why the cell is neither: the key of a text of {@code i18n/ingest} with its
 * arguments, put into words in the import's language by whoever reports it.
 */
public record ParsedValue(Double value, ValueStatus status, Reason error) {
    /** Why a cell is no value: a text key of {@code i18n/ingest} and its arguments. */
    public record Reason(String key, java.util.List<String> args) {
        public String in(ImportTexts texts) {
            return texts.get(key, args.toArray());
        }
    }

    public static ParsedValue of(double v) {
        return new ParsedValue(v, ValueStatus.OK, null);
    }

    public static ParsedValue failed(String key, String... args) {
        return new ParsedValue(null, null, new Reason(key, java.util.List.of(args)));
    }

    public boolean ok() {
        return error == null;
    }
}
