package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoGeography;
import de.sozialmonitor.demo.SyntheticCounts;
import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.workspace.CatalogReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo county (areas, boundary changes, synthetic counts) through the method, every year. */
class DemoDataComputeTest {
    @Test
    void theDemoCountyComputesForEveryYear() throws Exception {
        DemoGeography g = DemoGeography.generate(3157);
        MonitoringInput.Builder b = MonitoringInput.builder();
        g.areas().forEach(a -> b.area(a.area()));
        g.boundaryChanges().forEach(b::boundaryChange);
        SyntheticCounts.generate(g, 3157).forEach(b::observation);
        MonitoringInput in = b.build();
        var catalog = CatalogReader.read(Path.of(getClass().getResource("/workspace-template/indicators.yaml").toURI()));
        for (int y : in.years()) {
            MonitoringResult r = Monitoring.compute(in, catalog, MethodConfig.defaults(), y);
            System.out.println("demo " + y + ": level " + r.analysisLevel() + ", areas " + r.analysisAreas().length
                    + ", status " + r.status().participants() + ", dynamics " + r.dynamics().participants()
                    + ", attention " + countTrue(r.attention()) + ", notes " + r.notes());
            assertThat(r.status().participants()).isGreaterThan(20);
            if (in.hasYear(y - 3)) {
                assertThat(r.dynamics().participants()).isGreaterThan(20);
                assertThat(r.notes()).isEmpty();
            } else {
                assertThat(de.sozialmonitor.method.MethodNotes.texts(r.notes(), java.util.Locale.ENGLISH))
                        .containsExactly("no data for the base year " + (y - 3) + ": no dynamics index (import the figures of "
                                + (y - 3) + ", or delivered changes)");
            }
        }
    }

    private static int countTrue(boolean[] b) {
        int n = 0;
        for (boolean x : b) {
            n += x ? 1 : 0;
        }
        return n;
    }
}
