package de.sozialmonitor.store;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Argon2id password hashes (password4j, PHC strings) with bounded concurrency. Each hash fills
 * 19 MiB of memory, so unbounded parallel logins would exhaust any heap: at most {@link #SLOTS}
 * hashes run at once, a caller waits at most {@link #WAIT_MILLIS} for a slot and otherwise gets
 * {@link Busy} (the web answers 503 with Retry-After). A hash that is never computed costs nothing.
 */
public final class PasswordHashing {
    /** OWASP's recommended Argon2id parameters (19 MiB, 2 passes, 1 lane). */
    static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Hashes at once: enough to keep the cores busy, 4 × 19 MiB at most. */
    public static final int SLOTS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final long WAIT_MILLIS = 2_000;
    /** The one instance of the process: the bound holds for every login, user change and CLI command together. */
    public static final PasswordHashing STANDARD = new PasswordHashing(SLOTS, WAIT_MILLIS);

    private final Semaphore free;
    private final long waitMillis;

    /** No hashing slot became free in time; try again in a few seconds. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("password hashing is busy; try again in a few seconds");
        }
    }

    /** At most {@code slots} hashes at once; a caller waits at most {@code waitMillis} for a slot. */
    public PasswordHashing(int slots, long waitMillis) {
        this.free = new Semaphore(slots, true);
        this.waitMillis = waitMillis;
    }

    /** A new Argon2id PHC string with a random salt. */
    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    /** Whether {@code password} matches the PHC string {@code hash}. */
    public boolean check(String password, String hash) {
        return bounded(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!free.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            free.release();
        }
    }
}
