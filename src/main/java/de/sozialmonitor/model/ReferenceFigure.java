package de.sozialmonitor.model;

import java.util.Locale;

/**
 * One delivered figure of a reference region: a variable of the catalog (a count, a share), or an
 * indicator's value itself ({@code name} is then the indicator's id). The kind is stored with the
 * figure, because a name can be both (the variable {@code unemployed}, a count, and the indicator
 * {@code unemployed}, a rate). {@code value} is null for a placeholder of official statistics
 * ({@code status} says which), never 0.
 */
public record ReferenceFigure(String regionCode, int year, Kind kind, String name, Double value, ValueStatus status) {
    /** What a figure is. */
    public enum Kind {
        /** A variable of the catalog (a count, a delivered share). */
        VARIABLE,
        /** An indicator's value as a source delivered it (e.g. an INKAR rate, a package's published rate). */
        INDICATOR,
        /**
         * Imported before the kind was stored (schema V105): read as it was then, an indicator's id
         * naming the indicator's value. Importing the file again stores the kind.
         */
        UNMARKED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The number for computation, or null (a placeholder that carries none). */
    public Double usable() {
        return value != null && status.hasValue() ? value : null;
    }
}
