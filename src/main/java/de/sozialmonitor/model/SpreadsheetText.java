package de.sozialmonitor.model;

/**
 * Text cells of CSV files that people open in a spreadsheet. A cell that begins with
 * {@code = + - @}, a tab or a carriage return is read by Excel and LibreOffice as a formula
 * ("CSV injection", OWASP), so an area name delivered as {@code =HYPERLINK(...)} could run in the
 * reader's spreadsheet. {@link #guard} puts an apostrophe in front of such text, which
 * spreadsheets show as plain text; {@link #unguard} undoes it for our own readers. Numbers are
 * never guarded: a negative index must stay a number. Every text cell of every CSV we write goes
 * through here (delivered, configured or our own: only numbers are known to be harmless), and so
 * does every header cell.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** A plain decimal number, signed or not: a spreadsheet reads it as that number, nothing else. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    /**
     * A cell of a CSV as text: a plain decimal number stays as it is (a negative value stays a
     * number, a parameter {@code +0.1} stays readable), anything else is {@link #guard guarded}.
     * {@link #unguard} undoes it.
     */
    public static String field(String text) {
        // only a text that starts with a trigger or an apostrophe can need a guard: the others skip
        // the pattern (an export of a county writes millions of cells)
        if (text == null || text.isEmpty() || !trigger(text.charAt(0)) && text.charAt(0) != '\'') {
            return text;
        }
        return PLAIN_NUMBER.matcher(text).matches() ? text : guard(text);
    }

    /** A cell of a CSV: a number as the caller formatted it, any other value as a {@link #field}. */
    public static String cell(Object value, String formatted) {
        return value instanceof Number ? formatted : field(formatted);
    }

    private static boolean trigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The text as a spreadsheet shows it, never as a formula; null stays null. */
    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // an apostrophe already in front of a trigger is doubled, so that unguard is exact
        boolean escape = trigger(text.charAt(0)) || text.charAt(0) == '\'' && guard(text.substring(1)).length() > text.length() - 1;
        return escape ? "'" + text : text;
    }

    /** The text {@link #guard} was given. */
    public static String unguard(String cell) {
        if (cell == null || cell.isEmpty() || cell.charAt(0) != '\'') {
            return cell;
        }
        String inner = cell.substring(1);
        return guard(inner).equals(cell) ? inner : cell;
    }
}
