package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.store.ReleaseRepository.ReleaseInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.EarlyWarnings;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attention list: areas needing attention in the shown release, why, and the early warning
 * against the previous release.
 */
final class AttentionPage {
    private final WebServer.WebContext web;

    AttentionPage(WebServer.WebContext web) {
        this.web = web;
    }

    void attention(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = releaseSelection(ctx, Pages.selection(web, ctx));
        String title = t.get("attention.title");
        if (s.empty()) {
            ctx.html(Layout.page(web, v, ctx, title, "nav.attention", h1(title), Layout.scopeNotice(v, s)));
            return;
        }
        ResultView view = s.view();
        Optional<ResultView> previous = web.views().previous(view);
        boolean compared = previous.isPresent() && s.year() == view.year();
        EarlyWarning.Report report = compared ? EarlyWarnings.compare(previous.get(), view) : null;
        java.util.Set<String> warned = new java.util.HashSet<>();
        if (report != null) {
            report.alerts().stream().filter(al -> al.kind().warns()).forEach(al -> warned.add(al.areaCode()));
        }
        Map<String, AreaClasses> before = compared ? previous.get().allClasses() : Map.of();
        Map<String, AreaClasses> now = s.year() == view.year() ? view.allClasses() : Map.of();
        List<Map.Entry<String, AreaClasses>> listed = now.entrySet().stream()
                .filter(e -> view.area(e.getKey()).isPresent())
                .filter(e -> e.getValue().attention() || warned.contains(e.getKey())
                        || (before.containsKey(e.getKey()) && before.get(e.getKey()).attention()))
                .sorted(Comparator.comparing((Map.Entry<String, AreaClasses> e) -> !e.getValue().attention())
                        .thenComparing(e -> -(e.getValue().statusIndex() == null ? -99 : e.getValue().statusIndex()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        String basis = compared ? t.get("attention.basisRelease", previous.get().source().releaseNumber(), previous.get().year()) : null;
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                p(t.get("attention.intro")),
                releaseAndYearSwitch(t, s),
                h2(basis == null ? t.get("attention.earlyWarningTitle") : t.get("attention.earlyWarning", basis)),
                basis == null ? p(t.get("attention.noBasis")) : earlyWarningSummary(t, report),
                listed.isEmpty() ? p(t.get("attention.none")) : table(
                        caption(basis == null ? t.get("attention.captionNoBasis", s.year()) : t.get("attention.caption", s.year(), basis)),
                        thead(tr(th(t.get("table.area")).attr("scope", "col"), th(t.get("table.status")).attr("scope", "col"),
                                th(t.get("table.dynamics")).attr("scope", "col"), th(t.get("attention.why")).attr("scope", "col"),
                                th(t.get("attention.change")).attr("scope", "col"))),
                        tbody(each(listed, e -> {
                            AreaInfo a = view.area(e.getKey()).orElseThrow();
                            AreaClasses r = e.getValue();
                            return tr(
                                    th(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?year=" + s.year())).attr("scope", "row"),
                                    td(r.statusClass() == null ? text("–") : span(t.statusClass(r.statusClass().code()))
                                            .withClass("badge status-" + r.statusClass().code())),
                                    td(r.dynamicsClass() == null ? text("–") : span(t.dynamicsClass(r.dynamicsClass().code()))
                                            .withClass("badge dynamics-" + r.dynamicsClass().code())),
                                    td(why(v, view, e.getKey())),
                                    td(change(v, view, before, report, e.getKey())));
                        })))
                        .withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.attention", body));
    }

    /** {@code ?berichtsstand=N}: a published release chosen instead of the viewer's default results. */
    private Pages.Selection releaseSelection(Context ctx, Pages.Selection s) {
        int asked = Api.parseInt(ctx.queryParam("berichtsstand"), -1);
        if (asked < 0 || (!s.empty() && java.util.Objects.equals(asked, s.view().source().releaseNumber()))) {
            return s;
        }
        return web.views().published(asked)
                .map(view -> Pages.within(web, ctx, view, List.copyOf(view.years()), Pages.yearParam(ctx)))
                .orElse(s);
    }

    /** Release (when more than one is published) and year of the attention list. */
    private DomContent releaseAndYearSwitch(Texts t, Pages.Selection s) {
        List<ReleaseInfo> releases = web.views().publishedReleases();
        boolean chooseRelease = releases.size() > 1;
        if (!chooseRelease) {
            return Pages.yearSwitch(t, s, "/aufmerksamkeit");
        }
        Integer shown = s.view().source().releaseNumber();
        List<Integer> years = s.years();
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

    private static DomContent earlyWarningSummary(Texts t, EarlyWarning.Report report) {
        return ul(each(List.of(EarlyWarning.Kind.NEWLY_FLAGGED, EarlyWarning.Kind.STATUS_FELL, EarlyWarning.Kind.DYNAMICS_TURNED_NEGATIVE,
                        EarlyWarning.Kind.THRESHOLD_CROSSED, EarlyWarning.Kind.FLAG_ENDED, EarlyWarning.Kind.STATUS_ROSE),
                k -> li(t.get("attention.count." + k.name(), report.of(k).size())))).withClass("early-warning");
    }

    private String change(Viewer v, ResultView view, Map<String, AreaClasses> before, EarlyWarning.Report report, String areaCode) {
        Texts t = v.texts();
        if (report == null || !before.containsKey(areaCode)) {
            return t.get("attention.noPrevious");
        }
        List<String> changes = new ArrayList<>();
        for (EarlyWarning.Alert al : report.ofArea(areaCode)) {
            changes.add(switch (al.kind()) {
                case NEWLY_FLAGGED -> t.get("attention.new");
                case FLAG_ENDED -> t.get("attention.ended");
                case STATUS_FELL, STATUS_ROSE -> t.get("attention.statusMoved", t.statusClass(al.from()), t.statusClass(al.to()));
                case DYNAMICS_TURNED_NEGATIVE -> t.get("attention.turnedNegative");
                case THRESHOLD_CROSSED -> {
                    Indicator i = view.catalog().indicator(al.indicatorId()).orElseThrow();
                    yield t.get("attention.thresholdCrossed", i.name(v.lang()), t.number(al.threshold(), i.precision()),
                            t.number(al.previousValue(), i.precision()), t.number(al.currentValue(), i.precision()));
                }
            });
        }
        return changes.isEmpty() ? t.get("attention.unchanged") : String.join("; ", changes);
    }

    /** Why an area needs attention ({@link Drivers}: the one definition the profile and the report print too). */
    static String why(Viewer v, ResultView view, String areaCode) {
        List<String> status = new ArrayList<>();
        List<String> dynamics = new ArrayList<>();
        for (Drivers.Driver d : Drivers.of(view, areaCode)) {
            String name = view.catalog().indicator(d.indicatorId()).map(i -> i.name(v.lang())).orElse(d.indicatorId())
                    + " (z = " + v.texts().number(d.z(), 1) + ")";
            (ComponentStat.STATUS.equals(d.component()) ? status : dynamics).add(name);
        }
        List<String> parts = new ArrayList<>();
        if (!status.isEmpty()) {
            parts.add(String.join("; ", status));
        }
        if (!dynamics.isEmpty()) {
            parts.add(v.texts().get("attention.whyDynamics", String.join(", ", dynamics)));
        }
        return parts.isEmpty() ? "–" : String.join(". ", parts);
    }
}
