package de.sozialmonitor.report;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.AreaGeometry;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.report.svg.ChoroplethMap;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.GroupFigures;
import de.sozialmonitor.view.ReferenceView;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * The data sheet for funding bids ("Datenblatt Förderantrag") of one area or a group of areas,
 * from a published release only: every attention indicator and every other indicator with figures,
 * for each chosen area beside its municipality, the county (as the monitoring computes it) and the
 * reference regions (the county's official figure, its Land, Germany, where imported); the change
 * over the dynamics period; the classes; a map; the sources; the release's checksum. One
 * {@link Table} feeds both the PDF (through the report's PDF pipeline) and the XLSX.
 */
public final class FundingDataSheet {
    /** What the sheet shows: the public view of a published release, its reference figures, the chosen areas and the map's geometries. */
    public record Input(ResultView view, ReferenceView references, List<AreaInfo> areas, Map<String, Geometry> geometries,
                        Map<String, Geometry> boundaries, Map<String, String> boundaryNames, String language) {
    }

    /** One value of the sheet: the number (null if none) and the text as printed (value, symbol, or value with another year). */
    public record SheetValue(Double value, String text) {
    }

    /** One indicator's line: its values in the columns' order, then its changes (chosen areas, then the county). */
    public record Line(Indicator indicator, boolean attention, List<SheetValue> values, List<SheetValue> changes) {
    }

    /** The table of the sheet: column titles of the values and of the changes, and the lines. */
    public record Table(List<String> columns, List<String> changeColumns, List<Line> lines) {
    }

    private FundingDataSheet() {
    }

    /**
     * Gathers the sheet of published release {@code number} for the areas {@code codes}; an
     * {@link IllegalArgumentException} naming what is wrong if the release is not published or an
     * area is not in it.
     */
    public static Input gather(ResultViews views, int number, List<String> codes, String language) {
        ResultView view = views.published(number)
                .orElseThrow(() -> new IllegalArgumentException("release " + number + " is not published"));
        List<AreaInfo> areas = new ArrayList<>();
        for (String c : codes) {
            areas.add(view.area(c.strip()).orElseThrow(() -> new IllegalArgumentException("area " + c.strip()
                    + " is not in release " + number)));
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("no area given");
        }
        String level = areas.get(0).level();
        Map<String, Geometry> geometries = new LinkedHashMap<>();
        views.geometries(view, level).forEach((code, json) -> geometries.put(code, AreaGeometry.parse(json)));
        Map<String, Geometry> boundaries = new LinkedHashMap<>();
        Map<String, String> boundaryNames = new LinkedHashMap<>();
        AreaInfo first = view.area(areas.get(0).parentCode()).orElse(null);
        if (first != null && first.depth() > 0) {
            views.geometries(view, first.level()).forEach((code, json) -> {
                boundaries.put(code, AreaGeometry.parse(json));
                view.area(code).ifPresent(a -> boundaryNames.put(code, a.name()));
            });
        }
        return new Input(view, views.references(view), areas, geometries, boundaries, boundaryNames, language);
    }

    private static TextBundle texts(String language) {
        return TextBundle.of("i18n.steering", Locale.forLanguageTag(language));
    }

    /** The values and changes of every indicator the sheet shows. */
    public static Table table(Input in) {
        ResultView v = in.view();
        TextBundle st = texts(in.language());
        ReportTexts t = new ReportTexts(in.language());
        int year = v.year();
        List<String> columns = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        in.areas().forEach(a -> {
            columns.add(a.name());
            codes.add(a.code());
        });
        // a group of areas also as one: its rates from the sums of the areas' counts (GroupFigures); null stands for it in codes
        List<String> group = in.areas().size() > 1 ? in.areas().stream().map(AreaInfo::code).toList() : List.of();
        if (!group.isEmpty()) {
            columns.add(st.get("sheet.group", group.size()));
            codes.add(null);
        }
        Set<String> municipalities = new LinkedHashSet<>();
        for (AreaInfo a : in.areas()) {
            v.parents(a.code()).stream().filter(p -> p.depth() == 1 && !codes.contains(p.code())).forEach(p -> municipalities.add(p.code()));
        }
        for (String m : municipalities) {
            columns.add(v.area(m).map(AreaInfo::name).orElse(m));
            codes.add(m);
        }
        AreaInfo root = v.root().orElse(null);
        if (root != null && !codes.contains(root.code())) {
            columns.add(st.get("references.monitoring", root.name()));
            codes.add(root.code());
        }
        int own = codes.size();
        List<ReferenceRegion> regions = in.references().forProfile();
        regions.forEach(r -> columns.add(in.references().isTerritory(r) ? st.get("references.official", r.name()) : r.name()));
        List<String> changeColumns = new ArrayList<>();
        in.areas().forEach(a -> changeColumns.add(a.name()));
        if (!group.isEmpty()) {
            changeColumns.add(st.get("sheet.group", group.size()));
        }
        if (root != null && in.areas().stream().noneMatch(a -> a.code().equals(root.code()))) {
            changeColumns.add(root.name());
        }
        List<Indicator> shown = new ArrayList<>(v.attentionIndicators());
        for (Indicator i : v.indicatorsWithFigures(year)) {
            if (!shown.contains(i)) {
                shown.add(i);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Indicator i : shown) {
            List<SheetValue> values = new ArrayList<>();
            for (int k = 0; k < own; k++) {
                values.add(cell(t, codes.get(k) == null ? GroupFigures.rate(v, i, group, year) : v.rate(i.id(), codes.get(k), year),
                        i.precision()));
            }
            for (ReferenceRegion r : regions) {
                Optional<ReferenceView.Value> x = i.targetGroup().isTotal() ? in.references().value(i, r.code(), year) : Optional.empty();
                values.add(x.map(val -> new SheetValue(rounded(val.value(), i.precision()), (val.shown() ? t.number(val.value(), i.precision()) : val.status().symbol())
                        + (val.year() == year ? "" : " (" + val.year() + ")"))).orElse(new SheetValue(null, "–")));
            }
            List<SheetValue> changes = new ArrayList<>();
            in.areas().forEach(a -> changes.add(cell(t, v.change(i.id(), a.code(), year), i.precision())));
            if (!group.isEmpty()) {
                changes.add(cell(t, GroupFigures.change(v, i, group, year), i.precision()));
            }
            if (changeColumns.size() > changes.size()) {
                changes.add(cell(t, v.change(i.id(), root.code(), year), i.precision()));
            }
            boolean attention = v.attentionIndicators().contains(i);
            // another indicator only where the release has a figure for one of the areas, their municipality or the county
            if (attention || values.subList(0, own).stream().anyMatch(c -> c.value() != null)) {
                lines.add(new Line(i, attention, values, changes));
            }
        }
        return new Table(columns, changeColumns, lines);
    }

    private static Double rounded(Double v, int precision) {
        return v == null ? null : java.math.BigDecimal.valueOf(v).setScale(precision, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static SheetValue cell(ReportTexts t, Figure f, int precision) {
        if (f == null) {
            return new SheetValue(null, "–");
        }
        return f.shown() ? new SheetValue(f.value(), t.number(f.value(), precision)) : new SheetValue(null, f.symbol() == null ? "–" : f.symbol());
    }

    /** The title of the sheet, e.g. "Datenblatt Förderantrag – Peine (Kernort)". */
    public static String title(Input in) {
        return texts(in.language()).get("sheet.title") + " – " + String.join(", ", in.areas().stream().map(AreaInfo::name).toList());
    }

    // ---------------------------------------------------------------- HTML and PDF

    public static String html(Input in) {
        ResultView v = in.view();
        TextBundle st = texts(in.language());
        ReportTexts t = new ReportTexts(in.language());
        Table table = table(in);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + t.language() + "\" xml:lang=\"" + t.language() + "\"").nl();
        h.open("head").raw("<meta charset=\"UTF-8\"/>").el("title", title(in))
                .raw("<meta name=\"author\" content=\"" + Html.esc(v.territory().name()) + "\"/>")
                .raw("<meta name=\"generator\" content=\"Sozialmonitor\"/>")
                .open("style").raw(ReportHtml.css()).close("style").close("head").nl();
        h.open("body").nl();
        h.open("div", "class=\"running-header\"");
        h.el("span", "class=\"rh-left\"", v.territory().name() + " · " + st.get("sheet.title"));
        if (v.territory().synthetic()) {
            h.el("div", "class=\"synthetic-banner\"", t.get("report.synthetic"));
        }
        h.close("div").nl();
        h.open("div", "class=\"running-footer\"");
        h.el("span", "class=\"rf-left\"", st.get("sheet.footer", v.source().releaseNumber(), v.source().checksum()));
        h.open("span", "class=\"rf-right\"").text(t.get("report.page") + " ").raw("<span class=\"pagenum\"></span>")
                .text(" " + t.get("report.pageOf") + " ").raw("<span class=\"pagecount\"></span>").close("span");
        h.close("div").nl();

        h.el("h1", title(in));
        h.el("p", st.get("sheet.intro", v.territory().name(), v.source().releaseNumber(), v.source().title(), v.year(),
                t.date(v.source().publishedOn())));
        if (v.territory().synthetic()) {
            h.el("p", "class=\"tp-synthetic\"", t.get("report.synthetic"));
        }

        h.el("h2", st.get("sheet.values", v.year()));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        h.el("th", "scope=\"col\" class=\"left\"", st.get("sheet.indicator"));
        table.columns().forEach(c -> h.el("th", "scope=\"col\"", c));
        h.close("tr").close("thead").open("tbody");
        for (Line l : table.lines()) {
            h.open("tr", l.attention() ? "class=\"att\"" : null);
            h.el("th", "scope=\"row\" class=\"left\"", l.indicator().name(in.language()) + " (" + l.indicator().unit() + ")");
            l.values().forEach(c -> h.el("td", "class=\"num\"", c.text()));
            h.close("tr");
        }
        h.close("tbody").close("table");
        h.el("p", "class=\"note\"", st.get("sheet.valuesNote"));
        if (in.areas().size() > 1) {
            h.el("p", "class=\"note\"", st.get("sheet.groupNote"));
        }

        h.el("h2", st.get("sheet.changes", v.baseYear(), v.year()));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        h.el("th", "scope=\"col\" class=\"left\"", st.get("sheet.indicator"));
        table.changeColumns().forEach(c -> h.el("th", "scope=\"col\"", c));
        h.close("tr").close("thead").open("tbody");
        for (Line l : table.lines()) {
            h.open("tr");
            h.el("th", "scope=\"row\" class=\"left\"", l.indicator().name(in.language()) + " (" + l.indicator().unit() + ")");
            l.changes().forEach(c -> h.el("td", "class=\"num\"", c.text()));
            h.close("tr");
        }
        h.close("tbody").close("table");

        h.el("h2", st.get("sheet.classes"));
        h.open("table", "class=\"data\"").open("thead").open("tr");
        h.el("th", "scope=\"col\" class=\"left\"", st.get("sheet.area"));
        h.el("th", "scope=\"col\"", st.get("sheet.status"));
        h.el("th", "scope=\"col\"", st.get("sheet.dynamics"));
        h.el("th", "scope=\"col\"", st.get("sheet.attention"));
        h.close("tr").close("thead").open("tbody");
        for (AreaInfo a : in.areas()) {
            Optional<AreaClasses> c = v.classes(a.code());
            h.open("tr");
            h.el("th", "scope=\"row\" class=\"left\"", a.name() + " (" + a.code() + ")");
            h.el("td", "class=\"center\"", c.map(x -> x.statusClass() == null ? "–" : t.get("class." + x.statusClass().code())).orElse("–"));
            h.el("td", "class=\"center\"", c.map(x -> x.dynamicsClass() == null ? "–" : t.get("class." + x.dynamicsClass().code())).orElse("–"));
            h.el("td", "class=\"center\"", c.map(x -> st.get(x.attention() ? "sheet.yes" : "sheet.no")).orElse("–"));
            h.close("tr");
        }
        h.close("tbody").close("table");

        if (!in.geometries().isEmpty()) {
            Map<String, Integer> category = new LinkedHashMap<>();
            in.geometries().keySet().forEach(code -> category.put(code, 1));
            in.areas().forEach(a -> category.put(a.code(), 0));
            ChoroplethMap map = new ChoroplethMap(st.get("sheet.map"), in.geometries(), category,
                    List.of(new ChoroplethMap.Swatch("#d95f02", st.get("sheet.mapChosen")),
                            new ChoroplethMap.Swatch("#e0e0e0", st.get("sheet.mapOther"))),
                    null, in.boundaries(), in.boundaryNames(), null, null,
                    st.get("sheet.mapSource", v.territory().name(), v.source().releaseNumber()), st.get("sheet.map"), t.get("map.north"),
                    t.get("map.boundary"));
            h.el("h2", st.get("sheet.map"));
            h.open("figure", "class=\"map\"").raw(map.render()).close("figure");
        }

        h.el("h2", st.get("sheet.sources"));
        h.open("ul");
        h.el("li", st.get("sheet.release", v.source().releaseNumber(), v.source().title(), v.year(), t.date(v.source().publishedOn())));
        h.el("li", st.get("sheet.checksum", v.source().checksum()));
        Set<String> sources = new LinkedHashSet<>();
        v.imports().forEach(f -> sources.add(f.source() == null || f.source().isBlank() ? f.fileName() : f.source()));
        if (!sources.isEmpty()) {
            h.el("li", st.get("sheet.inputs", String.join(", ", sources)));
        }
        if (!in.references().forProfile().isEmpty()) {
            h.el("li", st.get("sheet.referenceSources", String.join(", ", in.references().forProfile().stream().map(ReferenceRegion::name).toList())));
        }
        h.el("li", st.get("sheet.method"));
        h.close("ul");
        h.close("body").close("html").nl();
        return h.toString();
    }

    public static byte[] pdf(Input in) {
        ResultView v = in.view();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        LocalDate date = v.source().publishedOn() != null ? v.source().publishedOn() : v.source().createdOn();
        ReportPdf.renderHtml(html(in), new ReportPdf.Metadata(title(in), v.territory().name(),
                "release " + v.source().releaseNumber() + "; sha256 " + v.source().checksum(), in.language(), date, idHex(in)), out);
        return out.toByteArray();
    }

    /** The file identifier: derived from the release, the areas and the language, so the same sheet gives the same bytes. */
    private static String idHex(Input in) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((in.view().source().checksum() + "|" + in.language() + "|"
                    + String.join(",", in.areas().stream().map(AreaInfo::code).toList())).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- XLSX

    /** The same table as a workbook: values and changes as numbers, the classes and the sources on a second sheet. */
    public static byte[] xlsx(Input in) {
        ResultView v = in.view();
        TextBundle st = texts(in.language());
        ReportTexts t = new ReportTexts(in.language());
        Table table = table(in);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "Sozialmonitor", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet(st.get("sheet.xlsxValues"));
            int r = 0;
            sheet.value(r++, 0, title(in));
            sheet.value(r++, 0, st.get("sheet.values", v.year()));
            sheet.value(r, 0, st.get("sheet.indicator"));
            sheet.value(r, 1, st.get("sheet.unit"));
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.value(r, c + 2, table.columns().get(c));
            }
            int changeStart = table.columns().size() + 2;
            for (int c = 0; c < table.changeColumns().size(); c++) {
                sheet.value(r, changeStart + c, st.get("sheet.changeOf", table.changeColumns().get(c), v.baseYear(), v.year()));
            }
            sheet.range(r, 0, r, changeStart + table.changeColumns().size() - 1).style().bold().set();
            r++;
            for (Line l : table.lines()) {
                sheet.value(r, 0, l.indicator().name(in.language()));
                sheet.value(r, 1, l.indicator().unit());
                write(sheet, r, 2, l.values());
                write(sheet, r, changeStart, l.changes());
                r++;
            }
            r++;
            sheet.value(r++, 0, st.get("sheet.classes"));
            sheet.value(r, 0, st.get("sheet.area"));
            sheet.value(r, 1, st.get("sheet.status"));
            sheet.value(r, 2, st.get("sheet.dynamics"));
            sheet.value(r, 3, st.get("sheet.attention"));
            r++;
            for (AreaInfo a : in.areas()) {
                Optional<AreaClasses> c = v.classes(a.code());
                sheet.value(r, 0, a.name() + " (" + a.code() + ")");
                sheet.value(r, 1, c.map(x -> x.statusClass() == null ? "–" : t.get("class." + x.statusClass().code())).orElse("–"));
                sheet.value(r, 2, c.map(x -> x.dynamicsClass() == null ? "–" : t.get("class." + x.dynamicsClass().code())).orElse("–"));
                sheet.value(r, 3, c.map(x -> st.get(x.attention() ? "sheet.yes" : "sheet.no")).orElse("–"));
                r++;
            }
            org.dhatim.fastexcel.Worksheet notes = wb.newWorksheet(st.get("sheet.sources"));
            int n = 0;
            notes.value(n++, 0, st.get("sheet.release", v.source().releaseNumber(), v.source().title(), v.year(),
                    t.date(v.source().publishedOn())));
            notes.value(n++, 0, st.get("sheet.checksum", v.source().checksum()));
            if (v.territory().synthetic()) {
                notes.value(n++, 0, t.get("report.synthetic"));
            }
            notes.value(n++, 0, st.get("sheet.valuesNote"));
            if (in.areas().size() > 1) {
                notes.value(n++, 0, st.get("sheet.groupNote"));
            }
            notes.value(n, 0, st.get("sheet.method"));
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Numbers as number cells; a symbol or a figure of another year as text. */
    private static void write(org.dhatim.fastexcel.Worksheet sheet, int row, int col, List<SheetValue> cells) {
        for (int k = 0; k < cells.size(); k++) {
            SheetValue c = cells.get(k);
            if (c.value() != null && !c.text().contains("(")) {
                sheet.value(row, col + k, c.value());
            } else {
                sheet.value(row, col + k, c.text());
            }
        }
    }
}
