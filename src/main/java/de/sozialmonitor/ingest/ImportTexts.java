package de.sozialmonitor.ingest;

import de.sozialmonitor.i18n.TextBundle;
import java.util.Locale;

/**
 * Texts of the ingest part ({@code i18n/ingest*.properties}): problem reasons, outcomes, history.
 * German unless the CLI or the web part asks for English.
 */
public final class ImportTexts {
    private static volatile Locale locale = Locale.GERMAN;
    /** A language for the current thread only (the web: each request in its viewer's language). */
    private static final ThreadLocal<Locale> THREAD = new ThreadLocal<>();

    private ImportTexts() {
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

    /** The language texts are given in on this thread. */
    public static Locale locale() {
        return THREAD.get() != null ? THREAD.get() : locale;
    }

    public static String get(String key, Object... args) {
        return TextBundle.of("i18n.ingest", THREAD.get() != null ? THREAD.get() : locale).get(key, args);
    }
}
