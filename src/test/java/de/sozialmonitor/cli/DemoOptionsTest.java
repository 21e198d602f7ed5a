package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.demo.BerlinTerritory;
import de.sozialmonitor.demo.DemoWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Both demos find their folder the same way; the Berlin demo no longer ignores a named workspace. */
class DemoOptionsTest {
    private static DemoOptions parsed(String... args) {
        CommandLine.ParseResult r = RootCommand.commandLine(args).parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        Object command = r.commandSpec().userObject();
        return command instanceof DemoBerlinCommand b ? b.options : ((DemoCommand) command).options;
    }

    @Test
    void theFolderIsDirElseAWorkspaceNamedAnywhereElseTheDemosOwnFolder() {
        assertThat(parsed("demo", "--dir", "a").folder(DemoWorkspace.DEFAULT_DIR)).isEqualTo(Path.of("a"));
        assertThat(parsed("demo", "-w", "b").folder(DemoWorkspace.DEFAULT_DIR)).isEqualTo(Path.of("b"));
        assertThat(parsed("-w", "c", "demo").folder(DemoWorkspace.DEFAULT_DIR)).isEqualTo(Path.of("c"));
        assertThat(parsed("demo").folder(DemoWorkspace.DEFAULT_DIR))
                .isEqualTo(Path.of("").toAbsolutePath().resolve(DemoWorkspace.DEFAULT_DIR));
    }

    /** Regression: `demo --workspace DIR berlin` and `demo berlin --workspace DIR` built the Berlin demo elsewhere or were refused. */
    @Test
    void theBerlinDemoTakesTheWorkspaceNamedBeforeOrAfterItsName() {
        assertThat(parsed("demo", "-w", "d", "berlin").folder(BerlinTerritory.DEFAULT_DIR)).isEqualTo(Path.of("d"));
        assertThat(parsed("demo", "berlin", "--workspace", "e").folder(BerlinTerritory.DEFAULT_DIR)).isEqualTo(Path.of("e"));
        assertThat(parsed("-w", "f", "demo", "berlin").folder(BerlinTerritory.DEFAULT_DIR)).isEqualTo(Path.of("f"));
        assertThat(parsed("demo", "berlin", "--dir", "g").folder(BerlinTerritory.DEFAULT_DIR)).isEqualTo(Path.of("g"));
        assertThat(parsed("demo", "berlin").folder(BerlinTerritory.DEFAULT_DIR))
                .isEqualTo(Path.of("").toAbsolutePath().resolve(BerlinTerritory.DEFAULT_DIR));
    }

    @Test
    void aPortOutsideTheRangeIsAUsageError() {
        assertThatThrownBy(() -> parsed("demo", "berlin", "--port", "70000").checkPort())
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--port: 70000");
    }

    @Test
    void eachDemoSaysItsOwnDefaultFolderInItsHelp() {
        assertThat(CliTest.run("--lang", "en", "demo", "berlin", "--help").out()).contains("sozialmonitor-demo-berlin");
        assertThat(CliTest.run("--lang", "de", "demo", "berlin", "--help").out()).contains("sozialmonitor-demo-berlin");
        assertThat(CliTest.run("--lang", "en", "demo", "--help").out()).contains("sozialmonitor-demo in the current directory");
    }
}
