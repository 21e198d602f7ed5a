package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.EarlyWarning;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.AttentionList;
import de.sozialmonitor.view.AttentionList.Entry;
import de.sozialmonitor.view.AttentionList.Group;
import de.sozialmonitor.view.Certainties;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The attention list for people: the areas that need attention, grouped against the previous
 * release (new, still, no longer, early warning only) and ordered by need, each with its reasons
 * in plain words and figures against the county. z-scores only for staff, behind a details control.
 */
final class AttentionPage {
    private final WebServer.WebContext web;

    AttentionPage(WebServer.WebContext web) {
        this.web = web;
    }

    void attention(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = Pages.selection(web, ctx);
        String title = t.get("attention.title");
        if (s.empty()) {
            ctx.html(Layout.page(web, v, ctx, title, "nav.attention", h1(title), Layout.scopeNotice(v, s)));
            return;
        }
        ResultView view = s.view();
        DomContent controls = Pages.releaseAndYear(web, t, s, "/aufmerksamkeit", s.classYears());
        if (!s.hasClasses()) {
            ctx.html(Layout.page(web, v, ctx, title, "nav.attention", h1(title), Layout.scopeNotice(v, s), controls,
                    p(t.get("attention.noClasses", s.year(), view.year())).withClass("notice-box").attr("role", "status")));
            return;
        }
        ResultView previous = web.views().previous(view).orElse(null);
        AttentionList list = AttentionList.of(view, previous);
        String basis = previous == null ? null : t.get("attention.basisRelease", previous.source().releaseNumber(), previous.year());
        Certainties certainty = web.views().certainty(view);
        List<DomContent> sections = new ArrayList<>();
        for (Group g : list.shownGroups()) {
            List<Entry> entries = list.entries(g);
            String key = g.name().toLowerCase(java.util.Locale.ROOT);
            sections.add(section(
                    h2(t.get("attention.group." + key, entries.size())).withId("gruppe-" + key),
                    p(t.get("attention.group." + key + ".explain", basis == null ? "" : basis)).withClass("hint"),
                    entries.isEmpty() ? p(t.get("attention.group.none")).withClass("hint")
                            : ol(each(entries, e -> card(v, s, e, g, certainty))).withClass("attention-list")
                            .attr("aria-labelledby", "gruppe-" + key))
                    .withClass("attention-group"));
        }
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                p(Glossary.explained(t, introKey(view))).withClass("lead"),
                controls,
                summaryOf(t, list, s, basis),
                each(sections, x -> x),
                p(CertaintyTexts.hint(t, certainty)).withClass("hint"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.attention", body));
    }

    /** The introduction says the attention rule the shown release applies (Berlin's differs from the default). */
    private static String introKey(ResultView view) {
        return de.sozialmonitor.model.MethodConfig.ATTENTION_BERLIN.equals(view.method().attentionRule())
                ? "attention.intro.berlin" : "attention.intro";
    }

    /** One line per group with the number of areas listed in it: the counts are the rows below. */
    private static DomContent summaryOf(Texts t, AttentionList list, Pages.Selection s, String basis) {
        List<DomContent> items = new ArrayList<>();
        for (Group g : list.shownGroups()) {
            String key = g.name().toLowerCase(java.util.Locale.ROOT);
            items.add(li(a(t.get("attention.group." + key, list.count(g))).withHref("#gruppe-" + key)));
        }
        return div(
                p(basis == null ? t.get("attention.summaryNoBasis", s.year()) : t.get("attention.summary", s.year(), basis)),
                ul(each(items, x -> x)).withClass("summary-list"))
                .withClass("attention-summary").attr("role", "status");
    }

    private DomContent card(Viewer v, Pages.Selection s, Entry e, Group g, Certainties certainty) {
        Texts t = v.texts();
        ResultView view = s.view();
        AreaInfo a = e.area();
        AreaClasses c = e.classes();
        String parent = view.area(a.parentCode()).map(AreaInfo::name).orElse("");
        List<String> reasons = reasons(v, view, e);
        List<String> changes = changes(v, view, e, g);
        return li(
                h3(a(a.name()).withHref("/gebiet/" + Layout.enc(a.code()) + "?" + s.q()), iff(!parent.isEmpty(), span(" · " + parent).withClass("parent")))
                        .withClass("card-heading"),
                p(classBadges(t, c)).withClass("badges"),
                certainty.area(a.code()).map(cc -> p(strong(t.get("certainty.column") + ": "),
                        span(CertaintyTexts.overall(t, cc)).withClass("certainty-" + cc.overall().code())).withClass("certainty"))
                        .map(DomContent.class::cast).orElse(text("")),
                iff(!reasons.isEmpty(), div(p(strong(t.get(g == Group.ENDED ? "attention.whyBefore" : "attention.why"))),
                        ul(each(reasons, r -> li(r))).withClass("reasons"))),
                iff(reasons.isEmpty() && g != Group.ENDED, p(t.get("attention.whyNone")).withClass("hint")),
                iff(!changes.isEmpty(), p(strong(t.get("attention.change") + ": "), text(String.join("; ", changes))).withClass("changes")),
                iff(v.loggedIn(), zDetails(v, view, e)))
                .withClass("attention-card");
    }

    /** Status and dynamics class, with the index (staff) or its band (public) where shown. */
    static DomContent classBadges(Texts t, AreaClasses c) {
        return span(
                c.statusClass() == null ? text(t.get("attention.noStatus"))
                        : span(t.get("class.statusLabel", t.statusClass(c.statusClass().code())) + position(t, c.statusIndex(), c.statusBand()))
                        .withClass("badge status-" + c.statusClass().code()),
                text(" "),
                c.dynamicsClass() == null ? text("")
                        : span(t.get("class.dynamicsLabel", t.dynamicsClass(c.dynamicsClass().code())) + position(t, c.dynamicsIndex(), c.dynamicsBand()))
                        .withClass("badge dynamics-" + c.dynamicsClass().code()));
    }

    /** " (Index 1,23)" for staff, " (Index zwischen +1,0 und +1,5)" for the public, or "" when neither is shown. */
    static String position(Texts t, Double index, de.sozialmonitor.privacy.IndexBand band) {
        String text = positionText(t, index, band);
        return text == null ? "" : " (" + text + ")";
    }

    /** "Index 1,23" (staff), "Index zwischen +1,0 und +1,5" (public), or null when neither is shown. */
    static String positionText(Texts t, Double index, de.sozialmonitor.privacy.IndexBand band) {
        return index != null ? t.get("profile.index", t.signed(index, 2)) : band == null ? null : t.band(band);
    }

    /**
     * The reasons in plain words with the figures: the area's value against the county's for each
     * driving status indicator, and the change against the county's change for each driving
     * dynamics indicator. A driver is named only when its figures are shown.
     */
    static List<String> reasons(Viewer v, ResultView view, Entry e) {
        Texts t = v.texts();
        AreaInfo root = view.root().orElse(null);
        List<String> out = new ArrayList<>();
        for (Drivers.Driver d : e.drivers()) {
            Indicator i = view.catalog().indicator(d.indicatorId()).orElse(null);
            if (i == null) {
                continue;
            }
            boolean status = ComponentStat.STATUS.equals(d.component());
            Figure own = status ? view.rate(i.id(), e.area().code(), view.year()) : view.change(i.id(), e.area().code(), view.year());
            Figure county = root == null ? Figure.MISSING
                    : status ? view.rate(i.id(), root.code(), view.year()) : view.change(i.id(), root.code(), view.year());
            if (!own.shown()) {
                continue;
            }
            String value = status ? t.number(own.value(), i.precision()) + " " + i.unit()
                    : t.signed(own.value(), i.precision()) + " " + t.changeUnit(i.unit());
            String countyValue = !county.shown() ? null : status ? t.number(county.value(), i.precision()) + " " + i.unit()
                    : t.signed(county.value(), i.precision());
            String text = status ? t.get("attention.reasonStatus", i.name(v.lang()), value)
                    : t.get("attention.reasonDynamics", i.name(v.lang()), value, view.baseYear());
            out.add(countyValue == null ? text : text + " – " + t.get("attention.reasonCounty", root.name(), countyValue));
        }
        return out;
    }

    /** What changed against the previous release, in words. */
    private static List<String> changes(Viewer v, ResultView view, Entry e, Group g) {
        Texts t = v.texts();
        List<String> out = new ArrayList<>();
        if (g == Group.NEW && e.before() == null) {
            out.add(t.get("attention.notClassifiedBefore"));
        }
        for (EarlyWarning.Alert al : e.alerts()) {
            switch (al.kind()) {
                case STATUS_FELL, STATUS_ROSE -> out.add(t.get("attention.statusMoved", t.statusClass(al.from()), t.statusClass(al.to())));
                case DYNAMICS_TURNED_NEGATIVE -> out.add(t.get("attention.turnedNegative", t.dynamicsClass(al.from().isEmpty() ? null : al.from())));
                case THRESHOLD_CROSSED -> {
                    Indicator i = view.catalog().indicator(al.indicatorId()).orElseThrow();
                    out.add(t.get("attention.thresholdCrossed", i.name(v.lang()), t.number(al.threshold(), i.precision()) + " " + i.unit(),
                            t.number(al.previousValue(), i.precision()), t.number(al.currentValue(), i.precision())));
                }
                default -> {
                    // NEWLY_FLAGGED and FLAG_ENDED are what the group says
                }
            }
        }
        if (out.isEmpty() && g == Group.CONTINUING) {
            out.add(t.get("attention.unchanged"));
        }
        return out;
    }

    /** For staff: the z-scores behind the reasons (the method's own mean and SD), behind a details control. */
    private static DomContent zDetails(Viewer v, ResultView view, Entry e) {
        if (e.drivers().isEmpty()) {
            return text("");
        }
        Texts t = v.texts();
        return details(summary(t.get("attention.zDetails")),
                ul(each(e.drivers(), d -> li(view.catalog().indicator(d.indicatorId()).map(i -> i.name(v.lang())).orElse(d.indicatorId())
                        + " (" + t.get(ComponentStat.STATUS.equals(d.component()) ? "attention.zStatus" : "attention.zDynamics")
                        + "): z = " + t.number(d.z(), 2)))))
                .withClass("z-details");
    }

    /** Why an area needs attention, in plain words with figures (the area profile's list); empty when none is shown. */
    static List<String> reasonsOf(Viewer v, ResultView view, String areaCode) {
        AreaClasses c = view.classes(areaCode).orElse(null);
        AreaInfo area = view.area(areaCode).orElse(null);
        if (c == null || area == null) {
            return List.of();
        }
        return reasons(v, view, new Entry(area, c, null, List.of(), Drivers.of(view, areaCode)));
    }
}
