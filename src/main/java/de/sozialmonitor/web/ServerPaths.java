package de.sozialmonitor.web;

import java.util.regex.Pattern;

/**
 * Keeps the server's folders out of pages: a message from a library ("Error reading Zip content
 * from /srv/…/.sozialmonitor/uploads/…/file.xlsx") shows only the file name. Applied to every
 * reason, history message and error detail a page shows; values read from files are shown as they are.
 */
final class ServerPaths {
    private static final String PART = "[^\\s/\\\\:;,'\"()<>\\[\\]{}]+";
    /** An absolute Unix or Windows path of at least two elements; group 1 is its last element. */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\w.~])(?:(?:/" + PART + ")+/|[A-Za-z]:\\\\(?:" + PART + "\\\\)*|\\\\\\\\(?:" + PART + "\\\\)+)(" + PART + ")");

    private ServerPaths() {
    }

    /** The text with every absolute path cut to its file name; null stays null. */
    static String hide(String text) {
        return text == null ? null : ABSOLUTE.matcher(text).replaceAll("$1");
    }
}
