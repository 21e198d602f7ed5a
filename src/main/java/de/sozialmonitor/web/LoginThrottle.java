package de.sozialmonitor.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code freeAttempts} failures for one user name or one client
 * address within the window, further attempts are refused for a lock time that doubles with every
 * further failure (capped). A success clears the user name's record.
 */
public final class LoginThrottle {
    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeAttempts;
    private final Duration window;
    private final Duration baseLock;
    private final Duration maxLock;

    public LoginThrottle(Clock clock, int freeAttempts, Duration window, Duration baseLock, Duration maxLock) {
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.window = window;
        this.baseLock = baseLock;
        this.maxLock = maxLock;
    }

    public static LoginThrottle standard() {
        return new LoginThrottle(Clock.systemUTC(), 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** Time left before another attempt for this user name from this address is allowed; zero if allowed now. */
    public Duration wait(String username, String address) {
        Duration a = waitFor("u:" + username);
        Duration b = waitFor("a:" + address);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String username, String address) {
        bump("u:" + username);
        bump("a:" + address);
    }

    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private Duration waitFor(String key) {
        Failures f = failures.get(key);
        Instant now = clock.instant();
        if (f == null || now.isAfter(f.last().plus(window).plus(lockTime(f.count())))) {
            return Duration.ZERO;
        }
        if (f.count() < freeAttempts) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(lockTime(f.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration lockTime(int count) {
        if (count < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - freeAttempts, 20);
        Duration lock = baseLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private void bump(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, f) -> {
            if (f == null || now.isAfter(f.last().plus(window).plus(lockTime(f.count())))) {
                return new Failures(1, now);
            }
            return new Failures(f.count() + 1, now);
        });
    }
}
