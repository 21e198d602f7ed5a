package de.sozialmonitor.method;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small catalogs and configurations for hand-computed examples. */
final class Fixtures {
    private Fixtures() {
    }

    static Indicator indicator(String id, String numerator, String denominator) {
        return indicator(id, numerator, denominator, Polarity.HIGHER_IS_WORSE, "", 100);
    }

    static Indicator indicator(String id, String numerator, String denominator, Polarity polarity, String group, double scale) {
        return new Indicator(id, id, id, "test", LinearExpression.parse(numerator), LinearExpression.parse(denominator),
                TargetGroup.parse(group), scale, scale == 100 ? "%" : "", polarity, IndicatorRole.ATTENTION, 1, 0, "", "");
    }

    static IndicatorCatalog catalog(Indicator... indicators) {
        Set<String> vars = new LinkedHashSet<>();
        vars.add("pop_total");
        for (Indicator i : indicators) {
            vars.addAll(i.variables());
        }
        List<Variable> variables = new ArrayList<>();
        vars.forEach(v -> variables.add(new Variable(v, v, v)));
        return new IndicatorCatalog(variables, List.of(indicators));
    }

    /** Defaults of METHOD.md with the given status (= dynamics) indicators, all weight 1. */
    static MethodConfig config(String... ids) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) {
            w.put(id, 1.0);
        }
        MethodConfig d = MethodConfig.defaults();
        return new MethodConfig(null, "pop_total", d.minPopulation(), w, w, d.dynamicsYears(), d.statusThresholds(),
                d.dynamicsThresholds(), d.attentionRule(), Map.of(), d.standardisation(), Map.of());
    }

    static MethodConfig withRule(MethodConfig c, String rule) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), rule,
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    static MethodConfig withWeights(MethodConfig c, Map<String, Double> status) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), status,
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                c.earlyWarningThresholds(), c.standardisation(), c.exclude());
    }

    static MethodConfig withThresholds(MethodConfig c, Map<String, Double> thresholds) {
        return new MethodConfig(c.analysisLevel(), c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(),
                thresholds, c.standardisation(), c.exclude());
    }

    /**
     * A county "K" with one municipality "M" and localities L1..Ln; each locality has 1000 inhabitants
     * and, for indicator variable {@code x}, the count {@code values[i]} per 100 of {@code base} = 100,
     * so that the indicator value is the given number in percent.
     */
    static MonitoringInput.Builder localities(int year, double[]... series) {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde", "ortsteil"));
        b.area(new de.sozialmonitor.model.Area("K", "Kreis", "kreis", null));
        b.area(new de.sozialmonitor.model.Area("M", "Gemeinde", "gemeinde", "K"));
        int n = series[0].length;
        for (int i = 0; i < n; i++) {
            String code = "L" + (i + 1);
            b.area(new de.sozialmonitor.model.Area(code, "Ort " + (i + 1), "ortsteil", "M"));
            b.value(code, year, "pop_total", "", 1000);
            b.value(code, year, "base", "", 100);
            for (int s = 0; s < series.length; s++) {
                b.value(code, year, "x" + (s + 1), "", series[s][i]);
            }
        }
        return b;
    }

    static void addYear(MonitoringInput.Builder b, int year, double[]... series) {
        for (int i = 0; i < series[0].length; i++) {
            String code = "L" + (i + 1);
            b.value(code, year, "pop_total", "", 1000);
            b.value(code, year, "base", "", 100);
            for (int s = 0; s < series.length; s++) {
                b.value(code, year, "x" + (s + 1), "", series[s][i]);
            }
        }
    }
}
