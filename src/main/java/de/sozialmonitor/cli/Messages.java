package de.sozialmonitor.cli;

import de.sozialmonitor.i18n.TextBundle;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * User-facing CLI texts from {@code i18n/messages*.properties}: German by default, English with
 * {@code --lang en} or when the environment's LANG starts with "en".
 */
public final class Messages {
    private static volatile Locale locale = defaultLocale();

    private Messages() {
    }

    static Locale defaultLocale() {
        String env = System.getenv("SOZIALMONITOR_LANG");
        if (env == null || env.isBlank()) {
            env = System.getenv("LANG");
        }
        return env != null && env.startsWith("en") ? Locale.ENGLISH : Locale.GERMAN;
    }

    public static void use(String language) {
        locale = "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN;
    }

    public static Locale locale() {
        return locale;
    }

    public static String language() {
        return locale.getLanguage();
    }

    public static ResourceBundle bundle() {
        return bundle("i18n.messages");
    }

    private static ResourceBundle bundle(String name) {
        return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(String key, Object... args) {
        return fromBundle("i18n.messages", key, args);
    }

    /**
     * A text of the bundle {@code bundleName} (e.g. {@code i18n.method}) in the language in force,
     * formatted with {@link MessageFormat}; a missing key shows as itself, so it is noticed, not hidden.
     */
    public static String fromBundle(String bundleName, String key, Object... args) {
        return TextBundle.of(bundleName, locale).get(key, args);
    }
}
