package de.sozialmonitor.store;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a fixed number of memory-heavy jobs at once (password hashes, data sheets rendered for
 * the web): a caller waits at most a fixed time for a slot and otherwise gets {@link Busy} (the
 * web answers 503 with Retry-After). So many parallel requests cannot exhaust the heap; a job
 * that never starts costs nothing.
 */
public final class BoundedWork {
    private final String what;
    private final Semaphore free;
    private final long waitMillis;

    /** No slot became free in time; try again in a few seconds. */
    public static final class Busy extends RuntimeException {
        public Busy(String what) {
            super(what + " is busy; try again in a few seconds");
        }
    }

    /** At most {@code slots} jobs at once; a caller waits at most {@code waitMillis} for a slot. {@code what} names the work in messages. */
    public BoundedWork(String what, int slots, long waitMillis) {
        this.what = what;
        this.free = new Semaphore(slots, true);
        this.waitMillis = waitMillis;
    }

    /** Runs {@code work} in a slot; {@link Busy} if none became free in time. */
    public <T> T run(Supplier<T> work) {
        try {
            if (!free.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy(what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(what);
        }
        try {
            return work.get();
        } finally {
            free.release();
        }
    }
}
