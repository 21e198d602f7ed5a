package de.sozialmonitor.report;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.report.ReportModel.Cell;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The report's words and number formats in one language (German by default, English): texts from
 * {@code i18n/report*.properties}, numbers with the language's separators and the typographic minus.
 */
public final class ReportTexts {
    private final String language;
    private final Locale locale;
    private final TextBundle bundle;
    /** The texts of measures and reference regions, shared with the web pages and the data sheet. */
    private final TextBundle steering;

    public ReportTexts(String language) {
        this.language = "en".equals(language) ? "en" : "de";
        this.locale = "en".equals(this.language) ? Locale.ENGLISH : Locale.GERMAN;
        this.bundle = TextBundle.of("i18n.report", locale);
        this.steering = TextBundle.of("i18n.steering", locale);
    }

    public String language() {
        return language;
    }

    public String get(String key, Object... args) {
        return bundle.get(key, args);
    }

    /** A text of measures and reference regions ({@code i18n/steering*.properties}, as the web pages say it). */
    public String steering(String key, Object... args) {
        return steering.get(key, args);
    }

    /** A number with a fixed count of decimals, e.g. "12,3" (de) or "12.3" (en); negative with "−". */
    public String number(double value, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
                DecimalFormatSymbols.getInstance(locale));
        String s = f.format(value);
        if (s.startsWith("-")) {
            // "-0,0" is not a negative number worth a sign
            s = s.replaceAll("[^1-9]", "").isEmpty() ? s.substring(1) : "−" + s.substring(1);
        }
        return s;
    }

    /** An index value or z-score: two decimals with sign. */
    public Locale locale() {
        return locale;
    }

    public String index(Double value) {
        if (value == null) {
            return "x";
        }
        String s = number(value, 2);
        return value > 0 && !s.equals(number(0, 2)) ? "+" + s : s;
    }

    public String count(double value) {
        return number(value, 0);
    }

    /** A cell: its number with {@code decimals}, or its official symbol. */
    public String cell(Cell cell, int decimals) {
        return cell.hasValue() ? number(cell.value(), decimals) : cell.symbol();
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date.format("en".equals(language) ? DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                : DateTimeFormatter.ofPattern("d. MMMM yyyy", locale));
    }

    /** "A, B und C" / "A, B and C". */
    public String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String and = "en".equals(language) ? " and " : " und ";
        return String.join(", ", items.subList(0, items.size() - 1)) + and + items.get(items.size() - 1);
    }

    /** The label of a class code (hoch, negativ, ...); null gives "not included". */
    public String classLabel(String code) {
        return code == null ? get("class.excluded") : get("class." + code);
    }

    /** The exclusion reason in words. */
    public String exclusion(String code) {
        if (code == null) {
            return "";
        }
        int colon = code.indexOf(':');
        String key = "excluded." + (colon < 0 ? code : code.substring(0, colon));
        String text = colon < 0 ? get(key) : get(key, code.substring(colon + 1));
        return text.equals(key) ? code : text;
    }

    /** "nationality=foreign;sex=f" in words, where the texts know the values; else the key itself. */
    public String targetGroup(String key) {
        List<String> parts = new java.util.ArrayList<>();
        for (String part : key.split(";")) {
            String k = "tg." + part.replace('=', '.');
            String label = get(k);
            parts.add(label.equals(k) ? part : label);
        }
        return String.join(", ", parts);
    }

    /**
     * The band of an index a public reader may see ({@code privacy.IndexBand}), as the web says it
     * but short enough for a table column: "+1,0 bis +1,5", "über +2,0", "unter −2,0".
     */
    public String band(de.sozialmonitor.privacy.IndexBand band) {
        if (Double.isInfinite(band.lower())) {
            return get("band.below", signed(band.upper()));
        }
        if (Double.isInfinite(band.upper())) {
            return get("band.above", signed(band.lower()));
        }
        return get("band.between", signed(band.lower()), signed(band.upper()));
    }

    private String signed(double edge) {
        String s = number(edge, 1);
        return edge > 0 ? "+" + s : s;
    }
}
