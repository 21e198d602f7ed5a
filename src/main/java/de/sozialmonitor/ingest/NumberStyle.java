package de.sozialmonitor.ingest;

/**
 * How a file writes numbers. German offices write {@code 1.234,5} (thousands point, decimal comma);
 * international files {@code 1,234.5} or {@code 1234.5}. A value such as {@code 1.234} means
 * different things in the two, so a file has one style, detected from its unambiguous values
 * (see {@link CsvDialect}) or stated in the source mapping.
 */
public enum NumberStyle {
    GERMAN('.', ','), INTERNATIONAL(',', '.');

    final char thousands;
    final char decimal;

    NumberStyle(char thousands, char decimal) {
        this.thousands = thousands;
        this.decimal = decimal;
    }

    /**
     * The style a value proves, or null if it fits both (integers, {@code 1.234}, {@code 12,500}).
     */
    public static NumberStyle provenBy(String raw) {
        String s = raw.trim();
        if (!s.matches("[+-]?[0-9][0-9.,]*")) {
            return null; // placeholders such as "." or "..." prove nothing
        }
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots > 0 && commas > 0) {
            return s.lastIndexOf(',') > s.lastIndexOf('.') ? GERMAN : INTERNATIONAL;
        }
        if (dots > 1) {
            return GERMAN;
        }
        if (commas > 1) {
            return INTERNATIONAL;
        }
        if (dots == 1) {
            // "0.125" cannot be German thousands grouping: a group never starts the number with 0
            return digitsAfter(s, '.') == 3 && !leadingZero(s) ? null : INTERNATIONAL;
        }
        if (commas == 1) {
            return digitsAfter(s, ',') == 3 && !leadingZero(s) ? null : GERMAN;
        }
        return null;
    }

    private static boolean leadingZero(String s) {
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        return t.length() > 1 && t.charAt(0) == '0' && !Character.isDigit(t.charAt(1));
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int digitsAfter(String s, char c) {
        int i = s.indexOf(c) + 1;
        int n = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
            n++;
        }
        return i == s.length() ? n : -1;
    }
}
