package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real child JVM imports a large file and is killed with SIGKILL while it writes: afterwards
 * the database holds exactly what it held before, and the next import works.
 */
class KillDuringImportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aKilledImportLeavesTheDatabaseAsItWas(TestDatabases.Kind kind) throws Exception {
        String url = kind == TestDatabases.Kind.H2 ? Database.embeddedUrl(tmp.resolve("db").resolve("kill"))
                : TestDatabases.newPostgresUrl();
        long areas = 25_000;
        Path areasFile = tmp.resolve("areas.csv");
        Path longFile = tmp.resolve("long.csv");
        ImportBenchmark.writeAreas(areasFile, areas);
        ImportBenchmark.writeLong(longFile, areas, 2); // 650,000 rows: seconds of writing
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws")); // its territory differs from the generated one: a warning
        String before;
        try (Database db = Database.open(url, "", "")) {
            assertThat(Importer.importFile(ws, db, areasFile, "parent").imported()).isTrue();
            before = DatabaseSnapshot.of(db);
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), KillTestChild.class.getName(),
                ws.root().toString(), url, longFile.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("begin")) {
            // Flyway and logging output before the import starts
        }
        assertThat(line).isEqualTo("begin");
        // let it read and write for a while, then kill it without warning (SIGKILL)
        waitUntilWriting(url, tmp.resolve("db"));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 137 = 128 + SIGKILL: the child was killed, it did not finish on its own
        assertThat(child.exitValue()).as("the child must not have finished before the kill").isEqualTo(137);

        try (Database db = Database.open(url, "", "")) {
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
            Path small = IngestFixtures.write(tmp, "small.csv", "area_code;year;variable;value\nB1;2020;pop_total;500\n");
            assertThat(Importer.importFile(ws, db, small, "parent").imported()).isTrue();
        }
    }

    /** Waits (at most 60 s) until the child has had time to write rows: 3 s, or the H2 file grows. */
    private static void waitUntilWriting(String url, Path h2Dir) throws InterruptedException, IOException {
        long start = System.nanoTime();
        long initial = url.startsWith("jdbc:h2") ? dirSize(h2Dir) : 0;
        Thread.sleep(3000);
        while (url.startsWith("jdbc:h2") && dirSize(h2Dir) <= initial && System.nanoTime() - start < 60e9) {
            Thread.sleep(200);
        }
    }

    private static long dirSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
