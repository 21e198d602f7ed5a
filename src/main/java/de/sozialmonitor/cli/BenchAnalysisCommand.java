package de.sozialmonitor.cli;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.analysis.CountModel;
import de.sozialmonitor.analysis.IndicatorAnalysis;
import de.sozialmonitor.analysis.Sensitivity;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.SyntheticInput;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.privacy.DisclosureRules;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench analysis}: the class certainty at the size, 10,000 areas × 30 candidate
 * indicators × 1,000 draws (target: under 30 s on 2 cores), on synthetic input; {@code --all} also
 * times the indicator analysis and the sensitivity at that size. Prints wall time, the CPU time of
 * the whole process and the load average, so that figures from a busy machine can be read.
 */
@Command(name = "analysis", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-analysis",
        description = "Benchmark the class certainty (10,000 areas x 30 indicators x 1,000 draws) and the other analyses.")
public final class BenchAnalysisCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--areas", paramLabel = "N", defaultValue = "10000", description = "Small areas (default: 10000)")
    int areas;

    @Option(names = "--indicators", paramLabel = "N", defaultValue = "30", description = "Indicators, all in the index (default: 30)")
    int indicators;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "1000", description = "Draws (default: 1000)")
    int draws;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of processors)")
    Integer threads;

    @Option(names = "--all", description = "Also time the indicator analysis and the sensitivity")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        MonitoringInput in = SyntheticInput.input(areas, indicators, 4, 1);
        IndicatorCatalog catalog = SyntheticInput.catalog(indicators);
        MethodConfig cfg = SyntheticInput.config(indicators);
        int year = SyntheticInput.LAST_YEAR;
        out.println(Messages.of(spec).analysis("bench.heading", String.valueOf(Runtime.getRuntime().availableProcessors()),
                String.valueOf(Runtime.getRuntime().maxMemory() >> 20)));
        out.flush();
        Clock c = new Clock();
        Certainty prepared = Certainty.prepare(in, catalog, cfg, year, new Certainty.Options(CountModel.POISSON, draws, 1, t));
        String prepare = c.lap();
        Certainty.Report r = prepared.run();
        String run = c.lap();
        out.println(Messages.of(spec).analysis("bench.certainty", String.valueOf(areas), String.valueOf(indicators),
                String.valueOf(draws), String.valueOf(t), prepare, run, c.cpu(), c.load(), String.valueOf(r.areas().size()),
                String.valueOf(r.borderlineCount())));
        out.flush();
        if (all) {
            c = new Clock();
            IndicatorAnalysis.Report ia = IndicatorAnalysis.analyse(in, catalog, cfg, DisclosureRules.defaults(), year, null,
                    List.of(), List.of(), IndicatorAnalysis.REDUNDANCY);
            out.println(Messages.of(spec).analysis("bench.indicators", String.valueOf(ia.indicators().size()),
                    String.valueOf(ia.sets().size()), c.lap(), c.cpu(), c.load()));
            out.flush();
            c = new Clock();
            Sensitivity.Report sr = Sensitivity.analyse(in, catalog, cfg, year);
            out.println(Messages.of(spec).analysis("bench.sensitivity", String.valueOf(sr.outcomes().size()), c.lap(), c.cpu(), c.load()));
        }
        return ExitCodes.OK;
    }

    /** Wall time between laps and the process's CPU time since the start. */
    private static final class Clock {
        private final com.sun.management.OperatingSystemMXBean os =
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        private final long cpu0 = os.getProcessCpuTime();
        private long last = System.nanoTime();

        String lap() {
            long now = System.nanoTime();
            String s = seconds(now - last);
            last = now;
            return s;
        }

        String cpu() {
            return seconds(os.getProcessCpuTime() - cpu0);
        }

        String load() {
            return String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage());
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
