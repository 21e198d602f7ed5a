package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The certainty's fast recomputation is the method: for random counties, every draw's classes,
 * indices and attention flags equal those of {@link Monitoring#compute} on an input whose numerators
 * are the drawn counts.
 */
class CertaintyMatchesMonitoringProperties {

    @Property(tries = 60)
    void everyDrawIsClassedExactlyAsMonitoringClassesTheDrawnCounts(@ForAll @IntRange(min = 3, max = 30) int areas,
                                                                     @ForAll @IntRange(min = 1, max = 4) int indicators,
                                                                     @ForAll long seed, @ForAll boolean binomial) {
        AnalysisCounty county = AnalysisCounty.generate(areas, indicators + 1, seed);
        IndicatorCatalog catalog = county.catalog();
        MethodConfig cfg = county.config(indicators);
        MonitoringInput in = county.input(1);
        int year = AnalysisCounty.LAST_YEAR;
        int base = year - cfg.dynamicsYears();
        Certainty certainty = Certainty.prepare(in, catalog, cfg, year,
                new Certainty.Options(binomial ? CountModel.BINOMIAL : CountModel.POISSON, 3, seed, 1));
        List<String> codes = certainty.participantCodes();
        MonitoringResult baseline = certainty.baseline();
        if (codes.isEmpty()) {
            // no indicator varies (or fewer than two areas): there is no status index, in no draw
            for (int a : baseline.analysisAreas()) {
                assertThat(baseline.statusIndex(a)).isNaN();
            }
            return;
        }
        // where no dynamics indicator varies among the areas that take part, the certainty says so and has no dynamics
        boolean noDynamics = baseline.dynamics().participants() > 0
                && java.util.Arrays.stream(baseline.dynamics().raw()).allMatch(Double::isNaN);
        if (noDynamics) {
            assertThat(certainty.notes()).anyMatch(n -> n.startsWith("dynamics index: no indicator varies"));
        }
        Certainty.Sampler sampler = certainty.sampler();
        for (int d = 0; d < 3; d++) {
            Certainty.Draw draw = sampler.draw(d);
            Certainty.DrawOutcome outcome = certainty.classify(draw);
            Map<String, Double> drawn = new HashMap<>();
            for (int i = 0; i < indicators; i++) {
                double[] now = draw.numerator("i" + i, false);
                double[] then = draw.numerator("i" + i, true);
                for (int p = 0; p < codes.size(); p++) {
                    drawn.put(year + "|x" + i + "|" + codes.get(p), now[p]);
                    if (!Double.isNaN(then[p])) {
                        drawn.put(base + "|x" + i + "|" + codes.get(p), then[p]);
                    }
                }
            }
            MonitoringResult r = Monitoring.compute(county.input(1, drawn), catalog, cfg, year);
            assertThat(r.status().participants()).isEqualTo(codes.size());
            for (int p = 0; p < codes.size(); p++) {
                int a = r.areas().indexOf(codes.get(p));
                String what = "draw " + d + ", area " + codes.get(p);
                // exactly the same number (NaN where neither has an index)
                assertThat(Double.compare(outcome.statusIndex()[p], r.statusIndex(a))).as(what).isZero();
                assertThat(outcome.status()[p]).as(what).isEqualTo(r.statusClass()[a]);
                if (!noDynamics) {
                    assertThat(outcome.dynamics()[p]).as(what).isEqualTo(r.dynamicsClass()[a]);
                    if (r.dynamicsClass()[a] != null) {
                        assertThat(Double.compare(outcome.dynamicsIndex()[p], r.dynamicsIndex(a))).as(what).isZero();
                    }
                    assertThat(outcome.attention()[p]).as(what).isEqualTo(r.attention()[a]);
                }
            }
        }
    }
}
