package de.sozialmonitor.ingest;

import de.sozialmonitor.i18n.TextBundle;
import java.util.Locale;

/**
 * Texts of the ingest part ({@code i18n/ingest*.properties}): problem reasons, outcomes, history,
 * in one language. Whoever starts an import chooses it ({@link Importer.Options#language}); a check
 * report carries it, so every text of one import speaks the same language whatever else runs in the
 * same process (a web request in English beside a CLI import in German).
 */
public final class ImportTexts {
    private final TextBundle bundle;

    private ImportTexts(Locale locale) {
        this.bundle = TextBundle.of("i18n.ingest", locale);
    }

    /** The texts in {@code locale}; German when null. */
    public static ImportTexts of(Locale locale) {
        return new ImportTexts(locale == null ? Locale.GERMAN : locale);
    }

    public Locale locale() {
        return bundle.locale();
    }

    public String get(String key, Object... args) {
        return bundle.get(key, args);
    }
}
