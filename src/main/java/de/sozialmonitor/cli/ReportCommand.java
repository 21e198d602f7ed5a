package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code report}: Render the committee report of a release as PDF or HTML. (to be built in the report work). */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.report",
        description = "Render the committee report of a release as PDF or HTML.")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("report is not built yet");
    }
}
