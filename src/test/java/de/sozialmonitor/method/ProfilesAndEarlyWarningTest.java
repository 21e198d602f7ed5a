package de.sozialmonitor.method;

import static de.sozialmonitor.method.Fixtures.addYear;
import static de.sozialmonitor.method.Fixtures.catalog;
import static de.sozialmonitor.method.Fixtures.config;
import static de.sozialmonitor.method.Fixtures.indicator;
import static de.sozialmonitor.method.Fixtures.localities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.model.IndicatorCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilesAndEarlyWarningTest {
    static final IndicatorCatalog AB = catalog(indicator("a", "x1", "base"), indicator("b", "x2", "base"));

    @Test
    void aProfileComparesWithTheAncestorsRanksAndShowsChangesAndBreakdowns() {
        MonitoringInput.Builder b = localities(2020, new double[] {10, 20, 20, 40}, new double[] {1, 2, 3, 4});
        addYear(b, 2019, new double[] {12, 20, 20, 40}, new double[] {1, 2, 3, 4});
        addYear(b, 2017, new double[] {5, 20, 20, 40}, new double[] {1, 2, 3, 4});
        b.value("L2", 2020, "x1", "sex=f", 6).value("L2", 2020, "base", "sex=f", 50);
        MonitoringResult r = Monitoring.compute(b.build(), AB, config("a", "b"), 2020);

        Profiles.AreaProfile p = Profiles.of(r, "L2");
        assertThat(p.level()).isEqualTo("ortsteil");
        Profiles.IndicatorProfile a = p.indicators().get(0);
        assertThat(a.indicatorId()).isEqualTo("a");
        assertThat(a.value()).isCloseTo(20, within(1e-12));
        // municipality and county: (10 + 20 + 20 + 40) / 400
        assertThat(a.comparisons()).extracting(Profiles.Comparison::areaCode).containsExactly("M", "K");
        assertThat(a.comparisons().get(0).value()).isCloseTo(22.5, within(1e-12));
        // 40 is higher; the two 20s share rank 2; 3 of 4 values are at most 20
        assertThat(a.rank()).isEqualTo(2);
        assertThat(a.rankedAreas()).isEqualTo(4);
        assertThat(a.percentile()).isCloseTo(75, within(1e-12));
        assertThat(a.change1()).isCloseTo(0, within(1e-12));
        assertThat(a.change3()).isCloseTo(0, within(1e-12));
        assertThat(a.change5()).isNaN();
        assertThat(a.breakdowns()).singleElement().satisfies(x -> {
            assertThat(x.targetGroup()).isEqualTo("sex=f");
            assertThat(x.value()).isCloseTo(12, within(1e-12));
        });
        Profiles.AreaProfile l1 = Profiles.of(r, "L1");
        assertThat(l1.indicators().get(0).change1()).isCloseTo(-2, within(1e-12));
        assertThat(l1.indicators().get(0).rank()).isEqualTo(4);
        assertThat(l1.statusClass()).isNotNull();
    }

    @Test
    void earlyWarningReportsFallenClassesNegativeDynamicsNewFlagsAndCrossedThresholds() {
        // 2017: L5 is the worst; 2020: L1 jumps to the top and crosses the threshold of 25 %
        MonitoringInput.Builder b = localities(2020, new double[] {40, 10, 20, 30, 30, 20});
        addYear(b, 2017, new double[] {10, 10, 20, 30, 30, 20});
        addYear(b, 2014, new double[] {10, 10, 20, 30, 30, 20});
        var cfg = Fixtures.withThresholds(config("a"), Map.of("a", 25.0));
        MonitoringResult before = Monitoring.compute(b.build(), AB, cfg, 2017);
        MonitoringResult now = Monitoring.compute(b.build(), AB, cfg, 2020);
        EarlyWarning.Report rep = EarlyWarning.compare(before, now);
        assertThat(rep.of(EarlyWarning.Kind.STATUS_FELL)).extracting(EarlyWarning.Alert::areaCode).contains("L1");
        assertThat(rep.of(EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE)).extracting(EarlyWarning.Alert::areaCode).containsExactly("L1");
        assertThat(rep.of(EarlyWarning.Kind.NEWLY_FLAGGED)).extracting(EarlyWarning.Alert::areaCode).contains("L1");
        assertThat(rep.of(EarlyWarning.Kind.THRESHOLD_CROSSED)).singleElement().satisfies(x -> {
            assertThat(x.areaCode()).isEqualTo("L1");
            assertThat(x.previousValue()).isCloseTo(10, within(1e-12));
            assertThat(x.currentValue()).isCloseTo(40, within(1e-12));
        });
        int transitions = rep.statusTransitions().values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
        assertThat(transitions).isEqualTo(6);
        assertThat(EarlyWarning.compare(now, now).alerts()).isEmpty();
    }
}
