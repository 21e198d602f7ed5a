package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.workspace.CatalogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An independent, deliberately plain re-computation (maps and double loops, no shared code but the
 * catalog records) of a demo-sized county with the default catalog; the optimised code must agree to
 * 1e-9 in every indicator value, z-score, index and class.
 */
class NaiveRecomputationTest {
    static final String[] VARIABLES = {"pop_total", "pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18",
            "children_single_parent", "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers",
            "school_leavers_low", "eingliederungshilfe", "pop_u6", "pop_15_24", "pop_80plus", "pop_foreign", "households",
            "households_children", "households_single_parent", "households_single_65plus", "wohngeld_households",
            "unemployed_long_term", "unemployed_u25", "school_entrants", "school_entrants_overweight"};

    @Test
    void optimisedAndNaiveComputationAgreeOnADemoSizedCounty() throws Exception {
        IndicatorCatalog catalog = CatalogReader.read(Path.of(getClass().getResource("/workspace-template/indicators.yaml").toURI()));
        MethodConfig cfg = MethodConfig.defaults();
        Random rnd = new Random(42);
        List<Area> areas = new ArrayList<>();
        areas.add(new Area("03157", "Landkreis", "Landkreis", null));
        for (int m = 1; m <= 8; m++) {
            String mc = "0315700" + m;
            areas.add(new Area(mc, "Gemeinde " + m, "Gemeinde", "03157"));
            for (int l = 1; l <= 5 + m; l++) {
                areas.add(new Area(mc + "-" + l, "Ortsteil " + m + "." + l, "Ortsteil", mc));
            }
        }
        // counts[year][area][variable]; NaN for a suppressed count
        Map<String, Double> counts = new HashMap<>();
        int[] years = {2017, 2019, 2020};
        for (Area a : areas) {
            if (!a.level().equals("Ortsteil")) {
                continue;
            }
            for (int y : years) {
                double pop = rnd.nextInt(40) == 0 ? 150 + rnd.nextInt(100) : 300 + rnd.nextInt(6000);
                for (String v : VARIABLES) {
                    double value = v.equals("pop_total") ? pop : Math.floor(pop * (0.02 + 0.3 * rnd.nextDouble()));
                    if (rnd.nextInt(150) == 0) {
                        value = Double.NaN;
                    }
                    counts.put(y + "|" + a.code() + "|" + v + "|", value);
                }
                // a target group: women among the unemployed and the population 15-64
                counts.put(y + "|" + a.code() + "|unemployed|sex=f", Math.floor(pop * 0.01 * rnd.nextDouble()));
                counts.put(y + "|" + a.code() + "|pop_15_64|sex=f", Math.floor(pop * 0.3));
            }
        }
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("Landkreis", "Gemeinde", "Ortsteil")).areas(areas);
        counts.forEach((k, v) -> {
            String[] p = k.split("\\|");
            b.value(p[1], Integer.parseInt(p[0]), p[2], p.length > 3 ? p[3] : "", v);
        });
        MonitoringResult r = Monitoring.compute(b.build(), catalog, cfg, 2020);

