package de.sozialmonitor.model;

/**
 * One delivered figure of a reference region: a variable of the catalog, or an indicator's value
 * itself ({@code variable} is then the indicator's id). {@code value} is null for a placeholder of
 * official statistics ({@code status} says which), never 0.
 */
public record ReferenceFigure(String regionCode, int year, String variable, Double value, ValueStatus status) {
    /** The number for computation, or null (a placeholder that carries none). */
    public Double usable() {
        return value != null && status.hasValue() ? value : null;
    }
}
