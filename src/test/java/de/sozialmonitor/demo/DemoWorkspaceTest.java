package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorkspaceTest {
    @Test
    void theDemoConfigurationIsTheTemplateAdaptedToPeineSyntheticWithTheMapCredit(@TempDir Path tmp) {
        DemoWorkspace.create(tmp);
        Workspace ws = Workspace.open(tmp);
        assertThat(ws.config().synthetic()).isTrue();
        assertThat(ws.config().territoryCode()).isEqualTo(PeineTerritory.COUNTY_CODE);
        assertThat(ws.config().territoryName()).isEqualTo(PeineTerritory.COUNTY_NAME);
        assertThat(ws.config().method().analysisLevel()).isEqualTo(PeineTerritory.LEVEL_LOCALITY);
        assertThat(ws.config().raw().get("web").get("attribution").string("")).startsWith("© GeoBasis-DE / BKG (2021)");
        assertThat(ws.catalog().indicators()).hasSizeGreaterThan(7);
    }
}
