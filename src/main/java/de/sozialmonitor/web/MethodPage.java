package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;

/**
 * The method page: the method of the shown release in plain language, generated from its stored
 * parameters, and those parameters in full.
 */
final class MethodPage {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        List<DomContent> params = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        if (view != null) {
            flatten("", JSON.valueToTree(view.method()), params);
            prose.addAll(MethodProse.paragraphs(new MethodProse.Parameters(view.year(), view.method(),
                    view.catalog().indicators().stream()
                            .map(i -> new MethodProse.IndicatorRef(i.id(), i.name(v.lang()), i.polarity() == Polarity.HIGHER_IS_BETTER))
                            .toList(),
                    view.analysisLevel(), view.privacy().minCount(), view.privacy().minPopulationForRates()), t.locale()));
        }
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s),
                each(List.of("method.p1", "method.p2"), k -> p(t.get(k))),
                h2(view != null && view.source().releaseNumber() != null
                        ? t.get("method.howComputed.release", view.source().releaseNumber(), view.year())
                        : t.get("method.howComputed.internal", s.year())),
                prose.isEmpty() ? p(t.get("method.noParameters")) : div(each(prose, x -> p(x))).withClass("method-prose"),
                h2(t.get("method.attentionIndicators")),
                ul(each(view == null ? List.<de.sozialmonitor.model.Indicator>of() : view.attentionIndicators(),
                        i -> li(a(i.name(v.lang())).withHref("/indikator/" + Layout.enc(i.id()))))),
                p(t.get("method.p5")),
                h2(t.get("method.parameters", s.year())),
                params.isEmpty() ? p(t.get("method.noParameters"))
                        : table(thead(tr(th(t.get("method.key")).attr("scope", "col"), th(t.get("method.value")).attr("scope", "col"))),
                        tbody(each(params, x -> x))).withClass("data-table"));
        ctx.html(Layout.page(web, v, ctx, title, "nav.method", body));
    }

    private static void flatten(String prefix, JsonNode node, List<DomContent> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
            for (int k = 0; k < node.size(); k++) {
                flatten(prefix + "[" + k + "]", node.get(k), rows);
            }
        } else {
            rows.add(tr(td(code(prefix)), td(node.isTextual() ? node.asText() : node.toString())));
        }
    }
}
