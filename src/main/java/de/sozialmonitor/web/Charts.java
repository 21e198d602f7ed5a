package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import j2html.tags.ContainerTag;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Small server-rendered SVG charts: no chart script, nothing to load, printable, and each chart has
 * a text alternative (role="img" with a label; the numbers are also in a table beside it).
 */
final class Charts {
    private Charts() {
    }

    /**
     * A coordinate with one decimal, as {@code String.format(Locale.ROOT, "%.1f", v)} writes it.
     * A profile page draws a few hundred; the formatter was the largest part of its time. Where the
     * tenths are clear (far from a half), they are written directly; near a half, and for large or
     * odd values, the formatter decides, so the text is always the formatter's.
     */
    static String f(double v) {
        double tenths = v * 10;
        double rounded = Math.rint(tenths);
        if (!(Math.abs(tenths) < 1e9) || Math.abs(Math.abs(tenths - rounded) - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        long n = (long) rounded;
        long abs = Math.abs(n);
        String sign = n < 0 || (n == 0 && (v < 0 || (v == 0 && 1 / v < 0))) ? "-" : "";
        return sign + abs / 10 + "." + abs % 10;
    }

    /** A sparkline of a time series (nulls are gaps). */
    static DomContent sparkline(SortedMap<Integer, Double> series, String label) {
        int w = 120;
        int h = 28;
        List<Double> vs = series.values().stream().filter(v -> v != null).toList();
        ContainerTag<?> svg = svg(w, h, label).withClass("sparkline");
        if (vs.size() < 2) {
            return svg;
        }
        double min = vs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = vs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        int first = series.firstKey();
        int years = Math.max(1, series.lastKey() - first);
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        double lastX = 0;
        double lastY = 0;
        for (Map.Entry<Integer, Double> e : series.entrySet()) {
            if (e.getValue() == null) {
                pen = false;
                continue;
            }
            lastX = 3 + (w - 6) * (e.getKey() - first) / (double) years;
            lastY = h - 3 - (h - 6) * (e.getValue() - min) / span;
            d.append(pen ? " L" : " M").append(f(lastX)).append(' ').append(f(lastY));
            pen = true;
        }
        svg.with(tag("path").attr("d", d.toString().trim()).attr("fill", "none").attr("stroke", "#1f4e79").attr("stroke-width", "1.5"));
        svg.with(tag("circle").attr("cx", f(lastX)).attr("cy", f(lastY)).attr("r", "2.5").attr("fill", "#1f4e79"));
        return svg;
    }

    /** A line chart with axes for the county series of an indicator, each year's value as a dot with its figure. */
    static DomContent lineChart(SortedMap<Integer, Double> series, String label, Texts t, int decimals) {
        return lines(Map.of("", series), label, t, decimals, new Frame(560, 220, List.of("#1f4e79"), "2", true));
    }

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    static final List<String> SERIES_COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");

    /** Several time series in one chart (one line per area); the legend is rendered by the page. */
    static DomContent multiLineChart(Map<String, SortedMap<Integer, Double>> series, String label, Texts t, int decimals) {
        return lines(series, label, t, decimals, new Frame(640, 260, SERIES_COLOURS, "2.5", false));
    }

    /** Size and look of a line chart; {@code dots}: one dot per value (a single series) instead of a title per line. */
    private record Frame(int width, int height, List<String> colours, String strokeWidth, boolean dots) {
    }

    private static DomContent lines(Map<String, SortedMap<Integer, Double>> series, String label, Texts t, int decimals, Frame frame) {
        int w = frame.width();
        int h = frame.height();
        int left = 56;
        int bottom = 28;
        int top = 12;
        int right = 12;
        ContainerTag<?> svg = svg(w, h, label).withClass("chart");
        List<Double> vs = new ArrayList<>();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        series.values().forEach(m -> m.forEach((y, v) -> {
            years.add(y);
            if (v != null) {
                vs.add(v);
            }
        }));
        if (vs.isEmpty()) {
            return svg;
        }
        double[] ticks = niceTicks(Math.min(0, vs.stream().mapToDouble(Double::doubleValue).min().orElse(0)),
                vs.stream().mapToDouble(Double::doubleValue).max().orElse(1), 5);
        double min = ticks[0];
        double max = ticks[ticks.length - 1];
        int tickDecimals = tickDecimals(ticks);
        int first = years.first();
        int span = Math.max(1, years.last() - first);
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        for (double v : ticks) {
            double y = top + plotH - plotH * (v - min) / (max - min);
            svg.with(tag("line").attr("x1", left).attr("x2", w - right).attr("y1", f(y)).attr("y2", f(y)).attr("stroke", "#d0d0d0"));
            svg.with(tag("text").attr("x", left - 6).attr("y", f(y + 4)).attr("text-anchor", "end").attr("font-size", "11")
                    .attr("fill", "#333333").withText(t.number(v, tickDecimals)));
        }
        for (int year : years) {
            double x = left + plotW * (year - first) / span;
            svg.with(tag("text").attr("x", f(x)).attr("y", h - 8).attr("text-anchor", "middle").attr("font-size", "11")
                    .attr("fill", "#333333").withText(Integer.toString(year)));
        }
        int c = 0;
        for (Map.Entry<String, SortedMap<Integer, Double>> s : series.entrySet()) {
            String colour = frame.colours().get(c++ % frame.colours().size());
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            List<DomContent> dots = new ArrayList<>();
            for (Map.Entry<Integer, Double> e : s.getValue().entrySet()) {
                if (e.getValue() == null) {
                    pen = false;
                    continue;
                }
                double x = left + plotW * (e.getKey() - first) / span;
                double y = top + plotH - plotH * (e.getValue() - min) / (max - min);
                d.append(pen ? " L" : " M").append(f(x)).append(' ').append(f(y));
                pen = true;
                dots.add(tag("circle").attr("cx", f(x)).attr("cy", f(y)).attr("r", "3").attr("fill", colour)
                        .with(tag("title").withText(e.getKey() + ": " + t.number(e.getValue(), decimals))));
            }
            ContainerTag<?> path = tag("path").attr("d", d.toString().trim()).attr("fill", "none").attr("stroke", colour)
                    .attr("stroke-width", frame.strokeWidth());
            svg.with(frame.dots() ? path : path.with(tag("title").withText(s.getKey())));
            if (frame.dots()) {
                dots.forEach(svg::with);
            }
        }
        return svg;
    }

    /**
     * Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten) from at most {@code min} to
     * at least {@code max}, about {@code target} intervals: 0 – 5 – 10 – 15 – 20, never 5.3 – 10.7.
     */
    static double[] niceTicks(double min, double max, int target) {
        if (!(max > min)) {
            max = min + 1;
        }
        double raw = (max - min) / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw - 1e-12) {
                step = m * magnitude;
                break;
            }
        }
        double lo = Math.floor(min / step + 1e-9) * step;
        double hi = Math.ceil(max / step - 1e-9) * step;
        int n = (int) Math.round((hi - lo) / step);
        double[] ticks = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            ticks[k] = lo + k * step;
            if (Math.abs(ticks[k]) < step * 1e-9) {
                ticks[k] = 0;
            }
        }
        return ticks;
    }

    /** The decimals the tick labels need: none for 0, 5, 10; one for 0, 0.5, 1; two for 2.5 steps below 1. */
    static int tickDecimals(double[] ticks) {
        for (int d = 0; d < 4; d++) {
            double scale = Math.pow(10, d);
            boolean whole = true;
            for (double v : ticks) {
                whole &= Math.abs(v * scale - Math.round(v * scale)) < 1e-6;
            }
            if (whole) {
                return d;
            }
        }
        return 4;
    }

    /** Horizontal bars of the areas' values, sorted, with the county value as a line. */
    static DomContent distribution(List<Map.Entry<String, Double>> values, Double reference, String label, Texts t, int decimals) {
        int barH = 14;
        int gap = 3;
        int left = 190;
        int w = 560;
        int h = Math.max(40, values.size() * (barH + gap) + 10);
        ContainerTag<?> svg = svg(w, h, label).withClass("chart");
        double max = values.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        if (reference != null) {
            max = Math.max(max, reference);
        }
        max = max <= 0 ? 1 : max * 1.08;
        double plotW = w - left - 60;
        int y = 4;
        for (Map.Entry<String, Double> e : values) {
            double bw = plotW * e.getValue() / max;
            String name = e.getKey().length() > 28 ? e.getKey().substring(0, 27) + "…" : e.getKey();
            svg.with(tag("text").attr("x", left - 6).attr("y", y + barH - 3).attr("text-anchor", "end").attr("font-size", "11")
                    .attr("fill", "#333333").withText(name));
            svg.with(tag("rect").attr("x", left).attr("y", y).attr("width", f(Math.max(bw, 0.5))).attr("height", barH)
                    .attr("fill", "#6b8fb5"));
            svg.with(tag("text").attr("x", f(left + bw + 4)).attr("y", y + barH - 3).attr("font-size", "11")
                    .attr("fill", "#333333").withText(t.number(e.getValue(), decimals)));
            y += barH + gap;
        }
        if (reference != null) {
            double x = left + plotW * reference / max;
            svg.with(tag("line").attr("x1", f(x)).attr("x2", f(x)).attr("y1", 0).attr("y2", h).attr("stroke", "#b2182b")
                    .attr("stroke-width", "2").attr("stroke-dasharray", "4 3"));
        }
        return svg;
    }

    private static ContainerTag<?> svg(int w, int h, String label) {
        return tag("svg").attr("xmlns", "http://www.w3.org/2000/svg").attr("viewBox", "0 0 " + w + " " + h)
                .attr("width", w).attr("height", h).attr("role", "img").attr("aria-label", label)
                .with(tag("title").withText(label));
    }
}
