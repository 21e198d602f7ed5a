package de.sozialmonitor.method;

import static de.sozialmonitor.method.Fixtures.addYear;
import static de.sozialmonitor.method.Fixtures.catalog;
import static de.sozialmonitor.method.Fixtures.config;
import static de.sozialmonitor.method.Fixtures.indicator;
import static de.sozialmonitor.method.Fixtures.localities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed examples for every rule of METHOD.md. */
class MonitoringTest {
    static final IndicatorCatalog AB = catalog(indicator("a", "x1", "base"), indicator("b", "x2", "base"));
    static final double E = 1e-12;

    private static double si(MonitoringResult r, String code) {
        return r.statusIndex(r.areas().indexOf(code));
    }

    private static StatusClass sc(MonitoringResult r, String code) {
        return r.statusClass()[r.areas().indexOf(code)];
    }

    private static List<String> english(MonitoringResult r) {
        return MethodNotes.texts(r.notes(), java.util.Locale.ENGLISH);
    }

    private static String excluded(MonitoringResult r, String code) {
        return r.excluded()[r.areas().indexOf(code)];
    }

    @Test
    void aggregatesAreRatiosOfSumsNotMeansOfRates() {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde", "ortsteil"));
        b.area(new Area("K", "Kreis", "kreis", null));
        b.area(new Area("M1", "G1", "gemeinde", "K"));
        b.area(new Area("M2", "G2", "gemeinde", "K"));
        b.area(new Area("L1", "O1", "ortsteil", "M1"));
        b.area(new Area("L2", "O2", "ortsteil", "M1"));
        b.area(new Area("L3", "O3", "ortsteil", "M2"));
        // L1 10 %, L2 30 %: the mean of rates would be 20 %, the ratio of sums is 100 / 400 = 25 %
        b.value("L1", 2020, "x1", "", 10).value("L1", 2020, "base", "", 100);
        b.value("L2", 2020, "x1", "", 90).value("L2", 2020, "base", "", 300);
        b.value("L3", 2020, "x1", "", 50).value("L3", 2020, "base", "", 100);
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        double[] a = r.current("a").value();
        assertThat(a[r.areas().indexOf("M1")]).isCloseTo(25.0, within(E));
        assertThat(a[r.areas().indexOf("M2")]).isCloseTo(50.0, within(E));
        // county: 150 / 500
        assertThat(a[r.areas().indexOf("K")]).isCloseTo(30.0, within(E));
        assertThat(r.current("a").denominator()[r.areas().indexOf("K")]).isEqualTo(500);
        assertThat(r.analysisLevel()).isEqualTo("ortsteil");
    }

    @Test
    void aDeliveredAggregateCountIsUsedAndAMissingChildCountMakesTheSumMissing() {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde", "ortsteil"));
        b.area(new Area("K", "Kreis", "kreis", null));
        b.area(new Area("M1", "G1", "gemeinde", "K"));
        b.area(new Area("M2", "G2", "gemeinde", "K"));
        b.area(new Area("L1", "O1", "ortsteil", "M1"));
        b.area(new Area("L2", "O2", "ortsteil", "M2"));
        b.value("L1", 2020, "x1", "", 10).value("L1", 2020, "base", "", 100);
        b.value("L2", 2020, "x1", "", Double.NaN).value("L2", 2020, "base", "", 100); // suppressed at source
        b.value("M2", 2020, "x1", "", 4); // the municipality's own (unsuppressed) total
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        double[] a = r.current("a").value();
        assertThat(a[r.areas().indexOf("L2")]).isNaN();
        assertThat(a[r.areas().indexOf("M2")]).isCloseTo(4.0, within(E));
        assertThat(a[r.areas().indexOf("K")]).isCloseTo(7.0, within(E));

        b.value("M2", 2020, "x1", "", Double.NaN);
        MonitoringResult r2 = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(r2.current("a").value()[r2.areas().indexOf("M2")]).isNaN();
        assertThat(r2.current("a").value()[r2.areas().indexOf("K")]).isNaN();
    }

    @Test
    void aZeroDenominatorMakesTheValueMissingNeverZero() {
        MonitoringInput.Builder b = localities(2020, new double[] {0, 5, 10});
        b.value("L1", 2020, "base", "", 0);
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(r.current("a").value()[r.areas().indexOf("L1")]).isNaN();
        assertThat(excluded(r, "L1")).isEqualTo("missing:a");
    }

