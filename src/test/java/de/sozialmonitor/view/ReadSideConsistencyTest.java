package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.sozialmonitor.demo.DemoBuild;
import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.report.ReportPdf;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.web.WebServer;
import de.sozialmonitor.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One release, one truth, on the demo's published releases: for every area of the analysis level
 * and every attention indicator, the release's own protected table, the profile page, the overview
 * table, the map data, the JSON API, the OGC items, the CSV and XLSX downloads and the committee
 * report show the same figure (each in its format), the same class in the same colour, and the same
 * "why".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideConsistencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Workspace ws;
    private Database db;
    private WebServer server;
    private ResultViews views;
    private ResultView view;
    private HttpClient http;
    private String level;

    @BeforeAll
    void buildTheDemo() throws Exception {
        DemoBuild.Result demo = DemoBuild.run(Files.createTempDirectory("consistency").resolve("demo"), 1, s -> { });
        assertThat(demo.complete()).isTrue();
        ws = demo.workspace();
        db = ws.openDatabase();
        server = new WebServer(ws, db).start(0);
        views = ResultViews.of(db.jdbi(), ws.config());
        view = views.latestPublished().orElseThrow();
        level = view.analysisLevel();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    void stop() {
        server.close();
        db.close();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private byte[] bytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private List<AreaInfo> areas() {
        return view.areasOn(level);
    }

    private List<Indicator> indicators() {
        return view.attentionIndicators();
    }

    private static String german(double v, int decimals) {
        return new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", DecimalFormatSymbols.getInstance(Locale.GERMAN))
                .format(v);
    }

    /** What a German page or the report prints for a figure. */
    private static String printed(Figure f, int decimals) {
        return f.shown() ? german(f.value(), decimals) : f.symbol();
    }

    @Test
    void theViewHoldsExactlyTheReleasesProtectedTable() {
        // the public view's figures are the release download's, row for row
        List<PublishedRow> rows = new ReleaseRepository(db.jdbi()).publishedRows(view.source().releaseNumber()).orElseThrow();
        int rates = 0;
        for (PublishedRow r : rows) {
            if (!PublishedRow.RATE.equals(r.kind()) || !r.targetGroup().equals(view.catalog().indicator(r.measure())
                    .map(i -> i.targetGroup().key()).orElse(""))) {
                continue;
            }
            Figure f = view.rate(r.measure(), r.areaCode(), r.year());
            assertThat(f.shown()).as(r.toString()).isEqualTo(r.isPublished());
            if (r.isPublished()) {
                assertThat(f.value()).as(r.toString()).isEqualTo(Double.valueOf(r.value()));
            } else {
                assertThat(f.symbol()).isEqualTo(r.symbol());
            }
            rates++;
        }
        assertThat(rates).isGreaterThan(500);
        // indicators restricted to a target group (unemployment of women) have figures like every other
        view.catalog().indicators().stream().filter(i -> !i.targetGroup().isTotal()).forEach(i ->
                assertThat(view.hasFigures(i.id(), view.year())).as(i.id()).isTrue());
    }

    @Test
    void jsonApiOgcItemsAndMapDataShowTheViewsFiguresClassesAndColours() throws Exception {
        String q = "level=" + URLEncoder.encode(level, StandardCharsets.UTF_8) + "&year=" + view.year();
        Map<String, JsonNode> api = new HashMap<>();
        JSON.readTree(get("/api/v1/areas?" + q)).path("areas").forEach(a -> api.put(a.path("code").asText(), a));
        Map<String, JsonNode> ogc = new HashMap<>();
        JSON.readTree(get("/ogc/collections/" + level.toLowerCase(Locale.ROOT) + "/items?limit=1000&year=" + view.year()))
                .path("features").forEach(f -> ogc.put(f.path("id").asText(), f.path("properties")));
        Map<String, String> fills = new HashMap<>();
        JSON.readTree(get("/api/v1/map?" + q + "&show=status")).path("features")
                .forEach(f -> fills.put(f.path("id").asText(), f.path("properties").path("fill").asText()));
        Choropleth.Shading status = Choropleth.shade(view, areas().stream().map(AreaInfo::code).toList(), view.year(),
                Choropleth.Mode.STATUS, Locale.GERMAN);
        assertThat(fills.size()).isGreaterThan(areas().size() / 2);
        for (AreaInfo a : areas()) {
            AreaClasses c = view.classes(a.code()).orElse(null);
            String statusClass = c == null || c.statusClass() == null ? null : c.statusClass().code();
            assertThat(text(api.get(a.code()).path("status_class"))).as(a.code()).isEqualTo(statusClass);
            assertThat(text(ogc.get(a.code()).path("status_class"))).as(a.code()).isEqualTo(statusClass);
            // the map draws the areas that have a geometry
            if (fills.containsKey(a.code())) {
                assertThat(fills.get(a.code())).as(a.code()).isEqualTo(status.colour(a.code()));
            }
            if (statusClass != null) {
                assertThat(status.colour(a.code())).isEqualTo(Choropleth.STATUS_COLOURS.get(c.statusClass()));
            }
            for (Indicator i : indicators()) {
                Figure f = view.rate(i.id(), a.code(), view.year());
                JsonNode value = api.get(a.code()).path("values").path(i.id()).path("value");
                assertThat(value.isNull() ? null : value.asDouble()).as(a.code() + " " + i.id()).isEqualTo(f.value());
                JsonNode item = ogc.get(a.code()).path(i.id());
                assertThat(item.isNull() ? null : item.asDouble()).as(a.code() + " " + i.id()).isEqualTo(f.value());
            }
        }
    }

    @Test
    void csvAndXlsxDownloadsHoldTheViewsFigures() throws Exception {
        String q = "level=" + URLEncoder.encode(level, StandardCharsets.UTF_8) + "&year=" + view.year();
        Map<String, NamedCsvRecord> csv = new HashMap<>();
        String body = get("/download/gebiete.csv?" + q + "&format=intl");
        String data = body.lines().filter(l -> !l.startsWith("#")).reduce((x, y) -> x + "\n" + y).orElse("");
        List<String> columns = new ArrayList<>();
        CsvReader.builder().fieldSeparator(',').ofNamedCsvRecord(data).forEach(r -> {
            if (columns.isEmpty()) {
                columns.addAll(r.getHeader());
            }
            csv.put(r.getField("area_code"), r);
        });
        Map<String, Map<String, String>> xlsx = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes("/download/gebiete.xlsx?" + q)))) {
            // the workbook's header row is in words for people, in the same column order as the CSV's keys
            List<String> header = new ArrayList<>();
            boolean[] first = {true};
            wb.getFirstSheet().openStream().forEach(row -> {
                if (first[0]) {
                    first[0] = false;
                    assertThat(row.getCellCount()).isEqualTo(columns.size());
                    header.addAll(columns);
                    return;
                }
                Map<String, String> m = new HashMap<>();
                for (int k = 0; k < header.size(); k++) {
                    m.put(header.get(k), row.getCellRawValue(k).orElse(""));
                }
                xlsx.put(m.get("area_code"), m);
            });
        }
        for (AreaInfo a : areas()) {
            AreaClasses c = view.classes(a.code()).orElse(null);
            String statusClass = c == null || c.statusClass() == null ? "" : c.statusClass().code();
            assertThat(csv.get(a.code()).getField("status_class")).as(a.code()).isEqualTo(statusClass);
            // the workbook names the class in words ("sehr niedrig" for sehr_niedrig)
            assertThat(xlsx.get(a.code()).get("status_class").replace(' ', '_')).as(a.code()).isEqualTo(statusClass);
            for (Indicator i : indicators()) {
                Figure f = view.rate(i.id(), a.code(), view.year());
                String expected = f.shown() ? "" : f.withheld() ? f.symbol() : "";
                if (f.shown()) {
                    assertThat(Double.parseDouble(csv.get(a.code()).getField(i.id()))).as(a.code() + " " + i.id()).isEqualTo(f.value());
                    assertThat(Double.parseDouble(xlsx.get(a.code()).get(i.id()))).as(a.code() + " " + i.id()).isEqualTo(f.value());
                } else {
                    assertThat(csv.get(a.code()).getField(i.id())).as(a.code() + " " + i.id()).isEqualTo(expected);
                    assertThat(xlsx.get(a.code()).get(i.id())).as(a.code() + " " + i.id()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void overviewTableAndProfilePagesPrintTheViewsFiguresAndClasses() throws Exception {
        String html = get("/?level=" + URLEncoder.encode(level, StandardCharsets.UTF_8) + "&year=" + view.year());
        for (AreaInfo a : areas()) {
            String row = row(html, a.code());
            List<String> cells = numbers(row);
            List<Indicator> columns = indicators();
            assertThat(cells).as(a.code()).hasSize(columns.size());
            for (int k = 0; k < columns.size(); k++) {
                Indicator i = columns.get(k);
                assertThat(cells.get(k)).as(a.code() + " " + i.id()).isEqualTo(printed(view.rate(i.id(), a.code(), view.year()), i.precision()));
            }
            view.classes(a.code()).filter(c -> c.statusClass() != null)
                    .ifPresent(c -> assertThat(row).contains("badge status-" + c.statusClass().code()));

            String profile = get("/gebiet/" + a.code() + "?year=" + view.year());
            for (Indicator i : indicators()) {
                Matcher m = Pattern.compile("href=\"/indikator/" + i.id() + "\\?year=" + view.year() + "\".*?<td class=\"num strong\"[^>]*>([^<]*)</td>")
                        .matcher(profile);
                assertThat(m.find()).as(a.code() + " " + i.id()).isTrue();
                assertThat(m.group(1)).as(a.code() + " " + i.id()).isEqualTo(printed(view.rate(i.id(), a.code(), view.year()), i.precision()));
            }
            view.classes(a.code()).filter(c -> c.statusClass() != null)
                    .ifPresent(c -> assertThat(profile).contains("badge status-" + c.statusClass().code()));
        }
    }

    @Test
    void theAttentionListTheProfilesTheApiAndTheReportGiveTheSameWhy() throws Exception {
        String attention = get("/aufmerksamkeit");
        ReportModel report = new ReportModelBuilder(views, ReportModelBuilder.Context.of(ws))
                .build(view.source().releaseNumber(), new ReportModel.Options("de", false, false));
        Map<String, List<String>> reportWhy = new HashMap<>();
        report.attention().forEach(e -> reportWhy.put(e.area().code(), e.drivers().stream().map(de.sozialmonitor.view.Drivers.Driver::indicatorId).toList()));
        int explained = 0;
        for (AreaInfo a : areas()) {
            if (!view.classes(a.code()).map(AreaClasses::attention).orElse(false)) {
                continue;
            }
            List<Drivers.Driver> why = Drivers.of(view, a.code());
            List<String> ids = why.stream().map(Drivers.Driver::indicatorId).toList();
            assertThat(reportWhy.get(a.code())).as(a.code()).isEqualTo(ids);
            List<String> api = new ArrayList<>();
            JSON.readTree(get("/api/v1/areas/" + a.code() + "?year=" + view.year())).path("why").forEach(d -> api.add(d.path("indicator").asText()));
            assertThat(api).as(a.code()).isEqualTo(ids);
            // the public reads the reasons in words with the area's figure: one per driver whose figure is shown, in order
            List<String> reasons = new ArrayList<>();
            for (Drivers.Driver d : why) {
                Indicator i = view.catalog().indicator(d.indicatorId()).orElseThrow();
                boolean status = ComponentStat.STATUS.equals(d.component());
                Figure own = status ? view.rate(i.id(), a.code(), view.year()) : view.change(i.id(), a.code(), view.year());
                if (own.shown()) {
                    reasons.add(i.name("de") + ": " + (status ? german(own.value(), i.precision()) + " " + i.unit() : ""));
                }
            }
            List<String> listed = reasonsListed(card(attention, a.code()));
            List<String> profiled = reasonsListed(get("/gebiet/" + a.code() + "?year=" + view.year()));
            assertThat(listed).as(a.code()).hasSameSizeAs(reasons);
            assertThat(profiled).as(a.code()).isEqualTo(listed);
            for (int k = 0; k < reasons.size(); k++) {
                assertThat(listed.get(k)).as(a.code()).startsWith(reasons.get(k));
                explained++;
            }
            // a z-score is never given for a withheld figure
            why.stream().filter(d -> ComponentStat.STATUS.equals(d.component()))
                    .forEach(d -> assertThat(view.rate(d.indicatorId(), a.code(), view.year()).shown()).isTrue());
        }
        assertThat(explained).isPositive();
    }

    @Test
    void theCommitteeReportPrintsTheViewsFiguresClassesAndColours() throws Exception {
        ReportModel report = new ReportModelBuilder(views, ReportModelBuilder.Context.of(ws))
                .build(view.source().releaseNumber(), new ReportModel.Options("de", false, false));
        String text;
        try (var pdf = Loader.loadPDF(ReportPdf.render(report))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        Choropleth.Shading status = Choropleth.shade(view, areas().stream().map(AreaInfo::code).toList(), view.year(),
                Choropleth.Mode.STATUS, Locale.GERMAN);
        assertThat(report.map().shadings().get("status").colours()).isEqualTo(status.colours());
        // the printed status map fills each area with its class's colour: as many areas per colour as on the web map
        String svg = de.sozialmonitor.report.ReportHtml.statusMapSvg().apply(report);
        String areaGroup = svg.substring(svg.indexOf("<g fill-rule=\"evenodd\">"), svg.indexOf("</g>", svg.indexOf("<g fill-rule=\"evenodd\">")));
        Map<String, Integer> printedFills = new HashMap<>();
        Matcher fill = Pattern.compile("<path d=\"[^\"]*\" fill=\"(#[0-9a-fA-F]{6})\" stroke=\"#ffffff\"").matcher(areaGroup);
        while (fill.find()) {
            printedFills.merge(fill.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, Integer> webFills = new HashMap<>();
        areas().stream().filter(a -> report.map().areas().containsKey(a.code()) && status.hasValue(a.code()))
                .forEach(a -> webFills.merge(status.colour(a.code()).toLowerCase(Locale.ROOT), 1, Integer::sum));
        assertThat(printedFills).isEqualTo(webFills).isNotEmpty();
        int rows = 0;
        for (AreaInfo a : areas()) {
            // the table of the attention indicators: the area's name, then its seven figures
            StringBuilder expected = new StringBuilder(a.name());
            for (Indicator i : indicators()) {
                Figure f = view.rate(i.id(), a.code(), view.year());
                expected.append(' ').append(f.shown() ? german(f.value(), i.precision()).replace('-', '−') : f.symbol());
            }
            assertThat(text).as(a.code()).contains(expected.toString());
            rows++;
        }
        assertThat(rows).isEqualTo(areas().size());
    }

    @Test
    void everyPublishedReleaseShowsTheSameOnTheAttentionListAndInItsReport() throws Exception {
        for (var info : views.publishedReleases()) {
            ResultView release = views.published(info.number()).orElseThrow();
            String attention = get("/aufmerksamkeit?berichtsstand=" + info.number());
            ReportModel report = new ReportModelBuilder(views, ReportModelBuilder.Context.of(ws))
                    .build(info.number(), new ReportModel.Options("de", false, false));
            for (ReportModel.AttentionEntry e : report.attention()) {
                assertThat(card(attention, e.area().code())).contains("badge status-" + e.area().statusClass().code());
                assertThat(e.drivers().stream().map(de.sozialmonitor.view.Drivers.Driver::indicatorId).toList())
                        .isEqualTo(Drivers.of(release, e.area().code()).stream().map(Drivers.Driver::indicatorId).toList());
            }
            long flagged = release.areasOn(release.analysisLevel()).stream()
                    .filter(a -> release.classes(a.code()).map(AreaClasses::attention).orElse(false)).count();
            assertThat(report.attention()).hasSize((int) flagged);
            assertThat(flagged).isPositive();
        }
    }

    private static String row(String html, String code) {
        int at = html.indexOf("href=\"/gebiet/" + code + "?");
        assertThat(at).as("row of %s", code).isPositive();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    /** The attention list's card of an area. */
    private static String card(String html, String code) {
        int at = html.indexOf("href=\"/gebiet/" + code + "?");
        assertThat(at).as("card of %s", code).isPositive();
        int end = html.indexOf("class=\"attention-card\"", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    /** The reasons (list {@code reasons}) of a card or an area profile, as text. */
    private static List<String> reasonsListed(String html) {
        int at = html.indexOf("class=\"reasons\"");
        if (at < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<li>([^<]*)</li>").matcher(html.substring(at, html.indexOf("</ul>", at)));
        while (m.find()) {
            out.add(m.group(1).replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return out;
    }

    private static List<String> numbers(String row) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"num\"[^>]*>([^<]*)</td>").matcher(row);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
