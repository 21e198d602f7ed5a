package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import de.sozialmonitor.privacy.DisclosureRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorAnalysisTest {

    static Indicator indicator(String id) {
        return new Indicator(id, id, id, "t", LinearExpression.parse("x" + id), LinearExpression.parse("base"), TargetGroup.TOTAL,
                100, "%", Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", "");
    }

    /**
     * Six localities, base 100 each: a = 1, 2, 3, 4, 5, 50 % (L5 an outlier; L0 and L1 small counts, withheld); b = a in
     * reverse rank order; L6 has 200 inhabitants; L7 has no count for a. 2019 has the same values: stable.
     */
    static MonitoringInput county() {
        MonitoringInput.Builder in = MonitoringInput.builder().levels(List.of("kreis", "ortsteil"));
        in.area(new Area("K", "K", "kreis", null));
        double[] a = {1, 2, 3, 4, 5, 50, 3, Double.NaN};
        double[] b = {60, 50, 40, 30, 20, 10, 30, 30};
        double[] pop = {1000, 1000, 1000, 1000, 1000, 1000, 200, 1000};
        for (int i = 0; i < a.length; i++) {
            String code = "L" + i;
            in.area(new Area(code, code, "ortsteil", "K"));
            for (int year : new int[] {2019, 2020}) {
                in.value(code, year, "pop_total", "", pop[i]);
                in.value(code, year, "base", "", 100);
                in.value(code, year, "xa", "", a[i]);
                in.value(code, year, "xb", "", b[i]);
            }
        }
        return in.build();
    }

    static final IndicatorCatalog CATALOG = new IndicatorCatalog(List.of(new Variable("pop_total", "p", "p"),
            new Variable("base", "b", "b"), new Variable("xa", "a", "a"), new Variable("xb", "b", "b")),
            List.of(indicator("a"), indicator("b")));

    static IndicatorAnalysis.Report analyse() {
        MethodConfig d = MethodConfig.defaults();
        MethodConfig cfg = new MethodConfig(null, "pop_total", 300, Map.of("a", 1.0), Map.of("a", 1.0), 1,
                d.statusThresholds(), d.dynamicsThresholds(), d.attentionRule(), Map.of(), d.standardisation(), Map.of());
        return IndicatorAnalysis.analyse(county(), CATALOG, cfg, DisclosureRules.defaults(), 2020, null, List.of(), List.of(),
                IndicatorAnalysis.REDUNDANCY);
    }

    @Test
    void coverageCountsValuesMissingWithheldAndSmallAreas() {
        IndicatorAnalysis.Coverage c = analyse().indicator("a").coverage();
        // L7 has no value; L0 and L1 have counts of 1 and 2 (primary suppression below 3), L6 fewer than 300
        // inhabitants for rates
        assertThat(c).isEqualTo(new IndicatorAnalysis.Coverage(8, 7, 1, 3, 1));
    }

    @Test
    void theDistributionIsOverTheAreasThatCouldTakePart() {
        Distribution d = analyse().indicator("a").distribution();
        // L0..L5 (L6 too small, L7 without value): 1, 2, 3, 4, 5, 50; type-7 quartiles at positions 2.25, 3.5, 4.75
        assertThat(d.n()).isEqualTo(6);
        assertThat(d.median()).isCloseTo(3.5, within(1e-12));
        assertThat(d.q1()).isCloseTo(2.25, within(1e-12));
        assertThat(d.q3()).isCloseTo(4.75, within(1e-12));
        assertThat(d.highOutliers()).containsExactly("L5");
        assertThat(d.mean()).isCloseTo(65.0 / 6, within(1e-12));
        assertThat(d.skewness()).isPositive();
        assertThat(java.util.Arrays.stream(d.binCounts()).sum()).isEqualTo(6);
    }

    @Test
    void oppositeRanksAreRedundantAndUnchangedYearsAreStable() {
        IndicatorAnalysis.Report r = analyse();
        assertThat(r.correlations().spearman("a", "b")).isCloseTo(-1, within(1e-12));
        assertThat(r.redundant()).singleElement().satisfies(p -> assertThat(p.first() + p.second()).isEqualTo("ab"));
        assertThat(r.indicator("a").stability()).singleElement().satisfies(s -> {
            assertThat(s.fromYear()).isEqualTo(2019);
            assertThat(s.spearman()).isCloseTo(1, within(1e-12));
            assertThat(s.areas()).isEqualTo(6);
        });
    }

    @Test
    void candidateSetsAreRankedByTheShareOfTheirFirstComponent() {
        IndicatorAnalysis.Report r = analyse();
        assertThat(r.sets()).extracting(IndicatorAnalysis.CandidateSet::name).containsExactly("configured", "+b");
        IndicatorAnalysis.CandidateSet configured = r.sets().get(0);
        // one indicator explains all of its own variance
        assertThat(configured.contribution().pc1().share()).isCloseTo(1, within(1e-12));
        assertThat(configured.rank()).isEqualTo(1);
        assertThat(configured.classAgreement()).isEqualTo(1.0);
        IndicatorAnalysis.CandidateSet withB = r.sets().get(1);
        assertThat(withB.rank()).isEqualTo(2);
        assertThat(withB.contribution().pc1().share()).isLessThan(1);
    }
}
