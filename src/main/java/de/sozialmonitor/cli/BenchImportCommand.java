package de.sozialmonitor.cli;

import de.sozialmonitor.ingest.ImportBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench import}: rows per second and peak heap for a generated canonical long CSV
 * (embedded H2 and, with --pg-url, PostgreSQL) and a generated microdata extract.
 */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-import",
        description = "Benchmark imports: rows per second and peak heap.")
public final class BenchImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the canonical long CSV (default 20,000,000: ~400,000 areas x 13 variables x 4 years)")
    long rows = 20_000_000L;

    @Option(names = "--years", paramLabel = "N", description = "Years in the long CSV (default 4)")
    int years = 4;

    @Option(names = "--microdata-rows", paramLabel = "N", description = "Rows of the microdata extract (default 10,000,000; 0 skips)")
    long microdataRows = 10_000_000L;

    @Option(names = "--microdata-areas", paramLabel = "N", description = "Areas the microdata points fall into (default 100)")
    int microdataAreas = 100;

    @Option(names = "--no-h2", description = "Skip the embedded H2 database")
    boolean noH2;

    @Option(names = "--pg-url", paramLabel = "JDBC", description = "PostgreSQL JDBC URL of an empty database to measure as well")
    String pgUrl;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder for the generated files (default: a temporary folder)")
    Path dir;

    @Option(names = "--keep", description = "Keep the generated files")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Java %s, max heap %,d MiB, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        ImportBenchmark.run(new ImportBenchmark.Settings(rows, years, microdataRows, microdataAreas, !noH2, pgUrl, dir, keep), out);
        out.flush();
        return ExitCodes.OK;
    }
}
