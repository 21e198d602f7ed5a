package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Only the subcommand the arguments name is built; without one (or with help) every subcommand is.
 * The language and the workspace named before the command belong to one invocation.
 */
class RootCommandTest {

    /**
     * Regression: the language and the global --workspace were static fields, so a second command
     * line built in the same JVM (a test, the web part beside the CLI) changed the first one's.
     */
    @Test
    void languageAndWorkspaceBelongToTheirOwnInvocation(@TempDir Path tmp) {
        Path english = tmp.resolve("english-nowhere");
        Path german = tmp.resolve("german-nowhere");
        CommandLine first = RootCommand.commandLine("--lang", "en", "-w", english.toString(), "history");
        CommandLine second = RootCommand.commandLine("--lang", "de", "-w", german.toString(), "history");
        String secondErr = execute(second, "--lang", "de", "-w", german.toString(), "history");
        String firstErr = execute(first, "--lang", "en", "-w", english.toString(), "history");
        assertThat(firstErr).contains(english.toString()).contains("is not a Sozialmonitor workspace").doesNotContain(german.toString());
        assertThat(secondErr).contains(german.toString()).contains("ist kein Sozialmonitor-Arbeitsbereich");
    }

    @Test
    void theHelpSpeaksTheInvocationsLanguageWithoutChangingTheJvmDefault() {
        Locale before = Locale.getDefault();
        String de = CliTest.run("--lang", "de", "history", "--help").out();
        String en = CliTest.run("--lang", "en", "history", "--help").out();
        assertThat(de).contains("Listet die Importe mit Herkunft und Ergebnis auf");
        // the standard options in German too (the German bundles of 23 commands lacked them)
        assertThat(de).contains("Diese Hilfe anzeigen und beenden").doesNotContain("Show this help message");
        assertThat(en).doesNotContain("Listet die Importe").contains("--limit");
        assertThat(Locale.getDefault()).isEqualTo(before);
    }

    /** Regression: 23 commands printed "Show this help message and exit." in their German help. */
    @Test
    void everyCommandsGermanHelpDescribesTheStandardOptionsInGerman() {
        java.util.List<String> english = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(RootCommand.commandLine("--lang", "de")));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.pop();
            if (cl.getUsageMessage().contains("Show this help message") || cl.getUsageMessage().contains("Print version information")) {
                english.add(cl.getCommandSpec().qualifiedName());
            }
            todo.addAll(cl.getSubcommands().values());
        }
        assertThat(english).isEmpty();
    }

    private static String execute(CommandLine cl, String... args) {
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        cl.execute(args);
        return err.toString();
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(RootCommand.commandLine("-w", "ws", "--lang", "de", "release", "list").getSubcommands().keySet())
                .containsExactly("release");
        assertThat(RootCommand.commandLine("version").getSubcommands().keySet()).containsExactly("version");
        assertThat(RootCommand.commandLine("--workspace", "export", "export", "results").getSubcommands().keySet())
                .containsExactly("export");
    }

    @Test
    void withoutASubcommandOrWithHelpOrAMisspeltNameAllAreBuilt() {
        int all = RootCommand.SUBCOMMANDS.size();
        assertThat(RootCommand.commandLine().getSubcommands()).hasSize(all);
        assertThat(RootCommand.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(RootCommand.commandLine("help", "import").getSubcommands()).hasSize(all);
        assertThat(CliTest.run("--lang", "en", "imprt").err()).contains("Did you mean").contains("import");
    }
}
