package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.DiskSpace;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.core.Handle;

/**
 * A workspace on a small file system (a tmpfs of a few MiB, mounted for the test; CI runs as root):
 * an import or a write that does not fit ends with a message that names the workspace and the
 * space needed, and the database stays as it was.
 */
class FullDiskTest {
    @TempDir
    Path tmp;

    private Path mount;

    /** Mounts a tmpfs of {@code size} (e.g. "24m") for the workspace, or skips where that is impossible (not root). */
    private void mountSmallFileSystem(String size) throws Exception {
        mount = tmp.resolve("small");
        Files.createDirectories(mount);
        boolean mounted = false;
        if ("root".equals(System.getProperty("user.name"))) {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        if (!mounted && System.getenv("CI") != null) {
            throw new IllegalStateException("CI runs as root and must be able to mount a small tmpfs for this test");
        }
        Assumptions.assumeTrue(mounted, "needs root to mount a small tmpfs");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anImportLargerThanTheFreeSpaceIsRefusedWithTheWorkspaceAndTheSpaceNeeded() throws Exception {
        mountSmallFileSystem("10m");
        Path areasFile = tmp.resolve("areas.csv");
        Path longFile = tmp.resolve("long.csv");
        ImportBenchmark.writeAreas(areasFile, 5_000);
        ImportBenchmark.writeLong(longFile, 5_000, 6); // larger than the file system: refused before anything is written
        Workspace ws = IngestFixtures.workspace(mount.resolve("ws"));
        try (Database db = ws.openDatabase()) {
            assertThat(Importer.importFile(ws, db, areasFile, "tester").imported()).isTrue();
            String before = DatabaseSnapshot.of(db);
            assertThatThrownBy(() -> Importer.importFile(ws, db, longFile, "tester"))
                    .isInstanceOf(DiskSpace.FullException.class)
                    .hasMessageContaining(ws.root().toString())
                    .hasMessageContaining("MiB needed");
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
            Path small = IngestFixtures.write(tmp, "small.csv", "area_code;year;variable;value\nB1;2020;pop_total;500\n");
            assertThat(Importer.importFile(ws, db, small, "tester").imported()).isTrue();
        }
    }

    @Test
    void aDiskThatFillsUpWhileWritingIsReportedAsFullAndTheDatabaseStaysAsItWas() throws Exception {
        mountSmallFileSystem("8m");
        Path areasFile = tmp.resolve("areas.csv");
        ImportBenchmark.writeAreas(areasFile, 100);
        Workspace ws = IngestFixtures.workspace(mount.resolve("ws"));
        Path ballast = Files.write(mount.resolve("ballast"), new byte[2 << 20]);
        String before;
        try (Database db = ws.openDatabase()) {
            assertThat(Importer.importFile(ws, db, areasFile, "tester").imported()).isTrue();
            before = DatabaseSnapshot.of(db);
        }
        try (Database db = ws.openDatabase()) {
            // past the check in advance: rows written straight into an open transaction until the disk is full
            RuntimeException failure = null;
            try (Handle h = db.jdbi().open()) {
                h.begin();
                long importId = de.sozialmonitor.store.ImportRepository.start(h, "fill.csv", "f".repeat(64), "fill", "canonical",
                        null, "tester");
                try (ObservationStore.Writer w = ObservationStore.writer(h, importId)) {
                    // about 24 MiB of numbers that do not compress, for a file system of 8 MiB
                    java.util.Random random = new java.util.Random(1);
                    for (long i = 0; i < 3_000_000L; i++) {
                        w.add("B" + (i % 100), 2000 + (int) (i / 100 % 100), "pop_total", "group" + (i / 10_000), random.nextDouble(),
                                de.sozialmonitor.model.ValueStatus.OK);
                    }
                }
                h.commit();
            } catch (RuntimeException e) {
                failure = DiskSpace.translate(e, ws.root(), db, 1L << 30);
            }
            assertThat(failure).as("the disk must have filled up").isNotNull();
            assertThat(failure).isInstanceOf(DiskSpace.FullException.class).hasMessageContaining(ws.root().toString());
        } catch (RuntimeException e) {
            // closing a database whose disk is full may fail as well; what counts is the state afterwards
            assertThat(DiskSpace.translate(e, ws.root(), null, 0)).isInstanceOf(DiskSpace.FullException.class);
        }
        Files.delete(ballast); // what a user does next: make room
        try (Database db = ws.openDatabase()) {
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
        }
    }
}
