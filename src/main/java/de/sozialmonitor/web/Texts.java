package de.sozialmonitor.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The web's texts ({@code i18n/web*.properties}) and number formats for one language. */
public final class Texts {
    public static final Texts GERMAN = new Texts(Locale.GERMAN);
    public static final Texts ENGLISH = new Texts(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("i18n.web", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Texts of(String language) {
        return "en".equals(language) ? ENGLISH : GERMAN;
    }

    public String language() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            // whole numbers here are years, ranks and counts: never "2.023"
            if (plain[i] instanceof Integer || plain[i] instanceof Long) {
                plain[i] = String.valueOf(plain[i]);
            }
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    /** The text for {@code key}, or {@code fallback} if the bundle has none. */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** A number in this language's format (decimal comma in German), or an en dash for none. */
    public String number(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(locale));
        return f.format(value);
    }

    public String statusClass(String code) {
        return code == null ? get("class.none") : getOr("status." + code, code);
    }

    public String dynamicsClass(String code) {
        return code == null ? get("class.none") : getOr("dynamics." + code, code);
    }

    public String excluded(String reason) {
        if (reason == null) {
            return "";
        }
        int colon = reason.indexOf(':');
        String key = colon < 0 ? reason : reason.substring(0, colon);
        String detail = colon < 0 ? "" : reason.substring(colon + 1);
        return get("excluded." + key, detail);
    }
}
