package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.CountModel;
import de.sozialmonitor.view.CertaintyCounty;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committee template's analyses use the method of the year they are about. */
class AbstimmungServiceTest {
    @TempDir
    Path tmp;

    /** Regression: the template used the general method even where method.by_year set the year's own (since fee0187). */
    @Test
    void theTemplateUsesTheSettingsOfItsYearFromMethodByYear() throws Exception {
        try (CertaintyCounty county = CertaintyCounty.withLargeCounts(tmp.resolve("ws"))) {
            Path config = tmp.resolve("ws").resolve(Workspace.CONFIG_FILE);
            String yaml = Files.readString(config);
            Files.writeString(config, yaml.replaceFirst("(?m)^method:.*$",
                    "method:\n  by_year:\n    " + CertaintyCounty.YEAR + ": {min_population: 4000}"));
            Workspace ws = Workspace.open(tmp.resolve("ws"));
            assertThat(ws.config().methodFor(CertaintyCounty.YEAR).minPopulation()).isEqualTo(4000);
            AbstimmungReport.Input in = AbstimmungService.gather(ws, county.db, CertaintyCounty.YEAR, "de",
                    new Certainty.Options(CountModel.POISSON, 20, 1, 1));
            assertThat(in.indicators().minPopulation()).isEqualTo(4000);
            assertThat(in.sensitivity()).isNotNull();
            // only the areas of at least 4,000 inhabitants take part (all 24 have at least 2,000)
            int small = in.indicators().indicators().get(0).coverage().belowMinPopulation();
            assertThat(small).isPositive();
            assertThat(in.certainty().areas()).hasSize(24 - small);
        }
    }
}
