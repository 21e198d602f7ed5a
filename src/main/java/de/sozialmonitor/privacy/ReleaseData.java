package de.sozialmonitor.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the protected table of a release is computed from: the frozen results, areas and
 * indicator definitions. Pure data; the store reads it, {@link ReleaseTableBuilder} uses it.
 *
 * @param population          inhabitants per area and year (key {@code area|year}); missing areas fall
 *                            back to the rate's denominator for the small-area rule
 * @param statusIndicators    indicators of the status index (their confidential rates hide the index)
 * @param dynamicsIndicators  indicators of the dynamics index
 */
public record ReleaseData(Map<String, AreaInfo> areas, List<IndicatorInfo> indicators, List<ValueRow> values,
                          List<AreaRow> areaResults, Map<String, Double> population,
                          Set<String> statusIndicators, Set<String> dynamicsIndicators, int dynamicsYears) {

    /** Sorted copies, so that the canonical serialisation does not depend on how the data was built. */
    public ReleaseData {
        areas = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(areas));
        indicators = List.copyOf(indicators);
        values = List.copyOf(values);
        areaResults = List.copyOf(areaResults);
        population = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(population));
        statusIndicators = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(statusIndicators));
        dynamicsIndicators = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(dynamicsIndicators));
    }

    /** An indicator as the release describes it. */
    public record IndicatorInfo(String id, String numerator, String denominator, String targetGroup,
                                double scale, int precision) {
    }

    /** One row of {@code result_value}. */
    public record ValueRow(String areaCode, int year, String indicatorId, String targetGroup, Double numerator,
                           Double denominator, Double value, Double change) {
    }

    /** One row of {@code result_area}. */
    public record AreaRow(String areaCode, int year, Double statusIndex, String statusClass, Double dynamicsIndex,
                          String dynamicsClass, boolean attention, String excluded) {
    }

    public static String populationKey(String area, int year) {
        return area + "|" + year;
    }
}
