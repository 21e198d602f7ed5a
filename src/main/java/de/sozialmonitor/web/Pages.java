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
     * What the request shows: the view (the newest published release for the public, or the
     * published release {@code ?berichtsstand=N}; for staff the newest result set of the year asked
     * for), the years it has figures for, and level, year and map mode asked for, validated against
     * the view (unknown values fall back to the defaults). {@code view} is null when there is
     * nothing to show. {@code chosenRelease} is true when the release was asked for by number, so
     * that links keep it.
     */
    record Selection(ResultView view, List<Integer> years, String level, int year, Mode mode, boolean chosenRelease) {
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

        /** True for a release (the public's view, or one chosen by number); false for staff's internal results. */
        boolean release() {
            return view != null && view.source().releaseNumber() != null;
        }

        /**
         * The years with the method's classes: a release classifies its own year only (the years
         * before it are there for the changes and the series); internal results classify every
         * computed year.
         */
        List<Integer> classYears() {
            return view == null ? List.of() : release() ? List.of(view.year()) : years;
        }

        /** True if the shown year has the method's classes. */
        boolean hasClasses() {
            return classYears().contains(year);
        }

        /** The years the year control offers for a map mode: the class years, or the years with values of the indicator. */
        List<Integer> yearsFor(Mode m) {
            if (m.indicator() == null) {
                return classYears();
            }
            return release() ? years.stream().filter(y -> view.hasFigures(m.indicator().id(), y)).toList() : years;
        }

        /** The query that keeps year and chosen release in a link: {@code year=2024} or {@code year=2023&berichtsstand=1}. */
        String q() {
            return "year=" + year + releaseQuery();
        }

        /** The same selection on another level. */
        Selection withLevel(String other) {
            return new Selection(view, years, other, year, mode, chosenRelease);
        }

        /** {@code &berichtsstand=N} when the release was chosen by number, else "". */
        String releaseQuery() {
            return chosenRelease && release() ? "&berichtsstand=" + view.source().releaseNumber() : "";
        }
    }

    static Selection selection(WebServer.WebContext web, Context ctx) {
        Viewer viewer = WebServer.viewer(ctx);
        Integer asked = yearParam(ctx);
        int number = Api.parseInt(ctx.queryParam("berichtsstand"), -1);
        Optional<ResultView> chosen = number < 0 ? Optional.empty() : web.views().published(number);
        if (chosen.isPresent()) {
            boolean isLatest = viewer.role() == Role.PUBLIC
                    && web.views().latestPublished().map(l -> l == chosen.get()).orElse(false);
            return within(web, ctx, chosen.get(), List.copyOf(chosen.get().years()), asked, !isLatest);
        }
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
        return within(web, ctx, view, years, asked, false);
    }

    /** The selection within a given view. */
    static Selection within(WebServer.WebContext web, Context ctx, ResultView view, List<Integer> years, Integer asked,
                            boolean chosenRelease) {
        int year = view == null ? (asked != null ? asked : java.time.Year.now().getValue())
                : asked != null && view.years().contains(asked) ? asked : view.year();
        String level = ctx.queryParam("level");
        if (view == null || level == null || view.level(level).isEmpty()) {
            level = view == null ? "" : view.defaultLevel();
        }
        IndicatorCatalog catalog = view == null ? web.catalog() : view.catalog();
        return new Selection(view, years, level, year, Mode.parse(ctx.queryParam("show"), catalog), chosenRelease);
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
        boolean classless = !s.empty() && s.mode().indicator() == null && !s.hasClasses();
        OverviewTable table = s.empty() ? null : OverviewTable.of(s.view(), s.level(), s.year(), s.mode(), t.locale());
        String sort = ctx.queryParam("sort");
        boolean desc = "desc".equals(ctx.queryParam("dir"));
        String query = "level=" + Layout.enc(s.level()) + "&" + s.q() + "&show=" + Layout.enc(s.mode().param());
        String title = t.get("overview.title", s.empty() ? web.config().territoryName() : s.view().territory().name());
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                p(t.get("overview.intro")).withClass("lead"),
                controls(v, s),
                s.empty() ? p(t.get("overview.noResults")).withClass("empty")
                        : classless ? noClasses(v, s) : div(
                        a(t.get("map.skip")).withHref("#area-table").withClass("skip-link"),
                        p(t.get("map.hint")).withClass("hint").withId("map-hint"),
                        div(
                                div().withId("map").withClass("map").attr("data-src", "/api/v1/map?" + query)
                                        .attr("data-outline-src", outlineSrc(s))
                                        .attr("role", "region").attr("aria-label", t.get("map.label", modeLabel(t, s.mode()), s.year()))
                                        .attr("aria-describedby", "map-hint").attr("data-attribution", attribution(web)),
                                div(legend(t, table, s.mode()), MeasureSection.mapLayer(v, web.views().measures(s.view(), v.loggedIn()),
                                        s.level())).withClass("map-side"))
                                .withClass("map-panel"),
                        p(t.get("map.tableAlternative")).withClass("hint"))
                        .withClass("map-section"),
                s.empty() ? text("") : areaTable(v, table, query, sort, desc, s),
                s.empty() ? text("") : downloads(t, query, s));
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", body));
    }

    /**
     * A year a release has no classes for (its earlier years carry values only): say so, and offer
     * the classes of the release's own year, the release that classifies the year asked for, and
     * the indicator values of that year.
     */
    private DomContent noClasses(Viewer v, Selection s) {
        Texts t = v.texts();
        ResultView view = s.view();
        String base = "/?level=" + Layout.enc(s.level());
        List<DomContent> offers = new ArrayList<>();
        offers.add(li(a(t.get("overview.noClasses.own", modeLabel(t, s.mode()), view.year()))
                .withHref(base + "&show=" + Layout.enc(s.mode().param()) + "&year=" + view.year() + s.releaseQuery())));
        web.views().publishedReleases().stream().filter(r -> r.year() == s.year()).reduce((x, y) -> y).ifPresent(r ->
                offers.add(li(a(t.get("overview.noClasses.release", s.year(), r.number()))
                        .withHref(base + "&show=" + Layout.enc(s.mode().param()) + "&year=" + s.year() + "&berichtsstand=" + r.number()))));
        view.attentionIndicators().stream().filter(i -> view.hasFigures(i.id(), s.year())).findFirst().ifPresent(i ->
                offers.add(li(a(t.get("overview.noClasses.values", s.year(), i.name(v.lang())))
                        .withHref(base + "&show=ind:" + Layout.enc(i.id()) + "&" + s.q()))));
        return div(p(t.get("overview.noClasses", s.year(), view.year())), ul(each(offers, o -> o)))
                .withClass("notice-box").attr("role", "status");
    }

    /** What the map shows, and which level, release and year: every choice one select, sent with the form. */
    private DomContent controls(Viewer v, Selection s) {
        Texts t = v.texts();
        List<Integer> years = s.empty() ? List.of() : s.yearsFor(s.mode());
        return div(form(
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
                releaseField(web, t, s),
                yearField(t, s, years),
                button(t.get("controls.apply")).withType("submit").withClass("apply"))
                .withMethod("get").withAction("/").withClass("controls").attr("aria-label", t.get("controls.label")),
                classYearsHint(t, s));
        }

    /** The published releases to choose from (when there is more than one), newest year first. */
    static DomContent releaseField(WebServer.WebContext web, Texts t, Selection s) {
        List<de.sozialmonitor.store.ReleaseRepository.ReleaseInfo> releases = new ArrayList<>(web.views().publishedReleases());
        if (s.empty() || releases.size() < 2 && s.release()) {
            return text("");
        }
        releases.sort(Comparator.comparingInt(de.sozialmonitor.store.ReleaseRepository.ReleaseInfo::year)
                .thenComparingInt(de.sozialmonitor.store.ReleaseRepository.ReleaseInfo::number).reversed());
        Integer shown = s.view().source().releaseNumber();
        return div(label(t.get("controls.release")).attr("for", "berichtsstand"),
                select(iff(!s.release(), option(t.get("controls.internalResults")).withValue("").isSelected()),
                        each(releases, r -> option(t.get("controls.releaseOption", r.year(), r.number()))
                                .withValue(Integer.toString(r.number())).withCondSelected(java.util.Objects.equals(shown, r.number()))))
                        .withId("berichtsstand").withName("berichtsstand").withClass("autosubmit"))
                .withClass("field");
    }

    /** A select of exactly the years offered; a single year is stated, not offered. */
    static DomContent yearField(Texts t, Selection s, List<Integer> years) {
        if (years.size() < 2) {
            return div(span(t.get("controls.year")).withClass("field-label"),
                    span(Integer.toString(s.year())).withClass("year-fixed").withId("year-fixed"),
                    input().withType("hidden").withName("year").withValue(Integer.toString(s.year())))
                    .withClass("field");
        }
        int shown = years.contains(s.year()) ? s.year() : years.get(years.size() - 1);
        return div(label(t.get("controls.year")).attr("for", "year"),
                select(each(years, y -> option(Integer.toString(y)).withValue(Integer.toString(y)).withCondSelected(y == shown)))
                        .withId("year").withName("year").withClass("autosubmit year-select"))
                .withClass("field");
    }

    /** Under the controls of a release's classes: which year they are for and where earlier classes are. */
    private DomContent classYearsHint(Texts t, Selection s) {
        if (s.empty() || !s.release() || s.mode().indicator() != null) {
            return text("");
        }
        List<DomContent> links = new ArrayList<>();
        web.views().publishedReleases().stream()
                .filter(r -> !java.util.Objects.equals(r.number(), s.view().source().releaseNumber()))
                .sorted(Comparator.comparingInt(de.sozialmonitor.store.ReleaseRepository.ReleaseInfo::year).reversed())
                .forEach(r -> links.add(a(t.get("controls.releaseOption", r.year(), r.number()))
                        .withHref("/?level=" + Layout.enc(s.level()) + "&show=" + Layout.enc(s.mode().param()) + "&year=" + r.year()
                                + "&berichtsstand=" + r.number())));
        List<DomContent> parts = new ArrayList<>();
        parts.add(text(t.get("controls.classYear", s.view().year(), s.view().source().releaseNumber())));
        if (!links.isEmpty()) {
            parts.add(text(" " + t.get("controls.earlierClasses") + " "));
            for (int k = 0; k < links.size(); k++) {
                parts.add(links.get(k));
                parts.add(text(k < links.size() - 1 ? ", " : "."));
            }
        }
        return p(each(parts, x -> x)).withClass("hint class-years");
    }

    /** Map data of the level above the shown one (drawn as outlines for orientation), or "". */
    String outlineSrc(Selection s) {
        List<ResultView.Level> levels = s.levels();
        for (int k = 1; k < levels.size(); k++) {
            if (levels.get(k).name().equals(s.level()) && k - 1 > 0) {
                return "/api/v1/map?level=" + Layout.enc(levels.get(k - 1).name()) + "&" + s.q() + "&show=status";
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
        boolean classes = s.hasClasses();
        if (classes) {
            headers.add(sortHeader(t.get("table.status"), "status", key, desc, query));
            headers.add(sortHeader(t.get("table.dynamics"), "dynamics", key, desc, query));
            headers.add(sortHeader(t.get("table.attention"), "attention", key, desc, query));
        }
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
                                    th(a(r.area().name()).withHref("/gebiet/" + Layout.enc(r.area().code()) + "?" + s.q())).attr("scope", "row"),
                                    td(r.parentName()));
                            if (classes) {
                                tr.with(statusCell(t, res), dynamicsCell(t, res),
                                        td(res == null || res.excluded() != null ? text("–") : res.attention() ? strong(t.get("yes")) : text(t.get("no"))));
                            }
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
                                .withHref("/download/berichtsstand/" + release).attr("download", ""))),
                        li(a(t.get("downloads.all")).withHref("/daten"))))
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

    /** The release and year controls of a page other than the overview (profile, attention list). */
    static DomContent releaseAndYear(WebServer.WebContext web, Texts t, Selection s, String path, List<Integer> years) {
        DomContent release = releaseField(web, t, s);
        if (years.size() < 2 && release.render().isEmpty()) {
            return text("");
        }
        return form(release, yearField(t, s, years), button(t.get("controls.apply")).withType("submit").withClass("apply"))
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
                                td(t.getOr("topic." + i.topic(), String.valueOf(i.topic()))).attr("data-label", t.get("indicator.topic")),
                                td(t.get("role.indicator." + i.role().name().toLowerCase(java.util.Locale.ROOT))).attr("data-label", t.get("indicator.role")),
                                td(i.unit()).attr("data-label", t.get("indicator.unit"))))))
                        .withClass("data-table stack"));
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
            web.views().timeline(s.view()).series(i.id(), root.code()).forEach((y, f) -> county.put(y, f.value()));
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
                p(a(t.get("indicator.showOnMap")).withHref("/?show=ind:" + Layout.enc(i.id()) + "&" + s.q() + "&level=" + Layout.enc(s.level()))),
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
                                        .attr("data-src", "/api/v1/map?level=" + Layout.enc(s.level()) + "&" + s.q() + "&show=ind:" + Layout.enc(i.id()))
                                        .attr("data-outline-src", outlineSrc(s))
                                        .attr("role", "region").attr("aria-label", t.get("map.label", name, s.year()))
                                        .attr("data-attribution", attribution(web)),
                                legend(t, OverviewTable.of(s.view(), s.level(), s.year(), new Mode(Choropleth.Kind.INDICATOR, i), t.locale()),
                                        new Mode(Choropleth.Kind.INDICATOR, i))).withClass("map-panel")),
                s.empty() ? text("") : ReferenceSection.forIndicator(v, web.views().references(s.view()), i, s.year(),
                        root == null ? null : s.view().rate(i.id(), root.code(), s.year()), root == null ? "" : root.name()),
                section(h2(t.get("indicator.distribution", s.level(), s.year())),
                        dist.isEmpty() ? p(t.get("indicator.noData")) : figure(
                                Charts.distribution(dist, countyValue, t.get("indicator.distribution", s.level(), s.year()), t, i.precision()),
                                figcaption(t.get("indicator.distributionCaption")))),
                s.empty() ? text("") : downloads(t, "level=" + Layout.enc(s.level()) + "&" + s.q() + "&show=ind:"
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
}
