package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** How the class certainty behaves as counts grow and on a class bound. */
class CertaintyProperties {
    static final int YEAR = AnalysisCounty.LAST_YEAR;

    @Property(tries = 8)
    void certaintyTendsToOneAsAllCountsGrow(@ForAll long seed) {
        AnalysisCounty county = AnalysisCounty.generate(20, 3, seed);
        IndicatorCatalog catalog = county.catalog();
        MethodConfig cfg = county.config(3);
        double previous = 0;
        Certainty.Report last = null;
        for (double factor : new double[] {1, 100, 10_000, 1_000_000}) {
            last = Certainty.estimate(county.input(factor), catalog, cfg, YEAR,
                    new Certainty.Options(CountModel.POISSON, 1000, seed, 2));
            double mean = last.areas().stream().mapToDouble(Certainty.AreaCertainty::statusCertainty).average().orElse(1);
            assertThat(mean).as("mean status certainty at factor " + factor).isGreaterThanOrEqualTo(previous - 0.02);
            previous = mean;
        }
        MonitoringResult baseline = Monitoring.compute(county.input(1_000_000), catalog, cfg, YEAR);
        for (Certainty.AreaCertainty a : last.areas()) {
            int i = baseline.areas().indexOf(a.code());
            if (farFromBounds(baseline.statusIndex(i), -1, 1, 1.5)) {
                assertThat(a.statusCertainty()).as(a.code()).isEqualTo(1.0);
            }
            if (a.dynamics() != null && farFromBounds(baseline.dynamicsIndex(i), -1, 1)) {
                assertThat(a.dynamicsCertainty()).as(a.code()).isEqualTo(1.0);
            }
        }
    }

    @Property(tries = 8)
    void anAreaExactlyOnABoundFallsOnEachSideInTheShareOfDrawsThere(@ForAll long seed) {
        AnalysisCounty county = AnalysisCounty.generate(25, 3, seed);
        IndicatorCatalog catalog = county.catalog();
        MonitoringInput in = county.input(10_000);
        MethodConfig cfg = county.config(3);
        MonitoringResult baseline = Monitoring.compute(in, catalog, cfg, YEAR);
        int area = baseline.analysisAreas()[0];
        for (int a : baseline.analysisAreas()) {
            if (!Double.isNaN(baseline.statusIndex(a))) {
                area = a;
                break;
            }
        }
        // the bound between mittel and niedrig exactly at this area's index (as the classification rounds it)
        double si = Math.round(baseline.statusIndex(area) * 1e9) / 1e9;
        MethodConfig onBound = MethodVariants.withThresholds(cfg, new MethodConfig.StatusThresholds(si - 50, si, si + 50),
                cfg.dynamicsThresholds());
        Certainty.Report report = Certainty.estimate(in, catalog, onBound, YEAR,
                new Certainty.Options(CountModel.POISSON, 2000, seed, 2));
        Certainty.AreaCertainty c = report.area(baseline.areas().code(area));
        assertThat(c.status()).isEqualTo(StatusClass.MITTEL);
        double below = c.statusProbability()[StatusClass.MITTEL.ordinal()];
        double above = c.statusProbability()[StatusClass.NIEDRIG.ordinal()];
        assertThat(below + above).isCloseTo(1.0, within(1e-12));
        assertThat(below).as("share of draws on the area's side of the bound").isBetween(0.42, 0.58);
        assertThat(c.statusBorderline()).isTrue();
    }

    @Property(tries = 5)
    void theResultIsTheSameForAnyNumberOfThreads(@ForAll long seed) {
        AnalysisCounty county = AnalysisCounty.generate(15, 3, seed);
        MonitoringInput in = county.input(1);
        Certainty.Report one = Certainty.estimate(in, county.catalog(), county.config(3), YEAR,
                new Certainty.Options(CountModel.BINOMIAL, 101, seed, 1));
        Certainty.Report three = Certainty.estimate(in, county.catalog(), county.config(3), YEAR,
                new Certainty.Options(CountModel.BINOMIAL, 101, seed, 3));
        for (int i = 0; i < one.areas().size(); i++) {
            assertThat(three.areas().get(i).statusProbability()).containsExactly(one.areas().get(i).statusProbability());
            assertThat(three.areas().get(i).dynamicsProbability()).containsExactly(one.areas().get(i).dynamicsProbability());
            assertThat(three.areas().get(i).attentionProbability()).isEqualTo(one.areas().get(i).attentionProbability());
        }
    }

    private static boolean farFromBounds(double index, double... bounds) {
        for (double b : bounds) {
            if (Math.abs(index - b) < 0.05) {
                return false;
            }
        }
        return true;
    }

    /**
     * A release stores the method parameters with sorted keys: the draws must not depend on the order in
     * which the configuration lists the indicators, or the public release and the staff's view of the
     * same results would show different certainties (regression: view.CertaintiesTest).
     */
    @Property(tries = 6)
    void theCertaintyDoesNotDependOnTheOrderOfTheIndicatorsInTheConfiguration(@ForAll long seed) {
        AnalysisCounty county = AnalysisCounty.generate(20, 3, seed);
        MethodConfig cfg = county.config(3);
        java.util.List<String> ids = new java.util.ArrayList<>(cfg.statusIndicators().keySet());
        java.util.Collections.reverse(ids);
        java.util.Map<String, Double> reversed = new java.util.LinkedHashMap<>();
        ids.forEach(id -> reversed.put(id, cfg.statusIndicators().get(id)));
        MethodConfig other = new MethodConfig(cfg.analysisLevel(), cfg.populationVariable(), cfg.minPopulation(), reversed, reversed,
                cfg.dynamicsYears(), cfg.statusThresholds(), cfg.dynamicsThresholds(), cfg.attentionRule(),
                cfg.earlyWarningThresholds(), cfg.standardisation(), cfg.exclude());
        Certainty.Options options = new Certainty.Options(CountModel.POISSON, 200, seed, 1);
        MonitoringInput in = county.input(1);
        Certainty.Report a = Certainty.estimate(in, county.catalog(), cfg, YEAR, options);
        Certainty.Report b = Certainty.estimate(in, county.catalog(), other, YEAR, options);
        assertThat(b.areas()).hasSameSizeAs(a.areas());
        for (Certainty.AreaCertainty x : a.areas()) {
            Certainty.AreaCertainty y = b.area(x.code());
            assertThat(y.status()).as(x.code()).isEqualTo(x.status());
            // the index sums in another order: allow for a rounding difference flipping one draw
            assertThat(y.statusCertainty()).as(x.code()).isCloseTo(x.statusCertainty(), within(0.011));
            assertThat(y.attentionProbability()).as(x.code()).isCloseTo(x.attentionProbability(), within(0.011));
        }
    }
}
