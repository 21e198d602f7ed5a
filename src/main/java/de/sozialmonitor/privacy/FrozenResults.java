package de.sozialmonitor.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results a release freezes: areas, indicator definitions, values, area results and population,
 * everything its protected table is computed from. Pure data; the store reads it,
 * {@link ReleaseTableBuilder} uses it. (Its JSON member in the frozen content stays {@code data}.)
 *
 * @param population          inhabitants per area and year (key {@code area|year}); missing areas fall
 *                            back to the rate's denominator for the small-area rule
 * @param statusIndicators    indicators of the status index (their confidential rates hide the index)
 * @param dynamicsIndicators  indicators of the dynamics index
 */
public record FrozenResults(Map<String, AreaInfo> areas, List<IndicatorInfo> indicators, List<ValueRow> values,
                            List<AreaRow> areaResults, Map<String, Double> population,
                            Set<String> statusIndicators, Set<String> dynamicsIndicators, int dynamicsYears) {

    /** Sorted copies, so that the canonical serialisation does not depend on how the data was built. */
    public FrozenResults {
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

    /** The area result of one area and year of a result set ({@code store.ResultAreaStore}). */
    public record AreaRow(String areaCode, int year, Double statusIndex, String statusClass, Double dynamicsIndex,
                          String dynamicsClass, boolean attention, String excluded) {
    }

    public static String populationKey(String area, int year) {
        return area + "|" + year;
    }
}
