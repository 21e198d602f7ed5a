package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench import}: Benchmark imports: rows per second and peak heap. (to be built in the ingest work). */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-import",
        description = "Benchmark imports: rows per second and peak heap.")
public final class BenchImportCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench import is not built yet");
    }
}
