package de.sozialmonitor.web;

import de.sozialmonitor.i18n.TextBundle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The web's texts ({@code i18n/web*.properties}) and number formats for one language. */
public final class Texts {
    public static final Texts GERMAN = new Texts(Locale.GERMAN);
    public static final Texts ENGLISH = new Texts(Locale.ENGLISH);
    private static final int MAX_KEPT_DECIMALS = 6;

    private final Locale locale;
    private final TextBundle bundle;
    /*
     * A page prints hundreds of numbers; building a DecimalFormat for each was a good part of its
     * time. A format is not thread-safe, so each thread keeps its own, one per number of decimals.
     */
    private final ThreadLocal<DecimalFormat[]> formats = ThreadLocal.withInitial(() -> new DecimalFormat[MAX_KEPT_DECIMALS + 1]);

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = TextBundle.of("i18n.web", locale);
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
        return bundle.get(key, args);
    }

    /** The text for {@code key}, or {@code fallback} if the bundle has none. */
    public String getOr(String key, String fallback) {
        return bundle.getOr(key, fallback);
    }

    /** A number in this language's format (decimal comma in German), or an en dash for none. */
    public String number(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return format(decimals).format(value);
    }

    private DecimalFormat format(int decimals) {
        if (decimals < 0 || decimals > MAX_KEPT_DECIMALS) {
            return newFormat(decimals);
        }
        DecimalFormat[] kept = formats.get();
        if (kept[decimals] == null) {
            kept[decimals] = newFormat(decimals);
        }
        return kept[decimals];
    }

    private DecimalFormat newFormat(int decimals) {
        return new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", DecimalFormatSymbols.getInstance(locale));
    }

    /** A number with its sign (typographic minus in German, "+" for positive values), e.g. "+2,1", "−0,4". */
    public String signed(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        String n = number(Math.abs(value), decimals);
        boolean zero = n.chars().allMatch(ch -> ch == '0' || ch == ',' || ch == '.');
        return zero ? n : (value < 0 ? "de".equals(language()) ? "−" : "-" : "+") + n;
    }

    /** The unit of a change of an indicator in {@code unit}: percentage points for %, per-mille points for ‰. */
    public String changeUnit(String unit) {
        return "%".equals(unit) ? get("unit.percentPoints") : "‰".equals(unit) ? get("unit.permillePoints") : unit == null ? "" : unit;
    }

    /** A band of an index value in words: "Index zwischen +1,0 und +1,5", "Index über +2,0". */
    public String band(de.sozialmonitor.privacy.IndexBand band) {
        if (Double.isInfinite(band.lower())) {
            return get("band.below", signed(band.upper(), 1));
        }
        if (Double.isInfinite(band.upper())) {
            return get("band.above", signed(band.lower(), 1));
        }
        return get("band.between", signed(band.lower(), 1), signed(band.upper(), 1));
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
