package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import de.sozialmonitor.i18n.TextBundle;
import de.sozialmonitor.report.FundingDataSheet;
import de.sozialmonitor.store.BoundedWork;
import de.sozialmonitor.view.ResultView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import j2html.tags.DomContent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The data sheet for funding bids ({@link FundingDataSheet}) of an area, from a published release
 * only: the profile's buttons and the download behind them ({@code /download/datenblatt/CODE
 * ?release=N&format=pdf|xlsx}, {@code CODE} may be a comma-separated group of areas). Public: the
 * sheet holds nothing the release does not publish. Rendering a sheet takes tens of MB of heap, so
 * at most {@link #SLOTS} sheets are rendered at once ({@link BoundedWork}, as for password hashes);
 * a request that finds no slot within {@link #WAIT_MILLIS} is answered 503 with Retry-After.
 */
final class DataSheetDownload {
    /** Sheets rendered at once: enough to keep the cores busy, a small multiple of one rendering's heap at most. */
    static final int SLOTS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    static final long WAIT_MILLIS = 10_000;
    /** The one bound of the process, for every server it runs. */
    static final BoundedWork RENDERING = new BoundedWork("data sheet rendering", SLOTS, WAIT_MILLIS);

    private final WebServer.WebContext web;

    DataSheetDownload(WebServer.WebContext web) {
        this.web = web;
    }

    /** The published release a page's selection stands for: the shown one if published, else the newest published. */
    static Optional<Integer> publishedRelease(WebServer.WebContext web, Pages.Selection s) {
        ResultView view = s.view();
        if (view != null && view.source().releaseNumber() != null && view.source().published()) {
            return Optional.of(view.source().releaseNumber());
        }
        return web.views().latestPublished().map(x -> x.source().releaseNumber());
    }

    /** The profile's two buttons, or nothing while no release is published. */
    static DomContent links(WebServer.WebContext web, Viewer v, Pages.Selection s, String code) {
        Optional<Integer> number = publishedRelease(web, s);
        if (number.isEmpty()) {
            return text("");
        }
        TextBundle st = MeasureSection.texts(v);
        String href = "/download/datenblatt/" + Layout.enc(code) + "?release=" + number.get() + "&lang=" + v.lang() + "&format=";
        return div(h3(st.get("sheet.download")), p(st.get("sheet.downloadHint")).withClass("hint"),
                p(a("PDF").withHref(href + "pdf").attr("download", "").withClass("button"), text(" "),
                        a("XLSX").withHref(href + "xlsx").attr("download", "").withClass("button"))).withClass("data-sheet");
    }

    void download(Context ctx) {
        Viewer v = WebServer.viewer(ctx);
        List<String> codes = Arrays.stream(ctx.pathParam("code").split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("pdf");
        Integer number;
        try {
            number = ctx.queryParam("release") == null ? null : Integer.valueOf(ctx.queryParam("release"));
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            number = web.views().latestPublished().map(x -> x.source().releaseNumber()).orElse(null);
        }
        if (number == null || codes.isEmpty() || codes.size() > 50 || !format.equals("pdf") && !format.equals("xlsx")) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, v.texts().get("area.unknown"));
            return;
        }
        int release = number;
        byte[] sheet;
        try {
            // BoundedWork.Busy goes on to the server's 503 with Retry-After
            sheet = RENDERING.run(() -> {
                FundingDataSheet.Input in = FundingDataSheet.gather(web.views(), release, codes, v.lang());
                return format.equals("pdf") ? FundingDataSheet.pdf(in) : FundingDataSheet.xlsx(in);
            });
        } catch (IllegalArgumentException e) {
            WebServer.error(ctx, HttpStatus.NOT_FOUND, v.texts().get("area.unknown"));
            return;
        }
        String name = "datenblatt-" + String.join("-", codes).replaceAll("[^A-Za-z0-9-]", "_") + "-r" + number + "." + format;
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(format.equals("pdf") ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .result(sheet);
    }
}
