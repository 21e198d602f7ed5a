package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.privacy.AreaInfo;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The comparison: chosen areas side by side and one indicator over time for them. */
final class ComparisonPage {
    private final WebServer.WebContext web;

    ComparisonPage(WebServer.WebContext web) {
        this.web = web;
    }

    /** At most this many areas are compared (seven colours that stay distinguishable). */
    static final int MAX_AREAS = 7;

    /**
     * The areas chosen for the comparison, existing in the selected view: those asked for; a single
     * area comes with its municipality and the county; none asked for starts with the area that
     * needs attention most (else the first area of the analysis level), its municipality and the county.
     */
    static List<AreaInfo> chosenAreas(Context ctx, Pages.Selection s) {
        if (s.empty()) {
            return List.of();
        }
        List<AreaInfo> asked = ctx.queryParams("areas").stream().distinct().map(c -> s.view().area(c).orElse(null))
                .filter(a -> a != null).limit(MAX_AREAS).toList();
        if (asked.size() > 1) {
            return asked;
        }
        AreaInfo start = asked.isEmpty() ? startArea(s.view()) : asked.get(0);
        if (start == null) {
            return List.of();
        }
        List<AreaInfo> out = new ArrayList<>();
        out.add(start);
        List<AreaInfo> parents = new ArrayList<>(s.view().parents(start.code()));
        java.util.Collections.reverse(parents);
        out.addAll(parents);
        return out.stream().limit(MAX_AREAS).toList();
    }

    /** The area a comparison starts with: the one that needs attention most, else the first of the analysis level. */
    private static AreaInfo startArea(de.sozialmonitor.view.ResultView view) {
        de.sozialmonitor.view.AttentionList list = de.sozialmonitor.view.AttentionList.of(view, null);
        List<de.sozialmonitor.view.AttentionList.Entry> flagged = list.entries(de.sozialmonitor.view.AttentionList.Group.FLAGGED);
        if (!flagged.isEmpty()) {
            return flagged.get(0).area();
        }
        List<AreaInfo> areas = view.areasOn(view.defaultLevel());
        return areas.isEmpty() ? null : areas.get(0);
    }

    /**
     * The areas as a checkbox list that a search field filters (app.js; without script the whole
     * list is there), the chosen ones first; works with touch, keyboard and screen readers alike.
     */
    private static DomContent areaPicker(Texts t, Pages.Selection s, List<AreaInfo> choices, List<AreaInfo> chosen) {
        List<AreaInfo> ordered = new ArrayList<>(chosen);
        choices.stream().filter(a -> !chosen.contains(a)).forEach(ordered::add);
        return fieldset(legend(t.get("compare.areas", MAX_AREAS)),
                label(t.get("compare.search")).attr("for", "area-filter").withClass("visually-hidden"),
                input().withType("search").withId("area-filter").attr("placeholder", t.get("compare.search"))
                        .attr("data-filter", "area-choices").attr("autocomplete", "off").withClass("no-js-hidden"),
                ul(each(ordered, a -> li(label(input().withType("checkbox").withName("areas").withValue(a.code())
                                .withCondChecked(chosen.contains(a)),
                        span(text(a.name()), span(" " + parentText(s, a)).withClass("hint"))))
                        .attr("data-name", a.name())))
                        .withId("area-choices").withClass("choice-list"))
                .withClass("field area-picker");
    }

    private static String parentText(Pages.Selection s, AreaInfo a) {
        String parent = s.view().area(a.parentCode()).map(AreaInfo::name).orElse("");
        return parent.isEmpty() ? "(" + a.level() + ")" : "(" + a.level() + ", " + parent + ")";
    }

