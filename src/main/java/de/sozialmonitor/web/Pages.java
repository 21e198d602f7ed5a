package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Choropleth;
import de.sozialmonitor.view.Choropleth.Mode;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.web.OverviewTable.Row;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import j2html.tags.DomContent;
import j2html.tags.specialized.TrTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The overview (map and table), the indicator pages and the API page, and what the public pages
 * share: the selection, tables, legend, downloads.
 */
final class Pages {
    private final WebServer.WebContext web;

    Pages(WebServer.WebContext web) {
        this.web = web;
    }

    /**
     * What the request shows: the view (the newest published release for the public; for staff the
     * newest result set of the year asked for), the years one can choose, and level, year and map
     * mode asked for, validated against the view (unknown values fall back to the defaults).
     * {@code view} is null when there is nothing to show.
     */
    record Selection(ResultView view, List<Integer> years, String level, int year, Mode mode) {
        boolean empty() {
            return view == null;
        }

        /** The catalog of the shown results (frozen with the release). */
        IndicatorCatalog catalog(WebServer.WebContext web) {
            return view == null ? web.catalog() : view.catalog();
        }

        List<ResultView.Level> levels() {
            return view == null ? List.of() : view.levels();
        }
    }

    static Selection selection(WebServer.WebContext web, Context ctx) {
        Viewer viewer = WebServer.viewer(ctx);
        Integer asked = yearParam(ctx);
        ResultView view;
        List<Integer> years;
        if (viewer.role() == Role.PUBLIC) {
            view = web.views().latestPublished().orElse(null);
            years = view == null ? List.of() : List.copyOf(view.years());
        } else {
            years = web.views().computedYears();
            int year = asked != null && years.contains(asked) ? asked : years.isEmpty() ? 0 : years.get(years.size() - 1);
            view = years.isEmpty() ? null : web.views().internal(year, viewer.role().atLeast(Role.ANALYST)).orElse(null);
        }
        return within(web, ctx, view, years, asked);
    }

    /** The selection within a given view (e.g. a release chosen on the attention list). */
    static Selection within(WebServer.WebContext web, Context ctx, ResultView view, List<Integer> years, Integer asked) {
        int year = view == null ? (asked != null ? asked : java.time.Year.now().getValue())
                : asked != null && view.years().contains(asked) ? asked : view.year();
        String level = ctx.queryParam("level");
        if (view == null || level == null || view.level(level).isEmpty()) {
            level = view == null || view.levels().isEmpty() ? "" : view.levels().get(view.levels().size() - 1).name();
        }
        IndicatorCatalog catalog = view == null ? web.catalog() : view.catalog();
        return new Selection(view, years, level, year, Mode.parse(ctx.queryParam("show"), catalog));
    }

