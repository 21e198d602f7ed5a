package de.sozialmonitor.cli;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.method.SyntheticInput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench method}: times {@link Monitoring#compute} for the latest year of synthetic inputs and
 * samples the heap in use while it runs (every 5 ms), so that the peak is a real simultaneous figure.
 * Census scale: {@code SOZIALMONITOR_JAVA_OPTS=-Xmx16g sozialmonitor bench method --size census}.
 */
@Command(name = "method", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-method",
        description = "Benchmark the method: time and peak heap at demo, 10,000-area and census-grid scale.")
public final class BenchMethodCommand implements Callable<Integer> {
    /** A benchmark size: areas x indicators x years. */
    public record Size(String name, int areas, int indicators, int years) {
    }

    static final Size DEMO = new Size("demo", 160, 21, 10);
    static final Size TEN_K = new Size("10k", 10_000, 20, 15);
    static final Size CENSUS = new Size("census", 3_200_000, 10, 10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "default",
            description = "demo, 10k, census or all (default: demo and 10k; census needs -Xmx16g)")
    String size;

    @Option(names = "--areas", hidden = true, description = "custom size: number of small areas")
    Integer areas;

    @Option(names = "--indicators", hidden = true, defaultValue = "10")
    int indicators;

    @Option(names = "--years", hidden = true, defaultValue = "10")
    int years;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Size> sizes = new ArrayList<>();
        if (areas != null) {
            sizes.add(new Size("custom", areas, indicators, years));
        } else {
            switch (size) {
                case "demo" -> sizes.add(DEMO);
                case "10k" -> sizes.add(TEN_K);
                case "census" -> sizes.add(CENSUS);
                case "all" -> sizes.addAll(List.of(DEMO, TEN_K, CENSUS));
                case "default" -> sizes.addAll(List.of(DEMO, TEN_K));
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "--size: demo, 10k, census or all");
            }
        }
        out.println(Messages.of(spec).method("bench.heading"));
        for (Size s : sizes) {
            out.println(run(s, Messages.of(spec)));
            out.flush();
        }
        if (!sizes.contains(CENSUS)) {
            out.println(Messages.of(spec).method("bench.census"));
        }
        return ExitCodes.OK;
    }

    static String run(Size s, Messages messages) {
        System.gc();
        long t0 = System.nanoTime();
        MonitoringInput in = SyntheticInput.input(s.areas(), s.indicators(), s.years(), 1);
        long t1 = System.nanoTime();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c2 = threads.getCurrentThreadCpuTime();
        long t2 = System.nanoTime();
        MonitoringResult r = Monitoring.compute(in, SyntheticInput.catalog(s.indicators()), SyntheticInput.config(s.indicators()),
                SyntheticInput.LAST_YEAR);
        long t3 = System.nanoTime();
        long c3 = threads.getCurrentThreadCpuTime();
        Runtime rt = Runtime.getRuntime();
        peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        sampler.interrupt();
        if (r.status().participants() == 0) {
            throw new IllegalStateException("benchmark produced no index");
        }
        System.gc();
        long live = rt.totalMemory() - rt.freeMemory();
        // keep input and result reachable up to the measurement of what they retain
        if (in.codeCount() < 0 || r.areas().size() < 0) {
            throw new IllegalStateException();
        }
        return messages.method("bench.row", s.name(), String.valueOf(s.areas()), String.valueOf(s.indicators()),
                String.valueOf(s.years()), seconds(t1 - t0), seconds(t3 - t2), String.valueOf(peak.get() >> 20),
                String.valueOf(rt.maxMemory() >> 20), String.valueOf(live >> 20), seconds(c3 - c2));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
