package de.sozialmonitor.cli;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.web.Texts;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench web}: starts the web application of the workspace on a free localhost port and
 * measures the latency of the map-data and the profile endpoints with a Java load generator:
 * {@code concurrency} clients send {@code requests} requests per endpoint in all. The requests
 * are anonymous, so they measure the public view: the newest published release.
 */
@Command(name = "web", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.bench-web",
        description = "Benchmark the web endpoints: p50/p99 latency under concurrent load.")
public final class BenchWebCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N", descriptionKey = "requests", description = "Requests per endpoint (default 2000, at most 100000)")
    int requests = 2000;

    @Option(names = "--concurrency", paramLabel = "C", descriptionKey = "concurrency", description = "Concurrent clients (default 8, at most 64)")
    int concurrency = 8;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > 100_000 || concurrency < 1 || concurrency > 64) {
            throw new RejectedInputException("--requests must be 1..100000 and --concurrency 1..64");
        }
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        Texts t = Texts.of(Messages.of(spec).language());
        try (Database db = ws.openDatabase(); WebServer server = ServeCommand.serve(ws, db, 0)) {
            // what the public sees: the newest published release
            ResultView view = server.views().latestPublished().orElse(null);
            String level = view == null || view.levels().isEmpty() ? "" : view.levels().get(view.levels().size() - 1).name();
            List<AreaInfo> areas = view == null ? List.of() : view.areasOn(level);
            String base = "http://127.0.0.1:" + server.port();
            String enc = java.net.URLEncoder.encode(level, java.nio.charset.StandardCharsets.UTF_8);
            String area = areas.isEmpty() ? "none" : java.net.URLEncoder.encode(areas.get(areas.size() / 2).code(),
                    java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("map data  /api/v1/map (zoom 10)", base + "/api/v1/map?level=" + enc + "&zoom=10");
            endpoints.put("map data  /api/v1/map (zoom 13)", base + "/api/v1/map?level=" + enc + "&zoom=13");
            endpoints.put("profile   /gebiet/{code} (HTML)", base + "/gebiet/" + area);
            endpoints.put("profile   /api/v1/areas/{code}", base + "/api/v1/areas/" + area);
            endpoints.put("overview  / (HTML)", base + "/");
            out.println(t.get("cli.bench.header", requests, concurrency));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                run(client, e.getValue(), Math.min(200, requests), concurrency); // warm-up: JIT, caches
                Result r = run(client, e.getValue(), requests, concurrency);
                out.println(t.get("cli.bench.line", e.getKey(), fmt(r.percentile(50)), fmt(r.percentile(99)), fmt(r.percentile(100)),
                        String.format(Locale.ROOT, "%.0f", r.throughput()), r.errors()));
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    record Result(long[] nanos, int errors, long wallNanos) {
        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
        }

        double throughput() {
            return nanos.length / (wallNanos / 1e9);
        }
    }

    static Result run(HttpClient client, String url, int requests, int concurrency) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (resp.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return new Result(nanos, errors.get(), wall);
    }
}
