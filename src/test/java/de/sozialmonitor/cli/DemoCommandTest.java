package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoFiles;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoWithoutServingBuildsASyntheticPeineWorkspaceAndReusesItOnTheSecondRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sozialmonitor-demo");
        CliTest.Run first = CliTest.run("--lang", "en", "demo", "--no-serve", "--dir", dir.toString());
        assertThat(first.out()).contains("SYNTHETIC").contains("Demo workspace created");
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().synthetic()).isTrue();
        assertThat(ws.config().territoryCode()).isEqualTo("03157");
        assertThat(ws.config().territoryName()).isEqualTo("Landkreis Peine");
        assertThat(ws.config().method().analysisLevel()).isEqualTo("Ortsteil");
        assertThat(Files.readString(ws.configFile())).contains("SYNTHETISCH");
        Path areas = dir.resolve("data").resolve(DemoFiles.AREAS_CSV);
        byte[] before = Files.readAllBytes(areas);

        CliTest.Run second = CliTest.run("--lang", "de", "demo", "--no-serve", "--dir", dir.toString());
        assertThat(second.out()).contains("SYNTHETISCH").contains("weiterverwendet");
        assertThat(Files.readAllBytes(areas)).isEqualTo(before);
        assertThat(second.exit()).isEqualTo(first.exit());
    }

    @Test
    void demoNeverWritesIntoAnotherWorkspace(@TempDir Path tmp) throws Exception {
        assertThat(CliTest.run("init", tmp.toString()).exit()).isZero();
        CliTest.Run r = CliTest.run("--lang", "en", "demo", "--no-serve", "--dir", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("not the synthetic Peine demo");
        assertThat(Files.exists(tmp.resolve("data").resolve(DemoFiles.AREAS_CSV))).isFalse();
    }

    @Test
    void helpDescribesTheDemoInBothLanguages() {
        assertThat(CliTest.run("--lang", "en", "demo", "--help").out()).contains("--no-serve").contains("--port").contains("Landkreis Peine");
        assertThat(CliTest.run("--lang", "de", "demo", "--help").out()).contains("Legt den Demo-Arbeitsbereich").contains("Startwert");
    }
}
