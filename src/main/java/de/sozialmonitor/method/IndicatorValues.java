package de.sozialmonitor.method;

/**
 * One indicator for one year and target group over all areas of the result ({@link AreaTable}
 * order): numerator and denominator (summed counts, ratio of sums for aggregates) and the value
 * {@code scale x numerator / denominator}. NaN marks a missing value. Numerator and denominator may be
 * null for history years, where only the value is kept.
 */
public record IndicatorValues(String indicatorId, String targetGroup, int year,
                              double[] numerator, double[] denominator, double[] value) {
    public boolean isTotal() {
        return targetGroup == null || targetGroup.isEmpty();
    }
}
