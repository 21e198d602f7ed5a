package de.sozialmonitor.report.svg;

import de.sozialmonitor.model.AreaGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

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
 * @param boundaryLabels names of the municipalities, written bold
 * @param areaLabels  names of the small areas (localities), written smaller where they fit
 * @param labelPoints where a name goes (model.AreaGeometry.labelPoint, as on the web map), by code;
 *                    computed here for a code without one
 * @param sourceLine  e.g. "Quelle: Landkreis Peine, Sozialmonitor, Berichtsstand 3"
 * @param northLabel  "N"
 * @param boundaryLegendLabel legend text of the municipal boundary line ("Gemeindegrenze")
 */
public record ChoroplethMap(String title, Map<String, Geometry> areas, Map<String, Integer> categoryOf,
                            List<Swatch> legend, Swatch noData, Map<String, Geometry> boundaries,
                            Map<String, String> boundaryLabels, Map<String, String> areaLabels,
                            Map<String, AreaGeometry.LabelPoint> labelPoints, String sourceLine, String legendTitle,
                            String northLabel, String boundaryLegendLabel) {

    /** A colour and its label. */
    public record Swatch(String color, String label) {
    }

    public ChoroplethMap {
        Objects.requireNonNull(areas, "areas");
        areaLabels = areaLabels == null ? Map.of() : areaLabels;
        labelPoints = labelPoints == null ? Map.of() : labelPoints;
    }

    /**
     * A name written on the map: its text, anchor point (the middle of the text, on its baseline)
     * and size, and the box it covers with its white halo, in the SVG's units.
     */
    public record PlacedName(String code, String text, boolean municipality, double x, double baseline, double size,
                             double left, double top, double right, double bottom) {
        boolean overlaps(double l, double t, double r, double b) {
            return l < right && r > left && t < bottom && b > top;
        }
    }

    /** Font size of a municipality's name and of a small area's name (SVG units; the map prints at 0.25 mm per unit). */
    static final double MUNICIPALITY_SIZE = 9;
    static final double AREA_SIZE = 7.5;
    /** The halo's reach beyond the glyphs (half its stroke width) and the gap kept between two names. */
    private static final double HALO = 1.2;
    private static final double GAP = 1.5;

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
        double northX = WIDTH - LEGEND_WIDTH - 30;
        double northTop = HEIGHT - 92;
        double scaleY = HEIGHT - 40;
        List<double[]> keepFree = List.of(new double[] {northX - 9, northTop - 2, northX + 9, northTop + 34},
                new double[] {mapX, scaleY - 12, mapX + 6 + 140, scaleY + 6});
        for (PlacedName n : placeNames(proj, mapX, mapY, mapX + mapW, mapY + mapH, keepFree)) {
            svg.raw("<g class=\"place-name " + (n.municipality() ? "municipality" : "area") + "\" data-code=\"" + Svg.escape(n.code()) + "\">");
            svg.text(n.x(), n.baseline(), n.text(), n.size(), "middle", n.municipality() ? "bold" : null,
                    n.municipality() ? "#222222" : "#333333", true);
            svg.raw("</g>");
        }
        drawLegend(svg, WIDTH - LEGEND_WIDTH - 4, 14);
        drawNorthArrow(svg, northX, northTop);
        drawScaleBar(svg, proj, mapX + 6, scaleY);
        svg.line(0, HEIGHT - 22, WIDTH, HEIGHT - 22, "#9a9a9a", 0.5, null);
        svg.text(2, HEIGHT - 7, sourceLine, 8.5, "start", null, "#444444", false);
        return svg.finish();
    }

    /**
     * The names that fit, as on the web map: each at its area's label point (the centre of the
     * largest circle inside it), kept when it lies inside the map and touches neither a name placed
     * before nor the north arrow or scale bar; the municipalities first, then the small areas with
     * the most room. A name that does not fit is left out (the tables name every area).
     */
    List<PlacedName> placeNames(MapProjection proj, double minX, double minY, double maxX, double maxY, List<double[]> keepFree) {
        record Candidate(String code, String text, boolean municipality, AreaGeometry.LabelPoint at) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (boolean municipality : new boolean[] {true, false}) {
            Map<String, Geometry> geoms = municipality ? boundaries : areas;
            Map<String, String> names = municipality ? boundaryLabels : areaLabels;
            List<Candidate> level = new ArrayList<>();
            for (Map.Entry<String, Geometry> e : new java.util.TreeMap<>(geoms).entrySet()) {
                String name = names.get(e.getKey());
                if (name != null && !name.isBlank() && e.getValue() != null && !e.getValue().isEmpty()) {
                    AreaGeometry.LabelPoint at = labelPoints.get(e.getKey());
                    level.add(new Candidate(e.getKey(), name, municipality, at != null ? at : AreaGeometry.labelPoint(e.getValue(), true)));
                }
            }
            level.sort(java.util.Comparator.comparingDouble((Candidate c) -> -c.at().radius()).thenComparing(Candidate::code));
            candidates.addAll(level);
        }
        List<PlacedName> placed = new ArrayList<>();
        for (Candidate c : candidates) {
            double size = c.municipality() ? MUNICIPALITY_SIZE : AREA_SIZE;
            double x = proj.x(c.at().x());
            double y = proj.y(c.at().y());
            double half = TextWidth.of(c.text(), size, c.municipality()) / 2 + HALO;
            // the box from the ascender to the descender of DejaVu (0.93 and 0.24 of the size), centred on the point
            double baseline = y + 0.35 * size;
            double top = baseline - 0.93 * size - HALO;
            double bottom = baseline + 0.24 * size + HALO;
            double left = x - half;
            double right = x + half;
            boolean fits = left >= minX && right <= maxX && top >= minY && bottom <= maxY
                    && keepFree.stream().noneMatch(f -> left < f[2] && right > f[0] && top < f[3] && bottom > f[1])
                    && placed.stream().noneMatch(p -> p.overlaps(left - GAP, top - GAP / 3, right + GAP, bottom + GAP / 3));
            if (fits) {
                placed.add(new PlacedName(c.code(), c.text(), c.municipality(), x, baseline, size, left, top, right, bottom));
            }
        }
        return placed;
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