    /** Two or more areas side by side, and one indicator over time for the chosen areas. */
    void comparison(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = Pages.selection(web, ctx);
        String title = t.get("compare.title");
        IndicatorCatalog catalog = s.catalog(web);
        List<AreaInfo> chosen = chosenAreas(ctx, s);
        Indicator indicator = catalog.indicator(Optional.ofNullable(ctx.queryParam("indicator")).orElse(""))
                .orElse(catalog.indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).findFirst()
                        .orElse(catalog.indicators().get(0)));
        List<AreaInfo> choices = new ArrayList<>(s.empty() ? List.of() : s.view().areas().values());
        choices.sort(Comparator.comparingInt(AreaInfo::depth).thenComparing(AreaInfo::name, String.CASE_INSENSITIVE_ORDER));
        Map<String, SortedMap<Integer, Double>> lines = new LinkedHashMap<>();
        for (AreaInfo a : chosen) {
            SortedMap<Integer, Double> series = new TreeMap<>();
            web.views().timeline(s.view()).series(indicator.id(), a.code()).forEach((y, f) -> series.put(y, f.value()));
            lines.put(a.name(), series);
        }
        List<Indicator> rows = s.empty() ? List.of() : s.view().indicatorsWithFigures(s.year());
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                p(t.get("compare.intro")),
                form(
                        areaPicker(t, s, choices, chosen),
                        div(label(t.get("compare.indicator")).attr("for", "indicator"),
                                select(each(catalog.indicators(), i -> option(i.name(v.lang())).withValue(i.id())
                                        .withCondSelected(i.equals(indicator))))
                                        .withId("indicator").withName("indicator")).withClass("field"),
                        input().withType("hidden").withName("year").withValue(Integer.toString(s.year())),
                        iff(s.chosenRelease() && s.release(), input().withType("hidden").withName("berichtsstand")
                                .withValue(String.valueOf(s.view().source().releaseNumber()))),
                        button(t.get("controls.apply")).withType("submit").withClass("apply"))
                        .withMethod("get").withAction("/vergleich").withClass("controls").attr("aria-label", t.get("compare.title")),
                chosen.isEmpty() ? p(t.get("compare.choose")).withClass("empty") : div(
                        section(h2(t.get("compare.sideBySide", s.year())).withId("nebeneinander"),
                                div(table(
                                        thead(tr(th(t.get("profile.indicator")).attr("scope", "col"),
                                                each(chosen, a -> th(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?" + s.q())).attr("scope", "col")))),
                                        tbody(each(rows, i -> tr(th(i.name(v.lang()) + " (" + i.unit() + ")").attr("scope", "row"),
                                                each(chosen, a -> td(Pages.cellText(t, s.view().rate(i.id(), a.code(), s.year()), i.precision())).withClass("num"))))))
                                        .withClass("data-table")).withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                                        .attr("aria-labelledby", "nebeneinander")),
                        section(h2(t.get("downloads.title")), p(t.get("compare.downloadsText")),
                                ul(each(List.of("de", "intl", "xlsx"), f -> li(a(t.get(f.equals("de") ? "downloads.csvDe"
                                        : f.equals("intl") ? "downloads.csvIntl" : "downloads.xlsx"))
                                        .withHref("/download/vergleich?" + chosen.stream().map(a -> "areas=" + Layout.enc(a.code()))
                                                .collect(java.util.stream.Collectors.joining("&")) + "&" + s.q() + "&format=" + f)
                                        .attr("download", "")))))
                                .withClass("downloads no-print"),
                        section(h2(t.get("compare.overTime", indicator.name(v.lang()))),
                                figure(Charts.multiLineChart(lines, t.get("compare.overTime", indicator.name(v.lang())), t, indicator.precision()),
                                        figcaption(ul(each(new ArrayList<>(lines.keySet()), (k, name) -> li(span().withClass("swatch")
                                                .attr("data-colour", Charts.SERIES_COLOURS.get(k % Charts.SERIES_COLOURS.size())), text(" " + name))))
                                                .withClass("legend-list series-legend"))))));
        ctx.html(Layout.page(web, v, ctx, title, "nav.compare", body));
    }
}
