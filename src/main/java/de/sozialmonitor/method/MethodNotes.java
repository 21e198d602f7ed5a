package de.sozialmonitor.method;

import de.sozialmonitor.i18n.TextBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The notes of a result ({@link MonitoringResult#notes()}): what a reader must know about a
 * computation, e.g. that an indicator was left out or which variables were missing. A result is
 * stored once and read in either language, so a note is kept language-neutral as its text key and
 * arguments ({@code indicatorLeftOut|status|2024|sgb2|sdZero}) and put into words only when shown
 * (texts in {@code i18n/method_notes[_de].properties}). A stored note of an older version, plain
 * English text, is shown as it is.
 */
public final class MethodNotes {
    private static final char SEP = '|';

    private MethodNotes() {
    }

    /** A note: its key and arguments (a '|' inside an argument becomes '/'). */
    public static String of(String key, Object... args) {
        StringBuilder sb = new StringBuilder(key);
        for (Object a : args) {
            sb.append(SEP).append(String.valueOf(a).replace(SEP, '/'));
        }
        return sb.toString();
    }

    /** The key of a note. */
    public static String key(String note) {
        int i = note.indexOf(SEP);
        return i < 0 ? note : note.substring(0, i);
    }

    /** The arguments of a note. */
    public static List<String> args(String note) {
        List<String> parts = new ArrayList<>(Arrays.asList(note.split("\\|", -1)));
        parts.remove(0);
        return parts;
    }

    /** The note in words, in {@code locale}. */
    public static String text(String note, Locale locale) {
        TextBundle t = TextBundle.of("i18n.method_notes", locale);
        String key = key(note);
        if (!t.has(key)) {
            return note;
        }
        Object[] args = args(note).toArray();
        for (int i = 0; i < args.length; i++) {
            String a = (String) args[i];
            if (t.has("word." + a)) {
                args[i] = t.get("word." + a); // status, dynamics, sdZero ...: words of the language
            }
        }
        return t.get(key, args);
    }

    /** Every note in words. */
    public static List<String> texts(List<String> notes, Locale locale) {
        return notes.stream().map(n -> text(n, locale)).toList();
    }
}
