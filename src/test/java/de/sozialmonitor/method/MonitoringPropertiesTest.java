package de.sozialmonitor.method;

import static de.sozialmonitor.method.Fixtures.catalog;
import static de.sozialmonitor.method.Fixtures.config;
import static de.sozialmonitor.method.Fixtures.indicator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the method over random counties. */
class MonitoringPropertiesTest {
    static final IndicatorCatalog WORSE = catalog(indicator("a", "xa", "base"), indicator("b", "xb", "base"),
            indicator("c", "xc", "base2"));
    static final IndicatorCatalog BETTER = catalog(
            indicator("a", "xa", "base", Polarity.HIGHER_IS_BETTER, "", 100),
            indicator("b", "xb", "base", Polarity.HIGHER_IS_BETTER, "", 100),
            indicator("c", "xc", "base2", Polarity.HIGHER_IS_BETTER, "", 100));

    /** One area's counts in 2017 and 2020. */
    record Row(String code, double[] c2017, double[] c2020) {
    }

    static List<Row> county(int n, long seed) {
        Random rnd = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[][] y = new double[2][];
            for (int k = 0; k < 2; k++) {
                double pop = rnd.nextInt(8) == 0 ? 100 + rnd.nextInt(150) : 300 + rnd.nextInt(5000);
                double base = Math.floor(pop * 0.6);
                double base2 = Math.floor(pop * 0.2) + 1;
                y[k] = new double[] {pop, base, base2, Math.floor(base * 0.3 * rnd.nextDouble()),
                        Math.floor(base * 0.2 * rnd.nextDouble()), Math.floor(base2 * rnd.nextDouble())};
            }
            rows.add(new Row("A" + i, y[0], y[1]));
        }
        return rows;
    }

    static MonitoringInput input(List<Row> rows, double factor) {
        String[] vars = {"pop_total", "base", "base2", "xa", "xb", "xc"};
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "ortsteil"));
        b.area(new Area("K", "K", "kreis", null));
        for (Row r : rows) {
            b.area(new Area(r.code(), r.code(), "ortsteil", "K"));
            for (int v = 0; v < vars.length; v++) {
                // the population is not scaled: it decides participation, not a rate
                double f = v == 0 ? 1 : factor;
                b.value(r.code(), 2017, vars[v], "", r.c2017()[v] * f);
                b.value(r.code(), 2020, vars[v], "", r.c2020()[v] * f);
            }
        }
        return b.build();
    }

    static MonitoringResult compute(List<Row> rows, double factor, IndicatorCatalog c) {
        return Monitoring.compute(input(rows, factor), c, config("a", "b", "c"), 2020);
    }

    @Property(tries = 60)
    void permutingTheAreasChangesNothing(@ForAll @IntRange(min = 3, max = 40) int n, @ForAll long seed) {
        List<Row> rows = county(n, seed);
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed + 1));
        MonitoringResult r1 = compute(rows, 1, WORSE);
        MonitoringResult r2 = compute(shuffled, 1, WORSE);
        for (Row row : rows) {
            int i = r1.areas().indexOf(row.code());
            int j = r2.areas().indexOf(row.code());
            assertClose(r1.statusIndex(i), r2.statusIndex(j));
            assertClose(r1.dynamicsIndex(i), r2.dynamicsIndex(j));
            assertThat(r2.statusClass()[j]).isEqualTo(r1.statusClass()[i]);
            assertThat(r2.dynamicsClass()[j]).isEqualTo(r1.dynamicsClass()[i]);
            assertThat(r2.excluded()[j]).isEqualTo(r1.excluded()[i]);
        }
    }

    @Property(tries = 60)
    void scalingAllCountsChangesNoRate(@ForAll @IntRange(min = 3, max = 30) int n, @ForAll long seed,
                                       @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
        List<Row> rows = county(n, seed);
        MonitoringResult r1 = compute(rows, 1, WORSE);
        MonitoringResult r2 = compute(rows, factor, WORSE);
        for (String id : List.of("a", "b", "c")) {
            double[] v1 = r1.current(id).value();
            double[] v2 = r2.current(id).value();
            for (int i = 0; i < v1.length; i++) {
                if (Double.isNaN(v1[i])) {
                    assertThat(v2[i]).isNaN();
                } else {
                    assertThat(v2[i]).isCloseTo(v1[i], within(1e-9 * Math.max(1, Math.abs(v1[i]))));
                }
            }
        }
        for (int i = 0; i < r1.areas().size(); i++) {
            assertClose(r1.statusIndex(i), r2.statusIndex(i));
        }
    }

    @Property(tries = 60)
    void theStatusIndexHasMeanZeroAndPopulationSdOne(@ForAll @IntRange(min = 3, max = 60) int n, @ForAll long seed) {
        MonitoringResult r = compute(county(n, seed), 1, WORSE);
        List<Double> si = new ArrayList<>();
        for (int a : r.analysisAreas()) {
            if (!Double.isNaN(r.statusIndex(a))) {
                si.add(r.statusIndex(a));
            }
        }
        if (si.size() < 3) {
            return; // too few participants for an index: covered by the example tests
        }
        double mean = si.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = si.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        assertThat(si).hasSize(r.status().participants());
        assertThat(mean).isCloseTo(0, within(1e-9));
        assertThat(Math.sqrt(ss / si.size())).isCloseTo(1, within(1e-9));
    }

    @Property(tries = 60)
    void flippingThePolarityMirrorsTheClasses(@ForAll @IntRange(min = 3, max = 40) int n, @ForAll long seed) {
        List<Row> rows = county(n, seed);
        MonitoringResult worse = compute(rows, 1, WORSE);
        MonitoringResult better = compute(rows, 1, BETTER);
        for (int a : worse.analysisAreas()) {
            double s = worse.statusIndex(a);
            if (Double.isNaN(s)) {
                assertThat(better.statusIndex(a)).isNaN();
                continue;
            }
            assertThat(better.statusIndex(a)).isCloseTo(-s, within(1e-9));
            StatusClass w = worse.statusClass()[a];
            StatusClass b = better.statusClass()[a];
            assertThat(w == StatusClass.HOCH).isEqualTo(b == StatusClass.NIEDRIG || b == StatusClass.SEHR_NIEDRIG);
            assertThat(b == StatusClass.HOCH).isEqualTo(w == StatusClass.NIEDRIG || w == StatusClass.SEHR_NIEDRIG);
            assertThat(w == StatusClass.MITTEL).isEqualTo(b == StatusClass.MITTEL);
            DynamicsClass dw = worse.dynamicsClass()[a];
            DynamicsClass db = better.dynamicsClass()[a];
            if (dw != null) {
                assertThat(db).isEqualTo(dw == DynamicsClass.POSITIV ? DynamicsClass.NEGATIV
                        : dw == DynamicsClass.NEGATIV ? DynamicsClass.POSITIV : DynamicsClass.STABIL);
            }
        }
    }

    private static void assertClose(double x, double y) {
        if (Double.isNaN(x)) {
            assertThat(y).isNaN();
        } else {
            assertThat(y).isCloseTo(x, within(1e-9));
        }
    }
}
