package de.sozialmonitor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The abuse of issue 11 against a server of its own: a second JVM with a small heap
 * ({@code -Xmx1g}) serves the workspace on a free loopback port; {@code logins} anonymous logins
 * (each from its own loopback address 127.0.x.y, so that throttling does not hide the cost of
 * hashing), then {@code downloads} downloads of a published release's JSON, then {@code sheets}
 * data sheets for funding bids (PDF, rendered per request) arrive at once; afterwards pages, a
 * download and a login must answer as usual. Bounded: one request per client,
 * fixed counts, every socket with a time limit; traffic only to 127.0.0.0/8.
 */
final class LoadCheck {
    /** What one request got: HTTP status (0 = no answer), body bytes, milliseconds. */
    record Reply(int status, long bytes, long millis) {
    }

    /** The outcome: status histograms of both waves and of the checks afterwards, and what the server logged. */
    record Outcome(Map<Integer, Integer> logins, long loginMaxMillis, Map<Integer, Integer> downloads, long downloadMaxMillis,
                   long releaseBytes, int downloadsComplete, Map<Integer, Integer> sheets, long sheetMaxMillis,
                   Map<String, Integer> afterwards, boolean outOfMemory, int reconnects) {
        /**
         * No 500 (or other 5xx but 503 for logins and data sheets, the answer when every slot is
         * taken), every download whole, at least one data sheet rendered, everything normal afterwards, no OOM.
         */
        boolean passed() {
            boolean loginsOk = logins.keySet().stream().allMatch(s -> s == 401 || s == 429 || s == 503);
            boolean sheetsOk = sheets.keySet().stream().allMatch(s -> s == 200 || s == 503)
                    && (sheets.isEmpty() || sheets.containsKey(200));
            boolean downloadsOk = downloads.keySet().stream().allMatch(s -> s == 200) && downloadsComplete == downloads.values().stream()
                    .mapToInt(Integer::intValue).sum();
            boolean afterOk = afterwards.values().stream().allMatch(s -> s == 200 || s == 401);
            return loginsOk && downloadsOk && sheetsOk && afterOk && !outOfMemory;
        }
    }

    private static final int TIMEOUT_MILLIS = 180_000;

    private LoadCheck() {
    }

