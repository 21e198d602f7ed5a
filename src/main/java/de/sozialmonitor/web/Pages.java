package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.web.AreaTable.Row;
import de.sozialmonitor.web.Classification.Mode;
import de.sozialmonitor.web.MonitoringData.AreaInfo;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import j2html.tags.DomContent;
import j2html.tags.specialized.TrTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The public pages: overview with map and table, area profile, indicators, attention list, method, API. */
final class Pages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebServer.WebContext web;

    Pages(WebServer.WebContext web) {
        this.web = web;
    }

    /** Level and year asked for, validated against what exists (unknown values fall back to the defaults). */
    record Selection(ResultScope scope, String level, int year, Mode mode) {
    }

    static Selection selection(WebServer.WebContext web, Context ctx) {
        Viewer viewer = WebServer.viewer(ctx);
        ResultScope scope = web.visibility().scopeFor(viewer.role());
        List<MonitoringData.Level> levels = web.data().levels();
        String asLevel = ctx.queryParam("level");
        String level = asLevel;
        if (asLevel == null || levels.stream().noneMatch(l -> l.name().equals(asLevel))) {
            level = levels.isEmpty() ? "" : levels.get(levels.size() - 1).name();
        }
        Integer asked = null;
        try {
            asked = ctx.queryParam("year") == null ? null : Integer.valueOf(ctx.queryParam("year"));
        } catch (NumberFormatException e) {
            asked = null;
        }
        int year = scope.isEmpty() ? (asked != null ? asked : java.time.Year.now().getValue()) : scope.yearOr(asked);
        return new Selection(scope, level, year, Classification.mode(ctx.queryParam("show"), web.catalog()));
    }

    void overview(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        AreaTable table = AreaTable.build(web.data(), web.catalog(), s.scope(), s.level(), s.year(), s.mode(), t);
        String sort = ctx.queryParam("sort");
        boolean desc = "desc".equals(ctx.queryParam("dir"));
        String query = "level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=" + Layout.enc(s.mode().param());
        String title = t.get("overview.title", web.config().territoryName());
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                controls(v, s),
                s.scope().isEmpty() ? p(t.get("overview.noResults")).withClass("empty") : div(
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
                iff(!s.scope().isEmpty(), areaTable(v, table, query, sort, desc, s)),
                iff(!s.scope().isEmpty(), downloads(t, query, s.scope())));
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", body));
    }

    private DomContent controls(Viewer v, Selection s) {
        Texts t = v.texts();
        List<Integer> years = s.scope().years();
        return form(
                div(label(t.get("controls.show")).attr("for", "show"),
                        select(
                                option(t.get("mode.status")).withValue("status").withCondSelected("status".equals(s.mode().param())),
                                option(t.get("mode.dynamics")).withValue("dynamics").withCondSelected("dynamics".equals(s.mode().param())),
                                option(t.get("mode.attention")).withValue("attention").withCondSelected("attention".equals(s.mode().param())),
                                optgroup(each(web.catalog().indicators(), i -> option(i.name(v.lang()))
                                        .withValue("ind:" + i.id()).withCondSelected(("ind:" + i.id()).equals(s.mode().param()))))
                                        .attr("label", t.get("controls.indicators")))
                                .withId("show").withName("show").withClass("autosubmit")).withClass("field"),
                div(label(t.get("controls.level")).attr("for", "level"),
                        select(each(web.data().levels(), l -> option(l.name()).withValue(l.name()).withCondSelected(l.name().equals(s.level()))))
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
        List<MonitoringData.Level> levels = web.data().levels();
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
        return mode.indicator() != null ? mode.indicator().name(t.language()) : t.get("mode." + mode.kind());
    }

    private DomContent legend(Texts t, AreaTable table, Mode mode) {
        return div(
                h2(t.get("legend.title")).withClass("legend-title"),
                p(modeLabel(t, mode) + (mode.indicator() != null ? " (" + mode.indicator().unit() + ", " + t.get("legend.quantiles") + ")" : ""))
                        .withClass("legend-mode"),
                ul(each(table.legend(), e -> li(span().withClass("swatch " + (e.colour().equals(Classification.NO_VALUE_FILL) ? "swatch-none" : ""))
                                .attr("data-colour", e.colour()),
                        text(e.label() + " (" + e.count() + ")")))).withClass("legend-list"),
                p(t.get("legend.noValueExplained")).withClass("hint"))
                .withClass("legend");
    }

    private DomContent areaTable(Viewer v, AreaTable table, String query, String sort, boolean desc, Selection s) {
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
                            AreaResult res = r.result();
                            TrTag tr = tr(
                                    th(a(r.area().name()).withHref("/gebiet/" + Layout.enc(r.area().code()) + "?year=" + s.year())).attr("scope", "row"),
                                    td(r.parentName()),
                                    td(res == null || res.statusClass() == null ? text(res != null && res.excluded() != null ? t.excluded(res.excluded()) : "–")
                                            : span(t.statusClass(res.statusClass()) + (res.statusIndex() == null ? "" : " (" + t.number(res.statusIndex(), 2) + ")"))
                                            .withClass("badge status-" + res.statusClass())),
                                    td(res == null || res.dynamicsClass() == null ? text("–")
                                            : span(t.dynamicsClass(res.dynamicsClass()) + (res.dynamicsIndex() == null ? "" : " (" + t.number(res.dynamicsIndex(), 2) + ")"))
                                            .withClass("badge dynamics-" + res.dynamicsClass())),
                                    td(res != null && res.attention() ? strong(t.get("yes")) : text(t.get("no"))));
                            for (Indicator i : table.columns()) {
                                tr.with(td(cellText(t, r.cell(i.id()), i.precision())).withClass("num"));
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

    static String cellText(Texts t, Cell c, int decimals) {
        if (c == null) {
            return "–";
        }
        if (c.suppressed()) {
            return t.get("value.suppressed");
        }
        return t.number(c.value(), decimals);
    }

    private DomContent downloads(Texts t, String query, ResultScope scope) {
        return section(
                h2(t.get("downloads.title")),
                p(t.get("downloads.text")),
                ul(
                        li(a(t.get("downloads.csvDe")).withHref("/download/gebiete.csv?" + query + "&format=de").attr("download", "")),
                        li(a(t.get("downloads.csvIntl")).withHref("/download/gebiete.csv?" + query + "&format=intl").attr("download", "")),
                        li(a(t.get("downloads.xlsx")).withHref("/download/gebiete.xlsx?" + query).attr("download", "")),
                        li(a(t.get("downloads.geojson")).withHref("/download/gebiete.geojson?" + query).attr("download", "")),
                        iff(scope.releaseNumber() != null, li(a(t.get("downloads.release", scope.releaseNumber()))
                                .withHref("/download/berichtsstand/" + scope.releaseNumber()).attr("download", "")))))
                .withClass("downloads");
    }

    /** The position of an area among its peers for one indicator: 1 is the most disadvantaged. */
    record Rank(int rank, int of) {
    }

    /**
     * What an area profile shows, read once for the page and for its download: the area, its
     * parent and the root, the values of the year for the area and its peers, its series over all
     * years of the scope and its target-group breakdowns.
     */
    record Profile(AreaInfo area, List<AreaInfo> chain, Map<String, Map<String, Cell>> values, AreaResult result,
                   List<AreaInfo> peers, Map<String, SortedMap<Integer, Cell>> series, Map<String, Map<String, Cell>> groups,
                   List<Indicator> indicators) {
        AreaInfo parent() {
            return chain.isEmpty() ? null : chain.get(chain.size() - 1);
        }

        AreaInfo root() {
            return chain.isEmpty() ? null : chain.get(0);
        }

        Cell value(String indicatorId) {
            return values.getOrDefault(area.code(), Map.of()).get(indicatorId);
        }

        Cell parentValue(String indicatorId) {
            return parent() == null ? null : values.getOrDefault(parent().code(), Map.of()).get(indicatorId);
        }

        Cell rootValue(String indicatorId) {
            return root() == null ? null : values.getOrDefault(root().code(), Map.of()).get(indicatorId);
        }

        /** Null when the area has no value. */
        Rank rank(Indicator i) {
            Cell own = value(i.id());
            if (own == null || own.value() == null) {
                return null;
            }
            List<Double> vs = peers.stream().map(a -> values.getOrDefault(a.code(), Map.of()).get(i.id()))
                    .filter(c -> c != null && c.value() != null).map(Cell::value).toList();
            long worse = vs.stream().filter(x -> i.polarity() == Polarity.HIGHER_IS_BETTER ? x < own.value() : x > own.value()).count();
            return new Rank((int) worse + 1, vs.size());
        }
    }

    /** The profile of {@code code} in the selection, or null for an area that does not exist in that year. */
    static Profile profile(WebServer.WebContext web, Selection s, String code) {
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        AreaInfo area = areas.get(code);
        if (area == null) {
            return null;
        }
        List<AreaInfo> chain = new ArrayList<>();
        for (AreaInfo a = areas.get(area.parentCode() == null ? "" : area.parentCode()); a != null;
             a = a.parentCode() == null ? null : areas.get(a.parentCode())) {
            chain.add(0, a);
        }
        boolean none = s.scope().isEmpty();
        Map<String, Map<String, Cell>> values = none ? Map.of() : web.data().values(s.scope(), s.year());
        AreaResult result = none ? null : web.data().areaResults(s.scope(), s.year()).get(code);
        List<AreaInfo> peers = areas.values().stream().filter(a -> a.level().equals(area.level())).toList();
        Map<String, SortedMap<Integer, Cell>> series = none ? Map.of() : web.data().allSeries(s.scope(), code);
        Map<String, Map<String, Cell>> groups = none ? Map.of() : web.data().targetGroupValues(s.scope(), code, s.year());
        Map<String, Cell> own = values.getOrDefault(code, Map.of());
        // indicators this workspace has no values for would only be rows of dashes
        List<Indicator> shown = web.catalog().indicators().stream()
                .filter(i -> own.containsKey(i.id()) || series.containsKey(i.id())).toList();
        return new Profile(area, chain, values, result, peers, series, groups, shown);
    }

    void area(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        String code = ctx.pathParam("code");
        Profile profile = profile(web, s, code);
        if (profile == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("area.unknown"));
            return;
        }
        AreaInfo area = profile.area();
        List<AreaInfo> chain = profile.chain();
        AreaInfo parent = profile.parent();
        AreaInfo root = profile.root();
        Map<String, Map<String, Cell>> values = profile.values();
        AreaResult result = profile.result();
        Map<String, List<Indicator>> byTopic = new LinkedHashMap<>();
        profile.indicators().forEach(i -> byTopic.computeIfAbsent(i.topic() == null ? "other" : i.topic(), k -> new ArrayList<>()).add(i));
        Map<String, Cell> own = values.getOrDefault(code, Map.of());
        Map<String, SortedMap<Integer, Cell>> allSeries = profile.series();
        String title = area.name();
        List<DomContent> sections = new ArrayList<>();
        for (Map.Entry<String, List<Indicator>> topic : byTopic.entrySet()) {
            String topicId = "topic-" + topic.getKey();
            sections.add(section(
                    h3(t.getOr("topic." + topic.getKey(), topic.getKey())).withId(topicId),
                    table(
                            thead(tr(th(t.get("profile.indicator")).attr("scope", "col"), th(t.get("profile.value")).attr("scope", "col"),
                                    th(parent == null ? t.get("profile.parent") : parent.name()).attr("scope", "col"),
                                    th(root == null ? t.get("profile.root") : root.name()).attr("scope", "col"),
                                    th(t.get("profile.rank")).attr("scope", "col"), th(t.get("profile.trend")).attr("scope", "col"))),
                            tbody(each(topic.getValue(), i -> {
                                Cell c = own.get(i.id());
                                SortedMap<Integer, Double> series = new TreeMap<>();
                                allSeries.getOrDefault(i.id(), new TreeMap<>()).forEach((y, cell) -> series.put(y, cell.value()));
                                return tr(
                                        th(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()) + "?year=" + s.year()),
                                                iff(i.role() == IndicatorRole.ATTENTION, span(" " + t.get("profile.attentionMark")).withClass("mark")),
                                                span(" (" + i.unit() + ")").withClass("unit")).attr("scope", "row"),
                                        td(cellText(t, c, i.precision())).withClass("num strong"),
                                        td(parent == null ? "–" : cellText(t, values.getOrDefault(parent.code(), Map.of()).get(i.id()), i.precision())).withClass("num"),
                                        td(root == null ? "–" : cellText(t, values.getOrDefault(root.code(), Map.of()).get(i.id()), i.precision())).withClass("num"),
                                        td(rankText(t, profile.rank(i))).withClass("num"),
                                        td(Charts.sparkline(series, t.get("profile.trendLabel", i.name(v.lang()), series.isEmpty() ? "" : series.firstKey() + "–" + series.lastKey()))));
                            })))
                            .withClass("data-table profile-table").attr("aria-labelledby", topicId)));
        }
        Map<String, Map<String, Cell>> groups = profile.groups();
        DomContent body = div(
                nav(ol(each(chain, a -> li(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?year=" + s.year()))),
                        li(span(area.name()).attr("aria-current", "page")))).attr("aria-label", t.get("profile.breadcrumb")).withClass("breadcrumb"),
                h1(t.get("profile.title", area.name())),
                p(t.get("profile.subtitle", area.level(), area.code(), s.year())).withClass("subtitle"),
                Layout.scopeNotice(v, s.scope()),
                yearSwitch(t, s, "/gebiet/" + Layout.enc(code)),
                div(
                        card(t.get("profile.status"), result == null || result.statusClass() == null ? "–" : t.statusClass(result.statusClass()),
                                result == null ? null : "status-" + result.statusClass(),
                                result == null || result.statusIndex() == null ? null : t.get("profile.index", t.number(result.statusIndex(), 2))),
                        card(t.get("profile.dynamics"), result == null || result.dynamicsClass() == null ? "–" : t.dynamicsClass(result.dynamicsClass()),
                                result == null ? null : "dynamics-" + result.dynamicsClass(),
                                result == null || result.dynamicsIndex() == null ? null : t.get("profile.index", t.number(result.dynamicsIndex(), 2))),
                        card(t.get("profile.attention"), result == null ? "–" : result.attention() ? t.get("yes") : t.get("no"),
                                result != null && result.attention() ? "attention" : null,
                                result != null && result.excluded() != null ? t.excluded(result.excluded()) : null))
                        .withClass("cards"),
                h2(t.get("profile.indicators")),
                p(t.get("profile.indicatorsIntro")).withClass("hint"),
                each(sections, x -> x),
                iff(!groups.isEmpty(), section(h2(t.get("profile.targetGroups")).withId("zielgruppen"),
                        table(thead(tr(th(t.get("profile.targetGroup")).attr("scope", "col"), th(t.get("profile.indicator")).attr("scope", "col"),
                                        th(t.get("profile.value")).attr("scope", "col"))),
                                tbody(each(groups.entrySet().stream().flatMap(g -> g.getValue().entrySet().stream()
                                        .map(e -> Map.entry(g.getKey(), e))).toList(), e -> {
                                    Optional<Indicator> ind = web.catalog().indicator(e.getValue().getKey());
                                    return tr(td(targetGroupLabel(t, e.getKey())), td(ind.map(i -> i.name(v.lang())).orElse(e.getValue().getKey())),
                                            td(cellText(t, e.getValue().getValue(), ind.map(Indicator::precision).orElse(1))).withClass("num"));
                                }))).withClass("data-table"))),
                iff(!s.scope().isEmpty(), section(h2(t.get("downloads.title")),
                        p(t.get("profile.downloadsText")),
                        ul(li(a(t.get("downloads.csvDe")).withHref(profileDownload(code, s, "de")).attr("download", "")),
                                li(a(t.get("downloads.csvIntl")).withHref(profileDownload(code, s, "intl")).attr("download", "")),
                                li(a(t.get("downloads.xlsx")).withHref(profileDownload(code, s, "xlsx")).attr("download", ""))))
                        .withClass("downloads no-print")),
                p(a(t.get("profile.api")).withHref("/api/v1/areas/" + Layout.enc(code) + "?year=" + s.year())).withClass("no-print"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", body));
    }

    private static String profileDownload(String code, Selection s, String format) {
        return "/download/steckbrief/" + Layout.enc(code) + "?year=" + s.year() + "&format=" + format;
    }

    static String targetGroupLabel(Texts t, String key) {
        List<String> parts = new ArrayList<>();
        for (String p : key.split(";")) {
            String[] kv = p.split("=", 2);
            parts.add(kv.length == 2 ? t.getOr("tg." + kv[0], kv[0]) + ": " + t.getOr("tg." + kv[0] + "." + kv[1], kv[1]) : p);
        }
        return String.join(", ", parts);
    }

    private static DomContent card(String title, String value, String cls, String note) {
        return div(p(title).withClass("card-title"), p(value).withClass("card-value " + (cls == null ? "" : "badge " + cls)),
                iff(note != null, p(note == null ? "" : note).withClass("card-note"))).withClass("card");
    }

    private DomContent yearSwitch(Texts t, Selection s, String path) {
        List<Integer> years = s.scope().years();
        if (years.size() < 2) {
            return text("");
        }
        return form(label(t.get("controls.year")).attr("for", "year"),
                select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == s.year())))
                        .withId("year").withName("year").withClass("autosubmit"),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction(path).withClass("controls inline no-print");
    }

    private static String rankText(Texts t, Rank rank) {
        return rank == null ? "–" : t.get("profile.rankOf", rank.rank(), rank.of());
    }

    void indicators(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("indicators.title");
        DomContent body = div(h1(title), p(t.get("indicators.intro")),
                table(thead(tr(th(t.get("indicator.name")).attr("scope", "col"), th(t.get("indicator.topic")).attr("scope", "col"),
                                th(t.get("indicator.role")).attr("scope", "col"), th(t.get("indicator.unit")).attr("scope", "col"))),
                        tbody(each(web.catalog().indicators(), i -> tr(
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
        Optional<Indicator> found = web.catalog().indicator(ctx.pathParam("id"));
        if (found.isEmpty()) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("indicator.unknown"));
            return;
        }
        Indicator i = found.get();
        Selection s = selection(web, ctx);
        List<MonitoringData.Level> levels = web.data().levels();
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        AreaInfo root = levels.isEmpty() ? null : areas.values().stream().filter(a -> a.level().equals(levels.get(0).name())).findFirst().orElse(null);
        SortedMap<Integer, Double> county = new TreeMap<>();
        if (root != null && !s.scope().isEmpty()) {
            web.data().series(s.scope(), root.code(), i.id()).forEach((y, c) -> county.put(y, c.value()));
        }
        Map<String, Map<String, Cell>> values = s.scope().isEmpty() ? Map.of() : web.data().values(s.scope(), s.year());
        List<Map.Entry<String, Double>> dist = areas.values().stream().filter(a -> a.level().equals(s.level()))
                .map(a -> {
                    Cell c = values.getOrDefault(a.code(), Map.of()).get(i.id());
                    return c == null || c.value() == null ? null : Map.entry(a.name(), c.value());
                })
                .filter(e -> e != null)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .toList();
        Double countyValue = county.get(s.year());
        String name = i.name(v.lang());
        DomContent body = div(
                h1(name),
                Layout.scopeNotice(v, s.scope()),
                dl(
                        dt(t.get("indicator.definition")), dd(i.definition() == null ? "–" : i.definition()),
                        dt(t.get("indicator.numerator")), dd(expression(v, i.numerator().toString())),
                        dt(t.get("indicator.denominator")), dd(expression(v, i.denominator().toString())),
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
                iff(!s.scope().isEmpty(), section(h2(t.get("indicator.map", s.level(), s.year())),
                        div(div().withId("map").withClass("map map-small")
                                        .attr("data-src", "/api/v1/map?level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=ind:" + Layout.enc(i.id()))
                                        .attr("data-outline-src", outlineSrc(s))
                                        .attr("role", "region").attr("aria-label", t.get("map.label", name, s.year()))
                                        .attr("data-attribution", attribution(web)),
                                legend(t, AreaTable.build(web.data(), web.catalog(), s.scope(), s.level(), s.year(), new Mode("indicator", i), t),
                                        new Mode("indicator", i))).withClass("map-panel"))),
                section(h2(t.get("indicator.distribution", s.level(), s.year())),
                        dist.isEmpty() ? p(t.get("indicator.noData")) : figure(
                                Charts.distribution(dist, countyValue, t.get("indicator.distribution", s.level(), s.year()), t, i.precision()),
                                figcaption(t.get("indicator.distributionCaption")))),
                iff(!s.scope().isEmpty(), downloads(t, "level=" + Layout.enc(s.level()) + "&year=" + s.year() + "&show=ind:"
                        + Layout.enc(i.id()), s.scope())));
        ctx.html(Layout.page(web, v, ctx, name, "nav.indicators", body));
    }

    private DomContent expression(Viewer v, String expr) {
        List<DomContent> parts = new ArrayList<>();
        for (String token : expr.split("\\s+")) {
            Optional<de.sozialmonitor.model.Variable> variable = web.catalog().variable(token);
            parts.add(variable.isPresent() ? span(variable.get().label(v.lang())).attr("title", token) : text(" " + token + " "));
        }
        return span(each(parts, x -> x));
    }

    void attention(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = releaseSelection(ctx, selection(web, ctx));
        String title = t.get("attention.title");
        if (s.scope().isEmpty()) {
            ctx.html(Layout.page(web, v, ctx, title, "nav.attention", h1(title), Layout.scopeNotice(v, s.scope())));
            return;
        }
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        Map<String, AreaResult> now = web.data().areaResults(s.scope(), s.year());
        Map<String, Map<String, Cell>> values = web.data().values(s.scope(), s.year());
        Basis basis = basis(t, s);
        EarlyWarning.Report report = EarlyWarning.compare(snapshot(basis.year(), basis.results(), basis.values()),
                snapshot(s.year(), now, values), web.config().method().earlyWarningThresholds(),
                id -> web.catalog().indicator(id).map(Indicator::polarity).orElse(null));
        java.util.Set<String> warned = new java.util.HashSet<>();
        report.alerts().stream().filter(al -> al.kind().warns()).forEach(al -> warned.add(al.areaCode()));
        List<Map.Entry<String, AreaResult>> listed = now.entrySet().stream()
                .filter(e -> areas.containsKey(e.getKey()))
                .filter(e -> e.getValue().attention() || warned.contains(e.getKey())
                        || (basis.results().containsKey(e.getKey()) && basis.results().get(e.getKey()).attention()))
                .sorted(Comparator.comparing((Map.Entry<String, AreaResult> e) -> !e.getValue().attention())
                        .thenComparing(e -> -(e.getValue().statusIndex() == null ? -99 : e.getValue().statusIndex()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                p(t.get("attention.intro")),
                releaseAndYearSwitch(t, s),
                h2(t.get("attention.earlyWarning", basis.label())),
                basis.year() == null ? p(t.get("attention.noBasis")) : earlyWarningSummary(t, report),
                listed.isEmpty() ? p(t.get("attention.none")) : table(
                        caption(t.get("attention.caption", s.year(), basis.label())),
                        thead(tr(th(t.get("table.area")).attr("scope", "col"), th(t.get("table.status")).attr("scope", "col"),
                                th(t.get("table.dynamics")).attr("scope", "col"), th(t.get("attention.why")).attr("scope", "col"),
                                th(t.get("attention.change")).attr("scope", "col"))),
                        tbody(each(listed, e -> {
                            AreaInfo a = areas.get(e.getKey());
                            AreaResult r = e.getValue();
                            return tr(
                                    th(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?year=" + s.year())).attr("scope", "row"),
                                    td(r.statusClass() == null ? text("–") : span(t.statusClass(r.statusClass())).withClass("badge status-" + r.statusClass())),
                                    td(r.dynamicsClass() == null ? text("–") : span(t.dynamicsClass(r.dynamicsClass())).withClass("badge dynamics-" + r.dynamicsClass())),
                                    td(drivers(v, values.getOrDefault(e.getKey(), Map.of()))),
                                    td(change(v, basis, report.ofArea(e.getKey()), e.getKey())));
                        })))
                        .withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.attention", body));
    }

    /** {@code ?berichtsstand=N}: a published release chosen instead of the viewer's default results. */
    private Selection releaseSelection(Context ctx, Selection s) {
        int asked = Api.parseInt(ctx.queryParam("berichtsstand"), -1);
        if (asked < 0 || java.util.Objects.equals(asked, s.scope().releaseNumber())) {
            return s;
        }
        return web.visibility().publishedRelease(asked)
                .map(scope -> new Selection(scope, s.level(), scope.yearOr(Api.parseInt(ctx.queryParam("year"), -1)), s.mode()))
                .orElse(s);
    }

    /** Release (when more than one is published) and year of the attention list. */
    private DomContent releaseAndYearSwitch(Texts t, Selection s) {
        List<de.sozialmonitor.store.ReleaseRepository.ReleaseInfo> releases = web.visibility().publishedReleases();
        boolean chooseRelease = releases.size() > 1;
        if (!chooseRelease) {
            return yearSwitch(t, s, "/aufmerksamkeit");
        }
        Integer shown = s.scope().releaseNumber();
        List<Integer> years = s.scope().years();
        return form(
                label(t.get("attention.release")).attr("for", "berichtsstand"),
                select(iff(shown == null, option(t.get("attention.internalResults")).withValue("").isSelected()),
                        each(releases, r -> option(t.get("attention.releaseOption", r.number(), r.title(), r.year()))
                                .withValue(Integer.toString(r.number())).withCondSelected(java.util.Objects.equals(shown, r.number()))))
                        .withId("berichtsstand").withName("berichtsstand").withClass("autosubmit"),
                label(t.get("controls.year")).attr("for", "year"),
                select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == s.year())))
                        .withId("year").withName("year"),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction("/aufmerksamkeit").withClass("controls inline no-print");
    }

    /**
     * What the selected year is compared with: the previous release when the selected year is the
     * scope's newest one and that release is not newer; otherwise the previous year of the scope.
     */
    private record Basis(String label, Integer year, Map<String, AreaResult> results, Map<String, Map<String, Cell>> values) {
    }

    private Basis basis(Texts t, Selection s) {
        if (s.year() == s.scope().latestYear()) {
            Optional<ResultScope> release = web.visibility().previousRelease(s.scope())
                    .filter(r -> r.latestYear() <= s.year());
            if (release.isPresent()) {
                ResultScope r = release.get();
                int year = r.latestYear();
                return new Basis(t.get("attention.basisRelease", r.releaseNumber(), year), year,
                        web.data().areaResults(r, year), web.data().values(r, year));
            }
        }
        List<Integer> years = s.scope().years();
        int idx = years.indexOf(s.year());
        if (idx <= 0) {
            return new Basis(t.get("attention.basisNone"), null, Map.of(), Map.of());
        }
        int year = years.get(idx - 1);
        return new Basis(t.get("attention.basisYear", year), year, web.data().areaResults(s.scope(), year),
                web.data().values(s.scope(), year));
    }

    private EarlyWarning.Snapshot snapshot(Integer year, Map<String, AreaResult> results, Map<String, Map<String, Cell>> values) {
        List<EarlyWarning.AreaState> states = new ArrayList<>();
        results.forEach((code, r) -> {
            Map<String, Double> v = new java.util.HashMap<>();
            values.getOrDefault(code, Map.of()).forEach((id, c) -> {
                if (c.value() != null) {
                    v.put(id, c.value());
                }
            });
            states.add(new EarlyWarning.AreaState(code, code, null, true,
                    r.statusClass() == null ? null : StatusClass.fromCode(r.statusClass()),
                    r.dynamicsClass() == null ? null : DynamicsClass.fromCode(r.dynamicsClass()), r.attention(), v));
        });
        return new EarlyWarning.Snapshot(year == null ? 0 : year, states);
    }

    private static DomContent earlyWarningSummary(Texts t, EarlyWarning.Report report) {
        return ul(each(List.of(EarlyWarning.Kind.NEWLY_FLAGGED, EarlyWarning.Kind.STATUS_FELL, EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE,
                        EarlyWarning.Kind.THRESHOLD_CROSSED, EarlyWarning.Kind.FLAG_ENDED, EarlyWarning.Kind.STATUS_ROSE),
                k -> li(t.get("attention.count." + k.name(), report.of(k).size())))).withClass("early-warning");
    }

    private String change(Viewer v, Basis basis, List<EarlyWarning.Alert> alerts, String areaCode) {
        Texts t = v.texts();
        if (basis.year() == null || !basis.results().containsKey(areaCode)) {
            return t.get("attention.noPrevious");
        }
        List<String> changes = new ArrayList<>();
        for (EarlyWarning.Alert al : alerts) {
            changes.add(switch (al.kind()) {
                case NEWLY_FLAGGED -> t.get("attention.new");
                case FLAG_ENDED -> t.get("attention.ended");
                case STATUS_FELL, STATUS_ROSE -> t.get("attention.statusMoved", t.statusClass(al.from()), t.statusClass(al.to()));
                case DYNAMICS_TURNED_NEGATIVE -> t.get("attention.turnedNegative");
                case THRESHOLD_CROSSED -> {
                    Indicator i = web.catalog().indicator(al.indicatorId()).orElseThrow();
                    yield t.get("attention.thresholdCrossed", i.name(v.lang()), t.number(al.threshold(), i.precision()),
                            t.number(al.previousValue(), i.precision()), t.number(al.currentValue(), i.precision()));
                }
            });
        }
        return changes.isEmpty() ? t.get("attention.unchanged") : String.join("; ", changes);
    }

    /** The attention indicators with the highest z-scores (above +1 SD): what drives the flag. */
    private String drivers(Viewer v, Map<String, Cell> cells) {
        List<String> names = cells.entrySet().stream()
                .filter(e -> e.getValue().zStatus() != null && e.getValue().zStatus() > 1.0)
                .sorted(Map.Entry.<String, Cell>comparingByValue(Comparator.comparing(Cell::zStatus)).reversed())
                .limit(3)
                .map(e -> web.catalog().indicator(e.getKey()).map(i -> i.name(v.lang())).orElse(e.getKey()) + " (z = "
                        + v.texts().number(e.getValue().zStatus(), 1) + ")")
                .toList();
        return names.isEmpty() ? "–" : String.join("; ", names);
    }

    void method(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        String title = t.get("method.title");
        Optional<MonitoringData.StoredMethod> stored = s.scope().isEmpty() ? Optional.empty() : web.data().method(s.scope(), s.year());
        List<DomContent> params = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        stored.ifPresent(m -> {
            try {
                flatten("", JSON.readTree(m.json()), params);
                prose.addAll(MethodProse.paragraphs(new MethodProse.Parameters(s.year(), ResultRepository.methodConfig(m.json()),
                        web.catalog().indicators().stream()
                                .map(i -> new MethodProse.IndicatorRef(i.id(), i.name(v.lang()), i.polarity() == Polarity.HIGHER_IS_BETTER))
                                .toList(),
                        m.analysisLevel(), web.config().privacy().minCount(), web.config().privacy().minPopulationForRates()),
                        t.locale()));
            } catch (Exception e) {
                prose.clear();
                params.clear();
                params.add(tr(td(t.get("method.unreadable")), td("")));
            }
        });
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                each(List.of("method.p1", "method.p2"), k -> p(t.get(k))),
                h2(s.scope().releaseNumber() != null ? t.get("method.howComputed.release", s.scope().releaseNumber(), s.year())
                        : t.get("method.howComputed.internal", s.year())),
                prose.isEmpty() ? p(t.get("method.noParameters")) : div(each(prose, x -> p(x))).withClass("method-prose"),
                h2(t.get("method.attentionIndicators")),
                ul(each(web.catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).toList(),
                        i -> li(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()))))),
                p(t.get("method.p5")),
                h2(t.get("method.parameters", s.year())),
                params.isEmpty() ? p(t.get("method.noParameters"))
                        : table(thead(tr(th(t.get("method.key")).attr("scope", "col"), th(t.get("method.value")).attr("scope", "col"))),
                        tbody(each(params, x -> x))).withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.method", body));
    }

    private static void flatten(String prefix, JsonNode node, List<DomContent> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int k = 0; k < node.size(); k++) {
                flatten(prefix + "[" + k + "]", node.get(k), rows);
            }
        } else {
            rows.add(tr(td(code(prefix)), td(node.isTextual() ? node.asText() : node.toString())));
        }
    }

    /** Two or more areas side by side, and one indicator over time for the chosen areas. */
    /** The areas chosen for the comparison (at most seven, existing in the selected year). */
    static List<AreaInfo> chosenAreas(WebServer.WebContext web, Context ctx, Selection s) {
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        return ctx.queryParams("areas").stream().distinct().map(areas::get).filter(a -> a != null).limit(7).toList();
    }

    void comparison(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Selection s = selection(web, ctx);
        String title = t.get("compare.title");
        Map<String, AreaInfo> areas = web.data().areas(s.year());
        List<AreaInfo> chosen = chosenAreas(web, ctx, s);
        Indicator indicator = web.catalog().indicator(Optional.ofNullable(ctx.queryParam("indicator")).orElse(""))
                .orElse(web.catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).findFirst()
                        .orElse(web.catalog().indicators().get(0)));
        List<AreaInfo> choices = new ArrayList<>(areas.values());
        choices.sort(Comparator.comparing((AreaInfo a) -> web.data().levels().stream().filter(l -> l.name().equals(a.level()))
                .mapToInt(MonitoringData.Level::depth).findFirst().orElse(0)).thenComparing(AreaInfo::name));
        Map<String, Map<String, Cell>> values = s.scope().isEmpty() ? Map.of() : web.data().values(s.scope(), s.year());
        Map<String, SortedMap<Integer, Double>> lines = new LinkedHashMap<>();
        for (AreaInfo a : chosen) {
            SortedMap<Integer, Double> series = new TreeMap<>();
            if (!s.scope().isEmpty()) {
                web.data().series(s.scope(), a.code(), indicator.id()).forEach((y, c) -> series.put(y, c.value()));
            }
            lines.put(a.name(), series);
        }
        List<Indicator> rows = web.catalog().indicators().stream()
                .filter(i -> chosen.stream().anyMatch(a -> values.getOrDefault(a.code(), Map.of()).containsKey(i.id()))).toList();
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                p(t.get("compare.intro")),
                form(
                        div(label(t.get("compare.areas")).attr("for", "areas"),
                                select(each(choices, a -> option(a.name() + " (" + a.level() + ")").withValue(a.code())
                                        .withCondSelected(chosen.contains(a))))
                                        .withId("areas").withName("areas").attr("multiple", "multiple").attr("size", "8")).withClass("field"),
                        div(label(t.get("compare.indicator")).attr("for", "indicator"),
                                select(each(web.catalog().indicators(), i -> option(i.name(v.lang())).withValue(i.id())
                                        .withCondSelected(i.equals(indicator))))
                                        .withId("indicator").withName("indicator")).withClass("field"),
                        input().withType("hidden").withName("year").withValue(Integer.toString(s.year())),
                        button(t.get("controls.apply")).withType("submit").withClass("apply"))
                        .withMethod("get").withAction("/vergleich").withClass("controls").attr("aria-label", t.get("compare.title")),
                chosen.isEmpty() ? p(t.get("compare.choose")).withClass("empty") : div(
                        section(h2(t.get("compare.sideBySide", s.year())).withId("nebeneinander"),
                                div(table(
                                        thead(tr(th(t.get("profile.indicator")).attr("scope", "col"),
                                                each(chosen, a -> th(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?year=" + s.year())).attr("scope", "col")))),
                                        tbody(each(rows, i -> tr(th(i.name(v.lang()) + " (" + i.unit() + ")").attr("scope", "row"),
                                                each(chosen, a -> td(cellText(t, values.getOrDefault(a.code(), Map.of()).get(i.id()), i.precision())).withClass("num"))))))
                                        .withClass("data-table")).withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                                        .attr("aria-labelledby", "nebeneinander")),
                        section(h2(t.get("downloads.title")), p(t.get("compare.downloadsText")),
                                ul(each(List.of("de", "intl", "xlsx"), f -> li(a(t.get(f.equals("de") ? "downloads.csvDe"
                                        : f.equals("intl") ? "downloads.csvIntl" : "downloads.xlsx"))
                                        .withHref("/download/vergleich?" + chosen.stream().map(a -> "areas=" + Layout.enc(a.code()))
                                                .collect(java.util.stream.Collectors.joining("&")) + "&year=" + s.year() + "&format=" + f)
                                        .attr("download", "")))))
                                .withClass("downloads no-print"),
                        section(h2(t.get("compare.overTime", indicator.name(v.lang()))),
                                figure(Charts.multiLineChart(lines, t.get("compare.overTime", indicator.name(v.lang())), t, indicator.precision()),
                                        figcaption(ul(each(new ArrayList<>(lines.keySet()), (k, name) -> li(span().withClass("swatch")
                                                .attr("data-colour", Charts.SERIES_COLOURS.get(k % Charts.SERIES_COLOURS.size())), text(" " + name))))
                                                .withClass("legend-list series-legend"))))));
        ctx.html(Layout.page(web, v, ctx, title, "nav.compare", body));
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
