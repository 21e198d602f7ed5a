package de.sozialmonitor.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodConfigValidatorTest {

    private static Path workspace(Path dir, String methodLines) throws Exception {
        WorkspaceInitializer.create(dir, java.util.Map.of());
        Path config = dir.resolve(Workspace.CONFIG_FILE);
        // the template's method section ends before "privacy:"; the year's settings go at its end
        String text = Files.readString(config).replace("\nprivacy:", methodLines + "\nprivacy:");
        Files.writeString(config, text);
        return dir;
    }

    @Test
    void eachYearOfByYearIsCheckedAgainstTheCatalogWithItsLine(@TempDir Path tmp) throws Exception {
        Path dir = workspace(tmp, """
                  by_year:
                    2019:
                      status_indicators: {sgb2: 1, langzeitarbeitslose: 1}
                """);
        String text = Files.readString(dir.resolve(Workspace.CONFIG_FILE));
        int line = text.substring(0, text.indexOf("langzeitarbeitslose")).split("\n", -1).length;
        assertThatThrownBy(() -> Workspace.open(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":" + line + ": method.by_year.2019.status_indicators: unknown indicator 'langzeitarbeitslose'");
    }

    @Test
    void aValidYearOpens(@TempDir Path tmp) throws Exception {
        Path dir = workspace(tmp, """
                  by_year:
                    2019:
                      status_indicators: {sgb2: 1, unemployed: 1}
                """);
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().methodFor(2019).statusIndicators()).containsOnlyKeys("sgb2", "unemployed");
        assertThat(ws.config().methodFor(2020).statusIndicators()).hasSize(7);
    }
}
