package de.sozialmonitor.report.svg;

import java.util.function.DoubleFunction;

/**
 * The distribution of one indicator over the areas as a histogram, with the quartiles marked below
 * the bars (a box of Q1 to Q3 with the median): enough to see spread, skew and outliers at a glance.
 */
public record Histogram(String title, double[] edges, int[] counts, double q1, double median, double q3,
                        DoubleFunction<String> format, String areasLabel) {
    public static final double WIDTH = 300;
    public static final double HEIGHT = 150;

    public String render() {
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        double left = 30;
        double right = WIDTH - 10;
        double top = 10;
        double bottom = HEIGHT - 42;
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        int bins = counts.length;
        if (bins == 0) {
            return svg.finish();
        }
        double min = edges[0];
        double span = edges[bins] - min;
        double w = (right - left) / bins;
        svg.line(left, bottom, right, bottom, "#8c8c8c", 0.6, null);
        svg.line(left, top, left, bottom, "#8c8c8c", 0.6, null);
        svg.text(left - 4, top + 6, String.valueOf(max), 7, "end", null, "#555555", false);
        svg.text(left - 4, bottom, "0", 7, "end", null, "#555555", false);
        svg.text(left - 4, (top + bottom) / 2, areasLabel, 7, "end", null, "#555555", false);
        for (int b = 0; b < bins; b++) {
            double h = (bottom - top) * counts[b] / max;
            svg.rect(left + b * w + 0.5, bottom - h, w - 1, h, "#4393c3", null, 0);
        }
        svg.text(left, bottom + 10, format.apply(edges[0]), 7, "start", null, "#333333", false);
        svg.text(right, bottom + 10, format.apply(edges[bins]), 7, "end", null, "#333333", false);
        if (span > 0) {
            double x1 = left + (q1 - min) / span * (right - left);
            double xm = left + (median - min) / span * (right - left);
            double x3 = left + (q3 - min) / span * (right - left);
            double y = bottom + 16;
            svg.rect(x1, y, Math.max(0.5, x3 - x1), 8, "#d1e5f0", "#2166ac", 0.6);
            svg.line(xm, y - 1, xm, y + 9, "#b2182b", 1.2, null);
            svg.text(xm, y + 20, "Median " + format.apply(median), 7, "middle", null, "#b2182b", false);
        }
        return svg.finish();
    }
}
