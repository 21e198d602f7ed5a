package de.sozialmonitor.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year of a period as sources write it. A figure is about its year (reference date 31 December,
 * docs/import.md); a period names that year as {@code 2020}, as a month ({@code 202012},
 * {@code 2020-12}, {@code 12/2020}, {@code 12.2020}) or as a reference date ({@code 31.12.2020},
 * {@code 2020-12-31}). Nothing else is guessed: a text that is none of these is no period.
 */
final class Periods {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;
    /** A date in running text, e.g. in a sheet's title row: "Bevölkerung am 31.12.2020". */
    private static final Pattern DATE_IN_TEXT = Pattern.compile(
            "(?<![0-9.])([0-3]?[0-9])\\.([01]?[0-9])\\.((?:19|2[01])[0-9]{2})(?![0-9])|(?<![0-9-])((?:19|2[01])[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9])");
    private static final Pattern YEAR_IN_TEXT = Pattern.compile("(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})(?![0-9])");

    private Periods() {
    }

    /** The year of a period, or -1. */
    static int year(String s) {
        String t = s.trim();
        int n = t.length();
        if (n == 4) {
            return digits(t, 0, 4); // the common case first: no allocation
        }
        if (n == 6 && month(digits(t, 4, 6))) {
            return digits(t, 0, 4); // 202012
        }
        if (n == 7 && t.charAt(4) == '-' && month(digits(t, 5, 7))) {
            return digits(t, 0, 4); // 2020-12
        }
        if (n == 7 && (t.charAt(2) == '/' || t.charAt(2) == '.') && month(digits(t, 0, 2))) {
            return digits(t, 3, 7); // 12/2020, 12.2020
        }
        if (n == 10 && t.charAt(4) == '-' && t.charAt(7) == '-' && month(digits(t, 5, 7)) && day(digits(t, 8, 10))) {
            return digits(t, 0, 4); // 2020-12-31
        }
        if (n >= 8 && n <= 10) {
            int dot1 = t.indexOf('.');
            int dot2 = t.indexOf('.', dot1 + 1);
            if (dot1 >= 1 && dot1 <= 2 && dot2 == n - 5 && dot2 - dot1 >= 2 && dot2 - dot1 <= 3
                    && day(digits(t, 0, dot1)) && month(digits(t, dot1 + 1, dot2))) {
                return digits(t, dot2 + 1, n); // 31.12.2020, 1.1.2020
            }
        }
        return -1;
    }

    /**
     * The year a title names: the year of the one date in it ("Stand: 31.12.2020"), else its one
     * four-digit year ("Bevölkerung 2020"); -1 if it names none or several different ones.
     */
    static int yearInText(String text) {
        int found = -1;
        Matcher d = DATE_IN_TEXT.matcher(text);
        while (d.find()) {
            int y = Integer.parseInt(d.group(3) != null ? d.group(3) : d.group(4));
            if (found >= 0 && found != y) {
                return -1;
            }
            found = y;
        }
        if (found >= 0) {
            return found;
        }
        Matcher m = YEAR_IN_TEXT.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (found >= 0 && found != y) {
                return -1;
            }
            found = y;
        }
        return found;
    }

    private static boolean month(int m) {
        return m >= 1 && m <= 12;
    }

    private static boolean day(int d) {
        return d >= 1 && d <= 31;
    }

    /** The whole number of t[from, to) if it is all digits and, for four digits, a year in range; else -1. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        if (to - from == 4 && (v < MIN_YEAR || v > MAX_YEAR)) {
            return -1;
        }
        return v;
    }
}
