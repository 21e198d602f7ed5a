package de.sozialmonitor.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Local user accounts (table {@code app_user}). Passwords are stored only as Argon2id hashes in
 * PHC string form ({@link PasswordHashing}); new passwords follow {@link PasswordPolicy}; every
 * change and every successful login is written to the audit log (failed logins are counted by the
 * web part, per user and address and minute).
 */
public final class UserRepository {
    /** Roles in ascending order of privilege; "public" is the anonymous visitor and has no account. */
    public static final List<String> ROLES = List.of("viewer", "analyst", "admin");
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    public static final int MAX_PASSWORD_LENGTH = PasswordPolicy.MAX_LENGTH;
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2," + MAX_NAME_LENGTH + "}");

    /** Checked against when the user does not exist, so that a login takes as long either way (made once, when first needed). */
    private static final class Dummy {
        static final String HASH = com.password4j.Password.hash("no such user, no such password").addRandomSalt(16)
                .with(PasswordHashing.ARGON2).getResult();
    }

    public record User(String username, String role, OffsetDateTime createdAt, boolean disabled) {
    }

    private final Jdbi jdbi;

    public UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static boolean validRole(String role) {
        return role != null && ROLES.contains(role);
    }

    public static String hash(String password) {
        return PasswordHashing.STANDARD.hash(password);
    }

    /**
     * Creates a user; throws IllegalArgumentException for a bad name, role or taken name, or a
     * password that {@link PasswordPolicy} refuses.
     */
    public void add(String username, String role, String password, String actor) {
        if (!validName(username)) {
            throw new IllegalArgumentException("invalid user name '" + abbreviate(username) + "' (2-" + MAX_NAME_LENGTH
                    + " of A-Z a-z 0-9 . _ @ -)");
        }
        requireRole(role);
        requireAcceptable(username, password);
        String hash = hash(password);
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = :u").bind("u", username).mapTo(Integer.class).one() > 0) {
                throw new IllegalArgumentException("user '" + username + "' exists already");
            }
            h.createUpdate("INSERT INTO app_user(username, password_hash, role, created_at, disabled) VALUES (:u, :h, :r, :at, FALSE)")
                    .bind("u", username).bind("h", hash).bind("r", role)
                    .bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute();
            AuditLog.record(h, actor, "user.add", username, "role=" + role);
        });
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT username, role, created_at, disabled FROM app_user ORDER BY username")
                .map((rs, ctx) -> new User(rs.getString("username"), rs.getString("role"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("disabled")))
                .list());
    }

    public Optional<User> find(String username) {
        return list().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public void setRole(String username, String role, String actor) {
        requireRole(role);
        update(username, "UPDATE app_user SET role = :v WHERE username = :u", role, actor, "user.set-role", "role=" + role);
    }

    public void setDisabled(String username, boolean disabled, String actor) {
        update(username, "UPDATE app_user SET disabled = :v WHERE username = :u", disabled, actor,
                disabled ? "user.disable" : "user.enable", null);
    }

    public void setPassword(String username, String password, String actor) {
        requireAcceptable(username, password);
        update(username, "UPDATE app_user SET password_hash = :v WHERE username = :u", hash(password), actor, "user.password", null);
    }

    private void update(String username, String sql, Object value, String actor, String action, String detail) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate(sql).bind("v", value).bind("u", username).execute();
            if (n == 0) {
                throw new IllegalArgumentException("no user '" + username + "'");
            }
            AuditLog.record(h, actor, action, username, detail);
        });
    }

    /** Whether a login with these values can be checked at all (the web answers 400 otherwise). */
    public static boolean withinBounds(String username, String password) {
        return username != null && password != null && username.length() <= MAX_NAME_LENGTH
                && password.length() <= MAX_PASSWORD_LENGTH;
    }

    /**
     * Checks a password; returns the user if it is right and the account is enabled. A successful
     * login is audited (action {@code login}); failures are the caller's to count. A name that no
     * account can have fails without hashing; otherwise an unknown user costs as much as a known
     * one. Throws {@link BoundedWork.Busy} when no hashing slot is free.
     */
    public Optional<User> authenticate(String username, String password, String origin) {
        if (!withinBounds(username, password) || !validName(username)) {
            return Optional.empty();
        }
        record Row(String hash, String role, OffsetDateTime createdAt, boolean disabled) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT password_hash, role, created_at, disabled FROM app_user WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getBoolean(4)))
                .findOne());
        String hash = row.map(Row::hash).orElseGet(() -> Dummy.HASH);
        boolean ok = PasswordHashing.STANDARD.check(password, hash);
        boolean success = ok && row.isPresent() && !row.get().disabled();
        if (!success) {
            return Optional.empty();
        }
        new AuditLog(jdbi).record(username, "login", username, origin);
        return Optional.of(new User(username, row.get().role(), row.get().createdAt(), false));
    }

    private static void requireAcceptable(String username, String password) {
        PasswordPolicy.refusal(username, password).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 40 ? String.valueOf(s) : s.substring(0, 40) + "…";
    }

    private static void requireRole(String role) {
        if (!validRole(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "' (one of " + String.join(", ", ROLES) + ")");
        }
    }

    /** Normalises a role name given on the command line or in a form. */
    public static String normaliseRole(String role) {
        return role == null ? null : role.trim().toLowerCase(Locale.ROOT);
    }

    static Set<String> actions() {
        return Set.of("user.add", "user.set-role", "user.disable", "user.enable", "user.password", "login", "login.failed");
    }
}
