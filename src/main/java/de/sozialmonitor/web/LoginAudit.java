package de.sozialmonitor.web;

import de.sozialmonitor.store.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed and throttled logins, counted per minute, user name and client address, and written as
 * one audit row ({@value #ACTION}) per such triple once the minute is over: a guessing run costs
 * the audit log a few rows a minute instead of hundreds a second. At most {@code maxKeys} triples
 * are held per minute; further ones are counted together under {@value #OTHER}. Successful logins
 * stay one row each (store.UserRepository).
 */
final class LoginAudit {
    static final String ACTION = "login.failed";
    static final String OTHER = "(other names and addresses)";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private record Key(long minute, String user, String address) {
    }

    private static final class Counts {
        long failed;
        long throttled;
    }

    private final Map<Key, Counts> pending = new HashMap<>();
    private final AuditLog audit;
    private final Clock clock;
    private final int maxKeys;

    LoginAudit(AuditLog audit, Clock clock, int maxKeys) {
        this.audit = audit;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    synchronized void failed(String user, String address) {
        count(user, address).failed++;
    }

    synchronized void throttled(String user, String address) {
        count(user, address).throttled++;
    }

    private synchronized Counts count(String user, String address) {
        long minute = clock.instant().getEpochSecond() / 60;
        Key key = new Key(minute, bounded(user, 100), bounded(address, 64));
        Counts c = pending.get(key);
        if (c == null) {
            if (pending.size() >= maxKeys) {
                key = new Key(minute, OTHER, OTHER);
            }
            c = pending.computeIfAbsent(key, k -> new Counts());
        }
        return c;
    }

    /** Writes the minutes that are over (all of them with {@code everything}, e.g. when the server stops). */
    void flush(boolean everything) {
        long now = clock.instant().getEpochSecond() / 60;
        List<Map.Entry<Key, Counts>> done = new ArrayList<>();
        synchronized (this) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (everything || e.getKey().minute() < now) {
                    done.add(e);
                    it.remove();
                }
            }
        }
        done.sort((a, b) -> Long.compare(a.getKey().minute(), b.getKey().minute()));
        for (var e : done) {
            Key k = e.getKey();
            audit.record("unknown", ACTION, k.user(), "address " + k.address() + ", minute "
                    + MINUTE.format(Instant.ofEpochSecond(k.minute() * 60)) + " UTC: " + e.getValue().failed + " failed, "
                    + e.getValue().throttled + " throttled");
        }
    }

    synchronized int pendingKeys() {
        return pending.size();
    }

    private static String bounded(String s, int max) {
        String v = s == null || s.isBlank() ? "?" : s;
        return v.length() > max ? v.substring(0, max) + "…" : v;
    }
}
