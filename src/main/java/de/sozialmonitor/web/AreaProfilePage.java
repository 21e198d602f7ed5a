package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.Ranking;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.Timeline;
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
     * What an area profile shows, for the page and its download alike: the area, its parents up to
     * the territory, and the indicators with figures and the area's rank among the areas of its
     * level, all from one view.
     */
    record ProfileFigures(ResultView view, Timeline timeline, int year, AreaInfo area, List<AreaInfo> chain,
                   List<Indicator> indicators) {
        AreaInfo parent() {
            return chain.isEmpty() ? null : chain.get(chain.size() - 1);
        }

        AreaInfo root() {
            return chain.isEmpty() ? null : chain.get(0);
        }

        Optional<AreaClasses> classes() {
            return year == view.year() ? view.classes(area.code()) : Optional.empty();
        }

        Figure value(String indicatorId) {
            return view.rate(indicatorId, area.code(), year);
        }

        Figure parentValue(String indicatorId) {
            return parent() == null ? Figure.MISSING : view.rate(indicatorId, parent().code(), year);
        }

        Figure rootValue(String indicatorId) {
            return root() == null ? Figure.MISSING : view.rate(indicatorId, root().code(), year);
        }

        /** The series over every published year (earlier releases fill the years this one does not have). */
        SortedMap<Integer, Figure> series(String indicatorId) {
            return timeline.series(indicatorId, area.code());
        }

        SortedMap<String, Map<String, Figure>> groups() {
            return view.breakdowns(area.code(), year);
        }

        /** Null when the area has no value. */
        Rank rank(Indicator i) {
            Figure own = value(i.id());
            if (!own.shown()) {
                return null;
            }
            Ranking peers = view.ranking(i.id(), area.level(), year);
            int worse = i.polarity() == Polarity.HIGHER_IS_BETTER ? peers.below(own.value()) : peers.above(own.value());
            return new Rank(worse + 1, peers.size());
        }
    }

    /** The profile of {@code code} in the selection, or null for an area that does not exist in that view. */
    static ProfileFigures profile(WebServer.WebContext web, Pages.Selection s, String code) {
        if (s.empty()) {
            return null;
        }
        ResultView view = s.view();
        AreaInfo area = view.area(code).orElse(null);
        if (area == null) {
            return null;
        }
        // indicators this view has no figures for would only be rows of dashes
        List<Indicator> shown = view.catalog().indicators().stream()
                .filter(i -> view.hasFigures(i.id(), s.year()) || !view.series(i.id(), code).isEmpty()).toList();
        return new ProfileFigures(view, web.views().timeline(view), s.year(), area, view.parents(code), shown);
    }

    void area(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = Pages.selection(web, ctx);
        String code = ctx.pathParam("code");
        ProfileFigures profile = profile(web, s, code);
        if (profile == null) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, t.get("area.unknown"));
            return;
        }
        AreaInfo area = profile.area();
        List<AreaInfo> chain = profile.chain();
        AreaInfo parent = profile.parent();
        AreaInfo root = profile.root();
        AreaClasses result = profile.classes().orElse(null);
        Map<String, List<Indicator>> byTopic = new LinkedHashMap<>();
        profile.indicators().forEach(i -> byTopic.computeIfAbsent(i.topic() == null ? "other" : i.topic(), k -> new ArrayList<>()).add(i));
        String title = area.name();
        String parentLabel = parent == null ? t.get("profile.parent") : parent.name();
        String rootLabel = root == null ? t.get("profile.root") : root.name();
        List<DomContent> sections = new ArrayList<>();
        for (Map.Entry<String, List<Indicator>> topic : byTopic.entrySet()) {
            String topicId = "topic-" + topic.getKey();
            sections.add(section(
                    h3(t.getOr("topic." + topic.getKey(), topic.getKey())).withId(topicId),
                    table(
                            thead(tr(th(t.get("profile.indicator")).attr("scope", "col"), th(t.get("profile.value")).attr("scope", "col"),
                                    th(parentLabel).attr("scope", "col"), th(rootLabel).attr("scope", "col"),
                                    th(t.get("profile.rank")).attr("scope", "col"), th(t.get("profile.trend")).attr("scope", "col"))),
                            tbody(each(topic.getValue(), i -> {
                                Figure c = profile.value(i.id());
                                SortedMap<Integer, Double> series = new TreeMap<>();
                                profile.series(i.id()).forEach((y, f) -> series.put(y, f.value()));
                                return tr(
                                        th(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()) + "?" + s.q()),
                                                iff(i.role() == IndicatorRole.ATTENTION, span(" " + t.get("profile.attentionMark")).withClass("mark")),
                                                span(" (" + i.unit() + ")").withClass("unit")).attr("scope", "row"),
                                        td(Pages.cellText(t, c, i.precision())).withClass("num strong").attr("data-label", t.get("profile.value")),
                                        td(parent == null ? "–" : Pages.cellText(t, profile.parentValue(i.id()), i.precision())).withClass("num")
                                                .attr("data-label", parentLabel),
                                        td(root == null ? "–" : Pages.cellText(t, profile.rootValue(i.id()), i.precision())).withClass("num")
                                                .attr("data-label", rootLabel),
                                        td(rankText(t, profile.rank(i))).withClass("num").attr("data-label", t.get("profile.rank")),
                                        td(Charts.sparkline(series, t.get("profile.trendLabel", i.name(v.lang()),
                                                series.isEmpty() ? "" : series.firstKey() + "–" + series.lastKey()))).withClass("spark"));
                            })))
                            .withClass("data-table profile-table stack").attr("aria-labelledby", topicId)));
        }
        Map<String, Map<String, Figure>> groups = profile.groups();
        DomContent body = div(
                nav(ol(each(chain, a -> li(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?" + s.q()))),
                        li(span(area.name()).attr("aria-current", "page")))).attr("aria-label", t.get("profile.breadcrumb")).withClass("breadcrumb"),
                h1(t.get("profile.title", area.name())),
                p(t.get("profile.subtitle", area.level(), area.code(), s.year())).withClass("subtitle"),
                Layout.scopeNotice(v, s),
                Pages.releaseAndYear(web, t, s, "/gebiet/" + Layout.enc(code), s.years()),
                div(
                        card(t.get("profile.status"), result == null || result.statusClass() == null ? "–" : t.statusClass(result.statusClass().code()),
                                result == null || result.statusClass() == null ? null : "status-" + result.statusClass().code(),
                                result == null ? null : AttentionPage.positionText(t, result.statusIndex(), result.statusBand())),
                        card(t.get("profile.dynamics"), result == null || result.dynamicsClass() == null ? "–" : t.dynamicsClass(result.dynamicsClass().code()),
                                result == null || result.dynamicsClass() == null ? null : "dynamics-" + result.dynamicsClass().code(),
                                result == null ? null : AttentionPage.positionText(t, result.dynamicsIndex(), result.dynamicsBand())),
                        card(t.get("profile.attention"), result == null ? "–" : result.attention() ? t.get("yes") : t.get("no"),
                                result != null && result.attention() ? "attention" : null,
                                result != null && result.excluded() != null ? t.excluded(result.excluded()) : null))
                        .withClass("cards"),
                iff(!s.hasClasses(), p(t.get("profile.noClasses", s.year(), profile.view().year())).withClass("hint")),
                certainty(t, profile, result),
                p(a(t.get("profile.compare")).withHref("/vergleich?areas=" + Layout.enc(code) + "&" + s.q())).withClass("no-print"),
                iff(result != null && result.attention(), why(v, profile, code)),
                h2(t.get("profile.indicators")),
                p(t.get("profile.indicatorsIntro")).withClass("hint"),
                each(sections, x -> x),
                ReferenceSection.forArea(v, web.views().references(profile.view()), profile),
                MeasureSection.forArea(v, web.views().measures(profile.view(), v.loggedIn()), code, "year=" + s.year()),
                iff(!groups.isEmpty(), targetGroups(v, profile, groups)),
                iff(!s.empty(), section(h2(t.get("downloads.title")),
                        p(t.get("profile.downloadsText")),
                        ul(li(a(t.get("downloads.csvDe")).withHref(profileDownload(code, s, "de")).attr("download", "")),
                                li(a(t.get("downloads.csvIntl")).withHref(profileDownload(code, s, "intl")).attr("download", "")),
                                li(a(t.get("downloads.xlsx")).withHref(profileDownload(code, s, "xlsx")).attr("download", ""))),
                        DataSheetDownload.links(web, v, s, code))
                        .withClass("downloads no-print")),
                p(a(t.get("profile.api")).withHref("/api/v1/areas/" + Layout.enc(code) + "?" + s.q())).withClass("no-print"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.overview", body));
    }

    /**
     * The target-group breakdowns as one compact table: a row per indicator (catalog order), a
     * column per target group (sorted by dimension and value); a table that scrolls in its own box.
     */
    private static DomContent targetGroups(Viewer v, ProfileFigures profile, Map<String, Map<String, Figure>> groups) {
        Texts t = v.texts();
        List<String> columns = new ArrayList<>(groups.keySet());
        List<Indicator> rows = profile.view().catalog().indicators().stream()
                .filter(i -> groups.values().stream().anyMatch(m -> m.containsKey(i.id()))).toList();
        return section(h2(t.get("profile.targetGroups")).withId("zielgruppen"),
                p(t.get("profile.targetGroupsIntro")).withClass("hint"),
                div(table(
                        thead(tr(th(t.get("profile.indicator")).attr("scope", "col"),
                                each(columns, g -> th(Pages.targetGroupLabel(t, g)).attr("scope", "col")))),
                        tbody(each(rows, i -> tr(th(i.name(v.lang()) + " (" + i.unit() + ")").attr("scope", "row"),
                                each(columns, g -> td(Pages.cellText(t, groups.get(g).getOrDefault(i.id(), Figure.MISSING), i.precision()))
                                        .withClass("num"))))))
                        .withClass("data-table target-groups"))
                        .withClass("table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-labelledby", "zielgruppen"));
    }

    /** Why the area needs attention: the reasons in words with the figures, as on the attention list. */
    private static DomContent why(Viewer v, ProfileFigures profile, String code) {
        List<String> reasons = AttentionPage.reasonsOf(v, profile.view(), code);
        return div(p(strong(v.texts().get("profile.why"))),
                reasons.isEmpty() ? p(v.texts().get("attention.whyNone")) : ul(each(reasons, r -> li(r))).withClass("reasons"))
                .withClass("why");
    }

    /** The class certainty of the area's classes ({@code view.Certainties}, as the attention list and the report show it). */
    private DomContent certainty(Texts t, ProfileFigures profile, AreaClasses result) {
        if (result == null || result.statusClass() == null) {
            return text("");
        }
        var all = web.views().certainty(profile.view());
        var area = all.area(profile.area().code());
        return div(p(strong(t.get("certainty.title") + ": "),
                        text(area.map(c -> CertaintyTexts.line(t, c)).orElse("–")))
                        .withClass("certainty" + area.map(c -> " certainty-" + c.overall().code()).orElse("")),
                p(CertaintyTexts.hint(t, all)).withClass("hint")).withClass("certainty-block");
    }

    private static String profileDownload(String code, Pages.Selection s, String format) {
        return "/download/steckbrief/" + Layout.enc(code) + "?" + s.q() + "&format=" + format;
    }

    private static DomContent card(String title, String value, String cls, String note) {
        return div(p(title).withClass("card-title"), p(value).withClass("card-value " + (cls == null ? "" : "badge " + cls)),
                iff(note != null, p(note == null ? "" : note).withClass("card-note"))).withClass("card");
    }

    private static String rankText(Texts t, Rank rank) {
        return rank == null ? "–" : t.get("profile.rankOf", rank.rank(), rank.of());
    }
}
