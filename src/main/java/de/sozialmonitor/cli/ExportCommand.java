package de.sozialmonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code export}: groups its subcommands. */
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export",
        description = "Export results or a release as CSV or JSON, or a release as a data package for other counties.",
        subcommands = {ExportResultsCommand.class, ExportReleaseCommand.class, ExportPackageCommand.class})
public final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingSubcommand"));
    }
}
