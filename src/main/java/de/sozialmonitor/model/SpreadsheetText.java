package de.sozialmonitor.model;

/**
 * Text cells of CSV files that people open in a spreadsheet. A cell that begins with
 * {@code = + - @}, a tab or a carriage return is read by Excel and LibreOffice as a formula
 * ("CSV injection", OWASP), so an area name delivered as {@code =HYPERLINK(...)} could run in the
 * reader's spreadsheet. {@link #guard} puts an apostrophe in front of such text, which
 * spreadsheets show as plain text; {@link #unguard} undoes it for our own readers. Numbers are
 * never passed through here: a negative index must stay a number.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
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
