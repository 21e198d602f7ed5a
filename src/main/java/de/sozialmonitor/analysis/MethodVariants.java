package de.sozialmonitor.analysis;

import de.sozialmonitor.model.MethodConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of a {@link MethodConfig} with one parameter changed: the variants the sensitivity analysis
 * and the candidate sets compute the method with. Every variant goes through {@code method.Monitoring}.
 */
public final class MethodVariants {
    private MethodVariants() {
    }

    public static MethodConfig withLevel(MethodConfig c, String level) {
        return new MethodConfig(level, c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    public static MethodConfig withIndicators(MethodConfig c, Map<String, Double> status, Map<String, Double> dynamics) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), status, dynamics,
                c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    /** The status indicators {@code ids}, each with its configured weight (1 if it has none); dynamics unchanged. */
    public static MethodConfig withStatusSet(MethodConfig c, List<String> ids) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) {
            w.put(id, c.statusIndicators().getOrDefault(id, 1.0));
        }
        return withIndicators(c, w, c.dynamicsIndicators());
    }

    public static MethodConfig withMinPopulation(MethodConfig c, double minPopulation) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), minPopulation, c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    public static MethodConfig withDynamicsYears(MethodConfig c, int years) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), years, c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    public static MethodConfig withThresholds(MethodConfig c, MethodConfig.StatusThresholds status,
                                              MethodConfig.DynamicsThresholds dynamics) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), status, dynamics, c.attentionRule(), c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    /** Every class bound of status and dynamics moved by {@code delta} (in standard deviations). */
    public static MethodConfig withThresholdsShifted(MethodConfig c, double delta) {
        MethodConfig.StatusThresholds s = c.statusThresholds();
        MethodConfig.DynamicsThresholds d = c.dynamicsThresholds();
        return withThresholds(c, new MethodConfig.StatusThresholds(s.high() + delta, s.low() + delta, s.veryLow() + delta),
                new MethodConfig.DynamicsThresholds(d.positive() + delta, d.negative() + delta));
    }
}
