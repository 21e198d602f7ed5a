package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code compute}: Compute indicators, status and dynamics index for a year and store the result set. (to be built in the method work). */
@Command(name = "compute", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.compute",
        description = "Compute indicators, status and dynamics index for a year and store the result set.")
public final class ComputeCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("compute is not built yet");
    }
}
