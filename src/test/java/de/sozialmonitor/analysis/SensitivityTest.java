package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    static Indicator indicator(String id) {
        return new Indicator(id, id, id, "t", LinearExpression.parse("x" + id), LinearExpression.parse("base"), TargetGroup.TOTAL,
                100, "%", Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", "");
    }

    /** Localities with the given populations and values (in %) of indicators a and b in 2020. */
    static MonitoringInput county(double[] population, double[] a, double[] b) {
        MonitoringInput.Builder in = MonitoringInput.builder().levels(List.of("kreis", "ortsteil"));
        in.area(new Area("K", "K", "kreis", null));
        for (int i = 0; i < population.length; i++) {
            String code = "L" + i;
            in.area(new Area(code, code, "ortsteil", "K"));
            in.value(code, 2020, "pop_total", "", population[i]);
            in.value(code, 2020, "base", "", 100);
            in.value(code, 2020, "xa", "", a[i]);
            in.value(code, 2020, "xb", "", b[i]);
        }
        return in.build();
    }

    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(new Variable("pop_total", "p", "p"),
            new Variable("base", "b", "b"), new Variable("xa", "a", "a"), new Variable("xb", "b", "b")),
            List.of(indicator("a"), indicator("b")));

    static MethodConfig config(String... ids) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) {
            w.put(id, 1.0);
        }
        MethodConfig d = MethodConfig.defaults();
        return new MethodConfig(null, "pop_total", 300, w, w, 3, d.statusThresholds(), d.dynamicsThresholds(),
                d.attentionRule(), Map.of(), d.standardisation(), Map.of());
    }

    static Sensitivity.Outcome outcome(Sensitivity.Report r, String key) {
        return r.outcomes().stream().filter(o -> o.variant().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void leavingOutOneOfTwoOpposedIndicatorsGivesEveryAreaAClass() {
        // a and b run exactly against each other: the raw index is 0 everywhere, so no area has a class;
        // without either one (or with one weighted double) every area is classed
        MonitoringInput in = county(new double[] {1000, 1000, 1000}, new double[] {0, 1, 2}, new double[] {2, 1, 0});
        Sensitivity.Report r = Sensitivity.analyse(in, CATALOG, config("a", "b"), 2020);
        for (String key : List.of("leave_out:a", "leave_out:b", "weight:a×2", "weight:b×2")) {
            Sensitivity.Outcome o = outcome(r, key);
            assertThat(o.changes()).as(key).extracting(Sensitivity.AreaChange::code).containsExactly("L0", "L1", "L2");
            assertThat(o.changes()).as(key).allSatisfy(c -> {
                assertThat(c.statusBefore()).isNull();
                assertThat(c.statusAfter()).isNotNull();
            });
        }
        assertThat(outcome(r, "min_population:300").changes()).isEmpty();
        assertThat(r.changesByArea()).containsEntry("L0", r.outcomes().stream()
                .mapToInt(o -> (int) o.changes().stream().filter(c -> c.code().equals("L0")).count()).sum());
    }

    @Test
    void theMinimumPopulationDecidesWhoIsClassed() {
        MonitoringInput in = county(new double[] {1000, 1000, 1000, 250, 400}, new double[] {0, 1, 2, 3, 4},
                new double[] {0, 1, 2, 3, 4});
        Sensitivity.Report r = Sensitivity.analyse(in, CATALOG, config("a"), 2020);
        assertThat(outcome(r, "min_population:200").changes()).filteredOn(c -> c.code().equals("L3")).singleElement()
                .satisfies(c -> {
                    assertThat(c.statusBefore()).isNull();
                    assertThat(c.statusAfter()).isNotNull();
                });
        assertThat(outcome(r, "min_population:500").changes()).filteredOn(c -> c.code().equals("L4")).singleElement()
                .satisfies(c -> {
                    assertThat(c.statusBefore()).isNotNull();
                    assertThat(c.statusAfter()).isNull();
                });
        assertThat(outcome(r, "min_population:300").changes()).isEmpty();
        // one indicator: nothing to leave out or to weight
        assertThat(r.outcomes()).noneMatch(o -> o.variant().kind().equals("leave_out") || o.variant().kind().equals("weight"));
    }

    @Test
    void everyVariantAgreesWithAPlainSecondImplementationOnAGeneratedCounty() {
        AnalysisCounty county = AnalysisCounty.generate(90, 5, 21);
        MethodConfig cfg = county.config(4);
        Sensitivity.Report r = Sensitivity.analyse(county.input(1), county.catalog(), cfg, AnalysisCounty.LAST_YEAR);
        Naive base = new Naive(county, cfg);
        int changes = 0;
        for (Sensitivity.Outcome o : r.outcomes()) {
            assertThat(o.error()).isNull();
            Naive variant = new Naive(county, o.variant().config());
            List<String> expected = new ArrayList<>();
            for (int a = 0; a < county.areas(); a++) {
                if (base.status[a] != variant.status[a] || base.dynamics[a] != variant.dynamics[a]
                        || base.attention[a] != variant.attention[a]) {
                    expected.add(AnalysisCounty.code(a));
                }
            }
            assertThat(o.changes()).as(o.variant().key()).extracting(Sensitivity.AreaChange::code).containsExactlyElementsOf(expected);
            for (Sensitivity.AreaChange c : o.changes()) {
                int a = Integer.parseInt(c.code().substring(1));
                assertThat(c.statusAfter()).isEqualTo(variant.status[a]);
                assertThat(c.dynamicsAfter()).isEqualTo(variant.dynamics[a]);
            }
            changes += o.changes().size();
        }
        assertThat(changes).as("the county is built so that some variants change some areas").isPositive();
        assertThat(r.outcomes()).extracting(o -> o.variant().kind()).contains("leave_out", "weight", "thresholds",
                "min_population", "standardisation", "dynamics_years");
        assertThat(outcome(r, "standardisation:sample").variant().config().standardisation()).isEqualTo("sample");
    }

    /** A plain re-computation of the classes (rates, exclusions, two-step standardisation), sharing no method code. */
    static final class Naive {
        final StatusClass[] status;
        final DynamicsClass[] dynamics;
        final boolean[] attention;

        Naive(AnalysisCounty c, MethodConfig cfg) {
            int n = c.areas();
            int t = AnalysisCounty.LAST_YEAR - AnalysisCounty.FIRST_YEAR;
            int b = t - cfg.dynamicsYears();
            status = new StatusClass[n];
            dynamics = new DynamicsClass[n];
            attention = new boolean[n];
            List<Integer> sIn = new ArrayList<>();
            List<Integer> dIn = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                if (takesPart(c, cfg, t, a)) {
                    sIn.add(a);
                    if (takesPart(c, cfg, b, a)) {
                        dIn.add(a);
                    }
                }
            }
            boolean sample = cfg.standardisation().equals(MethodConfig.STANDARDISATION_SAMPLE);
            Map<Integer, Double> si = index(c, cfg.statusIndicators(), sIn, t, -1, sample);
            Map<Integer, Double> di = index(c, cfg.dynamicsIndicators(), dIn, t, b, sample);
            MethodConfig.StatusThresholds st = cfg.statusThresholds();
            MethodConfig.DynamicsThresholds dt = cfg.dynamicsThresholds();
            for (int a = 0; a < n; a++) {
                if (si.containsKey(a)) {
                    double v = Math.round(si.get(a) * 1e9) / 1e9;
                    status[a] = v < st.high() ? StatusClass.HOCH : v <= st.low() ? StatusClass.MITTEL
                            : v <= st.veryLow() ? StatusClass.NIEDRIG : StatusClass.SEHR_NIEDRIG;
                }
                if (di.containsKey(a)) {
                    double v = Math.round(di.get(a) * 1e9) / 1e9;
                    dynamics[a] = v < dt.positive() ? DynamicsClass.POSITIV : v <= dt.negative() ? DynamicsClass.STABIL
                            : DynamicsClass.NEGATIV;
                }
                attention[a] = status[a] == StatusClass.NIEDRIG || status[a] == StatusClass.SEHR_NIEDRIG
                        || (status[a] != null && dynamics[a] == DynamicsClass.NEGATIV);
            }
        }

        static double rate(AnalysisCounty c, int year, int i, int a) {
            double den = c.denominators()[year][i][a];
            return den > 0 ? 100 * c.numerators()[year][i][a] / den : Double.NaN;
        }

        static boolean takesPart(AnalysisCounty c, MethodConfig cfg, int year, int a) {
            if (c.population()[year][a] < cfg.minPopulation()) {
                return false;
            }
            for (String id : cfg.statusIndicators().keySet()) {
                if (Double.isNaN(rate(c, year, Integer.parseInt(id.substring(1)), a))) {
                    return false;
                }
            }
            return true;
        }

        /** Index over {@code areas}: of the level in {@code year}, or of the change since {@code base} (base >= 0). */
        static Map<Integer, Double> index(AnalysisCounty c, Map<String, Double> weights, List<Integer> areas, int year, int base,
                                          boolean sample) {
            Map<Integer, Double> sum = new HashMap<>();
            double weightSum = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                int i = Integer.parseInt(e.getKey().substring(1));
                double sign = c.polarity()[i] == Polarity.HIGHER_IS_BETTER ? -1 : 1;
                Map<Integer, Double> x = new HashMap<>();
                for (int a : areas) {
                    double v = rate(c, year, i, a) - (base >= 0 ? rate(c, base, i, a) : 0);
                    x.put(a, sign * v);
                }
                Map<Integer, Double> z = standardise(x, areas, sample);
                if (z == null) {
                    continue;
                }
                weightSum += e.getValue();
                for (int a : areas) {
                    sum.merge(a, e.getValue() * z.get(a), Double::sum);
                }
            }
            if (weightSum == 0) {
                return Map.of();
            }
            Map<Integer, Double> raw = new HashMap<>();
            for (int a : areas) {
                raw.put(a, sum.get(a) / weightSum);
            }
            Map<Integer, Double> index = standardise(raw, areas, sample);
            return index == null ? Map.of() : index;
        }

        /** z-scores with the sample SD (divisor n - 1) or the population SD (divisor n); null without variation. */
        static Map<Integer, Double> standardise(Map<Integer, Double> x, List<Integer> areas, boolean sample) {
            if (areas.size() < 2) {
                return null;
            }
            double mean = 0;
            for (int a : areas) {
                mean += x.get(a);
            }
            mean /= areas.size();
            double ss = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int a : areas) {
                ss += (x.get(a) - mean) * (x.get(a) - mean);
                min = Math.min(min, x.get(a));
                max = Math.max(max, x.get(a));
            }
            if (min == max) {
                return null;
            }
            double sd = Math.sqrt(ss / (sample ? areas.size() - 1 : areas.size()));
            Map<Integer, Double> z = new HashMap<>();
            for (int a : areas) {
                z.put(a, (x.get(a) - mean) / sd);
            }
            return z;
        }
    }
}
