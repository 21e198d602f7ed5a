package de.sozialmonitor.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench scale}: the full path a county runs ({@code init}, {@code import} of areas and
 * observations, {@code compute}, {@code export results}) on a generated county, side by side with
 * the R data.table peer of {@code ../shared/bench} in the same run: wall and CPU time of every
 * step and of the peer, the ratio, whether the classes agree area by area, the size of the
 * database against the delivered files, and the load of the machine while it ran.
 * The steps run in this JVM, one after the other, as the commands of the same name.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-scale",
        description = "Benchmark the full path (init, import, compute, export) on a generated county against the R peer.")
public final class BenchScaleCommand implements Callable<Integer> {
    /** The county sizes of gen_county.py: seed and localities per municipality, first year. */
    static final Map<String, String[]> SIZES = Map.of(
            "small", new String[] {"7", "12", "30", "2014"},
            "county", new String[] {"7", "60000", "70000", "2021"});

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "small",
            description = "small (about 130 localities, 2014-2024) or county (385,007 localities, 20 million rows); default small")
    String size;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Use the county in DIR (areas.csv, observations.csv as gen_county.py writes them) instead of generating one")
    Path data;

    @Option(names = "--bench-dir", paramLabel = "DIR", defaultValue = "../shared/bench",
            description = "Folder with gen_county.py and method_peer.R (default ../shared/bench)")
    Path benchDir;

    @Option(names = "--year", paramLabel = "YEAR", defaultValue = "2024", description = "Year to compute (default 2024)")
    int year;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work folder (default: a temporary folder, removed afterwards)")
    Path dir;

    @Option(names = "--db-url", paramLabel = "JDBC",
            description = "Run on this (empty) database instead of the embedded one, e.g. a PostgreSQL database")
    String dbUrl;

    @Option(names = "--no-peer", description = "Do not run the R peer")
    boolean noPeer;

    /** One measured step. */
    record Step(String name, double wallSeconds, double cpuSeconds, int exitCode) {
    }

    /** What a run found; {@code peer} is null without the peer. */
    record Outcome(List<Step> steps, Step peer, long observationRows, long deliveredBytes, long databaseBytes,
                   int areasCompared, int classesDiffering, List<String> firstDifferences) {
        double totalWall() {
            return steps.stream().mapToDouble(Step::wallSeconds).sum();
        }

        double totalCpu() {
            return steps.stream().mapToDouble(Step::cpuSeconds).sum();
        }

        boolean ok() {
            return steps.stream().allMatch(s -> s.exitCode() == 0) && (peer == null || peer.exitCode() == 0 && classesDiffering == 0);
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (data == null && !SIZES.containsKey(size)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size: small or county");
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("sozialmonitor-scale") : Files.createDirectories(dir);
        try {
            out.println(machine());
            out.flush();
            Path county = data;
            if (county == null) {
                county = work.resolve("county");
                String[] s = SIZES.get(size);
                long t0 = System.nanoTime();
                int rc = exec(out, List.of("python3", benchDir.resolve("gen_county.py").toString(), county.toString(), s[0], s[1], s[2], s[3]));
                if (rc != 0) {
                    out.println("gen_county.py failed (exit " + rc + ")");
                    return ExitCodes.ERROR;
                }
                out.printf(Locale.ROOT, "generated %s in %.1f s%n", county, (System.nanoTime() - t0) / 1e9);
            }
            Outcome o = run(county, work, out);
            print(o, out);
            out.println(load("load at the end"));
            out.flush();
            return o.ok() ? ExitCodes.OK : ExitCodes.ERROR;
        } finally {
            if (temporary) {
                de.sozialmonitor.ingest.ImportBenchmark.deleteTree(work);
            }
        }
    }

    Outcome run(Path county, Path work, PrintWriter out) throws IOException, InterruptedException {
        Path areas = county.resolve("areas.csv");
        Path observations = county.resolve("observations.csv");
        long delivered = Files.size(areas) + Files.size(observations);
        long rows = lines(observations) - 1;
        out.printf(Locale.ROOT, "county: %s, %,d observation rows, %,d MiB delivered%n", county, rows, delivered >> 20);
        Step peer = null;
        Path peerOut = work.resolve("peer.csv");
        if (!noPeer) {
            out.println(load("load before the peer"));
            out.flush();
            peer = timedChild("R peer (method_peer.R)", out, List.of("Rscript", benchDir.resolve("method_peer.R").toString(),
                    county.toString(), String.valueOf(year), peerOut.toString()));
            out.println(peer(peer));
            out.flush();
        }
        out.println(load("load before our path"));
        out.flush();
        Path ws = work.resolve("ws");
        Path results = work.resolve("results.csv");
        String w = ws.toString();
        List<Step> steps = new ArrayList<>();
        steps.add(step(out, "init", "init", w, "--territory-code", "09999", "--territory-name", "Landkreis Musterland"));
        if (dbUrl != null) {
            // the workspace names the database, as a county's sozialmonitor.yaml would
            Path config = ws.resolve("sozialmonitor.yaml");
            Files.writeString(config, Files.readString(config).replace("  url: \"\"", "  url: \"" + dbUrl.replace("\"", "\\\"") + "\""),
                    StandardCharsets.UTF_8);
        }
        steps.add(step(out, "import areas", "-w", w, "import", areas.toString()));
        steps.add(step(out, "import observations", "-w", w, "import", observations.toString()));
        steps.add(step(out, "compute", "-w", w, "compute", "--year", String.valueOf(year)));
        steps.add(step(out, "export results", "-w", w, "export", "results", "--year", String.valueOf(year), "--format", "csv",
                "--output", results.toString()));
        long dbBytes = dbUrl == null ? treeSize(ws.resolve(".sozialmonitor")) : -1;
        int compared = 0;
        int differing = 0;
        List<String> first = new ArrayList<>();
        if (peer != null && peer.exitCode() == 0 && Files.exists(results)) {
            Map<String, String> ours = classes(results, "area_code");
            Map<String, String> theirs = classes(peerOut, "area_code");
            java.util.Set<String> codes = new java.util.TreeSet<>(ours.keySet());
            codes.addAll(theirs.keySet());
            for (String code : codes) {
                compared++;
                String a = ours.getOrDefault(code, "(missing)");
                String b = theirs.getOrDefault(code, "(missing)");
                if (!a.equals(b)) {
                    differing++;
                    if (first.size() < 10) {
                        first.add(code + ": ours " + a + ", peer " + b);
                    }
                }
            }
        }
        return new Outcome(steps, peer, rows, delivered, dbBytes, compared, differing, first);
    }

    /** status and dynamics class of every area: ours from {@code export results}, the peer's from its CSV. */
    static Map<String, String> classes(Path csv, String codeColumn) throws IOException {
        Map<String, String> m = new HashMap<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().fieldSeparator(';').ofNamedCsvRecord(csv)) {
            for (NamedCsvRecord rec : r) {
                String status = rec.findField("status_class").orElse("");
                String dynamics = rec.findField("dynamics_class").orElse("");
                if (status.isEmpty() && dynamics.isEmpty()) {
                    continue; // no index: not part of the comparison (the peer lists only participants)
                }
                m.put(rec.getField(codeColumn), status + "/" + dynamics);
            }
        }
        return m;
    }

    private Step step(PrintWriter out, String name, String... args) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        StringBuilder errors = new StringBuilder();
        PrintWriter err = new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                if (errors.length() < 4000) {
                    errors.append(c, off, len);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        CommandLine cl = RootCommand.commandLine(args);
        cl.setOut(quiet);
        cl.setErr(err);
        int rc = cl.execute(args);
        err.flush();
        Step s = new Step(name, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9, rc);
        out.printf(Locale.ROOT, "  %-22s %9.1f s wall %9.1f s cpu%s%n", name, s.wallSeconds(), s.cpuSeconds(),
                rc == 0 ? "" : "  FAILED (exit " + rc + "): " + errors.toString().strip());
        out.flush();
        return s;
    }

    /** Runs a child process and measures its wall and CPU time (the CPU time of reaped children, from /proc). */
    private static Step timedChild(String name, PrintWriter out, List<String> command) throws IOException, InterruptedException {
        long cpu0 = childrenCpuNanos();
        long t0 = System.nanoTime();
        int rc = exec(out, command);
        return new Step(name, (System.nanoTime() - t0) / 1e9, (childrenCpuNanos() - cpu0) / 1e9, rc);
    }

    private static int exec(PrintWriter out, List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println(command.get(0) + " cannot be started: " + e.getMessage());
            return 127;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int rc = p.waitFor();
        if (!text.isEmpty()) {
            text.lines().forEach(l -> out.println("    | " + l));
        }
        return rc;
    }

    private static String peer(Step peer) {
        return String.format(Locale.ROOT, "  %-22s %9.1f s wall %9.1f s cpu%s", peer.name(), peer.wallSeconds(), peer.cpuSeconds(),
                peer.exitCode() == 0 ? "" : "  FAILED (exit " + peer.exitCode() + "; R with data.table: apt-get install r-base-core r-cran-data.table)");
    }

    private void print(Outcome o, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "%-24s %10s %10s%n", "step", "wall s", "cpu s");
        for (Step s : o.steps()) {
            out.printf(Locale.ROOT, "%-24s %10.1f %10.1f%n", s.name(), s.wallSeconds(), s.cpuSeconds());
        }
        out.printf(Locale.ROOT, "%-24s %10.1f %10.1f%n", "full path", o.totalWall(), o.totalCpu());
        o.steps().stream().filter(s -> s.name().equals("import observations")).findFirst().ifPresent(s ->
                out.printf(Locale.ROOT, "import: %,.0f canonical rows/s (wall), %,.0f rows/s per CPU second%n",
                        o.observationRows() / s.wallSeconds(), o.observationRows() / Math.max(1e-9, s.cpuSeconds())));
        if (o.peer() != null) {
            out.printf(Locale.ROOT, "%-24s %10.1f %10.1f%n", "R peer", o.peer().wallSeconds(), o.peer().cpuSeconds());
            if (o.peer().exitCode() == 0) {
                out.printf(Locale.ROOT, "ours / peer: %.2f x wall, %.2f x cpu%n", o.totalWall() / o.peer().wallSeconds(),
                        o.totalCpu() / Math.max(1e-9, o.peer().cpuSeconds()));
                out.printf(Locale.ROOT, "classes: %,d areas compared, %,d differ%s%n", o.areasCompared(), o.classesDiffering(),
                        o.classesDiffering() == 0 ? " (identical)" : "");
                o.firstDifferences().forEach(d -> out.println("  " + d));
            }
        }
        if (o.databaseBytes() >= 0) {
            out.printf(Locale.ROOT, "database: %,d MiB for %,d MiB delivered (%.2f x)%n", o.databaseBytes() >> 20,
                    o.deliveredBytes() >> 20, (double) o.databaseBytes() / o.deliveredBytes());
        }
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %d processors, %s memory; Java %s, max heap %,d MiB; %s",
                rt.availableProcessors(), memory(), System.getProperty("java.version"), rt.maxMemory() >> 20, load("load"));
    }

    private static String memory() {
        try (Stream<String> s = Files.lines(Path.of("/proc/meminfo"))) {
            return s.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> (Long.parseLong(l.replaceAll("[^0-9]", "")) >> 20) + " GiB").orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The load averages (1, 5, 15 minutes) of the machine: others' work changes the wall times. */
    static String load(String label) {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return label + " " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return label + " " + (l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l));
        }
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** User and system time of this process's waited-for children (Linux /proc/self/stat, clock ticks of 1/100 s). */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long lines(Path file) throws IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static long treeSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
