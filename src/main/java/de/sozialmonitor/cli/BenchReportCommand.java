package de.sozialmonitor.cli;

import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.report.ReportService;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench report}: renders the full report of a release (by default the newest, e.g. of the
 * demo workspace) several times and prints time per run and peak heap. Not a test: figures only.
 */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-report",
        description = "Benchmark rendering the demo report: time and peak heap.")
public final class BenchReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--release", paramLabel = "N", descriptionKey = "release", description = "Release number (default: the newest)")
    Integer release;

    @Option(names = "--runs", paramLabel = "N", descriptionKey = "runs", defaultValue = "3",
            description = "Measured runs after one warm-up run (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", descriptionKey = "warmup", defaultValue = "1",
            description = "Unmeasured warm-up runs (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--profiles", paramLabel = "attention|all", descriptionKey = "profiles", defaultValue = "all",
            description = "Profiles for all areas (the full report, default) or only those that need attention")
    String profiles;

    /** Texts from the report part's own bundle, in the language of the CLI messages. */
    private String msg(String key, Object... args) {
        return new de.sozialmonitor.report.ReportTexts(Messages.of(spec).language()).get(key, args);
    }

    @Override
    public Integer call() throws Exception {
        Workspace ws = workspace.open();
        try (Database db = ws.openDatabase()) {
            ReportModelBuilder builder = new ReportModelBuilder(de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config()), ReportModelBuilder.Context.of(ws));
            int number = release != null ? release : builder.latestRelease()
                    .orElseThrow(() -> new RejectedInputException(msg("cli.noRelease")));
            ReportModel.Options options = new ReportModel.Options(ws.config().language(), false, "all".equals(profiles));
            var out = spec.commandLine().getOut();
            // warm-up: class loading, font parsing and JIT are paid once per process, not per report
            for (int i = 0; i < warmup; i++) {
                once(builder, number, options);
            }
            resetPeaks();
            long size = 0;
            long cpu = 0;
            long best = Long.MAX_VALUE;
            long total = 0;
            long modelNanos = 0;
            for (int i = 0; i < Math.max(1, runs); i++) {
                long cpuBefore = threadCpu();
                long[] r = once(builder, number, options);
                cpu += threadCpu() - cpuBefore;
                size = r[1];
                best = Math.min(best, r[0]);
                total += r[0];
                modelNanos += r[2];
            }
            int n = Math.max(1, runs);
            ReportModel model = builder.build(number, options);
            out.printf(Locale.ROOT, "report of release %d: %d areas, %d profiles, %d maps%n", number, model.areas().size(),
                    model.profiles().size(), 3 + model.attentionIndicators().size());
            out.printf(Locale.ROOT, "pdf size: %d bytes%n", size);
            out.printf(Locale.ROOT, "time per report (model + html + pdf): mean %.2f s, best %.2f s over %d runs (model alone: %.2f s)%n",
                    total / 1e9 / n, best / 1e9, n, modelNanos / 1e9 / n);
            out.printf(Locale.ROOT, "cpu time per report (this thread): %.2f s; %d processors available%n",
                    cpu / 1e9 / n, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "peak heap during the runs: %.0f MiB (max heap %.0f MiB)%n", peakHeap() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        return ExitCodes.OK;
    }

    private static long[] once(ReportModelBuilder builder, int number, ReportModel.Options options) throws java.io.IOException {
        long start = System.nanoTime();
        ReportModel model = builder.build(number, options);
        long modelDone = System.nanoTime();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        ReportService.render(model, ReportService.Format.PDF, bytes);
        return new long[] {System.nanoTime() - start, bytes.size(), modelDone - start};
    }

    private static long threadCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
