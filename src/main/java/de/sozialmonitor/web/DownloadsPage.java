package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.ReleaseRepository.ReleaseInfo;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Data and interfaces: every download in one place with its format, size and licence (the tables
 * of the overview for each level, the complete release downloads with their columns explained,
 * profiles and comparisons), then the JSON API and OGC API – Features.
 */
final class DownloadsPage {
    /** The licence named when the workspace names none. */
    static final String DEFAULT_LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)";
    static final String DEFAULT_LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0";

    private final WebServer.WebContext web;
    private final Api api;
    /** Sizes of the release downloads: release files never change once written. */
    private final java.util.Map<String, Long> releaseSizes = new java.util.concurrent.ConcurrentHashMap<>();

    DownloadsPage(WebServer.WebContext web, Api api) {
        this.web = web;
        this.api = api;
    }

    /** {@code web.licence} of sozialmonitor.yaml, else the Datenlizenz Deutschland – Namensnennung 2.0. */
    static String licence(WebServer.WebContext web) {
        String configured = web.config().raw() == null ? "" : web.config().raw().get("web").get("licence").string("");
        return configured.isBlank() ? DEFAULT_LICENCE : configured;
    }

    void page(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        Texts t = v.texts();
        Pages.Selection s = Pages.selection(web, ctx);
        String title = t.get("data.title");
        String licence = licence(web);
        List<DomContent> parts = new ArrayList<>();
        parts.add(h1(title));
        parts.add(Layout.scopeNotice(v, s));
        parts.add(p(t.get("data.intro")).withClass("lead"));
        parts.add(p(strong(t.get("data.licence") + ": "),
                licence.equals(DEFAULT_LICENCE) ? a(licence).withHref(DEFAULT_LICENCE_URL) : text(licence),
                text(" " + t.get("data.licenceNote"))).withClass("licence"));
        if (!s.empty()) {
            parts.add(tables(t, s));
        }
        parts.add(releases(t, s));
        parts.add(section(h2(t.get("data.more")).withId("steckbriefe"), p(t.get("data.moreText"))));
        parts.add(interfaces(t));
        ctx.html(Layout.page(web, v, ctx, title, "nav.api", each(parts, x -> x)));
    }

    /** The overview table of every level in every format, with its size. */
    private DomContent tables(Texts t, Pages.Selection s) {
        List<TableDownload.Format> formats = List.of(TableDownload.Format.CSV_DE, TableDownload.Format.CSV_INTL, TableDownload.Format.XLSX);
        List<DomContent> rows = new ArrayList<>();
        List<ResultView.Level> levels = new ArrayList<>(s.levels());
        levels.sort(Comparator.comparingInt(ResultView.Level::depth).reversed());
        for (ResultView.Level level : levels) {
            Pages.Selection at = s.withLevel(level.name());
            TableDownload table = api.overviewTable(at, t);
            String query = "level=" + Layout.enc(level.name()) + "&" + at.q();
            List<DomContent> cells = new ArrayList<>();
            for (TableDownload.Format f : formats) {
                String href = (f == TableDownload.Format.XLSX ? "/download/gebiete.xlsx?" : "/download/gebiete.csv?") + query
                        + (f == TableDownload.Format.CSV_INTL ? "&format=intl" : f == TableDownload.Format.CSV_DE ? "&format=de" : "");
                cells.add(td(a(t.get("data.format." + f.name().toLowerCase(Locale.ROOT))).withHref(href).attr("download", ""),
                        span(" " + size(t, table.bytes(f, t).length)).withClass("size"))
                        .attr("data-label", t.get("data.format." + f.name().toLowerCase(Locale.ROOT))));
            }
            byte[] geojson = api.geojsonBytes(at, t);
            cells.add(td(a(t.get("data.format.geojson")).withHref("/download/gebiete.geojson?" + query).attr("download", ""),
                    span(" " + size(t, geojson.length)).withClass("size")).attr("data-label", t.get("data.format.geojson")));
            rows.add(tr(th(t.get("data.tableRow", level.name(), at.view().areasOn(level.name()).size(), s.year())).attr("scope", "row"), each(cells, c -> c)));
        }
        return section(h2(t.get("data.tables")).withId("tabellen"),
                p(t.get("data.tablesText")),
                table(thead(tr(th(t.get("data.content")).attr("scope", "col"),
                                th(t.get("data.format.csv_de")).attr("scope", "col"), th(t.get("data.format.csv_intl")).attr("scope", "col"),
                                th(t.get("data.format.xlsx")).attr("scope", "col"), th(t.get("data.format.geojson")).attr("scope", "col"))),
                        tbody(each(rows, r -> r))).withClass("data-table stack downloads-table"),
                ul(li(t.get("data.csvDeText")), li(t.get("data.csvIntlText")), li(t.get("data.xlsxText")), li(t.get("data.geojsonText")))
                        .withClass("hint"));
    }

    /** The complete downloads of every published release, newest first, and what their columns mean. */
    private DomContent releases(Texts t, Pages.Selection s) {
        List<ReleaseInfo> published = new ArrayList<>(web.views().publishedReleases());
        published.sort(Comparator.comparingInt(ReleaseInfo::year).thenComparingInt(ReleaseInfo::number).reversed());
        List<DomContent> rows = new ArrayList<>();
        for (ReleaseInfo r : published) {
            List<DomContent> cells = new ArrayList<>();
            for (ReleaseDownload.Format f : List.of(ReleaseDownload.Format.CSV, ReleaseDownload.Format.JSON)) {
                long bytes = releaseSizes.computeIfAbsent(r.number() + "." + f.extension(), k -> web.guards().releaseFiles()
                        .published(r.number(), f).map(DownloadsPage::fileSize).orElse(-1L));
                String label = t.get("data.release." + f.extension());
                cells.add(td(bytes < 0 ? text("–") : span(a(label).withHref("/download/berichtsstand/" + r.number()
                                + (f == ReleaseDownload.Format.JSON ? "?format=json" : "")).attr("download", ""),
                        span(" " + size(t, bytes)).withClass("size"))).attr("data-label", label));
            }
            rows.add(tr(th(t.get("data.releaseRow", r.number(), r.year(), r.title() == null ? "" : r.title()))
                    .attr("scope", "row"), each(cells, c -> c)));
        }
        return section(h2(t.get("data.releases")).withId("berichtsstaende"),
                p(t.get("data.releasesText")),
                rows.isEmpty() ? p(t.get("data.noRelease")) : table(
                        thead(tr(th(t.get("data.release")).attr("scope", "col"), th(t.get("data.release.csv")).attr("scope", "col"),
                                th(t.get("data.release.json")).attr("scope", "col"))),
                        tbody(each(rows, r -> r))).withClass("data-table stack downloads-table"),
                h3(t.get("data.columns")),
                p(t.get("data.columnsText")),
                div(table(thead(tr(th(t.get("data.column")).attr("scope", "col"), th(t.get("data.meaning")).attr("scope", "col"))),
                        tbody(each(List.of("kind", "measure", "numerator", "denominator", "scale", "area_code", "area_name", "level",
                                "parent_code", "year", "base_year", "target_group", "value", "status", "symbol", "reason", "margin"),
                                c -> tr(td(code(c)), td(t.get("data.col." + c))))))
                        .withClass("data-table")).withClass("table-scroll").attr("tabindex", "0").attr("role", "region")
                        .attr("aria-label", t.get("data.columns")),
                p(t.get("data.symbols")).withClass("hint"));
    }

    private static DomContent interfaces(Texts t) {
        return section(h2(t.get("data.interfaces")).withId("schnittstellen"),
                p(t.get("api.intro")),
                h3(t.get("api.json")),
                ul(li(a("OpenAPI (JSON)").withHref("/api/v1/openapi.json")),
                        li(code("/api/v1/meta")), li(code("/api/v1/indicators")), li(code("/api/v1/areas?level=…&year=…")),
                        li(code("/api/v1/areas/{code}?year=…")), li(code("/api/v1/map?level=…&year=…&show=…&zoom=…"))),
                h3(t.get("api.ogc")),
                p(t.get("api.ogcIntro")),
                p(a(t.get("api.ogcLanding")).withHref("/ogc")));
    }

    private static long fileSize(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** A file size in kB or MB with one decimal where it helps, German or English digits. */
    static String size(Texts t, long bytes) {
        if (bytes < 1024) {
            return t.get("data.sizeBytes", bytes);
        }
        double kb = bytes / 1024.0;
        if (kb < 1024) {
            return t.get("data.sizeKb", t.number(kb, kb < 10 ? 1 : 0));
        }
        double mb = kb / 1024.0;
        return t.get("data.sizeMb", t.number(mb, mb < 10 ? 1 : 0));
    }
}
