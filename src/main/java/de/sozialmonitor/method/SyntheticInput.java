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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random but plausible inputs of any size for the benchmark ({@code sozialmonitor bench method}):
 * a root, {@code areas / 8000 + 1} middle areas and {@code areas} small areas, {@code indicators}
 * rates over two denominators, {@code years} consecutive years ending in 2024. Not a demo: the
 * figures mean nothing.
 */
public final class SyntheticInput {
    public static final int LAST_YEAR = 2024;

    private SyntheticInput() {
    }

    public static IndicatorCatalog catalog(int indicators) {
        List<Variable> vars = new ArrayList<>();
        vars.add(new Variable("pop_total", "Einwohner", "Inhabitants"));
        vars.add(new Variable("den0", "Nenner 0", "Denominator 0"));
        vars.add(new Variable("den1", "Nenner 1", "Denominator 1"));
        List<Indicator> list = new ArrayList<>();
        for (int i = 0; i < indicators; i++) {
            vars.add(new Variable("x" + i, "Zähler " + i, "Numerator " + i));
            list.add(new Indicator("i" + i, "Indikator " + i, "Indicator " + i, "bench", LinearExpression.parse("x" + i),
                    LinearExpression.parse("den" + (i % 2)), TargetGroup.TOTAL, 100, "%",
                    i % 5 == 4 ? Polarity.HIGHER_IS_BETTER : Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", ""));
        }
        return new IndicatorCatalog(vars, list);
    }

    /** Every indicator in both indices, weight 1, otherwise the defaults of METHOD.md. */
    public static MethodConfig config(int indicators) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < indicators; i++) {
            w.put("i" + i, 1.0);
        }
        MethodConfig d = MethodConfig.defaults();
        return new MethodConfig(null, "pop_total", d.minPopulation(), w, w, d.dynamicsYears(), d.statusThresholds(),
                d.dynamicsThresholds(), d.attentionRule(), Map.of(), d.standardisation(), Map.of());
    }

    public static MonitoringInput input(int areas, int indicators, int years, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("root", "middle", "small"));
        b.area("R", "Root", "root", null, null, null);
        int middles = areas / 8000 + 1;
        for (int m = 0; m < middles; m++) {
            b.area("M" + m, "Middle " + m, "middle", "R", null, null);
        }
        int first = middles + 1;
        for (int a = 0; a < areas; a++) {
            String code = "S" + a;
            b.area(code, code, "small", "M" + (a % middles), null, null);
        }
        int n = first + areas;
        double[] popBase = new double[n];
        double[][] level = new double[indicators][n];
        for (int a = first; a < n; a++) {
            popBase[a] = rnd.nextInt(20) == 0 ? 50 + rnd.nextInt(250) : 300 + rnd.nextInt(3000);
            for (int i = 0; i < indicators; i++) {
                level[i][a] = 0.3 * rnd.nextDouble();
            }
        }
        for (int y = LAST_YEAR - years + 1; y <= LAST_YEAR; y++) {
            double[] pop = nan(n);
            double[] den0 = nan(n);
            double[] den1 = nan(n);
            for (int a = first; a < n; a++) {
                pop[a] = Math.floor(popBase[a] * (0.95 + 0.1 * rnd.nextDouble()));
                den0[a] = Math.floor(pop[a] * 0.6);
                den1[a] = Math.floor(pop[a] * 0.3);
            }
            b.values(MonitoringInput.SeriesKey.total("pop_total"), y, pop);
            b.values(MonitoringInput.SeriesKey.total("den0"), y, den0);
            b.values(MonitoringInput.SeriesKey.total("den1"), y, den1);
            for (int i = 0; i < indicators; i++) {
                double[] x = nan(n);
                double[] den = i % 2 == 0 ? den0 : den1;
                for (int a = first; a < n; a++) {
                    double rate = Math.max(0, level[i][a] + 0.02 * (rnd.nextDouble() - 0.5));
                    x[a] = Math.floor(den[a] * rate);
                }
                b.values(MonitoringInput.SeriesKey.total("x" + i), y, x);
            }
        }
        return b.build();
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