    /**
     * Runs the waves against {@code workspace} served by a child JVM with {@code heap} (e.g. "1g");
     * the data sheets are those of area {@code sheetArea} from the release.
     */
    static Outcome run(Path workspace, int release, String heap, int logins, int downloads, int sheets, String sheetArea, String page)
            throws Exception {
        Path log = Files.createTempFile("sozialmonitor-abuse", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--workspace", workspace.toString(), "serve", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SOZIALMONITOR_BIND", "127.0.0.1");
        Process server = pb.start();
        try {
            int port = awaitPort(server, log);
            int reconnectsBefore = RECONNECTS.get();
            NO_ANSWER.clear(); // the reasons of this run only
            String token = token();
            Map<Integer, Integer> loginCodes = new TreeMap<>();
            long loginMax = wave(logins, i -> post(address(i), port, "/login",
                    "_csrf=" + token + "&username=" + URLEncoder.encode("guess" + i, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode("wrong password " + i, StandardCharsets.UTF_8), token), loginCodes, null);
            Reply one = get("127.0.0.1", port, "/download/berichtsstand/" + release + "?format=json");
            long size = one.bytes();
            Map<Integer, Integer> downloadCodes = new TreeMap<>();
            int[] complete = new int[1];
            long downloadMax = wave(downloads, i -> get(address(1000 + i), port, "/download/berichtsstand/" + release + "?format=json"),
                    downloadCodes, r -> {
                        if (r.status() == 200 && r.bytes() == size) {
                            synchronized (complete) {
                                complete[0]++;
                            }
                        }
                    });
            Map<Integer, Integer> sheetCodes = new TreeMap<>();
            String sheetPath = "/download/datenblatt/" + URLEncoder.encode(sheetArea, StandardCharsets.UTF_8) + "?release=" + release
                    + "&format=pdf";
            long sheetMax = sheets == 0 ? 0 : wave(sheets, i -> get(address(2000 + i), port, sheetPath), sheetCodes, null);
            Map<String, Integer> after = new java.util.LinkedHashMap<>();
            after.put("/", get("127.0.0.1", port, "/").status());
            after.put(page, get("127.0.0.1", port, page).status());
            after.put("/download/berichtsstand/" + release, get("127.0.0.1", port, "/download/berichtsstand/" + release).status());
            after.put("POST /login", post("127.0.0.9", port, "/login", "_csrf=" + token + "&username=nobody-here&password=wrong+password",
                    token).status());
            boolean oom = Files.readString(log).contains("OutOfMemoryError");
            return new Outcome(loginCodes, loginMax, downloadCodes, downloadMax, size, complete[0], sheetCodes, sheetMax, after, oom,
                    RECONNECTS.get() - reconnectsBefore);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private interface Request {
        Reply send(int i) throws IOException;
    }

    /** Sends {@code n} requests at the same moment (one thread each) and counts the status codes. */
    private static long wave(int n, Request request, Map<Integer, Integer> codes, java.util.function.Consumer<Reply> each)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            replies.add(pool.submit(() -> {
                start.await();
                try {
                    return request.send(k);
                } catch (IOException e) {
                    NO_ANSWER.add(e.toString());
                    return new Reply(0, 0, 0);
                }
            }));
        }
        start.countDown();
        long max = 0;
        for (Future<Reply> f : replies) {
            Reply r = f.get(TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
            codes.merge(r.status(), 1, Integer::sum);
            max = Math.max(max, r.millis());
            if (each != null) {
                each.accept(r);
            }
        }
        pool.shutdownNow();
        return max;
    }

    /** Client i's own loopback address, 127.0.x.y (all of 127.0.0.0/8 is this machine). */
    private static String address(int i) {
        return "127.0." + (1 + i / 250) + "." + (2 + i % 250);
    }

    private static String token() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static Reply get(String from, int port, String path) throws IOException {
        return exchange(from, port, "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", null);
    }

    static Reply post(String from, int port, String path, String form, String loginToken) throws IOException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return exchange(from, port, "POST " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nCookie: sm_login_csrf=" + loginToken
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    /**
     * One HTTP/1.0 exchange from a chosen local address: the server answers without chunking and
     * closes, so the body is everything after the header block.
     */
    private static Reply exchange(String from, int port, String head, byte[] body) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = connect(from, port)) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            String status = line(in);
            while (!line(in).isEmpty()) {
                // headers
            }
            long bytes = in.transferTo(OutputStream.nullOutputStream());
            Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(status);
            return new Reply(m.find() ? Integer.parseInt(m.group(1)) : 0, bytes, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Why requests got no HTTP answer at all (status 0): the client's exceptions, for the report of a failed check. */
    static final java.util.Queue<String> NO_ANSWER = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Connection attempts the kernel refused (listen backlog full while 200 clients connect at once), counted. */
    static final java.util.concurrent.atomic.AtomicInteger RECONNECTS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Connects from {@code from}; a refused or timed-out connect (the request never reached the
     * server) is tried again up to twice and counted in {@link #RECONNECTS}.
     */
    private static Socket connect(String from, int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Socket s = new Socket();
            try {
                s.bind(new InetSocketAddress(from, 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                return s;
            } catch (java.net.ConnectException | java.net.SocketTimeoutException e) {
                s.close();
                last = e;
                RECONNECTS.incrementAndGet();
                try {
                    Thread.sleep(200L * (attempt + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }
        throw last;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                sb.append((char) c);
            }
            if (sb.length() > 16_384) {
                throw new IOException("header line too long");
            }
        }
        return sb.toString();
    }

    private static int awaitPort(Process server, Path log) throws Exception {
        Pattern url = Pattern.compile("http://localhost:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = url.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start within 120 s");
    }
}
