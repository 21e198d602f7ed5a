package de.sozialmonitor.view;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a map colours and how, for the web map and every map of the committee report alike: the
 * method's classes, the attention flag, or an indicator in up to five quantile classes; one palette
 * and one legend. The palettes are ColorBrewer schemes that stay distinguishable with the common
 * colour-vision deficiencies (blue–orange diverging for classes, yellow–brown sequential for
 * values); darker or warmer always means more disadvantage. Areas without a value are white with
 * a dashed edge.
 */
public final class Choropleth {
    public static final String NO_VALUE = "#ffffff";
    public static final Map<StatusClass, String> STATUS_COLOURS = colours(StatusClass.class,
            "#4575b4", "#e0e0e0", "#fdae61", "#d73027");
    public static final Map<DynamicsClass, String> DYNAMICS_COLOURS = colours(DynamicsClass.class,
            "#4575b4", "#e0e0e0", "#d73027");
    public static final String ATTENTION_COLOUR = "#d73027";
    public static final String NO_ATTENTION_COLOUR = "#e0e0e0";
    public static final List<String> SEQUENTIAL = List.of("#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404");

    private Choropleth() {
    }

    /** What a map shows. */
    public enum Kind { STATUS, DYNAMICS, ATTENTION, INDICATOR }

    /** The kind, and for {@link Kind#INDICATOR} the indicator. */
    public record Mode(Kind kind, Indicator indicator) {
        public static final Mode STATUS = new Mode(Kind.STATUS, null);

        /** The URL parameter: {@code status}, {@code dynamics}, {@code attention} or {@code ind:<id>}. */
        public String param() {
            return indicator == null ? kind.name().toLowerCase(Locale.ROOT) : "ind:" + indicator.id();
        }

        /** The mode a URL parameter asks for; the status classes for anything unknown. */
        public static Mode parse(String param, IndicatorCatalog catalog) {
            if (param != null && param.startsWith("ind:")) {
                return catalog.indicator(param.substring(4)).map(i -> new Mode(Kind.INDICATOR, i)).orElse(STATUS);
            }
            if ("dynamics".equals(param)) {
                return new Mode(Kind.DYNAMICS, null);
            }
            return "attention".equals(param) ? new Mode(Kind.ATTENTION, null) : STATUS;
        }
    }

    /** One legend entry: the class key, its colour, label and the number of areas in it. */
    public record LegendEntry(String key, String colour, String label, int count) {
        public boolean noValue() {
            return key == null;
        }
    }

    /**
     * The map's classes: per area code its class key ({@code hoch}, {@code negativ}, {@code yes},
     * or the quantile class {@code 0..4}) and colour; areas without a value have neither.
     */
    public record Shading(Mode mode, Map<String, String> classes, Map<String, String> colours, double[] breaks,
                          List<LegendEntry> legend) {
        public String colour(String areaCode) {
            return colours.getOrDefault(areaCode, NO_VALUE);
        }

        public boolean hasValue(String areaCode) {
            return classes.containsKey(areaCode);
        }
    }

    /** Classifies {@code areaCodes} of the view in {@code year}; legend texts in {@code locale}. */
    public static Shading shade(ResultView view, List<String> areaCodes, int year, Mode mode, Locale locale) {
        double[] breaks = new double[0];
        if (mode.kind() == Kind.INDICATOR) {
            List<Double> values = new ArrayList<>();
            for (String code : areaCodes) {
                Figure f = view.rate(mode.indicator().id(), code, year);
                if (f.shown()) {
                    values.add(f.value());
                }
            }
            breaks = quantileBreaks(values);
        }
        Map<String, String> classes = new LinkedHashMap<>();
        Map<String, String> colours = new LinkedHashMap<>();
        for (String code : areaCodes) {
            String key = classKey(view, code, year, mode, breaks);
            if (key != null) {
                classes.put(code, key);
                colours.put(code, colour(mode, key, breaks.length + 1));
            }
        }
        return new Shading(mode, Collections.unmodifiableMap(classes), Collections.unmodifiableMap(colours), breaks,
                legend(mode, classes, breaks, areaCodes.size(), locale));
    }

    private static String classKey(ResultView view, String code, int year, Mode mode, double[] breaks) {
        AreaClasses c = year == view.year() ? view.classes(code).orElse(null) : null;
        return switch (mode.kind()) {
            case STATUS -> c == null || c.statusClass() == null ? null : c.statusClass().code();
            case DYNAMICS -> c == null || c.dynamicsClass() == null ? null : c.dynamicsClass().code();
            case ATTENTION -> c == null || c.excluded() != null ? null : c.attention() ? "yes" : "no";
            case INDICATOR -> {
                Figure f = view.rate(mode.indicator().id(), code, year);
                yield f.shown() ? Integer.toString(classOf(f.value(), breaks)) : null;
            }
        };
    }

