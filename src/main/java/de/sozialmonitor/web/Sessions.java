package de.sozialmonitor.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side login sessions. The cookie carries only a random 256-bit id; a new id is issued at
 * every login (no session fixation). Sessions end after {@code idle} without a request, after
 * {@code absolute} in any case, at logout, and when the server restarts.
 */
public final class Sessions {
    public record Session(String id, String username, Role role, String csrfToken, Instant created, Instant lastSeen) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    public static Sessions standard() {
        return new Sessions(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(8));
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Session create(String username, Role role) {
        Instant now = clock.instant();
        Session s = new Session(randomToken(), username, role, randomToken(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.created().plus(absolute))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.username(), s.role(), s.csrfToken(), s.created(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user, e.g. after the account was disabled or its role changed. */
    public void endAllOf(String username) {
        sessions.values().removeIf(s -> s.username().equals(username));
    }
}
