package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.web.AreaTable.Row;
import de.sozialmonitor.web.MonitoringData.AreaInfo;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
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
    static final ObjectMapper JSON = new ObjectMapper();
    private final WebServer.WebContext web;

    Api(WebServer.WebContext web) {
        this.web = web;
    }

    private AreaTable table(Context ctx, Pages.Selection s) {
        return AreaTable.build(web.data(), web.catalog(), s.scope(), s.level(), s.year(), s.mode(), WebServer.viewer(ctx).texts());
    }

    /** GeoJSON of one level and year for the map: simplified geometry, colour, label, values. */
    void map(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        int zoom = parseInt(ctx.queryParam("zoom"), 10);
        AreaTable table = table(ctx, s);
        Map<String, String> geometries = web.data().geometries(s.level(), s.year());
        Texts t = WebServer.viewer(ctx).texts();
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Row r : table.rows()) {
            String g = geometries.get(r.area().code());
            if (g == null) {
                continue;
            }
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", r.area().code());
            f.set("geometry", web.geometries().simplified(g, zoom));
            ObjectNode p = f.putObject("properties");
            p.put("code", r.area().code());
            p.put("name", r.area().name());
            p.put("fill", r.fill());
            p.put("noValue", r.noValue());
            p.put("url", "/gebiet/" + Layout.enc(r.area().code()) + "?year=" + s.year());
            p.put("label", r.area().name() + ": " + describe(t, s, r));
            putResult(p, r.result(), t);
            if (s.mode().indicator() != null) {
                Cell c = r.cell(s.mode().indicator().id());
                putNumber(p, "value", c.value());
                p.put("suppressed", c.suppressed());
            }
        }
        if (web.config().synthetic()) {
            fc.put("notice", t.get("demo.banner"));
        }
        ctx.header("Cache-Control", WebServer.viewer(ctx).loggedIn() ? "no-store" : "public, max-age=60");
        ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String describe(Texts t, Pages.Selection s, Row r) {
        AreaResult res = r.result();
        if (s.mode().indicator() != null) {
            Cell c = r.cell(s.mode().indicator().id());
            return Pages.cellText(t, c, s.mode().indicator().precision()) + " " + s.mode().indicator().unit();
        }
        if (res == null) {
            return t.get("legend.noValue");
        }
        if (res.excluded() != null && res.statusClass() == null) {
            return t.excluded(res.excluded());
        }
        return t.get("map.tooltip", t.statusClass(res.statusClass()), t.dynamicsClass(res.dynamicsClass()),
                res.attention() ? t.get("yes") : t.get("no"));
    }

    private static void putResult(ObjectNode p, AreaResult r, Texts t) {
        if (r == null) {
            return;
        }
        putNumber(p, "status_index", r.statusIndex());
        p.put("status_class", r.statusClass());
        putNumber(p, "dynamics_index", r.dynamicsIndex());
        p.put("dynamics_class", r.dynamicsClass());
        p.put("attention", r.attention());
        p.put("excluded", r.excluded());
    }

    private static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null || v.isNaN()) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    void meta(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        ResultScope scope = web.visibility().scopeFor(v.role());
        ObjectNode o = JSON.createObjectNode();
        o.put("territory_code", web.config().territoryCode());
        o.put("territory_name", web.config().territoryName());
        o.put("synthetic", web.config().synthetic());
        if (scope.releaseNumber() != null) {
            o.put("release", scope.releaseNumber());
        } else {
            o.putNull("release");
        }
        o.put("published", scope.protectedView());
        ArrayNode years = o.putArray("years");
        scope.years().forEach(years::add);
        ArrayNode levels = o.putArray("levels");
        web.data().levels().forEach(l -> levels.addObject().put("name", l.name()).put("depth", l.depth()));
        ctx.json(o);
    }

    void indicators(Context ctx) {
        ArrayNode arr = JSON.createArrayNode();
        for (Indicator i : web.catalog().indicators()) {
            ObjectNode o = arr.addObject();
            o.put("id", i.id());
            o.put("name_de", i.nameDe());
            o.put("name_en", i.nameEn());
            o.put("topic", i.topic());
            o.put("numerator", i.numerator().toString());
            o.put("denominator", i.denominator().toString());
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
        AreaTable table = table(ctx, s);
        ObjectNode o = JSON.createObjectNode();
        o.put("level", s.level());
        o.put("year", s.year());
        o.put("synthetic", web.config().synthetic());
        ArrayNode arr = o.putArray("areas");
        for (Row r : table.rows()) {
            arr.add(areaJson(r.area(), r.result(), r.cells(), s.scope()));
        }
        ctx.json(o);
    }

    private ObjectNode areaJson(AreaInfo a, AreaResult r, Map<String, Cell> cells, ResultScope scope) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", a.code());
        o.put("name", a.name());
        o.put("level", a.level());
        o.put("parent", a.parentCode());
        putResult(o, r, null);
        ObjectNode vals = o.putObject("values");
        for (Indicator i : web.catalog().indicators()) {
            Cell c = cells.get(i.id());
            if (c == null) {
                continue;
            }
            ObjectNode cv = vals.putObject(i.id());
            putNumber(cv, "value", c.value());
            if (c.suppressed()) {
                cv.put("suppressed", true);
            }
            if (scope.countsVisible()) {
                putNumber(cv, "numerator", c.numerator());
                putNumber(cv, "denominator", c.denominator());
            }
            putNumber(cv, "z_status", c.zStatus());
        }
        return o;
    }

    void profile(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        AreaInfo a = web.data().areas(s.year()).get(ctx.pathParam("code"));
        if (a == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown area");
            return;
        }
        Map<String, Cell> cells = s.scope().isEmpty() ? Map.of() : web.data().values(s.scope(), s.year()).getOrDefault(a.code(), Map.of());
        AreaResult r = s.scope().isEmpty() ? null : web.data().areaResults(s.scope(), s.year()).get(a.code());
        ObjectNode o = areaJson(a, r, cells, s.scope());
        o.put("year", s.year());
        o.put("synthetic", web.config().synthetic());
        ObjectNode series = o.putObject("series");
        if (!s.scope().isEmpty()) {
            Map<String, java.util.SortedMap<Integer, Cell>> all = web.data().allSeries(s.scope(), a.code());
            for (Indicator i : web.catalog().indicators()) {
                ObjectNode si = series.putObject(i.id());
                all.getOrDefault(i.id(), new java.util.TreeMap<>()).forEach((y, c) -> putNumber(si, Integer.toString(y), c.value()));
            }
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
        AreaTable table = table(ctx, s);
        Texts t = WebServer.viewer(ctx).texts();
        List<String> header = new ArrayList<>(List.of("area_code", "area_name", "year", "status_index", "status_class",
                "dynamics_index", "dynamics_class", "attention", "excluded"));
        table.columns().forEach(i -> header.add(i.id()));
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : table.sorted("name", false)) {
            AreaResult res = r.result();
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(r.area().code(), r.area().name(), s.year(),
                    res == null ? null : res.statusIndex(), res == null ? null : res.statusClass(),
                    res == null ? null : res.dynamicsIndex(), res == null ? null : res.dynamicsClass(),
                    res == null ? null : res.attention(), res == null ? null : res.excluded()));
            for (Indicator i : table.columns()) {
                rec.add(value(r.cell(i.id())));
            }
            rows.add(rec);
        }
        String file = format == TableDownload.Format.XLSX ? "gebiete.xlsx" : "gebiete.csv";
        web.audit().record(auditUser(ctx), "export.web", file, "level=" + s.level() + " year=" + s.year());
        new TableDownload(notes(t, s), header, rows).send(ctx, format, "sozialmonitor-" + s.level() + "-" + s.year(), t);
    }

    private static Object value(Cell c) {
        return c == null ? null : c.suppressed() ? TableDownload.WITHHELD : c.value();
    }

    /**
     * The area profile (Steckbrief) as shown: every indicator with the area's value, its
     * municipality's and the county's, the rank, and the series over all years; then the
     * target-group breakdowns. {@code format=de|intl|xlsx}.
     */
    void profileDownload(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        Texts t = WebServer.viewer(ctx).texts();
        AreaProfilePage.Profile p = AreaProfilePage.profile(web, s, ctx.pathParam("code"));
        if (p == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "unknown area");
            return;
        }
        List<Integer> years = s.scope().years();
        List<String> header = new ArrayList<>(List.of("area_code", "area_name", "indicator_id", "indicator", "topic", "unit",
                "role", "target_group", "year", "value", "parent_value", "county_value", "rank", "ranked_areas"));
        years.forEach(y -> header.add("value_" + y));
        String lang = WebServer.viewer(ctx).lang();
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator i : p.indicators()) {
            AreaProfilePage.Rank rank = p.rank(i);
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(p.area().code(), p.area().name(), i.id(), i.name(lang),
                    i.topic(), i.unit(), i.role().name().toLowerCase(Locale.ROOT), "", s.year(), value(p.value(i.id())),
                    value(p.parentValue(i.id())), value(p.rootValue(i.id())), rank == null ? null : rank.rank(),
                    rank == null ? null : rank.of()));
            java.util.SortedMap<Integer, Cell> series = p.series().getOrDefault(i.id(), new java.util.TreeMap<>());
            years.forEach(y -> rec.add(value(series.get(y))));
            rows.add(rec);
        }
        p.groups().forEach((group, cells) -> cells.forEach((id, c) -> {
            Indicator i = web.catalog().indicator(id).orElse(null);
            List<Object> rec = new ArrayList<>(java.util.Arrays.asList(p.area().code(), p.area().name(), id,
                    i == null ? id : i.name(lang), i == null ? null : i.topic(), i == null ? null : i.unit(),
                    i == null ? null : i.role().name().toLowerCase(Locale.ROOT), group, s.year(), value(c), null, null, null, null));
            years.forEach(y -> rec.add(null));
            rows.add(rec);
        }));
        List<String> notes = new ArrayList<>(notes(t, s));
        notes.add(1, t.get("download.note.profile", p.area().name(), p.area().code(),
                p.parent() == null ? "–" : p.parent().name(), p.root() == null ? "–" : p.root().name()));
        web.audit().record(auditUser(ctx), "export.web", "steckbrief " + p.area().code(), "year=" + s.year());
        new TableDownload(notes, header, rows).send(ctx, TableDownload.Format.of(ctx.queryParam("format")),
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
        List<AreaInfo> chosen = ComparisonPage.chosenAreas(web, ctx, s);
        List<List<Object>> rows = new ArrayList<>();
        for (AreaInfo a : chosen) {
            Map<String, java.util.SortedMap<Integer, Cell>> series = s.scope().isEmpty() ? Map.of() : web.data().allSeries(s.scope(), a.code());
            for (Indicator i : web.catalog().indicators()) {
                java.util.SortedMap<Integer, Cell> cells = series.get(i.id());
                if (cells == null) {
                    continue;
                }
                cells.forEach((year, c) -> rows.add(java.util.Arrays.asList(a.code(), a.name(), a.level(), i.id(), i.name(lang),
                        i.unit(), year, value(c))));
            }
        }
        web.audit().record(auditUser(ctx), "export.web", "vergleich", "areas=" + chosen.stream().map(AreaInfo::code).toList());
        new TableDownload(notes(t, s), List.of("area_code", "area_name", "level", "indicator_id", "indicator", "unit", "year", "value"),
                rows).send(ctx, TableDownload.Format.of(ctx.queryParam("format")), "vergleich-" + s.year(), t);
    }

    void geojsonDownload(Context ctx) {
        Pages.Selection s = Pages.selection(web, ctx);
        AreaTable table = table(ctx, s);
        Texts t = WebServer.viewer(ctx).texts();
        Map<String, String> geometries = web.data().geometries(s.level(), s.year());
        ObjectNode fc = JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode notes = fc.putArray("notes");
        notes(t, s).forEach(notes::add);
        ArrayNode features = fc.putArray("features");
        for (Row r : table.rows()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", r.area().code());
            String g = geometries.get(r.area().code());
            f.set("geometry", g == null ? null : Geometries.write(Geometries.read(g)));
            f.set("properties", areaJson(r.area(), r.result(), r.cells(), s.scope()));
        }
        web.audit().record(auditUser(ctx), "export.web", "gebiete.geojson", "level=" + s.level() + " year=" + s.year());
        ctx.header("Content-Disposition", "attachment; filename=\"sozialmonitor-" + s.year() + ".geojson\"");
        ctx.contentType("application/geo+json; charset=utf-8").result(fc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<String> notes(Texts t, Pages.Selection s) {
        List<String> notes = new ArrayList<>();
        if (web.config().synthetic()) {
            notes.add(t.get("demo.banner") + ": " + t.get("demo.explain"));
        }
        notes.add(t.get("download.note.territory", web.config().territoryName(), s.level(), s.year()));
        notes.add(s.scope().releaseNumber() != null ? t.get("scope.release", s.scope().releaseNumber())
                : t.get("scope.internalTitle") + " " + t.get("scope.internal"));
        notes.add(t.get("download.note.method"));
        notes.add(t.get("download.note.suppressed"));
        for (Indicator i : web.catalog().indicators()) {
            if (i.source() != null) {
                notes.add(t.get("download.note.source", i.id(), i.source()));
            }
        }
        return notes;
    }

    private static String auditUser(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        return v.loggedIn() ? v.username() : "public";
    }

    /** The complete download of a published release (CSV or JSON, format of the privacy part); 404 for any other. */
    void releaseDownload(Context ctx) {
        int number = parseInt(ctx.pathParam("number"), -1);
        de.sozialmonitor.privacy.ReleaseDownload.Format format = "json".equals(ctx.queryParam("format"))
                ? de.sozialmonitor.privacy.ReleaseDownload.Format.JSON : de.sozialmonitor.privacy.ReleaseDownload.Format.CSV;
        java.util.Optional<byte[]> bytes = new de.sozialmonitor.store.ReleaseRepository(web.data().jdbi()).download(number, format);
        if (bytes.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, "no published release " + ctx.pathParam("number"));
            return;
        }
        web.audit().record(auditUser(ctx), "export.web", "release " + number, "format=" + format.extension());
        ctx.header("Content-Disposition", "attachment; filename=\"berichtsstand-" + number + "." + format.extension() + "\"");
        ctx.contentType(format.mediaType()).result(bytes.get());
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
