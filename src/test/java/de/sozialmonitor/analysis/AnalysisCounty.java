package de.sozialmonitor.analysis;

import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.Area;
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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated county for the analysis tests: localities "L0".."Ln-1" of one municipality, indicators
 * "i0".."ik-1" = 100 × x{i} / den{i}, counts for the years 2017–2020. Each locality has a latent
 * disadvantage that all indicators share (so they correlate, as real ones do) plus noise; rates drift
 * a little from year to year. {@code factor} multiplies every numerator and denominator (not the
 * population), which leaves every rate, and so every class, as it is.
 */
record AnalysisCounty(int areas, int indicators, double[][][] numerators, double[][][] denominators,
                      double[][] population, Polarity[] polarity) {
    static final int FIRST_YEAR = 2017;
    static final int LAST_YEAR = 2020;

    static AnalysisCounty generate(int areas, int indicators, long seed) {
        Random rnd = new Random(seed);
        int years = LAST_YEAR - FIRST_YEAR + 1;
        double[][][] num = new double[years][indicators][areas];
        double[][][] den = new double[years][indicators][areas];
        double[][] pop = new double[years][areas];
        Polarity[] pol = new Polarity[indicators];
        for (int i = 0; i < indicators; i++) {
            pol[i] = rnd.nextInt(4) == 0 ? Polarity.HIGHER_IS_BETTER : Polarity.HIGHER_IS_WORSE;
        }
        for (int a = 0; a < areas; a++) {
            double latent = rnd.nextGaussian();
            double size = rnd.nextInt(8) == 0 ? 100 + rnd.nextInt(180) : 300 + rnd.nextInt(4000);
            double[] level = new double[indicators];
            for (int i = 0; i < indicators; i++) {
                double s = pol[i] == Polarity.HIGHER_IS_BETTER ? -1 : 1;
                level[i] = Math.min(0.9, Math.max(0.01, 0.15 + 0.05 * (s * latent + 0.8 * rnd.nextGaussian())));
            }
            for (int y = 0; y < years; y++) {
                pop[y][a] = Math.floor(size * (0.97 + 0.06 * rnd.nextDouble()));
                for (int i = 0; i < indicators; i++) {
                    double d = Math.floor(pop[y][a] * (0.3 + 0.1 * (i % 3)));
                    double rate = Math.max(0, level[i] + 0.01 * rnd.nextGaussian() + 0.005 * y);
                    den[y][i][a] = d;
                    num[y][i][a] = Math.floor(d * rate);
                }
            }
        }
        return new AnalysisCounty(areas, indicators, num, den, pop, pol);
    }

    IndicatorCatalog catalog() {
        List<Variable> vars = new ArrayList<>();
        vars.add(new Variable("pop_total", "Einwohner", "Inhabitants"));
        List<Indicator> list = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            vars.add(new Variable("x" + i, "x" + i, "x" + i));
            vars.add(new Variable("den" + i, "den" + i, "den" + i));
            list.add(new Indicator("i" + i, "Indikator " + i, "Indicator " + i, "test", LinearExpression.parse("x" + i),
                    LinearExpression.parse("den" + i), TargetGroup.TOTAL, 100, "%", polarity[i], IndicatorRole.ATTENTION,
                    1, 0, "", ""));
        }
        return new IndicatorCatalog(vars, list);
    }

    /** Defaults of METHOD.md with the first {@code k} indicators in both indices. */
    MethodConfig config(int k) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            w.put("i" + i, 1.0);
        }
        MethodConfig d = MethodConfig.defaults();
        return new MethodConfig(null, "pop_total", d.minPopulation(), w, w, d.dynamicsYears(), d.statusThresholds(),
                d.dynamicsThresholds(), d.attentionRule(), Map.of(), d.standardisation(), Map.of());
    }

    MonitoringInput input(double factor) {
        return input(factor, Map.of());
    }

    /** The input with some counts replaced: key {@code year|x{i}|code} (numerator) or {@code year|den{i}|code}. */
    MonitoringInput input(double factor, Map<String, Double> numeratorOverrides) {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde", "ortsteil"));
        b.area(new Area("K", "Kreis", "kreis", null));
        b.area(new Area("M", "Gemeinde", "gemeinde", "K"));
        for (int a = 0; a < areas; a++) {
            b.area(new Area(code(a), "Ort " + a, "ortsteil", "M"));
        }
        for (int y = 0; y < population.length; y++) {
            int year = FIRST_YEAR + y;
            for (int a = 0; a < areas; a++) {
                b.value(code(a), year, "pop_total", "", population[y][a]);
                for (int i = 0; i < indicators; i++) {
                    Double drawn = numeratorOverrides.get(year + "|x" + i + "|" + code(a));
                    b.value(code(a), year, "x" + i, "", drawn != null ? drawn : numerators[y][i][a] * factor);
                    Double den = numeratorOverrides.get(year + "|den" + i + "|" + code(a));
                    b.value(code(a), year, "den" + i, "", den != null ? den : denominators[y][i][a] * factor);
                }
            }
        }
        return b.build();
    }

    static String code(int a) {
        return "L" + a;
    }
}
