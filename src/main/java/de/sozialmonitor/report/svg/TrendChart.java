package de.sozialmonitor.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small line chart of one indicator over the years: the area against its municipality and the
 * territory. Missing or suppressed values leave gaps (a line is never drawn through a withheld
 * value, so the chart cannot reveal it).
 *
 * @param series   lines in drawing order; the first is emphasised
 * @param format   formats axis values in the report's language
 */
public record TrendChart(String title, List<Integer> years, List<Series> series, DoubleFunction<String> format) {

    /** One line: values per year (null = gap), colour, dash pattern (null = solid). */
    public record Series(String label, List<Double> values, String color, String dash) {
    }

    public static final double WIDTH = 240;
    public static final double HEIGHT = 128;

    public String render() {
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        double left = 34;
        double right = WIDTH - 8;
        double top = title.length() > 44 ? 27 : 18;
        double bottom = HEIGHT - 18;
        List<String> titleLines = wrap(title, 44);
        for (int i = 0; i < titleLines.size() && i < 2; i++) {
            svg.text(4, 10 + i * 10, titleLines.get(i), 8.5, "start", "bold", "#222222", false);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (Double v : s.values()) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return svg.finish();
        }
        // axes start at 0 for rates, so that small changes are not blown up
        min = Math.min(0, min);
        double step = niceStep((max - min) / 3);
        max = Math.max(step, Math.ceil(max / step) * step);
        double yMin = min;
        double yMax = max;
        for (double t = yMin; t <= yMax + step / 2; t += step) {
            double y = bottom - (t - yMin) / (yMax - yMin) * (bottom - top);
            svg.line(left, y, right, y, "#d9d9d9", 0.5, null);
            svg.text(left - 3, y + 3, format.apply(t), 7.5, "end", null, "#555555", false);
        }
        int n = years.size();
        double dx = n > 1 ? (right - left - 10) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            double x = left + 5 + i * dx;
            if (n <= 6 || i % 2 == (n - 1) % 2) {
                svg.text(x, HEIGHT - 6, Integer.toString(years.get(i)), 7.5, "middle", null, "#555555", false);
            }
        }
        for (int si = series.size() - 1; si >= 0; si--) {
            Series s = series.get(si);
            List<String> segments = new ArrayList<>();
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < n && i < s.values().size(); i++) {
                Double v = s.values().get(i);
                if (v == null) {
                    if (d.length() > 0) {
                        segments.add(d.toString());
                        d.setLength(0);
                    }
                    continue;
                }
                double x = left + 5 + i * dx;
                double y = bottom - (v - yMin) / (yMax - yMin) * (bottom - top);
                d.append(d.length() == 0 ? 'M' : 'L').append(Svg.num(x)).append(' ').append(Svg.num(y));
                if (si == 0) {
                    svg.raw("<circle cx=\"" + Svg.num(x) + "\" cy=\"" + Svg.num(y) + "\" r=\"1.8\" fill=\"" + s.color() + "\"/>");
                }
            }
            if (d.length() > 0) {
                segments.add(d.toString());
            }
            for (String seg : segments) {
                svg.path(seg, "none", s.color(), si == 0 ? 1.8 : 1.1,
                        s.dash() == null ? null : "stroke-dasharray=\"" + s.dash() + "\"");
            }
        }
        return svg.finish();
    }

    /**
     * Small multiples: several charts in one SVG, {@code columns} per row. One picture per profile
     * instead of one per indicator keeps the PDF renderer fast (each SVG costs a Batik document).
     */
    public static String panel(String title, List<TrendChart> charts, int columns) {
        int rows = (charts.size() + columns - 1) / columns;
        Svg svg = new Svg(WIDTH * columns, HEIGHT * Math.max(1, rows), title);
        for (int i = 0; i < charts.size(); i++) {
            double x = (i % columns) * WIDTH;
            double y = (i / columns) * HEIGHT;
            String inner = charts.get(i).render();
            svg.raw(inner.replaceFirst("<svg ", "<svg x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\" "));
        }
        return svg.finish();
    }

    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}
