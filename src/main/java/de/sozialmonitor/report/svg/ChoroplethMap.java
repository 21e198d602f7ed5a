package de.sozialmonitor.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A choropleth map of small areas as standalone SVG: fills by category, the municipal boundaries
 * drawn over the small areas with their names, a legend, a scale bar, a north arrow and a source
 * line. The same SVG serves the printed report and the web page (it has a title for screen readers
 * and no scripts).
 *
 * @param title       accessible title (also printed above the legend)
 * @param areas       small-area geometries by code (EPSG:4326)
 * @param categoryOf  the legend category (index into {@code legend}) of each area; absent = no data
 * @param legend      legend entries in display order
 * @param noData      legend entry for areas without a category (null: none shown)
 * @param boundaries  municipal geometries drawn over the small areas
 * @param boundaryLabels names written at the municipalities' interior points
 * @param sourceLine  e.g. "Quelle: Landkreis Peine, Sozialmonitor, Berichtsstand 3"
 * @param northLabel  "N"
 * @param boundaryLegendLabel legend text of the municipal boundary line ("Gemeindegrenze")
 */
public record ChoroplethMap(String title, Map<String, Geometry> areas, Map<String, Integer> categoryOf,
                            List<Swatch> legend, Swatch noData, Map<String, Geometry> boundaries,
                            Map<String, String> boundaryLabels, String sourceLine, String legendTitle,
                            String northLabel, String boundaryLegendLabel) {

    /** A colour and its label. */
    public record Swatch(String color, String label) {
    }

    public ChoroplethMap {
        Objects.requireNonNull(areas, "areas");
    }

    public static final double WIDTH = 640;
    public static final double HEIGHT = 430;
    private static final double LEGEND_WIDTH = 190;

    public String render() {
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        double mapX = 8;
        double mapY = 8;
        double mapW = WIDTH - LEGEND_WIDTH - 24;
        double mapH = HEIGHT - 40;
        List<Geometry> all = new ArrayList<>(areas.values());
        all.addAll(boundaries.values());
        MapProjection proj = MapProjection.fit(all, mapX, mapY, mapW, mapH);

        svg.raw("<g fill-rule=\"evenodd\">");
        for (Map.Entry<String, Geometry> e : new java.util.TreeMap<>(areas).entrySet()) {
            Integer cat = categoryOf.get(e.getKey());
            boolean classified = cat != null && cat >= 0 && cat < legend.size();
            String fill = classified ? legend.get(cat).color() : noData != null ? noData.color() : "#ffffff";
            // without a value: white with a dashed edge, as on the web map
            svg.path(proj.path(e.getValue()), fill, classified ? "#ffffff" : "#7a7a7a", 0.6,
                    classified ? null : "stroke-dasharray=\"2 1.5\"");
        }
        svg.raw("</g>");
        // municipal boundaries over the small areas: darker and wider, so the eye finds the Gemeinde
        svg.raw("<g fill=\"none\">");
        for (Map.Entry<String, Geometry> e : new java.util.TreeMap<>(boundaries).entrySet()) {
            svg.path(proj.path(e.getValue()), "none", "#3a3a3a", 1.3, "stroke-linejoin=\"round\"");
        }
        svg.raw("</g>");
        for (Map.Entry<String, Geometry> e : new java.util.TreeMap<>(boundaries).entrySet()) {
            String label = boundaryLabels.get(e.getKey());
            if (label != null && !e.getValue().isEmpty()) {
                Point p = e.getValue().getInteriorPoint();
                svg.text(proj.x(p.getX()), proj.y(p.getY()), label, 9, "middle", "bold", "#222222", true);
            }
        }
        drawLegend(svg, WIDTH - LEGEND_WIDTH - 4, 14);
        drawNorthArrow(svg, WIDTH - LEGEND_WIDTH - 30, HEIGHT - 92);
        drawScaleBar(svg, proj, mapX + 6, HEIGHT - 40);
        svg.line(0, HEIGHT - 22, WIDTH, HEIGHT - 22, "#9a9a9a", 0.5, null);
        svg.text(2, HEIGHT - 7, sourceLine, 8.5, "start", null, "#444444", false);
        return svg.finish();
    }

    private void drawLegend(Svg svg, double x, double y) {
        if (legendTitle != null) {
            y = wrapText(svg, x, y, legendTitle, 26, 10, "bold") + 6;
        }
        List<Swatch> entries = new ArrayList<>(legend);
        if (noData != null) {
            entries.add(noData);
        }
        for (Swatch entry : entries) {
            svg.rect(x, y, 16, 11, entry.color(), "#7a7a7a", 0.5);
            y = wrapText(svg, x + 22, y + 9, entry.label(), 30, 9, null) + 6;
        }
        svg.line(x, y + 6, x + 16, y + 6, "#3a3a3a", 1.3, null);
        svg.text(x + 22, y + 9, boundaryLegendLabel, 9, "start", null, "#222222", false);
    }

    /** Writes text broken at spaces into lines of at most {@code maxChars}; returns the last baseline. */
    private static double wrapText(Svg svg, double x, double y, String text, int maxChars, double size, String weight) {
        List<String> lines = TrendChart.wrap(text, maxChars);
        for (int i = 0; i < lines.size(); i++) {
            svg.text(x, y + i * (size + 2), lines.get(i), size, "start", weight, "#222222", false);
        }
        return y + (lines.size() - 1) * (size + 2);
    }

    private void drawNorthArrow(Svg svg, double cx, double top) {
        svg.path("M" + Svg.num(cx) + " " + Svg.num(top + 10) + "L" + Svg.num(cx - 7) + " " + Svg.num(top + 32) + "L"
                + Svg.num(cx) + " " + Svg.num(top + 26) + "Z", "#3a3a3a", "#3a3a3a", 0.6, null);
        svg.path("M" + Svg.num(cx) + " " + Svg.num(top + 10) + "L" + Svg.num(cx + 7) + " " + Svg.num(top + 32) + "L"
                + Svg.num(cx) + " " + Svg.num(top + 26) + "Z", "#ffffff", "#3a3a3a", 0.6, null);
        svg.text(cx, top + 7, northLabel, 10, "middle", "bold", "#3a3a3a", false);
    }

    private void drawScaleBar(Svg svg, MapProjection proj, double x, double y) {
        double targetKm = 120 / proj.pixelsPerKm();
        double km = niceKm(targetKm);
        double len = km * proj.pixelsPerKm();
        svg.rect(x, y, len / 2, 4, "#3a3a3a", "#3a3a3a", 0.5);
        svg.rect(x + len / 2, y, len / 2, 4, "#ffffff", "#3a3a3a", 0.5);
        svg.text(x, y - 3, "0", 8, "middle", null, "#3a3a3a", false);
        svg.text(x + len, y - 3, formatKm(km) + " km", 8, "middle", null, "#3a3a3a", false);
    }

    static double niceKm(double km) {
        double[] steps = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500};
        double best = steps[0];
        for (double s : steps) {
            if (s <= km) {
                best = s;
            }
        }
        return best;
    }

    private static String formatKm(double km) {
        return km >= 1 ? Long.toString(Math.round(km)) : Svg.num(km);
    }
}
