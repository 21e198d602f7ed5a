package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ReferenceView;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /kreisvergleich}: this county beside the counties whose packages were read
 * ({@code import package}) on one page — the county-level figures of every indicator, and the
 * method parameters side by side, with the parameters in which a county differs marked. Renders the
 * shown {@link ResultView} and its {@link ReferenceView}.
 */
final class CountyComparisonPage {
    private final WebServer.WebContext web;

    CountyComparisonPage(WebServer.WebContext web) {
        this.web = web;
    }

    void show(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        TextBundle st = MeasureSection.texts(v);
        Pages.Selection s = Pages.selection(web, ctx);
        String title = st.get("counties.title");
        DomContent content;
        if (s.empty()) {
            content = p(t.get("overview.noResults")).withClass("empty");
        } else {
            ReferenceView refs = web.views().references(s.view());
            content = refs.countyMethods().isEmpty() ? p(st.get("counties.none")).withClass("empty") : comparison(v, s.view(), refs);
        }
        ctx.html(Layout.page(web, v, ctx, title, "nav.method", div(h1(title), Layout.scopeNotice(v, s),
                p(st.get("counties.intro")), content)));
    }

    private static DomContent comparison(Viewer v, ResultView view, ReferenceView refs) {
        Texts t = v.texts();
        TextBundle st = MeasureSection.texts(v);
        int year = view.year();
        List<ReferenceView.CountyMethod> others = refs.countyMethods();
        AreaInfo root = view.root().orElse(null);
        String own = view.territory().name();
        List<Indicator> rows = new ArrayList<>();
        for (Indicator i : view.catalog().indicators()) {
            boolean ownValue = root != null && shown(view.rate(i.id(), root.code(), year));
            boolean otherValue = others.stream().anyMatch(o -> refs.value(i, o.source().regionCode(), year).isPresent());
            if (i.targetGroup().isTotal() && (ownValue || otherValue)) {
                rows.add(i);
            }
        }
        List<MethodPage.Parameter> ownMethod = MethodPage.parameters(v, MethodPage.MethodSide.of(view));
        List<List<MethodPage.Parameter>> otherMethods = others.stream().map(o -> MethodPage.parameters(v,
                new MethodPage.MethodSide(o.method(), o.catalog(), o.analysisLevel(), o.minCount(), o.minPopulationForRates()))).toList();
        return div(
                h2(st.get("counties.sources")),
                ul(each(others, o -> li(st.get("counties.source", refs.region(o.source().regionCode()).map(r -> r.name()).orElse(o.source().name()),
                        o.source().regionCode(), o.source().releaseNumber(), o.source().releaseTitle(), o.source().year(),
                        o.source().publishedOn(), o.source().checksum().length() > 12 ? o.source().checksum().substring(0, 12) : o.source().checksum())
                        + (o.source().synthetic() ? " " + st.get("counties.synthetic") : "")))),
                section(h2(st.get("counties.figures", year)).withId("zahlen"),
                        table(thead(tr(th(t.get("profile.indicator")).attr("scope", "col"),
                                        th(st.get("references.monitoring", own)).attr("scope", "col"),
                                        each(others, o -> th(o.source().name()).attr("scope", "col")))),
                                tbody(each(rows, i -> tr(
                                        th(text(i.name(v.lang())), span(" (" + i.unit() + ")").withClass("unit")).attr("scope", "row"),
                                        td(root == null ? "–" : Pages.cellText(t, view.rate(i.id(), root.code(), year), i.precision()))
                                                .withClass("num strong"),
                                        each(others, o -> td(ReferenceSection.cell(t, refs.value(i, o.source().regionCode(), year), i, year))
                                                .withClass("num"))))))
                                .withClass("data-table reference-table county-figures"),
                        p(st.get("counties.figuresNote")).withClass("hint")),
                section(h2(st.get("counties.method")).withId("methode"),
                        table(thead(tr(th(t.get("method.key")).attr("scope", "col"),
                                        th(own).attr("scope", "col"),
                                        each(others, o -> th(o.source().name()).attr("scope", "col")))),
                                tbody(each(indices(ownMethod.size()), k -> tr(
                                        th(t.get("method.param." + ownMethod.get(k).key())).attr("scope", "row"),
                                        td(ownMethod.get(k).value()),
                                        each(otherMethods, m -> {
                                            boolean differs = !m.get(k).text().equals(ownMethod.get(k).text());
                                            return td(m.get(k).value(), iff(differs, span(" " + st.get("counties.differs")).withClass("badge")))
                                                    .withCondClass(differs, "differs");
                                        })))))
                                .withClass("data-table parameters county-methods"),
                        p(st.get("counties.methodNote")).withClass("hint")));
    }

    private static boolean shown(Figure f) {
        return f != null && f.shown();
    }

    private static List<Integer> indices(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
