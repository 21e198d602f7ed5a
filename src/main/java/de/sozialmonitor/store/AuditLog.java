package de.sozialmonitor.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only audit trail: logins, imports, computations, releases, publications, exports
 * and user changes. There is deliberately no update or delete here.
 */
public final class AuditLog {
    /** One entry; {@code action} is a stable machine name such as {@code import} or {@code release.publish}. */
    public record Event(long id, OffsetDateTime at, String user, String action, String target, String detail) {
    }

    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void record(String user, String action, String target, String detail) {
        jdbi.useHandle(h -> record(h, user, action, target, detail));
    }

    /** Records within the caller's transaction, so that the event and the change land together. */
    public static void record(Handle h, String user, String action, String target, String detail) {
        h.createUpdate("INSERT INTO audit_event(at, user_name, action, target, detail) VALUES (:at, :user, :action, :target, :detail)")
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .bind("user", user == null || user.isBlank() ? "unknown" : truncate(user, 200))
                .bind("action", action)
                .bind("target", truncate(target, 400))
                .bind("detail", truncate(detail, 4000))
                .execute();
    }

    /** The newest events first. */
    public List<Event> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, at, user_name, action, target, detail FROM audit_event ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("user_name"), rs.getString("action"), rs.getString("target"), rs.getString("detail")))
                .list());
    }

    /** The newest events whose action is one of {@code actions}, newest first. */
    public List<Event> latestOf(java.util.Collection<String> actions, int limit) {
        return latest("action IN (<actions>)", actions, limit);
    }

    /** The newest events whose action is none of {@code actions}, newest first. */
    public List<Event> latestExcept(java.util.Collection<String> actions, int limit) {
        return latest("action NOT IN (<actions>)", actions, limit);
    }

    private List<Event> latest(String condition, java.util.Collection<String> actions, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, at, user_name, action, target, detail FROM audit_event WHERE " + condition
                                + " ORDER BY id DESC LIMIT :limit")
                .bindList("actions", List.copyOf(actions))
                .bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("user_name"), rs.getString("action"), rs.getString("target"), rs.getString("detail")))
                .list());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The user name for audit entries of CLI commands: the operating-system account. */
    public static String cliUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "cli" : user;
    }
}
