package de.sozialmonitor.ingest;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench import}: generates a canonical long CSV (areas × variables × years) and a
 * microdata extract in a temporary folder, imports them, and prints rows per second and the peak
 * heap. Sizes are parameters so that a smoke test can run it tiny.
 */
public final class ImportBenchmark {
    /** The first 13 standard variables, with shares of the population that keep parts below wholes. */
    static final List<Map.Entry<String, Double>> VARIABLES = List.of(
            Map.entry("pop_total", 1.0), Map.entry("pop_u18", 0.18), Map.entry("pop_u15", 0.14),
            Map.entry("pop_15_64", 0.62), Map.entry("pop_65plus", 0.22), Map.entry("migrant_u18", 0.05),
            Map.entry("children_single_parent", 0.03), Map.entry("sgb2_u65", 0.08), Map.entry("unemployed", 0.04),
            Map.entry("children_u15_sgb2", 0.02), Map.entry("grusi_65plus", 0.01), Map.entry("school_leavers", 0.01),
            Map.entry("school_leavers_low", 0.002));

    public record Settings(long rows, int years, long microdataRows, int microdataAreas, boolean h2, String postgresUrl,
                           Path dir, boolean keepFiles) {
    }

    /**
     * One measured import. {@code peakHeapBytes}: the heap pools' peaks (garbage included, so it
     * grows with -Xmx); {@code liveHeapBytes}: the largest heap occupancy right after a garbage
     * collection, i.e. what the import really keeps (the figure that must stay bounded).
     */
    public record Measurement(String what, String database, long rows, double seconds, double cpuSeconds, long peakHeapBytes,
                         long liveHeapBytes, String outcome) {
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%-30s %-10s %,12d rows %8.1f s wall %8.1f s cpu %,10.0f rows/s  peak heap %,6d MiB  live after GC %,6d MiB  %s",
                    what, database, rows, seconds, cpuSeconds, rowsPerSecond(), peakHeapBytes >> 20, liveHeapBytes >> 20, outcome);
        }
    }

    private ImportBenchmark() {
    }

    public static List<Measurement> run(Settings s, PrintWriter out) throws IOException {
        Path dir = s.dir() != null ? Files.createDirectories(s.dir()) : Files.createTempDirectory("sozialmonitor-bench");
        java.util.ArrayList<Measurement> figures = new java.util.ArrayList<>();
        try {
            Path wsDir = dir.resolve("ws");
            WorkspaceInitializer.create(wsDir, Map.of("code: \"00000\"", "code: \"09999\""));
            Workspace ws = Workspace.open(wsDir);
            int vars = VARIABLES.size();
            long areas = Math.max(1, s.rows() / ((long) vars * s.years()));
            out.printf("bench import: %,d areas x %d variables x %d years = %,d rows; files in %s%n", areas, vars, s.years(),
                    areas * vars * s.years(), dir);
            out.flush();
            long t0 = System.nanoTime();
            Path areasFile = dir.resolve("bench-areas.csv");
            Path longFile = dir.resolve("bench-long.csv");
            writeAreas(areasFile, areas);
            writeLong(longFile, areas, s.years());
            out.printf("generated %,d MB in %.1f s%n", Files.size(longFile) >> 20, (System.nanoTime() - t0) / 1e9);
            out.flush();
            if (s.h2()) {
                try (Database db = Database.open(Database.embeddedUrl(dir.resolve("h2").resolve("bench")), "", "")) {
                    figures.addAll(measurePair(ws, db, "H2", areasFile, longFile, out));
                }
            }
            if (s.postgresUrl() != null && !s.postgresUrl().isBlank()) {
                try (Database db = Database.open(s.postgresUrl(), "", "")) {
                    figures.addAll(measurePair(ws, db, "PostgreSQL", areasFile, longFile, out));
                }
            }
            if (s.microdataRows() > 0) {
                figures.addAll(MicrodataBenchmark.run(ws, dir, s.microdataRows(), s.microdataAreas(), out));
            }
        } finally {
            if (!s.keepFiles()) {
                deleteTree(dir);
            }
        }
        return figures;
    }

    private static List<Measurement> measurePair(Workspace ws, Database db, String name, Path areasFile, Path longFile, PrintWriter out) {
        Measurement a = measure("areas file", name, () -> Importer.importFile(ws, db, areasFile, "bench"));
        out.println(a);
        out.flush();
        Measurement l = measure("canonical long CSV", name, () -> Importer.importFile(ws, db, longFile, "bench"));
        out.println(l);
        out.flush();
        return List.of(a, l);
    }

    static Measurement measure(String what, String database, java.util.function.Supplier<ImportOutcome> action) {
        System.gc();
        resetPeaks();
        LiveHeap.reset();
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        ImportOutcome o = action.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - c0) / 1e9;
        String outcome = o.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + o.report().errorCount() + " errors, "
                + o.report().warningCount() + " warnings";
        return new Measurement(what, database, o.rowsRead(), seconds, cpu, peakHeap(), LiveHeap.max(), outcome);
    }

    /** The largest heap occupancy after any garbage collection since {@link #reset}, from the GC notifications. */
    static final class LiveHeap {
        private static final java.util.concurrent.atomic.AtomicLong MAX = new java.util.concurrent.atomic.AtomicLong();
        private static boolean listening;

        static synchronized void reset() {
            if (!listening) {
                java.util.Set<String> heapPools = new java.util.HashSet<>();
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        heapPools.add(p.getName());
                    }
                }
                for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                    if (gc instanceof javax.management.NotificationEmitter emitter) {
                        emitter.addNotificationListener((n, handback) -> {
                            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                                return;
                            }
                            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                    (javax.management.openmbean.CompositeData) n.getUserData());
                            long used = 0;
                            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                if (heapPools.contains(e.getKey())) {
                                    used += e.getValue().getUsed();
                                }
                            }
                            long u = used;
                            MAX.accumulateAndGet(u, Math::max);
                        }, null, null);
                    }
                }
                listening = true;
            }
            MAX.set(0);
        }

        static long max() {
            return MAX.get();
        }
    }

    /** CPU time of this JVM (all threads): on a shared machine a fairer figure than wall time. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the live peak. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    public static void writeAreas(Path file, long areas) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("code;name;level;parent\n09999;Benchkreis;Kreis;\n");
            for (long a = 0; a < areas; a++) {
                w.write(areaCode(a));
                w.write(";Gebiet ");
                w.write(Long.toString(a));
                w.write(";Bezirk;09999\n");
            }
        }
    }

    static String areaCode(long a) {
        return "B" + a;
    }

    public static void writeLong(Path file, long areas, int years) throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        StringBuilder sb = new StringBuilder(1 << 16);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("area_code;year;variable;value\n");
            for (long a = 0; a < areas; a++) {
                String code = areaCode(a);
                int base = 300 + rnd.nextInt(5000);
                for (int y = 0; y < years; y++) {
                    double drift = 1 + (rnd.nextDouble() - 0.5) * 0.1;
                    for (Map.Entry<String, Double> v : VARIABLES) {
                        sb.append(code).append(';').append(2020 + y).append(';').append(v.getKey()).append(';')
                                .append(Math.round(base * drift * v.getValue())).append('\n');
                    }
                    if (sb.length() > 60_000) {
                        w.write(sb.toString());
                        sb.setLength(0);
                    }
                }
            }
            w.write(sb.toString());
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort for a temp folder
                }
            });
        }
    }
}
