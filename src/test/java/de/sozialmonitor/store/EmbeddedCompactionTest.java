package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.ValueStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCompactionTest {
    /** Two imports of 40,000 areas × 10 series of random figures, each several MiB of blocks. */
    private static long[] twoImports(Database db) {
        return db.jdbi().inTransaction(h -> {
            long[] ids = {ResultRepositoryTest.importRow(h, "imported"), ResultRepositoryTest.importRow(h, "imported")};
            Random rnd = new Random(3);
            for (long id : ids) {
                try (ObservationStore.Writer w = ObservationStore.writer(h, id)) {
                    for (int a = 0; a < 40_000; a++) {
                        for (int v = 0; v < 10; v++) {
                            w.add("A" + a, 2020, "pop_total", "g" + v, rnd.nextDouble() * 1e6, ValueStatus.OK);
                        }
                    }
                }
            }
            return ids;
        });
    }

    @Test
    void theFileShrinksWhenDataWereRemovedAndTheRestStaysReadable(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("db");
        Path file = tmp.resolve("db.mv.db");
        long[] ids;
        try (Database db = Database.open(Database.embeddedUrl(base), "", "")) {
            ids = twoImports(db);
        }
        long full = Files.size(file);
        Database db = Database.open(Database.embeddedUrl(base), "", "");
        long removed = db.jdbi().inTransaction(h -> ObservationStore.delete(h, ids[0]));
        assertThat(removed).as("bytes of the removed blocks").isGreaterThan(1 << 20);
        db.compactWhenClosed(removed);
        db.close();

        EmbeddedCompaction.Outcome outcome = db.compaction().orElseThrow();
        assertThat(outcome.skipped()).isNull();
        assertThat(outcome.bytesAfter()).isLessThan(outcome.bytesBefore()).isLessThan(full * 3 / 4);
        assertThat(Files.size(file)).isLessThan(full * 3 / 4);
        assertThat(Files.getPosixFilePermissions(file)).as("still readable by the program's account only")
                .isEqualTo(PrivateFiles.FILE);
        try (Database again = Database.open(Database.embeddedUrl(base), "", "")) {
            long kept = again.jdbi().withHandle(h -> ObservationStore.count(h, ids[1]));
            long gone = again.jdbi().withHandle(h -> ObservationStore.count(h, ids[0]));
            assertThat(kept).isEqualTo(400_000);
            assertThat(gone).isZero();
        }
    }

    @Test
    void nothingIsRewrittenForASmallRemoval(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("db");
        Database db = Database.open(Database.embeddedUrl(base), "", "");
        twoImports(db);
        long size = Files.size(tmp.resolve("db.mv.db"));
        db.compactWhenClosed(size / 10);
        db.close();
        assertThat(db.compaction().orElseThrow().skipped()).startsWith("removed ");
        assertThat(Files.size(tmp.resolve("db.mv.db"))).isGreaterThanOrEqualTo(size);
    }
}
