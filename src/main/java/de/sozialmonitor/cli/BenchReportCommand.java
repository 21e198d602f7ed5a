package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench report}: Benchmark rendering the demo report: time and peak heap. (to be built in the report work). */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-report",
        description = "Benchmark rendering the demo report: time and peak heap.")
public final class BenchReportCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench report is not built yet");
    }
}