    private static String colour(Mode mode, String key, int classes) {
        return switch (mode.kind()) {
            case STATUS -> STATUS_COLOURS.get(StatusClass.fromCode(key));
            case DYNAMICS -> DYNAMICS_COLOURS.get(DynamicsClass.fromCode(key));
            case ATTENTION -> "yes".equals(key) ? ATTENTION_COLOUR : NO_ATTENTION_COLOUR;
            case INDICATOR -> sequentialColour(Integer.parseInt(key), classes, mode.indicator().polarity());
        };
    }

    private static List<LegendEntry> legend(Mode mode, Map<String, String> classes, double[] breaks, int areas, Locale locale) {
        TextBundle t = TextBundle.of("i18n.view", locale);
        Map<String, Integer> counts = new LinkedHashMap<>();
        classes.values().forEach(k -> counts.merge(k, 1, Integer::sum));
        List<LegendEntry> legend = new ArrayList<>();
        switch (mode.kind()) {
            case STATUS -> STATUS_COLOURS.forEach((c, colour) -> legend.add(new LegendEntry(c.code(), colour,
                    t.get("status." + c.code()), counts.getOrDefault(c.code(), 0))));
            case DYNAMICS -> DYNAMICS_COLOURS.forEach((c, colour) -> legend.add(new LegendEntry(c.code(), colour,
                    t.get("dynamics." + c.code()), counts.getOrDefault(c.code(), 0))));
            case ATTENTION -> {
                legend.add(new LegendEntry("yes", ATTENTION_COLOUR, t.get("attention.yes"), counts.getOrDefault("yes", 0)));
                legend.add(new LegendEntry("no", NO_ATTENTION_COLOUR, t.get("attention.no"), counts.getOrDefault("no", 0)));
            }
            case INDICATOR -> {
                int n = breaks.length + 1;
                int decimals = mode.indicator().precision();
                for (int c = 0; c < n; c++) {
                    String label = c == 0 ? (n == 1 ? t.get("legend.all") : t.get("legend.upTo", number(breaks[0], decimals, locale)))
                            : c == n - 1 ? t.get("legend.above", number(breaks[c - 1], decimals, locale))
                            : t.get("legend.range", number(breaks[c - 1], decimals, locale), number(breaks[c], decimals, locale));
                    legend.add(new LegendEntry(Integer.toString(c), sequentialColour(c, n, mode.indicator().polarity()), label,
                            counts.getOrDefault(Integer.toString(c), 0)));
                }
            }
        }
        legend.add(new LegendEntry(null, NO_VALUE, t.get("legend.noValue"), areas - classes.size()));
        return List.copyOf(legend);
    }

    /** The class label (status, dynamics) in {@code locale}, as legends name it. */
    public static String classLabel(String code, Locale locale) {
        TextBundle t = TextBundle.of("i18n.view", locale);
        return t.has("status." + code) ? t.get("status." + code) : t.getOr("dynamics." + code, code);
    }

    /**
     * Quantile breaks (upper bounds of classes 1..4) of the values, at most five classes; fewer
     * when there are fewer distinct values.
     */
    public static double[] quantileBreaks(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return new double[0];
        }
        List<Double> breaks = new ArrayList<>();
        for (int k = 1; k < SEQUENTIAL.size(); k++) {
            double q = sorted.get((int) Math.floor(k * (sorted.size() - 1) / (double) SEQUENTIAL.size()));
            if (breaks.isEmpty() || q > breaks.get(breaks.size() - 1)) {
                breaks.add(q);
            }
        }
        if (breaks.get(breaks.size() - 1) >= sorted.get(sorted.size() - 1)) {
            breaks.remove(breaks.size() - 1);
        }
        return breaks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The class (0-based) of a value given the breaks. */
    public static int classOf(double value, double[] breaks) {
        int c = 0;
        while (c < breaks.length && value > breaks[c]) {
            c++;
        }
        return c;
    }

    /** The colour of class {@code c} of {@code n} classes; reversed for indicators where higher is better. */
    public static String sequentialColour(int c, int n, Polarity polarity) {
        int idx = n <= 1 ? 2 : (int) Math.round(c * (SEQUENTIAL.size() - 1) / (double) (n - 1));
        if (polarity == Polarity.HIGHER_IS_BETTER) {
            idx = SEQUENTIAL.size() - 1 - idx;
        }
        return SEQUENTIAL.get(idx);
    }

    private static String number(double v, int decimals, Locale locale) {
        return new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", DecimalFormatSymbols.getInstance(locale))
                .format(v);
    }

    private static <E extends Enum<E>> Map<E, String> colours(Class<E> type, String... colours) {
        EnumMap<E, String> m = new EnumMap<>(type);
        E[] values = type.getEnumConstants();
        for (int i = 0; i < values.length; i++) {
            m.put(values[i], colours[i]);
        }
        return Collections.unmodifiableMap(m);
    }
}