    @Test
    void differencesOfVariablesFormTheDenominator() {
        IndicatorCatalog c = catalog(indicator("sgb2", "sgb2_u65", "pop_total - pop_65plus"));
        MonitoringInput.Builder b = MonitoringInput.builder();
        b.area(new Area("L1", "O1", "ortsteil", null));
        b.value("L1", 2020, "sgb2_u65", "", 30).value("L1", 2020, "pop_total", "", 400).value("L1", 2020, "pop_65plus", "", 100);
        MonitoringResult r = Monitoring.compute(b.build(), c, config("sgb2"), 2020);
        assertThat(r.current("sgb2").value()[0]).isCloseTo(10.0, within(E));
    }

    @Test
    void aTargetGroupIndicatorUsesOnlyThatGroupsCountsAndBreakdownsListTheOthers() {
        IndicatorCatalog c = catalog(indicator("a", "x1", "base"),
                indicator("a_f", "x1", "base", Polarity.HIGHER_IS_WORSE, "sex=f", 100));
        MonitoringInput.Builder b = localities(2020, new double[] {10, 20, 30});
        b.value("L1", 2020, "x1", "sex=f", 3).value("L1", 2020, "base", "sex=f", 60);
        b.value("L1", 2020, "x1", "sex=m", 7).value("L1", 2020, "base", "sex=m", 40);
        MonitoringResult r = Monitoring.compute(b.build(), c, config("a"), 2020);
        int l1 = r.areas().indexOf("L1");
        assertThat(r.current("a_f").value()[l1]).isCloseTo(5.0, within(E));
        assertThat(r.current("a_f").value()[r.areas().indexOf("L2")]).isNaN();
        assertThat(r.breakdowns("a")).extracting(IndicatorValues::targetGroup).containsExactly("sex=f", "sex=m");
        assertThat(r.breakdowns("a").get(1).value()[l1]).isCloseTo(17.5, within(E));
        // the breakdown of a_f contains no other group, since only sex=f matches its filter
        assertThat(r.breakdowns("a_f")).isEmpty();
    }

