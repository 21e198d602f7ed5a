package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.ingest.PublishedClassesReader;
import de.sozialmonitor.model.PublishedClassComparison;
import de.sozialmonitor.view.PublishedClassComparisons;
import de.sozialmonitor.workspace.PublishedClassesSource;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.PrivacyConfig;
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
                        tbody(each(params, x -> x))).withClass("data-table stack parameters"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.method", body));
    }

    /** Every parameter of the release: its name, its value in words and numbers, and its key in sozialmonitor.yaml. */
    private static List<DomContent> parameters(Viewer v, ResultView view) {
        Texts t = v.texts();
        MethodConfig m = view.method();
        PrivacyConfig privacy = view.privacy();
        List<DomContent> rows = new ArrayList<>();
        rows.add(row(t, "analysisLevel", "method.analysis_level", text(view.analysisLevel() == null ? "–" : view.analysisLevel())));
        rows.add(row(t, "populationVariable", "method.population_variable",
                text(view.catalog().variable(m.populationVariable()).map(x -> x.label(v.lang())).orElse(m.populationVariable()))));
        rows.add(row(t, "minPopulation", "method.min_population", text(t.number(m.minPopulation(), 0))));
        rows.add(row(t, "statusIndicators", "method.status_indicators", weights(v, view, m.statusIndicators())));
        rows.add(row(t, "dynamicsIndicators", "method.dynamics_indicators", weights(v, view, m.dynamicsIndicators())));
        rows.add(row(t, "dynamicsYears", "method.dynamics_years", text(t.get("method.param.years", m.dynamicsYears()))));
        rows.add(row(t, "statusThresholds", "method.status_thresholds", text(t.get("method.param.statusBounds",
                t.signed(m.statusThresholds().high(), 1), t.signed(m.statusThresholds().low(), 1), t.signed(m.statusThresholds().veryLow(), 1)))));
        rows.add(row(t, "dynamicsThresholds", "method.dynamics_thresholds", text(t.get("method.param.dynamicsBounds",
                t.signed(m.dynamicsThresholds().positive(), 1), t.signed(m.dynamicsThresholds().negative(), 1)))));
        rows.add(row(t, "attentionRule", "method.attention_rule", text(t.getOr("method.param.rule." + m.attentionRule(), m.attentionRule()))));
        List<String> thresholds = new ArrayList<>();
        m.earlyWarningThresholds().forEach((id, value) -> {
            Indicator i = view.catalog().indicator(id).orElse(null);
            thresholds.add(i == null ? id + ": " + t.number(value, 1) : i.name(v.lang()) + ": " + t.number(value, i.precision()) + " " + i.unit());
        });
        rows.add(row(t, "earlyWarning", "method.early_warning", text(thresholds.isEmpty() ? "–" : String.join("; ", thresholds))));
        rows.add(row(t, "standardisation", "method.standardisation", text(t.getOr("method.param.sd." + m.standardisation(), m.standardisation()))));
        rows.add(row(t, "minCount", "privacy.min_count", text(t.number((double) privacy.minCount(), 0))));
        rows.add(row(t, "minPopulationForRates", "privacy.min_population_for_rates", text(t.number(privacy.minPopulationForRates(), 0))));
        return rows;
    }

    private static DomContent weights(Viewer v, ResultView view, Map<String, Double> weights) {
        Texts t = v.texts();
        return ul(each(new ArrayList<>(weights.entrySet()), e -> li(view.catalog().indicator(e.getKey()).map(i -> i.name(v.lang()))
                .orElse(e.getKey()) + " (" + t.get("method.param.weight", t.number(e.getValue(), e.getValue() % 1 == 0 ? 0 : 2)) + ")")))
                .withClass("plain-list");
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
            c = PublishedClassComparisons.of(view, PublishedClassesReader.read(web.workspace().root(), source));
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
