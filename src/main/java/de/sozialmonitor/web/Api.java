package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.web.OverviewTable.Row;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON API, the map data and the downloads; all read through the viewer's scope. */
final class Api {
    private final WebServer.WebContext web;

    Api(WebServer.WebContext web) {
        this.web = web;
    }

    /** The overview table of the selection; null when there is nothing to show. */
    private static OverviewTable table(Context ctx, Pages.Selection s) {
        return s.empty() ? null : OverviewTable.of(s.view(), s.level(), s.year(), s.mode(), WebServer.viewer(ctx).texts().locale());
    }

    private static List<Row> rows(OverviewTable table, String sort) {
        return table == null ? List.of() : table.sorted(sort, false);
    }

    /** GeoJSON of one level and year for the map: simplified geometry, colour, label, values. */
    void map(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        int zoom = parseInt(ctx.queryParam("zoom"), 10);
        OverviewTable table = table(ctx, s);
        Map<String, String> geometries = s.empty() ? Map.of() : web.views().geometries(s.view(), s.level());
        Texts t = WebServer.viewer(ctx).texts();
        // the measures the viewer may see (the public: those marked public), for the map's measure layer
        Map<String, List<de.sozialmonitor.view.MeasureView.Entry>> measures = s.empty() ? Map.of()
                : web.views().measures(s.view(), WebServer.viewer(ctx).loggedIn()).byArea(s.level());
        de.sozialmonitor.i18n.TextBundle st = MeasureSection.texts(WebServer.viewer(ctx));
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Row r : rows(table, "name")) {
            String g = geometries.get(r.area().code());
            if (g == null) {
                continue;
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", r.area().code());
            f.putRawValue("geometry", web.geometries().simplifiedText(g, zoom));
            ObjectNode p = f.putObject("properties");
            p.put("code", r.area().code());
            p.put("name", r.area().name());
            p.put("fill", r.fill());
            p.put("noValue", r.noValue());
            p.put("url", "/gebiet/" + Layout.enc(r.area().code()) + "?" + s.q());
            List<de.sozialmonitor.view.MeasureView.Entry> here = measures.getOrDefault(r.area().code(), List.of());
            p.put("label", r.area().name() + ": " + describe(t, s, table, r)
                    + (here.isEmpty() ? "" : " · " + st.get("measures.mapCount", here.size())));
            if (!here.isEmpty()) {
                p.put("measures", here.size());
            }
            de.sozialmonitor.model.AreaGeometry.LabelPoint at = web.geometries().labelPoint(g);
            if (at != null) {
                // where the name goes on the map, and how much room there is (the larger, the earlier it is placed)
                p.putArray("labelAt").add(Math.round(at.x() * 1e5) / 1e5).add(Math.round(at.y() * 1e5) / 1e5);
                p.put("labelRoom", Math.round(at.radius() * 1e5) / 1e5);
            }
            putResult(p, r.classes());
            if (s.mode().indicator() != null) {
                Figure c = table.figure(r, s.mode().indicator());
                putNumber(p, "value", c.value());
                p.put("suppressed", c.withheld());
            }
        }
        if (synthetic(s)) {
            fc.put("notice", t.get("demo.banner"));
        }
        putSource(fc);
        ctx.header("Cache-Control", WebServer.viewer(ctx).loggedIn() ? "no-store" : "public, max-age=60");
        ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Real, published data: its source and licence travel with every document ({@code source} in sozialmonitor.yaml). */
    private void putSource(ObjectNode o) {
        if (!web.config().source().isEmpty()) {
            o.put("source", web.config().source());
        }
    }

    private boolean synthetic(Pages.Selection s) {
        return s.empty() ? web.config().synthetic() : s.view().territory().synthetic();
    }

    private static String describe(Texts t, Pages.Selection s, OverviewTable table, Row r) {
        AreaClasses res = r.classes();
        if (s.mode().indicator() != null) {
            return Pages.cellText(t, table.figure(r, s.mode().indicator()), s.mode().indicator().precision()) + " "
                    + s.mode().indicator().unit();
        }
        if (res == null) {
            return t.get("legend.noValue");
        }
        if (res.excluded() != null && res.statusClass() == null) {
            return t.excluded(res.excluded());
        }
        return t.get("map.tooltip", t.statusClass(res.statusClass() == null ? null : res.statusClass().code()),
                t.dynamicsClass(res.dynamicsClass() == null ? null : res.dynamicsClass().code()),
                res.attention() ? t.get("yes") : t.get("no"));
    }

    /** The classes of an area as the API and the OGC items write them. */
    static void putResult(ObjectNode p, AreaClasses r) {
        if (r == null) {
            return;
        }
        putBand(p, "status_band", r.statusBand());
        putBand(p, "dynamics_band", r.dynamicsBand());
        putNumber(p, "status_index", r.statusIndex());
        p.put("status_class", r.statusClass() == null ? null : r.statusClass().code());
        putNumber(p, "dynamics_index", r.dynamicsIndex());
        p.put("dynamics_class", r.dynamicsClass() == null ? null : r.dynamicsClass().code());
        p.put("attention", r.attention());
        p.put("excluded", r.excluded());
    }

    /** The band of an index a reader may see ({@code privacy.IndexBand}): {@code {from, to}}, null for an open end; absent where not published. */
    private static void putBand(ObjectNode p, String key, de.sozialmonitor.privacy.IndexBand band) {
        if (band == null) {
            return;
        }
        ObjectNode b = p.putObject(key);
        putNumber(b, "from", Double.isInfinite(band.lower()) ? null : band.lower());
        putNumber(b, "to", Double.isInfinite(band.upper()) ? null : band.upper());
    }

    static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null || v.isNaN()) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    void meta(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Pages.Selection s = Pages.selection(web, ctx);
        ResultView view = s.view();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("territory_code", view == null ? web.config().territoryCode() : view.territory().code());
        o.put("territory_name", view == null ? web.config().territoryName() : view.territory().name());
        o.put("synthetic", synthetic(s));
        putSource(o);
        if (view != null && view.source().releaseNumber() != null) {
            o.put("release", view.source().releaseNumber());
        } else {
            o.putNull("release");
        }
        o.put("published", !v.loggedIn());
        ArrayNode years = o.putArray("years");
        s.years().forEach(years::add);
        ArrayNode levels = o.putArray("levels");
        s.levels().forEach(l -> levels.addObject().put("name", l.name()).put("depth", l.depth()));
        ctx.json(o);
    }

