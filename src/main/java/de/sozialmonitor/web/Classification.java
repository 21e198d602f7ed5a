package de.sozialmonitor.web;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Polarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the map colours and how: the method's classes, or an indicator in five quantile classes.
 * Palettes are ColorBrewer schemes that stay distinguishable with the common colour-vision
 * deficiencies (blue–orange diverging for classes, yellow–brown sequential for values); darker
 * or warmer always means more disadvantage. Areas without a value get white with a dashed edge.
 */
public final class Classification {
    public static final String NO_VALUE_FILL = "#ffffff";
    public static final Map<String, String> STATUS_COLOURS = Map.of(
            "hoch", "#4575b4", "mittel", "#e0e0e0", "niedrig", "#fdae61", "sehr_niedrig", "#d73027");
    public static final List<String> STATUS_ORDER = List.of("hoch", "mittel", "niedrig", "sehr_niedrig");
    public static final Map<String, String> DYNAMICS_COLOURS = Map.of(
            "positiv", "#4575b4", "stabil", "#e0e0e0", "negativ", "#d73027");
    public static final List<String> DYNAMICS_ORDER = List.of("positiv", "stabil", "negativ");
    public static final String ATTENTION_COLOUR = "#d73027";
    public static final String NO_ATTENTION_COLOUR = "#e0e0e0";
    public static final List<String> SEQUENTIAL = List.of("#ffffd4", "#fed98e", "#fe9929", "#d95f0e", "#993404");

    /** One legend entry: colour, label and the number of areas in it. */
    public record LegendEntry(String colour, String label, int count) {
    }

    /** What the map shows: "status", "dynamics", "attention" or "ind:&lt;indicator id&gt;". */
    public record Mode(String kind, Indicator indicator) {
        public String param() {
            return indicator == null ? kind : "ind:" + indicator.id();
        }
    }

    private Classification() {
    }

    public static Mode mode(String param, de.sozialmonitor.model.IndicatorCatalog catalog) {
        if (param != null && param.startsWith("ind:")) {
            return catalog.indicator(param.substring(4)).map(i -> new Mode("indicator", i)).orElse(new Mode("status", null));
        }
        if ("dynamics".equals(param) || "attention".equals(param)) {
            return new Mode(param, null);
        }
        return new Mode("status", null);
    }

    /**
     * Quantile breaks (upper bounds of classes 1..4) of the values, at most five classes; fewer
     * when there are fewer distinct values.
     */
    public static double[] quantileBreaks(List<Double> values) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return new double[0];
        }
        List<Double> breaks = new ArrayList<>();
        for (int k = 1; k < 5; k++) {
            double q = sorted.get((int) Math.floor(k * (sorted.size() - 1) / 5.0));
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
}
