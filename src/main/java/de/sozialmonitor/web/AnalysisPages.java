package de.sozialmonitor.web;

import static j2html.TagCreator.a;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.ul;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.report.AbstimmungReport;
import de.sozialmonitor.report.AbstimmungService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;

/**
 * The staff area's analysis (Interner Bereich → Abstimmung und Klassensicherheit): the overview
 * chapters of the committee template (candidates with the heat map of their correlations, candidate
 * sets, sensitivity with the map of changing areas, class certainty with its map and the borderline
 * areas), and the whole template as HTML and PDF. The figures are those of {@code analyse} and of
 * {@code report --type abstimmung}: one computation ({@link AbstimmungService}).
 */
final class AnalysisPages {
    private static final String NAV = "nav.intern";

    private final WebServer.WebContext web;

    AnalysisPages(WebServer.WebContext web) {
        this.web = web;
    }

    void page(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        String title = t.get("analysis.title");
        if (web.workspace() == null) {
            ctx.html(Layout.page(web, v, ctx, title, NAV, h1(title), p(t.get("analyst.noWorkspace"))));
            return;
        }
        AbstimmungReport.Input in;
        try {
            in = gather(ctx, t.language());
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.OK).html(Layout.page(web, v, ctx, title, NAV, h1(title), p(t.get("analysis.none", e.getMessage()))));
            return;
        }
        String year = String.valueOf(in.indicators().year());
        ctx.html(Layout.page(web, v, ctx, title, NAV, div(
                h1(title),
                p(t.get("analysis.intro", year, in.indicators().level())),
                ul(li(a(t.get("analysis.pdf")).withHref("/intern/analyse/abstimmung.pdf?jahr=" + year)),
                        li(a(t.get("analysis.html")).withHref("/intern/analyse/abstimmung.html?jahr=" + year))),
                p(t.get("analysis.cli")).withClass("hint"),
                div(rawHtml(AbstimmungReport.overviewSections(in))).withClass("analysis-report"))));
    }

    void pdf(Context ctx) {
        AbstimmungReport.Input in = gather(ctx, WebServer.viewer(ctx).texts().language());
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"abstimmung-" + in.indicators().year() + ".pdf\"");
        ctx.result(AbstimmungService.pdf(in));
    }

    void html(Context ctx) {
        AbstimmungReport.Input in = gather(ctx, WebServer.viewer(ctx).texts().language());
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(AbstimmungReport.html(in).getBytes(StandardCharsets.UTF_8));
    }

    private AbstimmungReport.Input gather(Context ctx, String language) {
        String param = ctx.queryParam("jahr");
        Integer year = param != null && param.matches("\\d{4}") ? Integer.valueOf(param) : null;
        return AbstimmungService.gather(web.workspace(), web.db(), year, language, Certainty.Options.defaults());
    }
}
