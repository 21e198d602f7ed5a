package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code export results}: Export the result set of a year: one row per area of the analysis level. (to be built in the method work). */
@Command(name = "results", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export-results",
        description = "Export the result set of a year: one row per area of the analysis level.")
public final class ExportResultsCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("export results is not built yet");
    }
}
