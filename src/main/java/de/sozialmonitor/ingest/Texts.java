package de.sozialmonitor.ingest;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of the ingest part ({@code i18n/ingest*.properties}): problem reasons, outcomes, history.
 * German unless the CLI or the web part asks for English.
 */
public final class Texts {
    private static volatile Locale locale = Locale.GERMAN;
    /** A language for the current thread only (the web: each request in its viewer's language). */
    private static final ThreadLocal<Locale> THREAD = new ThreadLocal<>();

    private Texts() {
    }

    public static void use(Locale l) {
        locale = l == null ? Locale.GERMAN : l;
    }

    /** Runs {@code work} with the texts in {@code l} on this thread, whatever the process-wide language is. */
    public static <T> T in(Locale l, java.util.function.Supplier<T> work) {
        Locale before = THREAD.get();
        THREAD.set(l == null ? Locale.GERMAN : l);
        try {
            return work.get();
        } finally {
            if (before == null) {
                THREAD.remove();
            } else {
                THREAD.set(before);
            }
        }
    }

    public static String get(String key, Object... args) {
        Locale locale = THREAD.get() != null ? THREAD.get() : Texts.locale;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.ingest", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            // whole numbers here are years, rows, import numbers and counts: "2024", never "2.024"
            if (plain[i] instanceof Integer || plain[i] instanceof Long || plain[i] instanceof Short) {
                plain[i] = String.valueOf(plain[i]);
            }
        }
        return new MessageFormat(pattern, locale).format(plain);
    }
}
