package de.sozialmonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code analyse}: the evidence for the committee's choice of indicators and the certainty of the classes. */
@Command(name = "analyse", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.analyse",
        description = "Analyse candidate indicators, the sensitivity of the classification and the certainty of each class.",
        subcommands = {AnalyseIndicatorsCommand.class, AnalyseSensitivityCommand.class, AnalyseCertaintyCommand.class})
public final class AnalyseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingSubcommand"));
    }
}
