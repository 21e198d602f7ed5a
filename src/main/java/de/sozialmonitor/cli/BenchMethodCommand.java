package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench method}: Benchmark the method: time and peak heap at demo, 10,000-area and census-grid scale. (to be built in the method work). */
@Command(name = "method", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-method",
        description = "Benchmark the method: time and peak heap at demo, 10,000-area and census-grid scale.")
public final class BenchMethodCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench method is not built yet");
    }
}
