package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.sozialmonitor.method.MethodProse;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.store.ResultRepository;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Optional<MonitoringData.StoredMethod> stored = s.scope().isEmpty() ? Optional.empty() : web.data().method(s.scope(), s.year());
        List<DomContent> params = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        stored.ifPresent(m -> {
            try {
                flatten("", JSON.readTree(m.json()), params);
                prose.addAll(MethodProse.paragraphs(new MethodProse.Parameters(s.year(), ResultRepository.methodConfig(m.json()),
                        web.catalog().indicators().stream()
                                .map(i -> new MethodProse.IndicatorRef(i.id(), i.name(v.lang()), i.polarity() == Polarity.HIGHER_IS_BETTER))
                                .toList(),
                        m.analysisLevel(), web.config().privacy().minCount(), web.config().privacy().minPopulationForRates()),
                        t.locale()));
            } catch (Exception e) {
                prose.clear();
                params.clear();
                params.add(tr(td(t.get("method.unreadable")), td("")));
            }
        });
        DomContent body = div(
                h1(title),
                Layout.scopeNotice(v, s.scope()),
                each(List.of("method.p1", "method.p2"), k -> p(t.get(k))),
                h2(s.scope().releaseNumber() != null ? t.get("method.howComputed.release", s.scope().releaseNumber(), s.year())
                        : t.get("method.howComputed.internal", s.year())),
                prose.isEmpty() ? p(t.get("method.noParameters")) : div(each(prose, x -> p(x))).withClass("method-prose"),
                h2(t.get("method.attentionIndicators")),
                ul(each(web.catalog().indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).toList(),
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
