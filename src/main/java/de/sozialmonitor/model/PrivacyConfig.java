package de.sozialmonitor.model;

import java.util.Map;

/**
 * Disclosure-control parameters (section {@code privacy} of {@code sozialmonitor.yaml}).
 *
 * @param minCount                published counts below this are suppressed (BA rule: 3)
 * @param minCountByVariable      stricter minimums for single variables (e.g. 5 for health data)
 * @param minPopulationForRates   areas with fewer inhabitants get no published rates
 */
public record PrivacyConfig(int minCount, Map<String, Integer> minCountByVariable, double minPopulationForRates) {
    public PrivacyConfig {
        minCountByVariable = Map.copyOf(minCountByVariable);
    }

    public static PrivacyConfig defaults() {
        return new PrivacyConfig(3, Map.of(), 300);
    }

    public int minCount(String variable) {
        return minCountByVariable.getOrDefault(variable, minCount);
    }
}
