package de.sozialmonitor.model;

import java.util.Objects;

/**
 * A base variable delivered by a source, e.g. {@code pop_total} (a count) or a share delivered as
 * such by a statistical office.
 *
 * @param kind  what its numbers are; counts unless declared otherwise
 * @param unit  the unit of a share, rate or change ({@code %}, {@code ‰}, {@code pp}); "" for counts
 * @param base  for a share or rate: the count variable it is a share of (optional); aggregates of
 *              indicators over the share are weighted by it, and without it there are none
 * @param years for a change: the number of years it spans (0 otherwise)
 */
public record Variable(String name, String labelDe, String labelEn, VariableKind kind, String unit, String base, int years) {
    public Variable {
        Objects.requireNonNull(name, "name");
        if (kind == null) {
            kind = VariableKind.COUNT;
        }
        if (unit == null) {
            unit = "";
        }
    }

    /** A count. */
    public Variable(String name, String labelDe, String labelEn) {
        this(name, labelDe, labelEn, VariableKind.COUNT, "", null, 0);
    }

    public String label(String language) {
        return "en".equals(language) && labelEn != null && !labelEn.isBlank() ? labelEn : labelDe;
    }

    /** The largest sensible value of a share in its unit (100 for %, 1000 for ‰), or infinity. */
    public double upperBound() {
        if (kind != VariableKind.SHARE) {
            return Double.POSITIVE_INFINITY;
        }
        return switch (unit.trim()) {
            case "%" -> 100;
            case "‰" -> 1000;
            default -> Double.POSITIVE_INFINITY;
        };
    }
}
