package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.web.MonitoringData.AreaInfo;
import de.sozialmonitor.web.MonitoringData.AreaResult;
import de.sozialmonitor.web.MonitoringData.Cell;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The area profile (Gebietssteckbrief): every indicator of an area by topic against its
 * municipality and the county, rank, trend, target groups; and the data its download reads.
 */
final class AreaProfilePage {
    private final WebServer.WebContext web;

    AreaProfilePage(WebServer.WebContext web) {
        this.web = web;
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
    static Profile profile(WebServer.WebContext web, Pages.Selection s, String code) {
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
        Pages.Selection s = Pages.selection(web, ctx);
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
                                        td(Pages.cellText(t, c, i.precision())).withClass("num strong"),
                                        td(parent == null ? "–" : Pages.cellText(t, values.getOrDefault(parent.code(), Map.of()).get(i.id()), i.precision())).withClass("num"),
                                        td(root == null ? "–" : Pages.cellText(t, values.getOrDefault(root.code(), Map.of()).get(i.id()), i.precision())).withClass("num"),
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
                Pages.yearSwitch(t, s, "/gebiet/" + Layout.enc(code)),
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
                                    return tr(td(Pages.targetGroupLabel(t, e.getKey())), td(ind.map(i -> i.name(v.lang())).orElse(e.getValue().getKey())),
                                            td(Pages.cellText(t, e.getValue().getValue(), ind.map(Indicator::precision).orElse(1))).withClass("num"));
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

    private static String profileDownload(String code, Pages.Selection s, String format) {
        return "/download/steckbrief/" + Layout.enc(code) + "?year=" + s.year() + "&format=" + format;
    }

    private static DomContent card(String title, String value, String cls, String note) {
        return div(p(title).withClass("card-title"), p(value).withClass("card-value " + (cls == null ? "" : "badge " + cls)),
                iff(note != null, p(note == null ? "" : note).withClass("card-note"))).withClass("card");
    }

    private static String rankText(Texts t, Rank rank) {
        return rank == null ? "–" : t.get("profile.rankOf", rank.rank(), rank.of());
    }
}
