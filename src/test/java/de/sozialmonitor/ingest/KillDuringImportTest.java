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
        // 3,250,000 rows: seconds of reading and writing, also since the import reads 20 million rows in
        // about 20 s (with 650,000 rows the child sometimes committed between the first write and the kill)
        ImportBenchmark.writeLong(longFile, areas, 10);
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
        // kill it without warning (SIGKILL) while it writes
        waitUntilWriting(url, tmp.resolve("db"));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 137 = 128 + SIGKILL: the child was killed, it did not finish on its own
        assertThat(child.exitValue()).as("the child must not have finished before the kill").isEqualTo(137);

        try (Database db = Database.open(url, "", "")) {
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
            Path small = IngestFixtures.write(tmp, "small.csv", "area_code;year;variable;value\nB1;2020;pop_total;500\n");
            ImportOutcome next = Importer.importFile(ws, db, small, "parent");
            assertThat(next.imported()).as("the next import after the kill: %s", next.report().problems()).isTrue();
        }
    }

    /**
     * Waits (at most 60 s) until the child writes: on PostgreSQL until its transaction holds a write
     * lock on {@code import} (its import row, written before the file is read and committed only at
     * the end; the observations are written as blocks at the end of reading), on H2 until the
     * database file grows.
     * A fixed sleep was not enough: on a fast machine the child finished before the kill.
     */
    private static void waitUntilWriting(String url, Path h2Dir) throws InterruptedException, IOException {
        long start = System.nanoTime();
        if (url.startsWith("jdbc:h2")) {
            long initial = dirSize(h2Dir);
            while (dirSize(h2Dir) <= initial && System.nanoTime() - start < 60e9) {
                Thread.sleep(5);
            }
            return;
        }
        try (Database db = Database.open(url, "", "")) {
            while (System.nanoTime() - start < 60e9 && db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                            + "WHERE c.relname = 'import' AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()")
                    .mapTo(Long.class).one()) == 0) {
                Thread.sleep(5);
            }
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
