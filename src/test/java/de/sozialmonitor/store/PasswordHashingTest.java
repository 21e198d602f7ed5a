package de.sozialmonitor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {
    @Test
    void hashesAreArgon2idAndCheckTheRightPasswordOnly() {
        PasswordHashing hashing = new PasswordHashing(2, 10_000);
        String hash = hashing.hash("a long enough passphrase");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hashing.check("a long enough passphrase", hash)).isTrue();
        assertThat(hashing.check("another passphrase", hash)).isFalse();
    }

    /** When every slot is taken, a caller is told "busy" at once instead of piling up 19 MiB hashes. */
    @Test
    void moreParallelHashesThanSlotsAreRefusedAsBusy() throws Exception {
        PasswordHashing one = new PasswordHashing(1, 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            Callable<Boolean> task = () -> {
                try {
                    one.hash("a long enough passphrase");
                    return true;
                } catch (BoundedWork.Busy e) {
                    return false;
                }
            };
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(task));
            }
            int done = 0;
            for (Future<Boolean> f : results) {
                done += f.get() ? 1 : 0;
            }
            assertThat(done).isBetween(1, 7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(one.check("x", one.hash("a long enough passphrase"))).as("free again afterwards").isFalse();
    }
}
