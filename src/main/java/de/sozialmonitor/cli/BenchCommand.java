package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench}: Run benchmarks and print their figures. (to be built in the all work). */
@Command(name = "bench", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench",
        description = "Run benchmarks and print their figures.")
public final class BenchCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench is not built yet");
    }
}