        // --- naive ---
        Map<String, List<String>> children = new HashMap<>();
        for (Area a : areas) {
            if (a.parentCode() != null) {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a.code());
            }
        }
        int checkedValues = 0;
        for (int y : new int[] {2020, 2017, 2019}) {
            for (Indicator ind : catalog.indicators()) {
                IndicatorValues opt = r.values(ind.id(), y);
                for (Area a : areas) {
                    double expected = naiveValue(ind, a.code(), y, counts, children);
                    double actual = opt.value()[r.areas().indexOf(a.code())];
                    if (Double.isNaN(expected)) {
                        assertThat(actual).as(ind.id() + " " + a.code() + " " + y).isNaN();
                    } else {
                        assertThat(actual).as(ind.id() + " " + a.code() + " " + y).isCloseTo(expected, within(1e-9));
                        checkedValues++;
                    }
                }
            }
        }
        assertThat(checkedValues).isGreaterThan(1000);

        List<String> locs = areas.stream().filter(a -> a.level().equals("Ortsteil")).map(Area::code).toList();
        List<String> ids = new ArrayList<>(cfg.statusIndicators().keySet());
        List<String> statusIn = new ArrayList<>();
        List<String> dynIn = new ArrayList<>();
        for (String a : locs) {
            if (takesPart(a, 2020, ids, catalog, counts, children, cfg)) {
                statusIn.add(a);
                if (takesPart(a, 2017, ids, catalog, counts, children, cfg)) {
                    dynIn.add(a);
                }
            }
        }
        assertThat(statusIn.size()).isGreaterThan(30).isLessThan(locs.size());
        Map<String, Double> si = naiveIndex(statusIn, ids, catalog, counts, children, false);
        Map<String, Double> di = naiveIndex(dynIn, ids, catalog, counts, children, true);
        for (String a : locs) {
            int i = r.areas().indexOf(a);
            if (si.containsKey(a)) {
                assertThat(r.statusIndex(i)).as(a).isCloseTo(si.get(a), within(1e-9));
                assertThat(r.statusClass()[i]).isEqualTo(Classification.statusClass(si.get(a), cfg.statusThresholds()));
            } else {
                assertThat(r.statusIndex(i)).as(a).isNaN();
            }
            if (di.containsKey(a)) {
                assertThat(r.dynamicsIndex(i)).as(a).isCloseTo(di.get(a), within(1e-9));
            } else {
                assertThat(r.dynamicsIndex(i)).as(a).isNaN();
            }
        }
    }

    private static boolean takesPart(String a, int y, List<String> ids, IndicatorCatalog c, Map<String, Double> counts,
                                     Map<String, List<String>> children, MethodConfig cfg) {
        double pop = naiveCount("pop_total|", a, y, counts, children);
        if (Double.isNaN(pop) || pop < cfg.minPopulation()) {
            return false;
        }
        for (String id : ids) {
            if (Double.isNaN(naiveValue(c.indicator(id).orElseThrow(), a, y, counts, children))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Double> naiveIndex(List<String> in, List<String> ids, IndicatorCatalog c,
                                                  Map<String, Double> counts, Map<String, List<String>> children, boolean change) {
        Map<String, Double> raw = new HashMap<>();
        int used = 0;
        for (String id : ids) {
            Indicator ind = c.indicator(id).orElseThrow();
            double[] x = new double[in.size()];
            for (int k = 0; k < in.size(); k++) {
                double v = naiveValue(ind, in.get(k), 2020, counts, children);
                if (change) {
                    v -= naiveValue(ind, in.get(k), 2017, counts, children);
                }
                x[k] = v;
            }
            double[] z = zScores(x);
            if (z == null) {
                continue;
            }
            used++;
            for (int k = 0; k < in.size(); k++) {
                raw.merge(in.get(k), z[k], Double::sum);
            }
        }
        double[] s = new double[in.size()];
        for (int k = 0; k < in.size(); k++) {
            s[k] = raw.get(in.get(k)) / used;
        }
        double[] z = zScores(s);
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < in.size(); k++) {
            out.put(in.get(k), z[k]);
        }
        return out;
    }

    private static double[] zScores(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length); // population SD, divisor n (METHOD.md section 3)
        if (!(sd > 0)) {
            return null;
        }
        double[] z = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            z[k] = (x[k] - mean) / sd;
        }
        return z;
    }

    private static double naiveValue(Indicator ind, String area, int y, Map<String, Double> counts, Map<String, List<String>> children) {
        String g = ind.targetGroup().key();
        double num = expr(ind.numerator(), g, area, y, counts, children);
        double den = expr(ind.denominator(), g, area, y, counts, children);
        if (Double.isNaN(num) || Double.isNaN(den) || den == 0) {
            return Double.NaN;
        }
        return ind.scale() * num / den;
    }

    private static double expr(LinearExpression e, String g, String area, int y, Map<String, Double> counts, Map<String, List<String>> children) {
        double s = 0;
        for (LinearExpression.Term t : e.terms()) {
            s += t.sign() * naiveCount(t.variable() + "|" + g, area, y, counts, children);
        }
        return s;
    }

    private static double naiveCount(String variable, String area, int y, Map<String, Double> counts, Map<String, List<String>> children) {
        Double own = counts.get(y + "|" + area + "|" + variable);
        if (own != null && !own.isNaN()) {
            return own;
        }
        List<String> kids = children.get(area);
        if (kids == null) {
            return Double.NaN;
        }
        double s = 0;
        for (String k : kids) {
            s += naiveCount(variable, k, y, counts, children);
        }
        return s;
    }
}
