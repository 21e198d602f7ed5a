package de.sozialmonitor.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of METHOD.md. Every value is a default a workspace may change in
 * {@code sozialmonitor.yaml} (section {@code method}); each result set records what it used.
 *
 * @param analysisLevel      level whose areas are compared; null means the lowest level present
 * @param statusIndicators   indicator id to weight, in order
 * @param dynamicsIndicators indicator id to weight; by default the status indicators
 * @param attentionRule      {@code default} (status niedrig/sehr_niedrig or dynamics negativ) or
 *                           {@code berlin} (status niedrig/sehr_niedrig and dynamics not positiv)
 * @param earlyWarningThresholds indicator id to the value whose crossing is an early warning
 * @param standardisation    {@code population} (divisor n, the default: the participating areas are all
 *                           there are) or {@code sample} (divisor n - 1, for series computed that way)
 * @param exclude            area code to the reason why it takes no part although its figures would let it
 *                           (e.g. "statistisch unsicher"): excluded by hand, shown like every other reason
 */
public record MethodConfig(String analysisLevel, String populationVariable, double minPopulation,
                           Map<String, Double> statusIndicators, Map<String, Double> dynamicsIndicators,
                           int dynamicsYears, StatusThresholds statusThresholds,
                           DynamicsThresholds dynamicsThresholds, String attentionRule,
                           Map<String, Double> earlyWarningThresholds, String standardisation,
                           Map<String, String> exclude) {

    /** Class bounds of the status index: hoch below {@code high}, sehr_niedrig above {@code veryLow}. */
    public record StatusThresholds(double high, double low, double veryLow) {
        public static final StatusThresholds DEFAULT = new StatusThresholds(-1.0, 1.0, 1.5);
    }

    /** Class bounds of the dynamics index. */
    public record DynamicsThresholds(double positive, double negative) {
        public static final DynamicsThresholds DEFAULT = new DynamicsThresholds(-1.0, 1.0);
    }

    public static final String ATTENTION_DEFAULT = "default";
    public static final String ATTENTION_BERLIN = "berlin";
    public static final String STANDARDISATION_POPULATION = "population";
    public static final String STANDARDISATION_SAMPLE = "sample";

    public static final Map<String, Double> DEFAULT_ATTENTION_INDICATORS = defaultAttentionIndicators();

    public MethodConfig {
        statusIndicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statusIndicators));
        dynamicsIndicators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dynamicsIndicators));
        earlyWarningThresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(earlyWarningThresholds));
        exclude = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(exclude == null ? Map.of() : exclude));
        if (standardisation == null) {
            standardisation = STANDARDISATION_POPULATION;
        }
        if (!standardisation.equals(STANDARDISATION_POPULATION) && !standardisation.equals(STANDARDISATION_SAMPLE)) {
            throw new IllegalArgumentException("standardisation must be population or sample, was '" + standardisation + "'");
        }
    }

    /** True for the sample standard deviation (divisor n - 1), false for the population SD (divisor n). */
    public boolean sampleStandardDeviation() {
        return STANDARDISATION_SAMPLE.equals(standardisation);
    }

    /** This configuration with another standardisation. */
    public MethodConfig withStandardisation(String s) {
        return new MethodConfig(analysisLevel, populationVariable, minPopulation, statusIndicators, dynamicsIndicators,
                dynamicsYears, statusThresholds, dynamicsThresholds, attentionRule, earlyWarningThresholds, s, exclude);
    }

    public static MethodConfig defaults() {
        return new MethodConfig(null, "pop_total", 300, DEFAULT_ATTENTION_INDICATORS, DEFAULT_ATTENTION_INDICATORS,
                3, StatusThresholds.DEFAULT, DynamicsThresholds.DEFAULT, ATTENTION_DEFAULT,
                Map.of("children_min_income", 25.0), STANDARDISATION_POPULATION, Map.of());
    }

    private static Map<String, Double> defaultAttentionIndicators() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String id : new String[] {"migrant_u18", "single_parent_children", "sgb2", "unemployed",
                "children_min_income", "old_age_min_income", "school_leavers_low"}) {
            m.put(id, 1.0);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
