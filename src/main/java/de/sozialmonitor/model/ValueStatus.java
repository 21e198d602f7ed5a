package de.sozialmonitor.model;

import java.util.Optional;

/**
 * Why a value is (or is not) there. The symbols are those of German official statistics
 * (Zeichenerklärung der Statistischen Ämter); a placeholder is never turned into 0.
 */
public enum ValueStatus {
    /** A delivered number. */
    OK(""),
    /** "-": nothing there (genau null). Carries the value 0 by the offices' definition. */
    NOTHING("-"),
    /** ".": unknown or kept secret. */
    UNKNOWN("."),
    /** "x": not sensible / cannot be stated. */
    NOT_SENSIBLE("x"),
    /** "/": too uncertain to be published. */
    TOO_UNCERTAIN("/"),
    /** "..." or "…": not yet available. */
    NOT_YET_AVAILABLE("..."),
    /** "*": suppressed at source (e.g. BA's rule for counts under 3). */
    SUPPRESSED("*"),
    /** "&lt;3" and similar: only an upper bound is known. */
    BELOW_BOUND("<"),
    /** A number that the source marks as estimated. */
    ESTIMATED("e");

    private final String symbol;

    ValueStatus(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True if the observation carries a usable number for computation. */
    public boolean hasValue() {
        return this == OK || this == NOTHING || this == ESTIMATED;
    }

    public static Optional<ValueStatus> fromName(String name) {
        for (ValueStatus s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
