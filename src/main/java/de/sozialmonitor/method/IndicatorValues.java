package de.sozialmonitor.method;

/**
 * One indicator for one year and target group over all areas of the result ({@link AreaTable}
 * order): numerator and denominator (summed counts, ratio of sums for aggregates) and the value
 * {@code scale x numerator / denominator}. NaN marks a missing value. Numerator and denominator are
 * kept for every year (a result read back from a result set stored before they were kept for the
 * history years may have them null there); they are NaN for an indicator over a delivered share,
 * which has no counts.
 *
 * @param change the delivered change over {@code dynamics_years} of an indicator that names one
 *               ({@code change:} in the catalog), in the result's year; null otherwise
 */
public record IndicatorValues(String indicatorId, String targetGroup, int year,
                              double[] numerator, double[] denominator, double[] value, double[] change) {
    public IndicatorValues(String indicatorId, String targetGroup, int year, double[] numerator, double[] denominator, double[] value) {
        this(indicatorId, targetGroup, year, numerator, denominator, value, null);
    }

    public boolean isTotal() {
        return targetGroup == null || targetGroup.isEmpty();
    }
}
