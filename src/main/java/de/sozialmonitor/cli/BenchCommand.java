package de.sozialmonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: groups its subcommands. */
@Command(name = "bench", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench",
        description = "Run benchmarks and print their figures (not part of the tests).",
        subcommands = {BenchImportCommand.class, BenchMethodCommand.class, BenchWebCommand.class, BenchReportCommand.class,
            BenchAnalysisCommand.class, BenchScaleCommand.class, BenchAbuseCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingSubcommand"));
    }
}
