package de.sozialmonitor.report.svg;

import java.util.List;
import java.util.Locale;

/**
 * A correlation matrix as a heat map: blue for negative, red for positive, white at 0, each cell
 * labelled with its value (two decimals); cells at or above the redundancy bound are outlined.
 */
public record HeatMap(String title, List<String> labels, double[][] values, double outlineFrom) {
    private static final String[] NEGATIVE = {"#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"};
    private static final String[] POSITIVE = {"#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b"};

    public String render() {
        int k = labels.size();
        double cell = Math.max(14, Math.min(34, 460.0 / Math.max(1, k)));
        double labelWidth = 150;
        double width = labelWidth + k * cell + 10;
        double height = labelWidth + k * cell + 10;
        Svg svg = new Svg(width, height, title);
        for (int j = 0; j < k; j++) {
            double x = labelWidth + j * cell + cell / 2;
            svg.raw("<g transform=\"translate(" + Svg.num(x + 3) + "," + Svg.num(labelWidth - 4) + ") rotate(-60)\">");
            svg.text(0, 0, shorten(labels.get(j)), 7.5, "start", null, "#333333", false);
            svg.raw("</g>");
        }
        for (int i = 0; i < k; i++) {
            double y = labelWidth + i * cell;
            svg.text(labelWidth - 4, y + cell / 2 + 3, shorten(labels.get(i)), 7.5, "end", null, "#333333", false);
            for (int j = 0; j < k; j++) {
                double v = values[i][j];
                double x = labelWidth + j * cell;
                boolean strong = i != j && !Double.isNaN(v) && Math.abs(v) >= outlineFrom;
                svg.rect(x, y, cell, cell, colour(v), strong ? "#000000" : "#ffffff", strong ? 1.4 : 0.5);
                if (cell >= 18 && !Double.isNaN(v)) {
                    svg.text(x + cell / 2, y + cell / 2 + 3, String.format(Locale.ROOT, "%.2f", v).replace("-0.00", "0.00"),
                            Math.min(8, cell / 3.6), "middle", null, Math.abs(v) > 0.6 ? "#ffffff" : "#1e1e1e", false);
                }
            }
        }
        return svg.finish();
    }

    /** Labels longer than the margin holds end in an ellipsis (the tables beside name them in full). */
    static String shorten(String label) {
        return label.length() <= 34 ? label : label.substring(0, 33) + "…";
    }

    static String colour(double v) {
        if (Double.isNaN(v)) {
            return "#e0e0e0";
        }
        int step = (int) Math.min(4, Math.floor(Math.abs(v) * 5));
        return v < 0 ? NEGATIVE[step] : POSITIVE[step];
    }
}
