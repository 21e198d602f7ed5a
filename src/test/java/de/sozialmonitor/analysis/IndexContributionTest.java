package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexContributionTest {

    /** Four localities; a = 10, 20, 10, 20 % and b = 10, 10, 20, 20 %: uncorrelated (centred, orthogonal). */
    static MonitoringResult orthogonal(double weightA, double weightB) {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "ortsteil"));
        b.area(new Area("K", "K", "kreis", null));
        double[] a = {10, 20, 10, 20};
        double[] c = {10, 10, 20, 20};
        for (int i = 0; i < 4; i++) {
            String code = "L" + i;
            b.area(new Area(code, code, "ortsteil", "K"));
            b.value(code, 2020, "pop_total", "", 1000);
            b.value(code, 2020, "base", "", 100);
            b.value(code, 2020, "xa", "", a[i]);
            b.value(code, 2020, "xb", "", c[i]);
        }
        IndicatorCatalog catalog = new IndicatorCatalog(List.of(new Variable("pop_total", "p", "p"), new Variable("base", "b", "b"),
                new Variable("xa", "a", "a"), new Variable("xb", "b", "b")), List.of(indicator("a", "xa"), indicator("b", "xb")));
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("a", weightA);
        w.put("b", weightB);
        MethodConfig d = MethodConfig.defaults();
        MethodConfig cfg = new MethodConfig(null, "pop_total", 300, w, w, 3, d.statusThresholds(), d.dynamicsThresholds(),
                d.attentionRule(), Map.of(), d.standardisation(), Map.of());
        return Monitoring.compute(b.build(), catalog, cfg, 2020);
    }

    static Indicator indicator(String id, String numerator) {
        return new Indicator(id, id, id, "t", LinearExpression.parse(numerator), LinearExpression.parse("base"), TargetGroup.TOTAL,
                100, "%", Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", "");
    }

    @Test
    void uncorrelatedIndicatorsWithEqualWeightsShareTheVarianceEqually() {
        IndexContribution c = IndexContribution.of(orthogonal(1, 1).status());
        assertThat(c.varianceShare()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(c.correlation()[0][1]).isCloseTo(0, within(1e-12));
        // no common component: both eigenvalues 1, PC1 explains half
        assertThat(c.pc1().share()).isCloseTo(0.5, within(1e-12));
        assertThat(c.participants()).isEqualTo(4);
    }

    @Test
    void weightsTwoToOneGiveSharesFourFifthsAndOneFifth() {
        // S = (2 za + zb) / 3: Var S = 5/9, Cov(za, S) = 2/3, share a = (2/3)(2/3) / (5/9) = 4/5
        IndexContribution c = IndexContribution.of(orthogonal(2, 1).status());
        assertThat(c.varianceShares().get("a")).isCloseTo(0.8, within(1e-12));
        assertThat(c.varianceShares().get("b")).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void sharesSumToOneOnAGeneratedCounty() {
        AnalysisCounty county = AnalysisCounty.generate(80, 5, 3);
        MonitoringResult r = Monitoring.compute(county.input(1), county.catalog(), county.config(5), AnalysisCounty.LAST_YEAR);
        IndexContribution c = IndexContribution.of(r.status());
        assertThat(java.util.Arrays.stream(c.varianceShare()).sum()).isCloseTo(1, within(1e-12));
        assertThat(c.pc1().share()).isBetween(0.2, 1.0);
        assertThat(c.loadings()).hasSize(5);
    }
}
