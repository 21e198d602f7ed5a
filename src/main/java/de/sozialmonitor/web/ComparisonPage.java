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

    /** The areas chosen for the comparison (at most seven, existing in the selected year). */
    static List<AreaInfo> chosenAreas(Context ctx, Pages.Selection s) {
        if (s.empty()) {
            return List.of();
        }
        return ctx.queryParams("areas").stream().distinct().map(c -> s.view().area(c).orElse(null)).filter(a -> a != null).limit(7).toList();
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
        choices.sort(Comparator.comparingInt(AreaInfo::depth).thenComparing(AreaInfo::name));
        Map<String, SortedMap<Integer, Double>> lines = new LinkedHashMap<>();
        for (AreaInfo a : chosen) {
            SortedMap<Integer, Double> series = new TreeMap<>();
            s.view().series(indicator.id(), a.code()).forEach((y, f) -> series.put(y, f.value()));
            lines.put(a.name(), series);
        }
        List<Indicator> rows = s.empty() ? List.of() : s.view().indicatorsWithFigures(s.year());
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                p(t.get("compare.intro")),
                form(
                        div(label(t.get("compare.areas")).attr("for", "areas"),
                                select(each(choices, a -> option(a.name() + " (" + a.level() + ")").withValue(a.code())
                                        .withCondSelected(chosen.contains(a))))
                                        .withId("areas").withName("areas").attr("multiple", "multiple").attr("size", "8")).withClass("field"),
                        div(label(t.get("compare.indicator")).attr("for", "indicator"),
                                select(each(catalog.indicators(), i -> option(i.name(v.lang())).withValue(i.id())
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
                                                each(chosen, a -> td(Pages.cellText(t, s.view().rate(i.id(), a.code(), s.year()), i.precision())).withClass("num"))))))
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
}
