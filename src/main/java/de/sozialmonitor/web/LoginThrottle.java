package de.sozialmonitor.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down password guessing, per client address and per (user name, address) pair. After the
 * free failures of a key, further attempts wait for a lock time that doubles with every further
 * failure (capped); failures are forgotten a window after the lock has run out.
 *
 * <p>Race-free: {@link #admit} checks both keys and counts the attempt as pending in one step,
 * and pending attempts count like failures until {@link #finish} reports the outcome, so sixty
 * parallel guesses get exactly the free attempts. A user cannot be locked out by guesses from
 * other addresses (there is no lock per user name alone); a success clears only its own pair.
 * Bounded memory: at most {@code maxEntries} keys (expired ones go first, then the least recently
 * used), and a key holds at most {@value #MAX_NAME_IN_KEY} characters of a user name. IPv6
 * addresses count per /64 network, which one client usually has whole.
 */
public final class LoginThrottle {
    static final int MAX_NAME_IN_KEY = 100;
    /** How long an attempt waits behind pending ones of the same key once free attempts are used. */
    static final Duration PENDING_WAIT = Duration.ofSeconds(1);

    private static final class Entry {
        int failures;
        int pending;
        Instant lastFailure;
    }

    /** An admitted attempt; report its outcome with {@link #finish}. */
    public static final class Ticket {
        private final String pairKey;
        private final String addressKey;
        private boolean finished;

        private Ticket(String pairKey, String addressKey) {
            this.pairKey = pairKey;
            this.addressKey = addressKey;
        }
    }

    /** Either a ticket (go ahead) or the time to wait. */
    public record Admission(Ticket ticket, Duration retryAfter) {
        public boolean admitted() {
            return ticket != null;
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Clock clock;
    private final int pairFree;
    private final int addressFree;
    private final Duration window;
    private final Duration baseLock;
    private final Duration maxLock;
    private final int maxEntries;

    /**
     * @param pairFree    failures of one user name from one address before locks start
     * @param addressFree failures from one address (any user names) before locks start
     */
    public LoginThrottle(Clock clock, int pairFree, int addressFree, Duration window, Duration baseLock, Duration maxLock,
                         int maxEntries) {
        this.clock = clock;
        this.pairFree = pairFree;
        this.addressFree = addressFree;
        this.window = window;
        this.baseLock = baseLock;
        this.maxLock = maxLock;
        this.maxEntries = maxEntries;
    }

    /** 5 failures per user and address, 20 per address, 30 s doubling up to 15 min, 10,000 keys. */
    public static LoginThrottle standard() {
        return new LoginThrottle(Clock.systemUTC(), 5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15),
                10_000);
    }

    /** Admits an attempt of {@code username} from {@code address}, or says how long to wait. */
    public synchronized Admission admit(String username, String address) {
        Instant now = clock.instant();
        String a = addressKey(address);
        String p = pairKey(username, a);
        Duration wait = max(waitFor(p, pairFree, now), waitFor(a, addressFree, now));
        if (!wait.isZero()) {
            return new Admission(null, wait);
        }
        entry(a, now).pending++;
        entry(p, now).pending++;
        return new Admission(new Ticket(p, a), Duration.ZERO);
    }

    /** The outcome of an admitted attempt; a success clears its user name and address pair. */
    public synchronized void finish(Ticket ticket, boolean success) {
        if (ticket == null || ticket.finished) {
            return;
        }
        ticket.finished = true;
        Instant now = clock.instant();
        for (String key : new String[] {ticket.addressKey, ticket.pairKey}) {
            Entry e = entries.get(key);
            if (e == null) {
                continue; // evicted while pending
            }
            e.pending = Math.max(0, e.pending - 1);
            if (!success) {
                e.failures++;
                e.lastFailure = now;
            } else if (key.equals(ticket.pairKey)) {
                e.failures = 0;
                e.lastFailure = null;
            }
            if (e.failures == 0 && e.pending == 0) {
                entries.remove(key);
            }
        }
    }

    /** An admitted attempt that was never checked (e.g. no hashing slot free): it counts neither way. */
    public synchronized void cancel(Ticket ticket) {
        if (ticket == null || ticket.finished) {
            return;
        }
        ticket.finished = true;
        for (String key : new String[] {ticket.addressKey, ticket.pairKey}) {
            Entry e = entries.get(key);
            if (e != null) {
                e.pending = Math.max(0, e.pending - 1);
                if (e.failures == 0 && e.pending == 0) {
                    entries.remove(key);
                }
            }
        }
    }

    /** Keys held now (for the memory bound). */
    synchronized int size() {
        return entries.size();
    }

    private Duration waitFor(String key, int free, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            return Duration.ZERO;
        }
        if (e.lastFailure != null && now.isAfter(e.lastFailure.plus(lockTime(e.failures, free)).plus(window))) {
            e.failures = 0;
            e.lastFailure = null;
        }
        if (e.failures + e.pending < free) {
            return Duration.ZERO;
        }
        if (e.failures < free) {
            return PENDING_WAIT; // the pending attempts may still succeed
        }
        Duration left = Duration.between(now, e.lastFailure.plus(lockTime(e.failures, free)));
        if (left.isNegative() || left.isZero()) {
            return e.pending > 0 ? PENDING_WAIT : Duration.ZERO; // after a lock, one attempt at a time
        }
        return left;
    }

    private Duration lockTime(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration lock = baseLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private Entry entry(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= maxEntries) {
                makeRoom(now);
            }
            e = new Entry();
            entries.put(key, e);
        }
        return e;
    }

    private void makeRoom(Instant now) {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Entry e = it.next().getValue();
            if (e.pending == 0 && (e.lastFailure == null || now.isAfter(e.lastFailure.plus(maxLock).plus(window)))) {
                it.remove();
            }
        }
        Iterator<String> eldest = entries.keySet().iterator();
        while (entries.size() >= maxEntries && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pairKey(String username, String addressKey) {
        String name = username == null ? "" : username;
        return "u:" + (name.length() > MAX_NAME_IN_KEY ? name.substring(0, MAX_NAME_IN_KEY) : name) + "\u0000" + addressKey;
    }

    /** The address as a key: IPv4 as it is, IPv6 by its /64 network. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "a:?";
        }
        if (address.indexOf(':') >= 0) {
            try {
                byte[] b = InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", "")).getAddress();
                if (b.length == 16) {
                    StringBuilder sb = new StringBuilder("a6:");
                    for (int i = 0; i < 8; i++) {
                        sb.append(String.format("%02x", b[i]));
                    }
                    return sb.toString();
                }
            } catch (UnknownHostException | SecurityException e) {
                // not an address literal: fall through and use it as it is, bounded
            }
        }
        return "a:" + (address.length() > 64 ? address.substring(0, 64) : address);
    }
}