    @Test
    void twoStepStandardisationWithPopulationSdMatchesTheHandComputation() {
        // the default, divisor n. a: 1, 2, 3 -> mean 2, sd sqrt(2/3) -> z -1.22474, 0, 1.22474;
        // b: 2, 2, 8 -> mean 4, sd sqrt(24/3) = sqrt 8 -> z -0.70711, -0.70711, 1.41421
        // raw = (-0.96593, -0.35355, 1.31948); standardised again: -1, -0.36603, 1.36603
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2, 3}, new double[] {2, 2, 8});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a", "b"), 2020);
        assertThat(r.config().standardisation()).isEqualTo("population");
        assertThat(si(r, "L1")).isCloseTo(-1.0, within(1e-12));
        assertThat(si(r, "L2")).isCloseTo(-0.36602540378443865, within(1e-12));
        assertThat(si(r, "L3")).isCloseTo(1.3660254037844386, within(1e-12));
        assertThat(r.status().z().get("b")[r.areas().indexOf("L3")]).isCloseTo(1.414213562373095, within(1e-12));
        assertThat(r.status().stat("b").sd()).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(r.status().raw()[r.areas().indexOf("L1")]).isCloseTo(-0.9659258262890682, within(1e-12));
        assertThat(sc(r, "L3")).isEqualTo(StatusClass.NIEDRIG);
        assertThat(sc(r, "L1")).isEqualTo(StatusClass.MITTEL);
    }

    @Test
    void twoStepStandardisationWithSampleSdMatchesTheHandComputation() {
        // standardisation: sample, divisor n - 1. a: 1, 2, 3 -> z -1, 0, 1;
        // b: 2, 2, 8 -> mean 4, sd sqrt(12) -> z -0.57735, -0.57735, 1.15470
        // raw = (-0.78868, -0.28868, 1.07735); standardised again: -0.81650, -0.29886, 1.11536
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2, 3}, new double[] {2, 2, 8});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a", "b").withStandardisation("sample"), 2020);
        assertThat(si(r, "L1")).isCloseTo(-0.816496580927726, within(1e-12));
        assertThat(si(r, "L2")).isCloseTo(-0.29885849072268456, within(1e-12));
        assertThat(si(r, "L3")).isCloseTo(1.1153550716504104, within(1e-12));
        assertThat(r.status().z().get("b")[r.areas().indexOf("L3")]).isCloseTo(1.1547005383792517, within(1e-12));
        assertThat(r.status().stat("b").sd()).isCloseTo(Math.sqrt(12), within(1e-12));
        assertThat(r.status().stat("b").mean()).isCloseTo(4, within(1e-12));
        assertThat(r.status().raw()[r.areas().indexOf("L1")]).isCloseTo(-0.7886751345948129, within(1e-12));
        assertThat(sc(r, "L3")).isEqualTo(StatusClass.NIEDRIG);
        assertThat(sc(r, "L1")).isEqualTo(StatusClass.MITTEL);
        // the aggregates get values but no index
        assertThat(r.statusIndex(r.areas().indexOf("M"))).isNaN();
    }

    @Test
    void weightsEnterTheRawIndex() {
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2, 3}, new double[] {2, 2, 8});
        MethodConfig cfg = Fixtures.withWeights(config("a", "b"), Map.of("a", 1.0, "b", 3.0));
        MonitoringResult r = Monitoring.compute(b.build(), AB, cfg, 2020);
        // raw = (z_a + 3 z_b) / 4 with the z-scores of the example above
        assertThat(si(r, "L1")).isCloseTo(-0.8583562635740488, within(1e-12));
        assertThat(si(r, "L3")).isCloseTo(1.4025323291825043, within(1e-12));
    }

    @Test
    void indicesExactlyOnAClassBoundBelongToTheMiddleClass() {
        // 10, 10, 30, 30: mean 20, population SD 10, so z = SI = -1, -1, 1, 1 exactly
        MonitoringInput.Builder b = localities(2020, new double[] {10, 10, 30, 30});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(si(r, "L1")).isEqualTo(-1.0);
        assertThat(si(r, "L4")).isEqualTo(1.0);
        assertThat(sc(r, "L1")).isEqualTo(StatusClass.MITTEL);
        assertThat(sc(r, "L4")).isEqualTo(StatusClass.MITTEL);
        assertThat(r.attention()[r.areas().indexOf("L4")]).isFalse();
    }

    @Test
    void classBoundsAreInclusiveAndExclusiveAsStated() {
        var st = MethodConfig.StatusThresholds.DEFAULT;
        assertThat(Classification.statusClass(-1.0000001, st)).isEqualTo(StatusClass.HOCH);
        assertThat(Classification.statusClass(-1.0, st)).isEqualTo(StatusClass.MITTEL);
        assertThat(Classification.statusClass(1.0, st)).isEqualTo(StatusClass.MITTEL);
        assertThat(Classification.statusClass(1.0000001, st)).isEqualTo(StatusClass.NIEDRIG);
        assertThat(Classification.statusClass(1.5, st)).isEqualTo(StatusClass.NIEDRIG);
        assertThat(Classification.statusClass(1.5000001, st)).isEqualTo(StatusClass.SEHR_NIEDRIG);
        // floating-point noise on a bound does not decide
        assertThat(Classification.statusClass(1.0000000000000002, st)).isEqualTo(StatusClass.MITTEL);
        var dt = MethodConfig.DynamicsThresholds.DEFAULT;
        assertThat(Classification.dynamicsClass(-1.0000001, dt)).isEqualTo(DynamicsClass.POSITIV);
        assertThat(Classification.dynamicsClass(-1.0, dt)).isEqualTo(DynamicsClass.STABIL);
        assertThat(Classification.dynamicsClass(1.0, dt)).isEqualTo(DynamicsClass.STABIL);
        assertThat(Classification.dynamicsClass(1.0000001, dt)).isEqualTo(DynamicsClass.NEGATIV);
        assertThat(Classification.statusClass(Double.NaN, st)).isNull();
    }

    @Test
    void anIndicatorWithSdZeroIsLeftOutAndRecorded() {
        // b is 5 % everywhere: left out; the index is a's alone
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2, 3}, new double[] {5, 5, 5});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a", "b"), 2020);
        assertThat(r.status().stat("b").leftOut()).isTrue();
        assertThat(r.status().stat("b").sd()).isZero();
        assertThat(r.status().stat("a").leftOut()).isFalse();
        assertThat(si(r, "L1")).isCloseTo(-Math.sqrt(1.5), within(E));
        assertThat(si(r, "L3")).isCloseTo(Math.sqrt(1.5), within(E));
        assertThat(english(r)).anyMatch(n -> n.contains("indicator b left out") && n.contains("SD = 0"));
        assertThat(r.status().z().get("b")[r.areas().indexOf("L1")]).isNaN();
    }

    @Test
    void equalValuesWithRoundingNoiseStillCountAsSdZero() {
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a", "b"), 2020);
        assertThat(r.status().stat("b").leftOut()).isTrue();
    }

    @Test
    void withFewerThanTwoAreasThereIsNoIndex() {
        MonitoringInput.Builder b = localities(2020, new double[] {1, 2});
        b.value("L2", 2020, "pop_total", "", 100);
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(excluded(r, "L1")).isEqualTo("too_few_areas");
        assertThat(sc(r, "L1")).isNull();
        assertThat(excluded(r, "L2")).isEqualTo("population_below_minimum");
        assertThat(english(r)).anyMatch(n -> n.contains("fewer than two areas"));
    }

    @Test
    void smallAndIncompleteAreasAreExcludedWithAReasonAndKeepTheirValues() {
        MonitoringInput.Builder b = localities(2020, new double[] {10, 10, 30, 30, 99, 40});
        b.value("L5", 2020, "pop_total", "", 299); // below min_population 300
        b.value("L6", 2020, "base", "", Double.NaN); // no value of a
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(excluded(r, "L5")).isEqualTo("population_below_minimum");
        assertThat(excluded(r, "L6")).isEqualTo("missing:a");
        assertThat(r.current("a").value()[r.areas().indexOf("L5")]).isCloseTo(99, within(E));
        assertThat(si(r, "L5")).isNaN();
        assertThat(r.attention()[r.areas().indexOf("L5")]).isFalse();
        // exclusion never shifts another area's index except through the mean and SD: same as without them
        assertThat(si(r, "L1")).isEqualTo(-1.0);
        assertThat(si(r, "L4")).isEqualTo(1.0);
        assertThat(r.status().participants()).isEqualTo(4);
        // a population of exactly min_population takes part
        b.value("L5", 2020, "pop_total", "", 300);
        MonitoringResult again = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(si(again, "L5")).isNotNaN();
        assertThat(excluded(again, "L5")).isEqualTo("no_base_year");
    }

    @Test
    void dynamicsStandardiseTheChangeSinceTheBaseYear() {
        // 2017 -> 2020 (k = 3): changes a: -2, 0, 0, 0, 2 (pp) -> mean 0, sd sqrt(8/5) = sqrt 1.6;
        // z = -1.58114, 0, 0, 0, 1.58114 -> DI the same (one indicator) -> positiv, stabil x3, negativ
        MonitoringInput.Builder b = localities(2020, new double[] {8, 10, 10, 10, 12});
        addYear(b, 2017, new double[] {10, 10, 10, 10, 10});
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(r.baseYear()).isEqualTo(2017);
        int l1 = r.areas().indexOf("L1");
        int l5 = r.areas().indexOf("L5");
        assertThat(r.dynamicsIndex(l1)).isCloseTo(-2 / Math.sqrt(1.6), within(1e-12));
        assertThat(r.dynamicsIndex(l5)).isCloseTo(2 / Math.sqrt(1.6), within(1e-12));
        assertThat(r.dynamicsClass()[l1]).isEqualTo(DynamicsClass.POSITIV);
        assertThat(r.dynamicsClass()[r.areas().indexOf("L3")]).isEqualTo(DynamicsClass.STABIL);
        assertThat(r.dynamicsClass()[l5]).isEqualTo(DynamicsClass.NEGATIV);
        assertThat(r.dynamics().input().get("a")[l1]).isCloseTo(-2, within(E));
        // default attention rule: dynamics negativ suffices
        assertThat(r.attention()[l5]).isTrue();
        assertThat(r.excluded()[l5]).isNull();
        assertThat(r.change("a", l5, 3)).isCloseTo(2, within(E));
    }

    @Test
    void anAreaExcludedInTheBaseYearHasStatusButNoDynamics() {
        MonitoringInput.Builder b = localities(2020, new double[] {8, 10, 10, 10, 12});
        addYear(b, 2017, new double[] {10, 10, 10, 10, 10});
        b.value("L2", 2017, "pop_total", "", 250); // too small at t - k
        b.value("L3", 2017, "x1", "", Double.NaN); // no value at t - k
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        assertThat(excluded(r, "L2")).isEqualTo("no_base_year");
        assertThat(excluded(r, "L3")).isEqualTo("no_base_year");
        assertThat(si(r, "L2")).isNotNaN();
        assertThat(r.dynamicsIndex(r.areas().indexOf("L2"))).isNaN();
        assertThat(r.dynamics().participants()).isEqualTo(3);
        assertThat(r.status().participants()).isEqualTo(5);
    }

    @Test
    void withoutBaseYearDataNoAreaHasDynamics() {
        MonitoringResult r = Monitoring.compute(localities(2020, new double[] {1, 2, 3}).build(), AB, config("a"), 2020);
        assertThat(excluded(r, "L1")).isEqualTo("no_base_year");
        assertThat(r.dynamics().participants()).isZero();
        assertThat(english(r)).anyMatch(n -> n.contains("base year 2017"));
    }

    @Test
    void polarityHigherIsBetterFlipsTheSign() {
        IndicatorCatalog c = catalog(indicator("good", "x1", "base", Polarity.HIGHER_IS_BETTER, "", 100));
        MonitoringResult r = Monitoring.compute(localities(2020, new double[] {10, 10, 30, 30}).build(), c,
                config("good"), 2020);
        assertThat(si(r, "L1")).isEqualTo(1.0);
        assertThat(si(r, "L4")).isEqualTo(-1.0);
        assertThat(r.status().input().get("good")[r.areas().indexOf("L1")]).isEqualTo(-10.0);
    }

    @Test
    void attentionRulesDefaultAndBerlin() {
        assertThat(Classification.attention("default", StatusClass.MITTEL, DynamicsClass.NEGATIV)).isTrue();
        assertThat(Classification.attention("default", StatusClass.NIEDRIG, DynamicsClass.POSITIV)).isTrue();
        assertThat(Classification.attention("default", StatusClass.HOCH, DynamicsClass.STABIL)).isFalse();
        assertThat(Classification.attention("default", StatusClass.SEHR_NIEDRIG, null)).isTrue();
        assertThat(Classification.attention("berlin", StatusClass.MITTEL, DynamicsClass.NEGATIV)).isFalse();
        assertThat(Classification.attention("berlin", StatusClass.NIEDRIG, DynamicsClass.POSITIV)).isFalse();
        assertThat(Classification.attention("berlin", StatusClass.NIEDRIG, DynamicsClass.STABIL)).isTrue();
        assertThat(Classification.attention("berlin", StatusClass.SEHR_NIEDRIG, DynamicsClass.NEGATIV)).isTrue();
    }

    @Test
    void countsOfAMergedAreaAreCarriedToItsSuccessorBeforeRatesAreFormed() {
        // Lahstedt (LA) merged into Ilsede (IL) on 1 Jan 2015; 2013 data on old boundaries
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "gemeinde"));
        b.area(new Area("K", "Kreis", "kreis", null));
        b.area(new Area("IL", "Ilsede", "gemeinde", "K"));
        b.area(new Area("LA", "Lahstedt", "gemeinde", "K", Area.BEGINNING, LocalDate.of(2015, 1, 1)));
        b.area(new Area("PE", "Peine", "gemeinde", "K"));
        b.boundaryChange(new BoundaryChange("LA", "IL", 1.0, LocalDate.of(2015, 1, 1)));
        b.value("IL", 2013, "x1", "", 30).value("IL", 2013, "base", "", 100);
        b.value("LA", 2013, "x1", "", 10).value("LA", 2013, "base", "", 100);
        b.value("PE", 2013, "x1", "", 5).value("PE", 2013, "base", "", 100);
        b.value("IL", 2016, "x1", "", 50).value("IL", 2016, "base", "", 200);
        b.value("PE", 2016, "x1", "", 5).value("PE", 2016, "base", "", 100);
        MonitoringInput in = b.build();
        MonitoringResult r = Monitoring.compute(in, AB, config("a"), 2016);
        assertThat(r.areas().indexOf("LA")).isEqualTo(-1);
        IndicatorValues then = r.values("a", 2013);
        // Ilsede 2013 on 2016 boundaries: (30 + 10) / (100 + 100)
        assertThat(then.value()[r.areas().indexOf("IL")]).isCloseTo(20.0, within(E));
        assertThat(then.value()[r.areas().indexOf("K")]).isCloseTo(15.0, within(E));
        assertThat(r.change("a", r.areas().indexOf("IL"), 3)).isCloseTo(5.0, within(E));
        // computed for 2013 itself, the old boundaries hold
        MonitoringResult old = Monitoring.compute(in, AB, config("a"), 2013);
        assertThat(old.current("a").value()[old.areas().indexOf("IL")]).isCloseTo(30.0, within(E));
        assertThat(old.current("a").value()[old.areas().indexOf("LA")]).isCloseTo(10.0, within(E));
    }

    @Test
    void aSplitCarriesCountsByWeightAndChainsFollowInDateOrder() {
        MonitoringInput.Builder b = MonitoringInput.builder();
        b.area(new Area("A", "A", "g", null, Area.BEGINNING, LocalDate.of(2015, 1, 1)));
        b.area(new Area("B", "B", "g", null, LocalDate.of(2015, 1, 1), LocalDate.of(2018, 1, 1)));
        b.area(new Area("C", "C", "g", null, LocalDate.of(2015, 1, 1), null));
        b.area(new Area("D", "D", "g", null, LocalDate.of(2018, 1, 1), null));
        b.boundaryChange(new BoundaryChange("A", "B", 0.4, LocalDate.of(2015, 1, 1)));
        b.boundaryChange(new BoundaryChange("A", "C", 0.6, LocalDate.of(2015, 1, 1)));
        b.boundaryChange(new BoundaryChange("B", "D", 1.0, LocalDate.of(2018, 1, 1)));
        b.value("A", 2014, "x1", "", 100).value("A", 2014, "base", "", 1000);
        b.value("C", 2020, "x1", "", 1).value("C", 2020, "base", "", 10);
        b.value("D", 2020, "x1", "", 1).value("D", 2020, "base", "", 10);
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a"), 2020);
        IndicatorValues v2014 = r.values("a", 2014);
        assertThat(v2014).isNull(); // 2014 is neither t-1, t-3, t-5 nor the base year of 2020
        MonitoringResult r2 = Monitoring.compute(b.build(), AB, Fixtures.withRule(config("a"), "default"), 2019);
        IndicatorValues base = r2.values("a", 2014);
        assertThat(r2.areas().indexOf("D")).isGreaterThanOrEqualTo(0);
        assertThat(base.value()[r2.areas().indexOf("D")]).isCloseTo(10.0, within(E));
        assertThat(base.value()[r2.areas().indexOf("C")]).isCloseTo(10.0, within(E));
    }

    @Test
    void unknownIndicatorsAndLevelsAreRejected() {
        MonitoringInput in = localities(2020, new double[] {1, 2, 3}).build();
        assertThatThrownBy(() -> Monitoring.compute(in, AB, config("nope"), 2020))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        MethodConfig c = config("a");
        MethodConfig lvl = new MethodConfig("bezirk", c.populationVariable(), c.minPopulation(), c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(), Map.of(),
                c.standardisation(), c.exclude());
        assertThatThrownBy(() -> Monitoring.compute(in, AB, lvl, 2020)).hasMessageContaining("bezirk");
    }

    @Test
    void theConfiguredAnalysisLevelIsUsed() {
        MethodConfig c = config("a");
        MethodConfig lvl = new MethodConfig("gemeinde", c.populationVariable(), 0, c.statusIndicators(),
                c.dynamicsIndicators(), c.dynamicsYears(), c.statusThresholds(), c.dynamicsThresholds(), c.attentionRule(), Map.of(),
                c.standardisation(), c.exclude());
        MonitoringResult r = Monitoring.compute(localities(2020, new double[] {1, 2, 3}).build(), AB, lvl, 2020);
        assertThat(r.analysisAreas()).containsExactly(r.areas().indexOf("M"));
        assertThat(excluded(r, "M")).isEqualTo("too_few_areas");
    }
}
