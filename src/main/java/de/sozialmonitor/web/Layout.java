package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import io.javalin.http.Context;
import j2html.Config;
import j2html.rendering.FlatHtml;
import j2html.tags.DomContent;
import j2html.tags.specialized.HtmlTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page frame every HTML page shares: language, skip link, header with navigation, the demo
 * banner of synthetic workspaces or the source of real data ({@code source}), the scope notice, footer. j2html escapes every text and
 * attribute value, so names from data files cannot inject markup.
 */
final class Layout {
    private Layout() {
    }

    static String page(WebServer.WebContext web, Viewer viewer, Context ctx, String title, String navKey, DomContent... content) {
        Texts t = viewer.texts();
        String territory = web.config().territoryName();
        return render(html(
                head(
                        meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title(title + " – " + t.get("app.name") + " " + territory),
                        link().withRel("stylesheet").withHref("/webjars/leaflet/1.9.4/dist/leaflet.css"),
                        link().withRel("stylesheet").withHref("/static/app.css"),
                        script().withSrc("/webjars/leaflet/1.9.4/dist/leaflet.js").attr("defer"),
                        script().withSrc("/static/app.js").attr("defer")),
                body(
                        a(t.get("nav.skip")).withHref("#main").withClass("skip-link"),
                        header(
                                iff(web.config().synthetic(), div(strong(t.get("demo.banner")), text(" " + t.get("demo.explain")))
                                        .withClass("demo-banner").attr("role", "note")),
                                iff(!web.config().source().isEmpty(), div(strong(t.get("source.banner")), text(" " + web.config().source()))
                                        .withClass("source-banner").attr("role", "note")),
                                div(
                                        a(span(t.get("app.name")).withClass("brand-name"), span(territory).withClass("brand-territory"))
                                                .withHref("/").withClass("brand"),
                                        nav(ul(
                                                navItem(t, "/", "nav.overview", navKey),
                                                navItem(t, "/aufmerksamkeit", "nav.attention", navKey),
                                                navItem(t, "/indikatoren", "nav.indicators", navKey),
                                                navItem(t, "/vergleich", "nav.compare", navKey),
                                                navItem(t, "/methode", "nav.method", navKey),
                                                navItem(t, "/daten", "nav.api", navKey),
                                                iff(viewer.loggedIn(), navItem(t, "/intern", "nav.intern", navKey))))
                                                .attr("aria-label", t.get("nav.label")),
                                        div(
                                                languageSwitch(viewer, ctx),
                                                viewer.loggedIn()
                                                        ? form(span(viewer.username() + " (" + t.get("role." + viewer.role().code()) + ")").withClass("who"),
                                                        csrf(viewer), button(t.get("nav.logout")).withType("submit").withClass("link-button"))
                                                        .withMethod("post").withAction("/logout").withClass("logout")
                                                        : a(t.get("nav.login")).withHref("/login"))
                                                .withClass("tools"))
                                        .withClass("header-inner"))
                                .withClass("site-header"),
                        main(content).withId("main").attr("tabindex", "-1"),
                        footer(
                                p(text(t.get("footer.text", territory)), text(" · "), a(t.get("nav.method")).withHref("/methode"),
                                        text(" · "), a(t.get("footer.opendata")).withHref("/daten")),
                                iff(web.config().synthetic(), p(t.get("demo.footer"))),
                                iff(!web.config().source().isEmpty(), p(t.get("source.footer", web.config().source()))))
                                .withClass("site-footer"),
                        Glossary.popovers(t))
        ).withLang(viewer.lang()));
    }

    /** Room for a typical page (a profile page has about 40,000 characters). */
    private static final int PAGE_CHARS = 64 * 1024;

    /**
     * The page as text, as {@code TagCreator.document} writes it, but into one builder with room
     * for a page: {@code document} renders into builders that start at 16 characters and grow by
     * copying, then joins them, a fifth of the rendering time of a profile page.
     */
    private static String render(HtmlTag page) {
        StringBuilder out = new StringBuilder(PAGE_CHARS);
        try {
            FlatHtml<StringBuilder> html = FlatHtml.into(out, Config.global());
            document().render(html);
            page.render(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    private static DomContent navItem(Texts t, String href, String key, String current) {
        var link = a(t.get(key)).withHref(href);
        if (key.equals(current)) {
            link.attr("aria-current", "page");
        }
        return li(link);
    }

    private static DomContent languageSwitch(Viewer viewer, Context ctx) {
        String other = "de".equals(viewer.lang()) ? "en" : "de";
        String query = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)lang=[^&]*", "");
        query = query.startsWith("&") ? query.substring(1) : query;
        String href = ctx.path() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + other;
        return a("de".equals(other) ? "Deutsch" : "English").withHref(href).attr("lang", other).attr("hreflang", other)
                .withClass("lang-switch");
    }

    static DomContent csrf(Viewer viewer) {
        return input().withType("hidden").withName("_csrf").withValue(viewer.csrfToken() == null ? "" : viewer.csrfToken());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The notice that says which results the page shows: a published release or internal results. */
    static DomContent scopeNotice(Viewer viewer, Pages.Selection s) {
        Texts t = viewer.texts();
        if (s.view() != null && s.view().source().releaseNumber() != null) {
            return p(t.get("scope.release", s.view().source().releaseNumber())).withClass("scope scope-public");
        }
        if (!viewer.loggedIn()) {
            return p(t.get("scope.nothingPublished")).withClass("scope");
        }
        return p(strong(t.get("scope.internalTitle")), text(" " + t.get("scope.internal"))).withClass("scope scope-internal");
    }

    static String errorPage(WebServer.WebContext web, Viewer viewer, Context ctx, int status, String detail) {
        Texts t = viewer.texts();
        String title = t.getOr("error." + status, t.get("error.other", status));
        return page(web, viewer, ctx, title, "",
                h1(title),
                iff(detail != null && !detail.isBlank(), p(detail == null ? "" : ServerPaths.hide(detail))),
                p(a(t.get("error.home")).withHref("/")));
    }
}
