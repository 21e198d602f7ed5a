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
import de.sozialmonitor.model.VariableKind;
import de.sozialmonitor.privacy.DisclosureRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An index indicator over a delivered share has no counts to draw: it is held fixed, the counts around it are drawn. */
class DeliveredShareAnalysisTest {

    @Test
    void aDeliveredShareIsHeldFixedAndTheRestIsResampled() {
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("kreis", "ortsteil"));
        b.area(new Area("K", "K", "kreis", null));
        Random rnd = new Random(3);
        for (int i = 0; i < 15; i++) {
            String code = "L" + i;
            b.area(new Area(code, code, "ortsteil", "K"));
            for (int year : new int[] {2017, 2020}) {
                b.value(code, year, "pop_total", "", 1000);
                b.value(code, year, "den", "", 500);
                b.value(code, year, "x", "", 20 + rnd.nextInt(60));
                b.value(code, year, "sh", "", 5 + 20 * rnd.nextDouble());
            }
        }
        IndicatorCatalog catalog = new IndicatorCatalog(List.of(new Variable("pop_total", "p", "p"), new Variable("den", "d", "d"),
                new Variable("x", "x", "x"), new Variable("sh", "sh", "sh", VariableKind.SHARE, "%", null, 0)),
                List.of(new Indicator("counted", "c", "c", "t", LinearExpression.parse("x"), LinearExpression.parse("den"),
                                TargetGroup.TOTAL, 100, "%", Polarity.HIGHER_IS_WORSE, IndicatorRole.ATTENTION, 1, 0, "", "", null, null),
                        new Indicator("share", "s", "s", "t", null, null, TargetGroup.TOTAL, 1, "%", Polarity.HIGHER_IS_WORSE,
                                IndicatorRole.ATTENTION, 1, 0, "", "", "sh", null)));
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("counted", 1.0);
        w.put("share", 1.0);
        MethodConfig d = MethodConfig.defaults();
        MethodConfig cfg = new MethodConfig(null, "pop_total", 300, w, w, 3, d.statusThresholds(), d.dynamicsThresholds(),
                d.attentionRule(), Map.of(), d.standardisation(), Map.of());

        Certainty certainty = Certainty.prepare(b.build(), catalog, cfg, 2020,
                new Certainty.Options(CountModel.POISSON, 300, 1, 2));
        assertThat(certainty.notes()).anyMatch(n -> n.startsWith("share: no counts"));
        Certainty.Report r = certainty.run();
        assertThat(r.areas()).hasSize(15);
        for (Certainty.AreaCertainty a : r.areas()) {
            assertThat(java.util.Arrays.stream(a.statusProbability()).sum()).isCloseTo(1, within(1e-9));
            assertThat(java.util.Arrays.stream(a.dynamicsProbability()).sum()).isCloseTo(1, within(1e-9));
        }
        // the share held fixed, the counts drawn: every draw still classes every area
        Certainty.DrawOutcome oneDraw = certainty.classify(certainty.sampler().draw(0));
        assertThat(oneDraw.status()).doesNotContainNull();

        IndicatorAnalysis.Report ia = IndicatorAnalysis.analyse(b.build(), catalog, cfg, DisclosureRules.defaults(), 2020, null,
                List.of(), List.of(), IndicatorAnalysis.REDUNDANCY);
        assertThat(ia.indicator("share").coverage().withValue()).isEqualTo(15);
        assertThat(ia.indicator("share").distribution().n()).isEqualTo(15);
    }
}
