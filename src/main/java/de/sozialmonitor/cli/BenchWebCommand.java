package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench web}: Benchmark the web endpoints: p50/p99 latency under concurrent load. (to be built in the web work). */
@Command(name = "web", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-web",
        description = "Benchmark the web endpoints: p50/p99 latency under concurrent load.")
public final class BenchWebCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench web is not built yet");
    }
}
