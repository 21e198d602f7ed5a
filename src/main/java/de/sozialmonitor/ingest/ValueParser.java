package de.sozialmonitor.ingest;

import de.sozialmonitor.model.ValueStatus;

/**
 * Reads one cell as German official statistics write it: numbers in the file's {@link NumberStyle}
 * and the placeholder symbols of the Zeichenerklärung, each mapped to its {@link ValueStatus}.
 * A placeholder never becomes 0 except "-" ("genau null"), which the offices define as 0.
 */
public final class ValueParser {
    private ValueParser() {
    }

    public static ParsedValue parse(String raw, NumberStyle style) {
        if (raw == null) {
            return ParsedValue.failed("value.empty");
        }
        String s = strip(raw);
        if (s.isEmpty()) {
            return ParsedValue.failed("value.empty");
        }
        switch (s) {
            case "-", "–", "—":
                return new ParsedValue(0.0, ValueStatus.NOTHING, null);
            case ".":
                return new ParsedValue(null, ValueStatus.UNKNOWN, null);
            case "x", "X":
                return new ParsedValue(null, ValueStatus.NOT_SENSIBLE, null);
            case "/":
                return new ParsedValue(null, ValueStatus.TOO_UNCERTAIN, null);
            case "...", "…", "..":
                return new ParsedValue(null, ValueStatus.NOT_YET_AVAILABLE, null);
            case "*":
                return new ParsedValue(null, ValueStatus.SUPPRESSED, null);
            default:
                break;
        }
        if (s.charAt(0) == '<') {
            Double bound = number(s.substring(1).trim(), style);
            return bound == null || bound < 0 ? ParsedValue.failed("value.badBound")
                    : new ParsedValue(bound, ValueStatus.BELOW_BOUND, null);
        }
        ValueStatus status = ValueStatus.OK;
        char last = s.charAt(s.length() - 1);
        if (s.length() > 1 && (last == 'e' || last == 's') && !Character.isLetter(s.charAt(s.length() - 2))) {
            // "e"/"s": estimated (geschätzt) in the offices' notation, written after the number
            status = ValueStatus.ESTIMATED;
            s = s.substring(0, s.length() - 1).trim();
        }
        Double v = number(s, style);
        if (v == null) {
            NumberStyle other = style == NumberStyle.GERMAN ? NumberStyle.INTERNATIONAL : NumberStyle.GERMAN;
            return number(s, other) != null
                    ? ParsedValue.failed("value.otherStyle", style == NumberStyle.GERMAN ? "1.234,5" : "1,234.5")
                    : ParsedValue.failed("value.notANumber");
        }
        return new ParsedValue(v, status, null);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Trims spaces, non-breaking spaces and a trailing footnote marker such as "1)". */
    static String strip(String raw) {
        String s = raw.replace('\u00a0', ' ').replace('\u202f', ' ').trim();
        if (s.endsWith(")")) {
            int open = s.lastIndexOf('(');
            int cut = s.length() - 1;
            while (cut > 0 && Character.isDigit(s.charAt(cut - 1))) {
                cut--;
            }
            if (open < 0 && cut < s.length() - 1 && cut > 0) {
                s = s.substring(0, cut).trim();
            }
        }
        return s;
    }

    /** A number in the given style, or null. Thousands separators must group by three. */
    static Double number(String s, NumberStyle style) {
        int n = s.length();
        if (n > 0 && n < 10 && allDigits(s)) {
            return (double) Integer.parseInt(s); // the common case of counts, without building strings
        }
        if (n == 0 || n > 40) {
            return null;
        }
        StringBuilder plain = new StringBuilder(n);
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            if (s.charAt(0) == '-') {
                plain.append('-');
            }
            i = 1;
        }
        int digitsInGroup = 0;
        boolean sawThousands = false;
        boolean sawDecimal = false;
        boolean anyDigit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                plain.append(c);
                digitsInGroup++;
                anyDigit = true;
            } else if (c == style.thousands && !sawDecimal) {
                if (!sawThousands && digitsInGroup > 0 && plain.charAt(plain.length() - digitsInGroup) == '0') {
                    return null; // "0.125" is no thousands grouping
                }
                if (digitsInGroup == 0 || (sawThousands && digitsInGroup != 3) || (!sawThousands && digitsInGroup > 3)) {
                    return null;
                }
                sawThousands = true;
                digitsInGroup = 0;
            } else if (c == style.decimal && !sawDecimal) {
                if (sawThousands && digitsInGroup != 3) {
                    return null;
                }
                sawDecimal = true;
                plain.append('.');
                digitsInGroup = 0;
            } else if (c == ' ' && !sawDecimal && style == NumberStyle.GERMAN && digitsInGroup > 0) {
                // "1 234": a space as thousands separator, as some offices print it
                if ((sawThousands && digitsInGroup != 3) || digitsInGroup > 3) {
                    return null;
                }
                sawThousands = true;
                digitsInGroup = 0;
            } else {
                return null;
            }
        }
        if (!anyDigit || (sawThousands && !sawDecimal && digitsInGroup != 3) || (sawDecimal && digitsInGroup == 0)) {
            return null;
        }
        try {
            return Double.parseDouble(plain.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
