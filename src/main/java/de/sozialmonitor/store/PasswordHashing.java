package de.sozialmonitor.store;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (password4j, PHC strings) with bounded concurrency. Each hash fills
 * 19 MiB of memory, so unbounded parallel logins would exhaust any heap: at most {@link #SLOTS}
 * hashes run at once, a caller waits at most {@link #WAIT_MILLIS} for a slot and otherwise gets
 * {@link BoundedWork.Busy} (the web answers 503 with Retry-After). A hash that is never computed costs nothing.
 */
public final class PasswordHashing {
    /** OWASP's recommended Argon2id parameters (19 MiB, 2 passes, 1 lane). */
    static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Hashes at once: enough to keep the cores busy, 4 × 19 MiB at most. */
    public static final int SLOTS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final long WAIT_MILLIS = 2_000;
    /** The one instance of the process: the bound holds for every login, user change and CLI command together. */
    public static final PasswordHashing STANDARD = new PasswordHashing(SLOTS, WAIT_MILLIS);

    private final BoundedWork slots;

    /** At most {@code slots} hashes at once; a caller waits at most {@code waitMillis} for a slot. */
    public PasswordHashing(int slots, long waitMillis) {
        this.slots = new BoundedWork("password hashing", slots, waitMillis);
    }

    /** A new Argon2id PHC string with a random salt. */
    public String hash(String password) {
        return slots.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    /** Whether {@code password} matches the PHC string {@code hash}. */
    public boolean check(String password, String hash) {
        return slots.run(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }
}
