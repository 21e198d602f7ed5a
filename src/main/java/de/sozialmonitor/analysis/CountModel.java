package de.sozialmonitor.analysis;

/**
 * How a delivered count is treated as uncertain when the class certainty resamples it.
 * {@code POISSON}: the count is one realisation of a Poisson process with the delivered count as its
 * mean (the usual model for small-area case counts). {@code BINOMIAL}: the count is the number of
 * cases among the indicator's denominator, each a case with the delivered share as probability.
 * The denominator (the population at risk) is held fixed in both.
 */
public enum CountModel {
    POISSON, BINOMIAL;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CountModel parse(String text) {
        for (CountModel m : values()) {
            if (m.key().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("count model '" + text + "': poisson or binomial");
    }
}
