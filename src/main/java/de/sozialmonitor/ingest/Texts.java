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

    private Texts() {
    }

    public static void use(Locale l) {
        locale = l == null ? Locale.GERMAN : l;
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.ingest", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
