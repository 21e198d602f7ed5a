package de.sozialmonitor.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way every part reads its texts: a resource bundle ({@code i18n/NAME[_de].properties},
 * UTF-8) in one language, formatted with {@link MessageFormat}. Two rules hold everywhere:
 * whole numbers passed to a bare {@code {n}} are years, rows, ids and counts and print as plain
 * digits ("2024", never "2.024"; {@code {n,number}} asks for the grouped form), and a missing key shows as itself,
 * so it is noticed rather than hidden.
 */
public final class TextBundle {
    private static final Map<String, TextBundle> CACHE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;
    /*
     * Parsed formats by key: a page formats hundreds of texts, and parsing each pattern anew was a
     * good part of the map's time. A MessageFormat is not thread-safe, so each thread keeps its own.
     */
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(java.util.HashMap::new);

    private TextBundle(String baseName, Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The bundle {@code baseName} (e.g. {@code i18n.web}) in {@code locale}; bundles are read once. */
    public static TextBundle of(String baseName, Locale locale) {
        return CACHE.computeIfAbsent(baseName + "|" + locale.toLanguageTag(), k -> new TextBundle(baseName, locale));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, or {@code fallback} if the bundle has none (not formatted). */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            // the same text as with arguments: MessageFormat's doubled apostrophe is one apostrophe
            return pattern.replace("''", "'");
        }
        String parsed = pattern;
        MessageFormat format = formats.get().computeIfAbsent(key, k -> new MessageFormat(parsed, locale));
        java.text.Format[] declared = format.getFormatsByArgumentIndex();
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            // a bare {n} with a whole number; {n,number,...} keeps the number format the text asks for
            boolean bare = i >= declared.length || declared[i] == null;
            if (bare && (plain[i] instanceof Integer || plain[i] instanceof Long || plain[i] instanceof Short)) {
                plain[i] = String.valueOf(plain[i]);
            }
        }
        return format.format(plain);
    }
}