    static Integer yearParam(Context ctx) {
        try {
            return ctx.queryParam("year") == null ? null : Integer.valueOf(ctx.queryParam("year"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void overview(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        OverviewTable table = s.empty() ? null : OverviewTable.of(s.view(), s.level(), s.year(), s.mode(), t.locale());
        String sort = ctx.queryParam("sort");
        boolean desc = "desc".equals(ctx.queryParam("dir"));
        String query = "level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=" + Layout.enc(s.mode().param());
        String title = t.get("overview.title", s.empty() ? web.config().territoryName() : s.view().territory().name());
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                controls(v, s),
                s.empty() ? p(t.get("overview.noResults")).withClass("empty") : div(
                        a(t.get("map.skip")).withHref("#area-table").withClass("skip-link"),
                        p(t.get("map.hint")).withClass("hint").withId("map-hint"),
                        div(
                                div().withId("map").withClass("map").attr("data-src", "/api/v1/map?" + query)
                                        .attr("data-outline-src", outlineSrc(s))
                                        .attr("role", "region").attr("aria-label", t.get("map.label", modeLabel(t, s.mode()), s.year()))
                                        .attr("aria-describedby", "map-hint").attr("data-attribution", attribution(web)),
                                legend(t, table, s.mode()))
                                .withClass("map-panel"),
                        p(t.get("map.tableAlternative")).withClass("hint"))
                        .withClass("map-section"),
                s.empty() ? text("") : areaTable(v, table, query, sort, desc, s),
                s.empty() ? text("") : downloads(t, query, s));
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", body));
    }

    private DomContent controls(Viewer v, Selection s) {
        Texts t = v.texts();
        List<Integer> years = s.years();
        return form(
                div(label(t.get("controls.show")).attr("for", "show"),
                        select(
                                option(t.get("mode.status")).withValue("status").withCondSelected("status".equals(s.mode().param())),
                                option(t.get("mode.dynamics")).withValue("dynamics").withCondSelected("dynamics".equals(s.mode().param())),
                                option(t.get("mode.attention")).withValue("attention").withCondSelected("attention".equals(s.mode().param())),
                                optgroup(each(s.catalog(web).indicators(), i -> option(i.name(v.lang()))
                                        .withValue("ind:" + i.id()).withCondSelected(("ind:" + i.id()).equals(s.mode().param()))))
                                        .attr("label", t.get("controls.indicators")))
                                .withId("show").withName("show").withClass("autosubmit")).withClass("field"),
                div(label(t.get("controls.level")).attr("for", "level"),
                        select(each(s.levels(), l -> option(l.name()).withValue(l.name()).withCondSelected(l.name().equals(s.level()))))
                                .withId("level").withName("level").withClass("autosubmit")).withClass("field"),
                years.isEmpty() ? text("") : div(label(t.get("controls.year")).attr("for", "year"),
                        input().withType("range").withId("year").withName("year").attr("min", years.get(0))
                                .attr("max", years.get(years.size() - 1)).attr("step", 1).withValue(Integer.toString(s.year()))
                                .attr("aria-valuetext", Integer.toString(s.year())).withClass("autosubmit year-slider"),
                        output(Integer.toString(s.year())).attr("for", "year").withId("year-output").withClass("year-output"))
                        .withClass("field"),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction("/").withClass("controls").attr("aria-label", t.get("controls.label"));
    }

    /** Map data of the level above the shown one (drawn as outlines for orientation), or "". */
    String outlineSrc(Selection s) {
        List<ResultView.Level> levels = s.levels();
        for (int k = 1; k < levels.size(); k++) {
            if (levels.get(k).name().equals(s.level()) && k - 1 > 0) {
                return "/api/v1/map?level=" + Layout.enc(levels.get(k - 1).name()) + "&year=" + s.year() + "&show=status";
            }
        }
        return "";
    }

    /** The map's credit line for the geometries: {@code web.attribution} in sozialmonitor.yaml. */
    static String attribution(WebServer.WebContext web) {
        return web.config().raw() == null ? "" : web.config().raw().get("web").get("attribution").string("");
    }

    static String modeLabel(Texts t, Mode mode) {
        return mode.indicator() != null ? mode.indicator().name(t.language())
                : t.get("mode." + mode.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    static DomContent legend(Texts t, OverviewTable table, Mode mode) {
        return div(
                h2(t.get("legend.title")).withClass("legend-title"),
                p(modeLabel(t, mode) + (mode.indicator() != null ? " (" + mode.indicator().unit() + ", " + t.get("legend.quantiles") + ")" : ""))
                        .withClass("legend-mode"),
                ul(each(table.shading().legend(), e -> li(span().withClass("swatch " + (e.noValue() ? "swatch-none" : ""))
                                .attr("data-colour", e.colour()),
                        text(e.label() + " (" + e.count() + ")")))).withClass("legend-list"),
                p(t.get("legend.noValueExplained")).withClass("hint"))
                .withClass("legend");
    }

    private DomContent areaTable(Viewer v, OverviewTable table, String query, String sort, boolean desc, Selection s) {
        Texts t = v.texts();
        String key = sort == null ? "name" : sort;
        List<Row> rows = table.sorted(key, desc);
        List<DomContent> headers = new ArrayList<>();
        headers.add(sortHeader(t.get("table.area"), "name", key, desc, query));
        headers.add(sortHeader(t.get("table.parent"), "parent", key, desc, query));
        headers.add(sortHeader(t.get("table.status"), "status", key, desc, query));
        headers.add(sortHeader(t.get("table.dynamics"), "dynamics", key, desc, query));
        headers.add(sortHeader(t.get("table.attention"), "attention", key, desc, query));
        for (Indicator i : table.columns()) {
            headers.add(sortHeader(i.name(v.lang()) + " (" + i.unit() + ")", i.id(), key, desc, query));
        }
        return section(
                h2(t.get("table.title", s.level(), s.year())).withId("tabelle"),
                div(table(
                        caption(t.get("table.caption", s.level(), s.year())),
                        thead(tr(each(headers, h -> h))),
                        tbody(each(rows, r -> {
                            AreaClasses res = r.classes();
                            TrTag tr = tr(
                                    th(a(r.area().name()).withHref("/gebiet/" + Layout.enc(r.area().code()) + "?year=" + s.year())).attr("scope", "row"),
                                    td(r.parentName()),
                                    statusCell(t, res),
                                    dynamicsCell(t, res),
                                    td(res != null && res.attention() ? strong(t.get("yes")) : text(t.get("no"))));
                            for (Indicator i : table.columns()) {
                                tr.with(td(cellText(t, table.figure(r, i), i.precision())).withClass("num"));
                            }
                            return tr;
                        })))
                        .withClass("data-table sortable").withId("area-table"))
                        .withClass("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-labelledby", "tabelle"))
                .withClass("table-section");
    }

    private static DomContent sortHeader(String label, String key, String current, boolean desc, String query) {
        boolean active = key.equals(current);
        boolean nextDesc = active && !desc;
        var th = th(a(label + (active ? (desc ? " ▼" : " ▲") : "")).withHref("/?" + query + "&sort=" + Layout.enc(key)
                + "&dir=" + (nextDesc ? "desc" : "asc") + "#tabelle")).attr("scope", "col");
        if (active) {
            th.attr("aria-sort", desc ? "descending" : "ascending");
        }
        return th;
    }

    /** The status class with its index value (where shown), or why the area has none. */
    static DomContent statusCell(Texts t, AreaClasses res) {
        return td(res == null || res.statusClass() == null ? text(res != null && res.excluded() != null ? t.excluded(res.excluded()) : "–")
                : span(t.statusClass(res.statusClass().code()) + (res.statusIndex() == null ? "" : " (" + t.number(res.statusIndex(), 2) + ")"))
                .withClass("badge status-" + res.statusClass().code()));
    }

    static DomContent dynamicsCell(Texts t, AreaClasses res) {
        return td(res == null || res.dynamicsClass() == null ? text("–")
                : span(t.dynamicsClass(res.dynamicsClass().code()) + (res.dynamicsIndex() == null ? "" : " (" + t.number(res.dynamicsIndex(), 2) + ")"))
                .withClass("badge dynamics-" + res.dynamicsClass().code()));
    }

    /** A figure as a table shows it: the number, or the official symbol ({@code .} withheld, {@code x} not available). */
    static String cellText(Texts t, Figure f, int decimals) {
        return f.shown() ? t.number(f.value(), decimals) : f.symbol();
    }

    private DomContent downloads(Texts t, String query, Selection s) {
        Integer release = s.view().source().releaseNumber();
        return section(
                h2(t.get("downloads.title")),
                p(t.get("downloads.text")),
                ul(
                        li(a(t.get("downloads.csvDe")).withHref("/download/gebiete.csv?" + query + "&format=de").attr("download", "")),
                        li(a(t.get("downloads.csvIntl")).withHref("/download/gebiete.csv?" + query + "&format=intl").attr("download", "")),
                        li(a(t.get("downloads.xlsx")).withHref("/download/gebiete.xlsx?" + query).attr("download", "")),
                        li(a(t.get("downloads.geojson")).withHref("/download/gebiete.geojson?" + query).attr("download", "")),
                        iff(release != null && s.view().source().published(), li(a(t.get("downloads.release", release))
                                .withHref("/download/berichtsstand/" + release).attr("download", "")))))
                .withClass("downloads");
    }

    static String targetGroupLabel(Texts t, String key) {
        List<String> parts = new ArrayList<>();
        for (String p : key.split(";")) {
            String[] kv = p.split("=", 2);
            parts.add(kv.length == 2 ? t.getOr("tg." + kv[0], kv[0]) + ": " + t.getOr("tg." + kv[0] + "." + kv[1], kv[1]) : p);
        }
        return String.join(", ", parts);
    }

    static DomContent yearSwitch(Texts t, Selection s, String path) {
        List<Integer> years = s.years();
        if (years.size() < 2) {
            return text("");
        }
        return form(label(t.get("controls.year")).attr("for", "year"),
                select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == s.year())))
                        .withId("year").withName("year").withClass("autosubmit"),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction(path).withClass("controls inline no-print");
    }

    void indicators(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("indicators.title");
        DomContent body = div(h1(title), p(t.get("indicators.intro")),
                table(thead(tr(th(t.get("indicator.name")).attr("scope", "col"), th(t.get("indicator.topic")).attr("scope", "col"),
                                th(t.get("indicator.role")).attr("scope", "col"), th(t.get("indicator.unit")).attr("scope", "col"))),
                        tbody(each(selection(web, ctx).catalog(web).indicators(), i -> tr(
                                th(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()))).attr("scope", "row"),
                                td(t.getOr("topic." + i.topic(), String.valueOf(i.topic()))),
                                td(t.get("role.indicator." + i.role().name().toLowerCase(java.util.Locale.ROOT))),
                                td(i.unit())))))
                        .withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.indicators", body));
    }

    void indicator(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        Optional<Indicator> found = s.catalog(web).indicator(ctx.pathParam("id"));
        if (found.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("indicator.unknown"));
            return;
        }
        Indicator i = found.get();
        AreaInfo root = s.empty() ? null : s.view().root().orElse(null);
        SortedMap<Integer, Double> county = new TreeMap<>();
        if (root != null) {
            s.view().series(i.id(), root.code()).forEach((y, f) -> county.put(y, f.value()));
        }
        List<Map.Entry<String, Double>> dist = (s.empty() ? List.<AreaInfo>of() : s.view().areasOn(s.level())).stream()
                .map(a -> {
                    Figure f = s.view().rate(i.id(), a.code(), s.year());
                    return f.shown() ? Map.entry(a.name(), f.value()) : null;
                })
                .filter(e -> e != null)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .toList();
        Double countyValue = county.get(s.year());
        String name = i.name(v.lang());
        DomContent body = div(
                h1(name),
                Layout.scopeNotice(v, s),
                dl(
                        dt(t.get("indicator.definition")), dd(i.definition() == null ? "–" : i.definition()),
                        each(formula(v, s.catalog(web), i), x -> x),
                        dt(t.get("indicator.unit")), dd(i.unit() + " (" + t.get("indicator.scale", t.number(i.scale(), 0)) + ")"),
                        dt(t.get("indicator.polarity")), dd(t.get("polarity." + i.polarity().name().toLowerCase(java.util.Locale.ROOT))),
                        dt(t.get("indicator.role")), dd(t.get("role.indicator." + i.role().name().toLowerCase(java.util.Locale.ROOT))),
                        dt(t.get("indicator.source")), dd(i.source() == null ? "–" : i.source()),
                        iff(i.targetGroup() != null && !i.targetGroup().isTotal(), dt(t.get("profile.targetGroup"))),
                        iff(i.targetGroup() != null && !i.targetGroup().isTotal(), dd(targetGroupLabel(t, i.targetGroup().key()))))
                        .withClass("definition"),
                p(a(t.get("indicator.showOnMap")).withHref("/?show=ind:" + Layout.enc(i.id()) + "&year=" + s.year() + "&level=" + Layout.enc(s.level()))),
                section(h2(t.get("indicator.series", root == null ? "" : root.name())),
                        county.isEmpty() ? p(t.get("indicator.noData")) : figure(
                                Charts.lineChart(county, t.get("indicator.series", root.name()), t, i.precision()),
                                figcaption(t.get("indicator.seriesCaption", name, i.unit())))),
                iff(!county.isEmpty(), details(summary(t.get("indicator.seriesTable")),
                        table(thead(tr(th(t.get("controls.year")).attr("scope", "col"), th(t.get("profile.value")).attr("scope", "col"))),
                                tbody(each(county.entrySet(), e -> tr(td(Integer.toString(e.getKey())), td(t.number(e.getValue(), i.precision())).withClass("num")))))
                                .withClass("data-table"))),
                s.empty() ? text("") : section(h2(t.get("indicator.map", s.level(), s.year())),
                        div(div().withId("map").withClass("map map-small")
                                        .attr("data-src", "/api/v1/map?level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=ind:" + Layout.enc(i.id()))
                                        .attr("data-outline-src", outlineSrc(s))
                                        .attr("role", "region").attr("aria-label", t.get("map.label", name, s.year()))
                                        .attr("data-attribution", attribution(web)),
                                legend(t, OverviewTable.of(s.view(), s.level(), s.year(), new Mode(Choropleth.Kind.INDICATOR, i), t.locale()),
                                        new Mode(Choropleth.Kind.INDICATOR, i))).withClass("map-panel")),
                section(h2(t.get("indicator.distribution", s.level(), s.year())),
                        dist.isEmpty() ? p(t.get("indicator.noData")) : figure(
                                Charts.distribution(dist, countyValue, t.get("indicator.distribution", s.level(), s.year()), t, i.precision()),
                                figcaption(t.get("indicator.distributionCaption")))),
                s.empty() ? text("") : downloads(t, "level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=ind:"
                        + Layout.enc(i.id()), s));
        ctx.html(Layout.page(web, v, ctx, name, "nav.indicators", body));
    }

    /**
     * Numerator and denominator; or for a delivered share its variable and what the higher levels
     * show (the shares weighted by the base, or nothing without one).
     */
    private List<DomContent> formula(Viewer v, IndicatorCatalog catalog, de.sozialmonitor.model.Indicator i) {
        Texts t = v.texts();
        if (!i.isDelivered()) {
            return List.of(dt(t.get("indicator.numerator")), dd(expression(v, catalog, i.numerator().toString())),
                    dt(t.get("indicator.denominator")), dd(expression(v, catalog, i.denominator().toString())));
        }
        String base = catalog.variable(i.delivered()).map(de.sozialmonitor.model.Variable::base).orElse(null);
        return List.of(dt(t.get("indicator.delivered")), dd(expression(v, catalog, i.delivered()), text(" – "),
                base == null ? text(t.get("indicator.aggregate.none"))
                        : span(text(t.get("indicator.aggregate.weighted") + " "), expression(v, catalog, base))));
    }

    private DomContent expression(Viewer v, IndicatorCatalog catalog, String expr) {
        List<DomContent> parts = new ArrayList<>();
        for (String token : expr.split("\\s+")) {
            Optional<de.sozialmonitor.model.Variable> variable = catalog.variable(token);
            parts.add(variable.isPresent() ? span(variable.get().label(v.lang())).attr("title", token) : text(" " + token + " "));
        }
        return span(each(parts, x -> x));
    }

    void apiPage(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("api.title");
        DomContent body = div(h1(title), p(t.get("api.intro")),
                h2(t.get("api.json")),
                ul(li(a("OpenAPI (JSON)").withHref("/api/v1/openapi.json")),
                        li(code("/api/v1/meta")), li(code("/api/v1/indicators")), li(code("/api/v1/areas?level=…&year=…")),
                        li(code("/api/v1/areas/{code}?year=…")), li(code("/api/v1/map?level=…&year=…&show=…&zoom=…"))),
                h2(t.get("api.ogc")),
                p(t.get("api.ogcIntro")),
                p(a(t.get("api.ogcLanding")).withHref("/ogc")),
                h2(t.get("api.downloads")),
                p(t.get("api.downloadsIntro")));
        ctx.html(Layout.page(web, v, ctx, title, "nav.api", body));
    }
}
