package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.ingest.PublishedClassesReader;
import de.sozialmonitor.model.PublishedClassComparison;
import de.sozialmonitor.view.PublishedClassComparisons;
import de.sozialmonitor.workspace.PublishedClassesSource;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The method page: the method of the shown release in plain language, generated from its stored
 * parameters; the terms Status, Dynamik and Aufmerksamkeitsbedarf; and every parameter by its name,
 * in the reader's number format, with the key it has in {@code sozialmonitor.yaml}.
 */
final class MethodPage {
    private final WebServer.WebContext web;

    MethodPage(WebServer.WebContext web) {
        this.web = web;
    }

    void method(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = Pages.selection(web, ctx);
        String title = t.get("method.title");
        // the parameters, catalog and disclosure rules frozen with the shown release, never the workspace's current ones
        ResultView view = s.view();
        List<String> prose = new ArrayList<>();
        if (view != null) {
            prose.addAll(MethodProse.paragraphs(new MethodProse.Parameters(view.year(), view.method(),
                    view.catalog().indicators().stream()
                            .map(i -> new MethodProse.IndicatorRef(i.id(), i.name(v.lang()), i.polarity() == Polarity.HIGHER_IS_BETTER))
                            .toList(),
                    view.analysisLevel(), view.privacy().minCount(), view.privacy().minPopulationForRates()), t.locale()));
        }
        List<DomContent> params = view == null ? List.of() : parameters(v, view);
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                each(List.of("method.p1", "method.p2"), k -> p(t.get(k))),
                section(h2(t.get("glossary.title")).withId("begriffe"), Glossary.list(t)),
                h2(view != null && view.source().releaseNumber() != null
                        ? t.get("method.howComputed.release", view.source().releaseNumber(), view.year())
                        : t.get("method.howComputed.internal", s.year())),
                prose.isEmpty() ? p(t.get("method.noParameters")) : div(each(prose, x -> p(x))).withClass("method-prose"),
                h2(t.get("method.attentionIndicators")),
                ul(each(view == null ? List.<Indicator>of() : view.attentionIndicators(),
                        i -> li(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()) + "?" + s.q())))),
                p(t.get("method.p5")),
                reference(t, view),
                h2(t.get("method.parameters", s.year())).withId("parameter"),
                params.isEmpty() ? p(t.get("method.noParameters"))
                        : table(thead(tr(th(t.get("method.key")).attr("scope", "col"), th(t.get("method.value")).attr("scope", "col"))),
                        tbody(each(params, x -> x))).withClass("data-table stack parameters"),
                iff(view != null && !web.views().references(view).countyMethods().isEmpty(),
                        p(a(MeasureSection.texts(v).get("counties.link")).withHref("/kreisvergleich?" + s.q()))));
        ctx.html(Layout.page(web, v, ctx, title, "nav.method", body));
    }

    /** The method of one county as its parameters are shown: this county's release, or another county's package. */
    record MethodSide(MethodConfig method, IndicatorCatalog catalog, String analysisLevel, int minCount, double minPopulationForRates) {
        static MethodSide of(ResultView view) {
            return new MethodSide(view.method(), view.catalog(), view.analysisLevel(), view.privacy().minCount(),
                    view.privacy().minPopulationForRates());
        }
    }

    /** One parameter: its text key, its key in sozialmonitor.yaml, its value for the page and as plain text (to compare). */
    record Parameter(String key, String yamlKey, DomContent value, String text) {
    }

    /** Every parameter of the release: its name, its value in words and numbers, and its key in sozialmonitor.yaml. */
    private static List<DomContent> parameters(Viewer v, ResultView view) {
        Texts t = v.texts();
        return parameters(v, MethodSide.of(view)).stream().map(p -> row(t, p.key(), p.yamlKey(), p.value())).toList();
    }

    static List<Parameter> parameters(Viewer v, MethodSide side) {
        Texts t = v.texts();
        MethodConfig m = side.method();
        List<Parameter> rows = new ArrayList<>();
        rows.add(plain("analysisLevel", "method.analysis_level", side.analysisLevel() == null ? "–" : side.analysisLevel()));
        rows.add(plain("populationVariable", "method.population_variable",
                side.catalog().variable(m.populationVariable()).map(x -> x.label(v.lang())).orElse(m.populationVariable())));
        rows.add(plain("minPopulation", "method.min_population", t.number(m.minPopulation(), 0)));
        rows.add(weights(v, side, "statusIndicators", "method.status_indicators", m.statusIndicators()));
        rows.add(weights(v, side, "dynamicsIndicators", "method.dynamics_indicators", m.dynamicsIndicators()));
        rows.add(plain("dynamicsYears", "method.dynamics_years", t.get("method.param.years", m.dynamicsYears())));
        rows.add(plain("statusThresholds", "method.status_thresholds", t.get("method.param.statusBounds",
                t.signed(m.statusThresholds().high(), 1), t.signed(m.statusThresholds().low(), 1), t.signed(m.statusThresholds().veryLow(), 1))));
        rows.add(plain("dynamicsThresholds", "method.dynamics_thresholds", t.get("method.param.dynamicsBounds",
                t.signed(m.dynamicsThresholds().positive(), 1), t.signed(m.dynamicsThresholds().negative(), 1))));
        rows.add(plain("attentionRule", "method.attention_rule", t.getOr("method.param.rule." + m.attentionRule(), m.attentionRule())));
        List<String> thresholds = new ArrayList<>();
        m.earlyWarningThresholds().forEach((id, value) -> {
            Indicator i = side.catalog().indicator(id).orElse(null);
            thresholds.add(i == null ? id + ": " + t.number(value, 1) : i.name(v.lang()) + ": " + t.number(value, i.precision()) + " " + i.unit());
        });
        rows.add(plain("earlyWarning", "method.early_warning", thresholds.isEmpty() ? "–" : String.join("; ", thresholds)));
        rows.add(plain("standardisation", "method.standardisation", t.getOr("method.param.sd." + m.standardisation(), m.standardisation())));
        rows.add(plain("minCount", "privacy.min_count", t.number((double) side.minCount(), 0)));
        rows.add(plain("minPopulationForRates", "privacy.min_population_for_rates", t.number(side.minPopulationForRates(), 0)));
        return rows;
    }

    private static Parameter plain(String key, String yamlKey, String value) {
        return new Parameter(key, yamlKey, text(value), value);
    }

    private static Parameter weights(Viewer v, MethodSide side, String key, String yamlKey, Map<String, Double> weights) {
        Texts t = v.texts();
        List<String> items = new ArrayList<>(weights.entrySet().stream().map(e -> side.catalog().indicator(e.getKey())
                .map(i -> i.name(v.lang())).orElse(e.getKey())
                + " (" + t.get("method.param.weight", t.number(e.getValue(), e.getValue() % 1 == 0 ? 0 : 2)) + ")").toList());
        return new Parameter(key, yamlKey, ul(each(items, x -> li(x))).withClass("plain-list"),
                String.join("; ", items.stream().sorted().toList()));
    }

    private static DomContent row(Texts t, String key, String yamlKey, DomContent value) {
        return tr(th(span(t.get("method.param." + key)), br(), code(yamlKey).withClass("yaml-key")).attr("scope", "row"),
                td(value).attr("data-label", t.get("method.value")));
    }

    /**
     * The shown release against the classification others published for its year ({@code published_classes}
     * in sozialmonitor.yaml): how many classes agree, and every difference with its index and the class
     * bound nearest to it. Nothing without such a classification.
     */
    private DomContent reference(Texts t, ResultView view) {
        PublishedClassesSource source = view == null ? null : web.config().publishedClasses().get(view.year());
        if (source == null) {
            return text("");
        }
        PublishedClassComparison c;
        try {
            c = PublishedClassComparisons.of(view, PublishedClassesReader.read(web.workspace().root(), source, t.locale()));
        } catch (RuntimeException e) {
            return div(h2(t.get("method.reference.title")), p(t.get("method.reference.unreadable", source.file())))
                    .withId("reproduktion");
        }
        return div(
                h2(t.get("method.reference.title")),
                p(t.get("method.reference.summary", c.reference(), c.areasAgreeing(), c.areas(), c.statusAgreeing(),
                        c.statusCompared(), c.dynamicsAgreeing(), c.dynamicsCompared())).withClass("reference-summary"),
                c.reproduced() ? p(t.get("method.reference.all"))
                        : table(thead(tr(each(List.of("method.reference.area", "method.reference.component", "method.reference.computed",
                                "method.reference.published", "method.reference.index", "method.reference.bound"),
                                k -> th(t.get(k)).attr("scope", "col")))),
                        tbody(each(c.differences(), d -> tr(td(d.areaCode() + (d.areaName() == null ? "" : " " + d.areaName())),
                                td(t.get("method.reference." + d.component())), td(String.valueOf(d.computed())),
                                td(String.valueOf(d.published())),
                                td(d.index() == null ? "–" : String.format(t.locale(), "%.4f", d.index())),
                                td(d.bound() == null ? "–" : String.format(t.locale(), "%+.1f", d.bound())))))).withClass("data-table"))
                .withId("reproduktion");
    }
}
