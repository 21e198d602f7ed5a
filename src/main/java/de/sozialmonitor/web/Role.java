package de.sozialmonitor.web;

import java.util.Locale;

/** Who is asking: the anonymous public or a logged-in account's role, in ascending privilege. */
public enum Role {
    /** Anonymous: published releases only, after disclosure control. */
    PUBLIC,
    /** Reads internal (unpublished) results, but never raw counts. */
    VIEWER,
    /** Also sees counts; computes, creates and publishes releases. */
    ANALYST,
    /** Also manages users and reads the audit log. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return Role.valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
