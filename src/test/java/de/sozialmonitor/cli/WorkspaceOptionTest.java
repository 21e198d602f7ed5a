package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A subcommand acts on the workspace named nearest to it: after itself, after the command above it, before them all. */
class WorkspaceOptionTest {
    private static Path dirOf(String... args) {
        CommandLine.ParseResult r = RootCommand.commandLine(args).parseArgs(args);
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        Object command = r.commandSpec().userObject();
        WorkspaceOption option = command instanceof ReleaseCommand.ListReleases l ? l.workspace : ((ImportPackageCommand) command).workspace;
        return option.dir();
    }

    /** Regression: {@code release --workspace DIR list} offered the option and ignored it, listing the current directory's releases. */
    @Test
    void aWorkspaceNamedAfterTheParentCommandIsTheOneItsSubcommandUses() {
        assertThat(dirOf("release", "-w", "a", "list")).isEqualTo(Path.of("a"));
        assertThat(dirOf("release", "--workspace", "b", "list", "-w", "c")).isEqualTo(Path.of("c"));
        assertThat(dirOf("-w", "d", "release", "--workspace", "e", "list")).isEqualTo(Path.of("e"));
        assertThat(dirOf("-w", "f", "release", "list")).isEqualTo(Path.of("f"));
        assertThat(dirOf("release", "list")).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(dirOf("import", "-w", "g", "package", "p.zip")).isEqualTo(Path.of("g"));
    }

    @Test
    void releaseListWithTheWorkspaceBeforeListReadsThatWorkspace(@TempDir Path tmp) {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        CliTest.Run list = CliTest.run("--lang", "en", "release", "--workspace", ws.toString(), "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("No releases yet");
    }
}
