package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the subcommand the arguments name is built; without one (or with help) every subcommand is. */
class RootCommandTest {

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