    void indicators(Context ctx) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        for (Indicator i : Pages.selection(web, ctx).catalog(web).indicators()) {
            ObjectNode o = arr.addObject();
            o.put("id", i.id());
            o.put("name_de", i.nameDe());
            o.put("name_en", i.nameEn());
            o.put("topic", i.topic());
            o.put("numerator", i.isDelivered() ? null : i.numerator().toString());
            o.put("denominator", i.isDelivered() ? null : i.denominator().toString());
            if (i.isDelivered()) {
                o.put("value", i.delivered());
            }
            if (i.change() != null) {
                o.put("change", i.change());
            }
            o.put("target_group", i.targetGroup().key());
            o.put("scale", i.scale());
            o.put("unit", i.unit());
            o.put("polarity", i.polarity().name().toLowerCase(Locale.ROOT));
            o.put("role", i.role().name().toLowerCase(Locale.ROOT));
            o.put("source", i.source());
            o.put("definition", i.definition());
        }
        ctx.json(arr);
    }

    void areas(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        OverviewTable table = table(ctx, s);
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("level", s.level());
        o.put("year", s.year());
        o.put("synthetic", synthetic(s));
        putSource(o);
        ArrayNode arr = o.putArray("areas");
        for (Row r : rows(table, "name")) {
            arr.add(areaJson(s.view(), r.area(), s.year()));
        }
        ctx.json(o);
    }

    /**
     * An area with its classes and every indicator figure it has: value (null where withheld or
     * missing, with {@code symbol} and {@code reason}), for staff who may see them numerator and
     * denominator, and the status z-score of a shown value.
     */
    private static ObjectNode areaJson(ResultView view, AreaInfo a, int year) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("code", a.code());
        o.put("name", a.name());
        o.put("level", a.level());
        o.put("parent", a.parentCode());
        putResult(o, year == view.year() ? view.classes(a.code()).orElse(null) : null);
        ObjectNode vals = o.putObject("values");
        for (Indicator i : view.catalog().indicators()) {
            Figure c = view.rate(i.id(), a.code(), year);
            if (c == Figure.MISSING && !view.hasFigures(i.id(), year)) {
                continue;
            }
            ObjectNode cv = vals.putObject(i.id());
            putNumber(cv, "value", c.value());
            if (!c.shown()) {
                cv.put("symbol", c.symbol());
                cv.put("reason", c.reason());
            }
            if (c.withheld()) {
                cv.put("suppressed", true);
            }
            if (view.source().countsVisible()) {
                putNumber(cv, "numerator", view.numerator(i, a.code(), year).value());
                putNumber(cv, "denominator", view.denominator(i, a.code(), year).value());
            }
            // z-scores with the method's mean and SD would give those away: staff only (like the exact index)
            if (!view.source().protectedFigures()) {
                putNumber(cv, "z_status", year == view.year() ? de.sozialmonitor.view.Drivers.z(view, a.code(),
                        de.sozialmonitor.method.ComponentStat.STATUS, i.id()) : null);
            }
        }
        return o;
    }

    void profile(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        AreaInfo a = s.empty() ? null : s.view().area(ctx.pathParam("code")).orElse(null);
        if (a == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown area");
            return;
        }
        ObjectNode o = areaJson(s.view(), a, s.year());
        o.put("year", s.year());
        o.put("synthetic", synthetic(s));
        putSource(o);
        ArrayNode why = o.putArray("why");
        if (s.year() == s.view().year()) {
            boolean staff = !s.view().source().protectedFigures();
            de.sozialmonitor.view.Drivers.of(s.view(), a.code()).forEach(d -> {
                ObjectNode reason = why.addObject().put("indicator", d.indicatorId()).put("component", d.component());
                if (staff) {
                    reason.put("z", d.z());
                }
            });
        }
        ObjectNode series = o.putObject("series");
        for (Indicator i : s.view().catalog().indicators()) {
            ObjectNode si = series.putObject(i.id());
            s.view().series(i.id(), a.code()).forEach((y, c) -> putNumber(si, Integer.toString(y), c.value()));
        }
        ctx.json(o);
    }

    /** The overview table as CSV: German (";" and decimal comma) or international ("," and point). */
    void csv(Context ctx) {
        overviewDownload(ctx, "intl".equals(ctx.queryParam("format")) ? TableDownload.Format.CSV_INTL : TableDownload.Format.CSV_DE);
    }

    /** The overview table as an Excel workbook: numbers as numbers, a second sheet with the notes. */
    void xlsx(Context ctx) {
        overviewDownload(ctx, TableDownload.Format.XLSX);
    }

    private void overviewDownload(Context ctx, TableDownload.Format format) {
        Pages.Selection s = Pages.selection(web, ctx);
        Texts t = WebServer.viewer(ctx).texts();
        String file = format == TableDownload.Format.XLSX ? "gebiete.xlsx" : "gebiete.csv";
        exported(ctx, file, "level=" + s.level() + " year=" + s.year());
        overviewTable(s, t).send(ctx, format, overviewFileStem(s), t);
    }

    static String overviewFileStem(Pages.Selection s) {
        return "sozialmonitor-" + s.level() + "-" + s.year();
    }

    /** The overview table of a selection as a download: exactly the rows and columns the page shows. */
    TableDownload overviewTable(Pages.Selection s, Texts t) {
        OverviewTable table = s.empty() ? null : OverviewTable.of(s.view(), s.level(), s.year(), s.mode(), t.locale());
        List<String> header = new ArrayList<>(List.of("area_code", "area_name", "year", "status_index", "status_class",
                "dynamics_index", "dynamics_class", "attention", "excluded"));
        List<String> labels = new ArrayList<>();
        header.forEach(h -> labels.add(t.get("col." + h)));
        if (table != null) {
            table.columns().forEach(i -> {
                header.add(i.id());
                labels.add(i.name(t.language()) + " (" + i.unit() + ")");
            });
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : rows(table, "name")) {
            AreaClasses res = r.classes();
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(r.area().code(), r.area().name(), s.year(),
                    res == null ? null : res.statusIndex(),
                    res == null || res.statusClass() == null ? null : TableDownload.coded(res.statusClass().code(), t.statusClass(res.statusClass().code())),
                    res == null ? null : res.dynamicsIndex(),
                    res == null || res.dynamicsClass() == null ? null : TableDownload.coded(res.dynamicsClass().code(), t.dynamicsClass(res.dynamicsClass().code())),
                    res == null ? null : res.attention(),
                    res == null ? null : TableDownload.coded(res.excluded(), t.excluded(res.excluded()))));
            for (Indicator i : table.columns()) {
                rec.add(value(table.figure(r, i)));
            }
            rows.add(rec);
        }
        return new TableDownload(notes(t, s), header, labels, rows);
    }

    /** A figure as a download cell: the number, or its official symbol ({@code .} withheld, {@code x} not available). */
    private static Object value(Figure f) {
        return f.shown() ? f.value() : f.withheld() ? TableDownload.symbol(f.symbol()) : null;
    }

    /**
     * The area profile (Steckbrief) as shown: every indicator with the area's value, its
     * municipality's and the county's, the rank, and the series over all years; then the
     * target-group breakdowns. {@code format=de|intl|xlsx}.
     */
    void profileDownload(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        Texts t = WebServer.viewer(ctx).texts();
        AreaProfilePage.ProfileFigures p = AreaProfilePage.profile(web, s, ctx.pathParam("code"));
        if (p == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown area");
            return;
        }
        List<Integer> years = List.copyOf(p.timeline().years());
        List<String> header = new ArrayList<>(List.of("area_code", "area_name", "indicator_id", "indicator", "topic", "unit",
                "role", "target_group", "year", "value", "parent_value", "county_value", "rank", "ranked_areas"));
        years.forEach(y -> header.add("value_" + y));
        List<String> labels = new ArrayList<>();
        header.forEach(h -> labels.add(h.startsWith("value_") ? t.get("col.value_year", h.substring(6)) : t.get("col." + h)));
        String lang = WebServer.viewer(ctx).lang();
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator i : p.indicators()) {
            AreaProfilePage.Rank rank = p.rank(i);
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(p.area().code(), p.area().name(), i.id(), i.name(lang),
                    TableDownload.coded(i.topic(), t.getOr("topic." + i.topic(), String.valueOf(i.topic()))), i.unit(),
                    TableDownload.coded(i.role().name().toLowerCase(Locale.ROOT), t.get("role.indicator." + i.role().name().toLowerCase(Locale.ROOT))),
                    "", s.year(), value(p.value(i.id())),
                    value(p.parentValue(i.id())), value(p.rootValue(i.id())), rank == null ? null : rank.rank(),
                    rank == null ? null : rank.of()));
            java.util.SortedMap<Integer, Figure> series = p.series(i.id());
            years.forEach(y -> rec.add(value(series.getOrDefault(y, Figure.MISSING))));
            rows.add(rec);
        }
        p.groups().forEach((group, cells) -> cells.forEach((id, c) -> {
            Indicator i = p.view().catalog().indicator(id).orElse(null);
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(p.area().code(), p.area().name(), id,
                    i == null ? id : i.name(lang), i == null ? null : TableDownload.coded(i.topic(), t.getOr("topic." + i.topic(), String.valueOf(i.topic()))),
                    i == null ? null : i.unit(),
                    i == null ? null : TableDownload.coded(i.role().name().toLowerCase(Locale.ROOT), t.get("role.indicator." + i.role().name().toLowerCase(Locale.ROOT))),
                    TableDownload.coded(group, Pages.targetGroupLabel(t, group)), s.year(), value(c), null, null, null, null));
            years.forEach(y -> rec.add(null));
            rows.add(rec);
        }));
        List<String> notes = new ArrayList<>(notes(t, s));
        notes.add(1, t.get("download.note.profile", p.area().name(), p.area().code(),
                p.parent() == null ? "–" : p.parent().name(), p.root() == null ? "–" : p.root().name()));
        exported(ctx, "steckbrief " + p.area().code(), "year=" + s.year());
        new TableDownload(notes, header, labels, rows).send(ctx, TableDownload.Format.of(ctx.queryParam("format")),
                "steckbrief-" + p.area().code() + "-" + s.year(), t);
    }

    /**
     * The comparison as a long table: for every chosen area and every indicator it has values
     * for, one row per year of the scope ({@code area_code;area_name;level;indicator_id;indicator;
     * unit;year;value}). That holds both the side-by-side table and the series over time.
     */
    void comparisonDownload(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        Texts t = WebServer.viewer(ctx).texts();
        String lang = WebServer.viewer(ctx).lang();
        List<AreaInfo> chosen = ComparisonPage.chosenAreas(ctx, s);
        List<List<Object>> rows = new ArrayList<>();
        for (AreaInfo a : chosen) {
            for (Indicator i : s.view().catalog().indicators()) {
                java.util.SortedMap<Integer, Figure> cells = web.views().timeline(s.view()).series(i.id(), a.code());
                cells.forEach((year, c) -> rows.add(java.util.Arrays.asList(a.code(), a.name(), a.level(), i.id(), i.name(lang),
                        i.unit(), year, value(c))));
            }
        }
        exported(ctx, "vergleich", "areas=" + chosen.stream().map(AreaInfo::code).toList());
        List<String> header = List.of("area_code", "area_name", "level", "indicator_id", "indicator", "unit", "year", "value");
        new TableDownload(notes(t, s), header, header.stream().map(h -> t.get("col." + h)).toList(),
                rows).send(ctx, TableDownload.Format.of(ctx.queryParam("format")), "vergleich-" + s.year(), t);
    }

    void geojsonDownload(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        Texts t = WebServer.viewer(ctx).texts();
        exported(ctx, "gebiete.geojson", "level=" + s.level() + " year=" + s.year());
        ctx.header("Content-Disposition", "attachment; filename=\"sozialmonitor-" + s.year() + ".geojson\"");
        ctx.contentType("application/geo+json; charset=utf-8").result(geojsonBytes(s, t));
    }

    /** The overview table of a selection with its geometries, as a GeoJSON file. */
    byte[] geojsonBytes(Pages.Selection s, Texts t) {
        OverviewTable table = s.empty() ? null : OverviewTable.of(s.view(), s.level(), s.year(), s.mode(), t.locale());
        Map<String, String> geometries = s.empty() ? Map.of() : web.views().geometries(s.view(), s.level());
        ObjectNode fc = Json.MAPPER.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode notes = fc.putArray("notes");
        notes(t, s).forEach(notes::add);
        ArrayNode features = fc.putArray("features");
        for (Row r : rows(table, "name")) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", r.area().code());
            String g = geometries.get(r.area().code());
            f.set("geometry", g == null ? null : Geometries.write(Geometries.read(g)));
            f.set("properties", areaJson(s.view(), r.area(), s.year()));
        }
        return fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<String> notes(Texts t, Pages.Selection s) {
        List<String> notes = new ArrayList<>();
        if (synthetic(s)) {
            notes.add(t.get("demo.banner") + ": " + t.get("demo.explain"));
        }
        if (!web.config().source().isEmpty()) {
            notes.add(t.get("source.footer", web.config().source()));
        }
        notes.add(t.get("download.note.territory", s.empty() ? web.config().territoryName() : s.view().territory().name(), s.level(), s.year()));
        Integer release = s.empty() ? null : s.view().source().releaseNumber();
        notes.add(release != null ? t.get("scope.release", release) : t.get("scope.internalTitle") + " " + t.get("scope.internal"));
        notes.add(t.get("download.note.method"));
        notes.add(t.get("download.note.licence", DownloadsPage.licence(web)));
        notes.add(t.get("download.note.suppressed"));
        for (Indicator i : s.catalog(web).indicators()) {
            if (i.source() != null) {
                notes.add(t.get("download.note.source", i.id(), i.source()));
            }
        }
        return notes;
    }

    /**
     * Records a download: a logged-in user's one by one in the audit log, an anonymous one only
     * counted per day and item (so public traffic never pushes staff events out of the log).
     */
    private void exported(Context ctx, String item, String detail) {
        Viewer v = WebServer.viewer(ctx);
        if (v.loggedIn()) {
            web.audit().record(v.username(), "export.web", item, detail);
        } else {
            web.guards().downloads().count(item);
        }
    }

    /** The complete download of a published release (CSV or JSON, format of the privacy part); 404 for any other. */
    void releaseDownload(Context ctx) throws java.io.IOException {
        int number = parseInt(ctx.pathParam("number"), -1);
        de.sozialmonitor.privacy.ReleaseDownload.Format format = "json".equals(ctx.queryParam("format"))
                ? de.sozialmonitor.privacy.ReleaseDownload.Format.JSON : de.sozialmonitor.privacy.ReleaseDownload.Format.CSV;
        java.util.Optional<java.nio.file.Path> file = web.guards().releaseFiles().published(number, format);
        if (file.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "no published release " + Math.max(0, number));
            return;
        }
        exported(ctx, "release " + number + " " + format.extension(), "format=" + format.extension());
        sendFile(ctx, file.get(), format.mediaType(), "berichtsstand-" + number + "." + format.extension());
    }

    /** Streams a stored file as an attachment (the file is read while it is sent, never held whole). */
    static void sendFile(Context ctx, java.nio.file.Path file, String mediaType, String fileName) throws java.io.IOException {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.contentType(mediaType).result(java.nio.file.Files.newInputStream(file));
    }

    /**
     * {@code /api/v1/measures}: the measures the viewer may see (the public: those marked public),
     * with their areas, target indicators and, for each area and indicator, the before/after
     * comparison beside the county (a description, not proof of effect), from the shown results.
     */
    void measures(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        ArrayNode out = de.sozialmonitor.json.Json.MAPPER.createArrayNode();
        if (!s.empty()) {
            de.sozialmonitor.view.MeasureView measures = web.views().measures(s.view(), WebServer.viewer(ctx).loggedIn());
            for (de.sozialmonitor.view.MeasureView.Entry e : measures.all()) {
                de.sozialmonitor.model.Measure m = e.measure();
                ObjectNode o = out.addObject();
                o.put("key", m.key()).put("title", m.title()).put("field_of_action", m.fieldOfAction()).put("office", m.office())
                        .put("start", String.valueOf(m.start())).put("end", m.end() == null ? null : m.end().toString())
                        .put("budget", m.budget()).put("funding", m.funding()).put("target_group", m.targetGroup())
                        .put("description", m.description()).put("public", m.shownPublic());
                ArrayNode areas = o.putArray("areas");
                m.areaCodes().forEach(areas::add);
                ArrayNode indicators = o.putArray("indicators");
                m.indicatorIds().forEach(indicators::add);
                ArrayNode trends = o.putArray("comparisons");
                for (de.sozialmonitor.view.MeasureView.Trend t : measures.trends(e)) {
                    de.sozialmonitor.method.TrendComparison c = t.comparison();
                    ObjectNode x = trends.addObject().put("area", t.area().code()).put("indicator", t.indicator().id())
                            .put("base_year", c.baseYear());
                    x.put("first_year", c.firstYear()).put("last_year", c.lastYear());
                    putNumber(x, "area_before", c.areaBefore());
                    putNumber(x, "area_after", c.areaAfter());
                    putNumber(x, "county_before", c.countyBefore());
                    putNumber(x, "county_after", c.countyAfter());
                    putNumber(x, "difference_of_differences", c.differenceOfDifferences());
                    x.put("reason", c.reason());
                }
            }
        }
        ctx.json(out);
    }

    void openapi(Context ctx) throws java.io.IOException {
        try (InputStream in = Api.class.getResourceAsStream("/web/openapi.json")) {
            ctx.contentType("application/vnd.oai.openapi+json").result(in.readAllBytes());
        }
    }

    static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
