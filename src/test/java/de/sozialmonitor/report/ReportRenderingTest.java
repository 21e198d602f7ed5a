package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.BlockCodec;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ResultAreaStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Renders the report of the fixture release (Landkreis Peine shape, synthetic, imported, computed
 * and released the real way) and checks the printed text against the database, independently of
 * the model: the attention list and the area table against the stored area results, and the privacy
 * rule against the stored counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRenderingTest {
    private Database db;
    private Workspace ws;
    private ReportModelBuilder builder;
    private ReportModel model;
    private byte[] pdf;
    private String text;

    static ReportModelBuilder builder(Workspace ws, Database db) {
        return new ReportModelBuilder(ResultViews.of(db.jdbi(), ws.config()), new ReportModelBuilder.Context(null));
    }

    @BeforeAll
    void render() throws IOException {
        db = TestDatabases.h2();
        ws = ReportFixture.workspace(Files.createTempDirectory("report-fixture"));
        ReportFixture.create(ws, db, true);
        builder = builder(ws, db);
        model = builder.build(2, new ReportModel.Options("de", false, false));
        pdf = ReportPdf.render(model);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/report-fixture.html"), ReportHtml.render(model));
        Files.write(Path.of("target/report-fixture.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
    }

    @AfterAll
    void close() {
        db.close();
    }

    /** The stored area results of the result set release {@code number} was made from, ordered by area code. */
    private List<StoredArea> storedAreas(int number) {
        return db.jdbi().withHandle(h -> {
            long set = h.createQuery("SELECT result_set_id FROM release WHERE number = :n").bind("n", number).mapTo(Long.class).one();
            List<StoredArea> out = new ArrayList<>();
            for (ResultAreaStore.YearAreas y : ResultAreaStore.read(h, set)) {
                BlockCodec.ResultAreas a = y.areas();
                for (int i = 0; i < a.size(); i++) {
                    out.add(new StoredArea(a.codes()[i], a.names()[i], a.levels()[i], a.statusIndex()[i], a.attention()[i]));
                }
            }
            out.sort(java.util.Comparator.comparing(StoredArea::code));
            return out;
        });
    }

    private record StoredArea(String code, String name, String level, double statusIndex, boolean attention) {
    }

    /** Each area code's newest version. */
    private Map<String, de.sozialmonitor.model.Area> areasByCode() {
        Map<String, de.sozialmonitor.model.Area> map = new java.util.HashMap<>();
        de.sozialmonitor.store.AreaRepository.areas(db.jdbi()).forEach(a -> map.put(a.code(), a));
        return map;
    }

    private List<String> attentionNamesFromDatabase() {
        return storedAreas(2).stream().filter(StoredArea::attention).map(StoredArea::name).toList();
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void summaryNamesEveryAreaThatNeedsAttentionAsTheResultsSay() {
        List<String> names = attentionNamesFromDatabase();
        assertThat(names).hasSizeGreaterThan(1);
        String expected = names.size() + " Gebiete haben Aufmerksamkeitsbedarf: "
                + String.join(", ", names.subList(0, names.size() - 1)) + " und " + names.get(names.size() - 1) + ".";
        assertThat(flat(text)).contains(flat(expected));
    }

    @Test
    void summaryReportsChangesAgainstThePreviousRelease() {
        assertThat(flat(text)).containsAnyOf("Gegenüber dem Berichtsstand 1 (Berichtsjahr 2023)");
    }

    @Test
    void anUnpublishedEarlierReleaseIsNoBasisForTheChanges() throws IOException {
        try (var own = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(Files.createTempDirectory("report-fixture"));
            ReportFixture.create(ws, own, false);
            ReportModel model = builder(ws, own).build(2, new ReportModel.Options("de", false, false));
            assertThat(model.release().previousNumber()).isNull();
            assertThat(model.changes().changes()).isEmpty();
        }
    }

    @Test
    void areaTableShowsEveryParticipatingAreaWithItsStatusIndex() {
        String flat = flat(text);
        for (StoredArea row : storedAreas(2).stream().filter(a -> a.level().equals("Ortsteil")).toList()) {
            double si = row.statusIndex();
            String line = row.code() + " " + row.name();
            assertThat(flat).contains(line);
            // the public report prints an index value only where the release publishes it
            boolean published = model.areas().stream().anyMatch(a -> a.code().equals(row.code()) && a.statusIndex() != null);
            if (!Double.isNaN(si) && published) {
                String formatted = String.format(Locale.GERMAN, "%.2f", si).replace('-', '−');
                if (si > 0) {
                    formatted = "+" + formatted;
                }
                assertThat(flat).contains(formatted);
            }
        }
    }

    @Test
    void attentionTableListsTheDrivingIndicators() {
        String flat = flat(text);
        assertThat(flat).contains("Warum (Gebiet – Landkreis Peine)");
        for (String name : attentionNamesFromDatabase()) {
            assertThat(flat).contains("Gebietsprofil " + name);
        }
    }

    @Test
    void publicReportWithholdsRatesOfSmallAreas() throws IOException {
        // a locality under 300 inhabitants: the release withholds its rates (x), so none of its values may appear
        String smallCode = de.sozialmonitor.store.ObservationStore.active(db.jdbi()).stream()
                .filter(o -> o.year() == 2024 && o.variable().equals("pop_total") && o.value() != null && o.value() < 300)
                .map(de.sozialmonitor.model.Observation::areaCode).sorted().findFirst().orElseThrow();
        de.sozialmonitor.model.Area smallArea = areasByCode().get(smallCode);
        Map<String, Object> small = Map.of("code", smallArea.code(), "name", smallArea.name());
        Double sgb2 = db.jdbi().withHandle(h -> de.sozialmonitor.store.ResultValueStore.rows(h, 2).stream()
                .filter(r -> r.areaCode().equals(small.get("code")) && r.year() == 2024 && r.indicatorId().equals("sgb2")
                        && r.targetGroup().isEmpty())
                .findFirst().orElseThrow().value());
        String flat = flat(text);
        // each of its seven rates is withheld: x (too few inhabitants) or . (it would reveal a withheld count)
        assertThat(flat).as("a row of seven withheld values for %s", small.get("name"))
                .containsPattern(java.util.regex.Pattern.quote((String) small.get("name")) + "( [.x]){7} ");
        assertThat(flat).contains("zu wenige Einwohner");
        assertThat(sgb2).isNotNull();
    }

    @Test
    void everyPageSaysItIsSyntheticAndStatesTheChecksum() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 2; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                assertThat(page).as("page %d", p).contains("DEMO – synthetische Zahlen").contains(model.release().checksum().substring(0, 16));
            }
        }
        assertThat(model.release().checksum()).hasSize(64);
        assertThat(text).contains(model.release().checksum());
    }

    @Test
    void internalReportSaysSoOnEveryPage() throws IOException {
        byte[] internal = ReportPdf.render(builder.build(2, new ReportModel.Options("de", true, false)));
        try (PDDocument doc = Loader.loadPDF(internal)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertThat(stripper.getText(doc)).as("page %d", p).contains("INTERN");
            }
        }
    }

    @Test
    void sameReleaseGivesTheSameBytes() {
        byte[] again = ReportPdf.render(builder.build(2, new ReportModel.Options("de", false, false)));
        assertThat(again).isEqualTo(pdf);
    }

    @Test
    void pdfEmbedsItsFontsAndIsTagged() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("de");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
        }
    }

    @Test
    void englishVariantComesFromTheSameTemplate() {
        String en = ReportHtml.render(builder.build(2, new ReportModel.Options("en", false, false)));
        assertThat(en).contains("lang=\"en\"").contains("areas need attention").contains("Area profile")
                .doesNotContain("Gebietsprofil");
    }

    @Test
    void htmlVariantIsTheSameDocument() {
        String html = ReportHtml.render(builder.build(2, new ReportModel.Options("de", false, false)));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Gebietsprofil");
        for (String name : attentionNamesFromDatabase()) {
            assertThat(html).contains(name);
        }
    }

    @Test
    void pagesRenderedToPngAreNotBlank() throws Exception {
        String pdftoppm = findOnPath("pdftoppm");
        Assumptions.assumeTrue(pdftoppm != null || "1".equals(System.getenv("SOZIALMONITOR_REQUIRE_PG")),
                "pdftoppm (poppler-utils) is not installed");
        Path dir = Files.createTempDirectory("report-png");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder(pdftoppm == null ? "pdftoppm" : pdftoppm, "-r", "40", "-f", "1", "-l", "6", "-png",
                file.toString(), dir.resolve("page").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<Path> pngs = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(f -> f.toString().endsWith(".png")).sorted().forEach(pngs::add);
        }
        assertThat(pngs).hasSize(6);
        for (Path png : pngs) {
            BufferedImage img = ImageIO.read(png.toFile());
            long ink = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if (rgb != 0xffffff) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("non-white pixels on %s", png.getFileName()).isGreaterThan(img.getWidth() * img.getHeight() / 100);
        }
    }

    /** The report's pages as {@code pdftotext -layout} reads them (poppler-utils). */
    private List<String> layoutPages(byte[] document) throws Exception {
        String pdftotext = findOnPath("pdftotext");
        Assumptions.assumeTrue(pdftotext != null || "1".equals(System.getenv("SOZIALMONITOR_REQUIRE_PG")),
                "pdftotext (poppler-utils) is not installed");
        Path dir = Files.createTempDirectory("report-layout");
        Path file = dir.resolve("report.pdf");
        Files.write(file, document);
        Process p = new ProcessBuilder(pdftotext == null ? "pdftotext" : pdftotext, "-layout", "-enc", "UTF-8", file.toString(),
                dir.resolve("report.txt").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> pages = new ArrayList<>(List.of(Files.readString(dir.resolve("report.txt")).split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    /** The lines of a page with text, without the running header and footer. */
    private static List<String> body(String page) {
        return page.lines().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> !l.startsWith("Prüfsumme des Berichtsstands") && !l.startsWith("Landkreis Peine · Sozialmonitoring")
                        && !l.startsWith("DEMO – synthetische Zahlen"))
                .toList();
    }

    /**
     * Issue 14 item 8, read as a committee member reads the printed report (pdftotext -layout):
     * no number split across lines, no heading alone at the foot of a page, every area profile on
     * at most two pages with its target groups as one table, changes that say what changed,
     * changes of a % indicator in percentage points, formulas with their parentheses, no internal
     * rows in the table of means, and reasons in figures instead of z-values.
     */
    @Test
    void thePrintedReportReadsAsACommitteeMemberNeedsIt() throws Exception {
        List<String> pages = layoutPages(pdf);
        String all = String.join("\n", pages);
        java.util.regex.Pattern cutNumber = java.util.regex.Pattern.compile("(^|[\\s(])[+−-]?\\d[\\d.]*,$");
        String html = ReportHtml.render(builder.build(2, new ReportModel.Options("de", false, false)));
        java.util.regex.Matcher hm = java.util.regex.Pattern.compile("<h[23][^>]*>([^<]+)</h[23]>").matcher(html);
        java.util.Set<String> headingTexts = new java.util.HashSet<>();
        while (hm.find()) {
            headingTexts.add(hm.group(1).replace("&amp;", "&").strip());
        }
        assertThat(headingTexts).contains("Zielgruppen");
        List<Integer> profileStarts = new ArrayList<>();
        int annex = -1;
        for (int k = 0; k < pages.size(); k++) {
            List<String> lines = body(pages.get(k));
            for (String line : lines) {
                assertThat(cutNumber.matcher(line).find()).as("page %d: a number cut after its comma: %s", k + 1, line).isFalse();
            }
            if (!lines.isEmpty()) {
                String last = lines.get(lines.size() - 1);
                assertThat(headingTexts).as("page %d ends with a heading", k + 1).doesNotContain(last);
            }
            if (lines.stream().anyMatch(l -> l.startsWith("Gebietsprofil ") || l.startsWith("Gebietsproﬁl "))) {
                profileStarts.add(k);
            }
            if (annex < 0 && lines.stream().anyMatch(l -> l.matches("\\d Anhang"))) {
                annex = k;
            }
        }
        assertThat(profileStarts).isNotEmpty();
        profileStarts.add(annex);
        for (int k = 0; k + 1 < profileStarts.size(); k++) {
            assertThat(profileStarts.get(k + 1) - profileStarts.get(k)).as("pages of the profile on page %d", profileStarts.get(k) + 1)
                    .isLessThanOrEqualTo(2);
        }
        String flat = flat(all);
        assertThat(flat).doesNotContain("_index").doesNotContain("(z-Wert)").doesNotContainPattern("\\(z [+−]?\\d").contains("Warum (Gebiet – Landkreis Peine)")
                .contains("/ (pop_total - pop_65plus)").contains("(Prozentpunkte)");
        // a reason in words and figures: "<indicator>: 26,0 % – Landkreis Peine 12,8 %"
        assertThat(flat).containsPattern(": \\d+,\\d % – Landkreis Peine \\d+,\\d %");
        // a change of the attention flag says so, never "mittel → mittel"
        if (flat.contains("neu mit Aufmerksamkeitsbedarf")) {
            assertThat(flat).contains("kein Aufmerksamkeitsbedarf");
        }
        // the internal report keeps the z-values beside the figures
        String internal = flat(String.join("\n", layoutPages(ReportPdf.render(builder.build(2, new ReportModel.Options("de", true, false))))));
        assertThat(internal).contains("z-Wert").containsPattern("\\(z \\+\\d,\\d\\d\\)");
    }

    /** "+1,0 bis +1,5", "unter −2,0", "über +2,0": a band as the web says it ("Index zwischen +1,0 und +1,5"), short. */
    private static String bandInWords(de.sozialmonitor.privacy.IndexBand band) {
        java.util.function.DoubleFunction<String> edge = v -> (v > 0 ? "+" : "") + String.format(Locale.GERMAN, "%.1f", v).replace('-', '−');
        return Double.isInfinite(band.lower()) ? "unter " + edge.apply(band.upper())
                : Double.isInfinite(band.upper()) ? "über " + edge.apply(band.lower())
                : edge.apply(band.lower()) + " bis " + edge.apply(band.upper());
    }

    /**
     * Issue 14 item 5: where the release withholds an area's index from the public, the public report
     * prints the band the web shows the public (privacy.IndexBand, from the same view), not ".";
     * "." stays only where no band is published either.
     */
    @Test
    void thePublicAreaTablePrintsTheIndexBandsTheWebShows() throws Exception {
        de.sozialmonitor.view.ResultViews views = de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config());
        de.sozialmonitor.view.ResultView web = views.release(2, true).orElseThrow();
        List<String> lines = String.join("\n", layoutPages(pdf)).lines().map(String::strip).toList();
        int from = lines.indexOf("Tabellen: Ortsteil");
        int to = from;
        while (to < lines.size() && !lines.get(to).startsWith("Werte der Aufmerksamkeitsindikatoren")) {
            to++;
        }
        List<String> table = lines.subList(from, to);
        int bands = 0;
        int withheld = 0;
        for (de.sozialmonitor.privacy.AreaInfo a : web.areasOn("Ortsteil")) {
            de.sozialmonitor.view.AreaClasses c = web.classes(a.code()).orElse(null);
            if (c == null || c.statusClass() == null) {
                continue;
            }
            String row = table.stream().filter(l -> l.startsWith(a.code() + " ")).findFirst().orElseThrow();
            String statusClass = c.statusClass().code().replace('_', ' ');
            if (c.statusIndex() == null && c.statusBand() != null) {
                assertThat(row).as(a.name()).containsPattern(java.util.regex.Pattern.quote(bandInWords(c.statusBand())) + "\\s+"
                        + statusClass.split(" ")[0]);
                bands++;
            } else if (c.statusIndex() == null) {
                assertThat(row).as(a.name()).containsPattern("\\s\\.\\s+" + statusClass.split(" ")[0]);
                withheld++;
            }
            if (c.dynamicsIndex() == null && c.dynamicsBand() != null) {
                assertThat(row).as(a.name()).contains(bandInWords(c.dynamicsBand()));
            }
        }
        assertThat(bands).as("areas whose index band is published").isPositive();
        assertThat(withheld).as("areas with a withheld entering figure show their class alone").isPositive();
        assertThat(flat(String.join("\n", table))).contains("Bericht steht der Index als Spanne von 0,5");
    }

    /** A name on a printed map: its box measured with the embedded font's own advance widths (fontbox, not the renderer's AWT). */
    private record MapName(String code, String text, boolean municipality, double left, double top, double right, double bottom) {
        boolean overlaps(MapName o) {
            return left < o.right - 0.05 && right > o.left + 0.05 && top < o.bottom - 0.05 && bottom > o.top + 0.05;
        }
    }

    private static List<MapName> namesOnMap(String svg) throws IOException {
        java.util.regex.Matcher g = java.util.regex.Pattern.compile("<g class=\"place-name (municipality|area)\" data-code=\"([^\"]+)\">"
                + "<text[^>]*>[^<]*</text><text x=\"([\\d.]+)\" y=\"([\\d.]+)\"[^>]*font-size=\"([\\d.]+)\"[^>]*>([^<]*)</text></g>").matcher(svg);
        List<MapName> out = new ArrayList<>();
        while (g.find()) {
            boolean municipality = "municipality".equals(g.group(1));
            String text = g.group(6).replace("&amp;", "&");
            double x = Double.parseDouble(g.group(3));
            double baseline = Double.parseDouble(g.group(4));
            double size = Double.parseDouble(g.group(5));
            double half = advance(text, municipality) * size / 2;
            // DejaVu's ascender and descender (0.928 and 0.236 of the size), and the white halo (stroke 2.4)
            out.add(new MapName(g.group(2), text, municipality, x - half - 1.2, baseline - 0.928 * size - 1.2, x + half + 1.2,
                    baseline + 0.236 * size + 1.2));
        }
        return out;
    }

    /** The width of {@code text} in ems of DejaVu Sans Condensed (bold for the municipalities). */
    private static double advance(String text, boolean bold) throws IOException {
        try (var in = ReportRenderingTest.class.getResourceAsStream(bold ? "/fonts/DejaVuSansCondensed-Bold.ttf" : "/fonts/DejaVuSansCondensed.ttf");
             var ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
            var cmap = ttf.getUnicodeCmapLookup();
            double w = 0;
            for (int cp : text.codePoints().toArray()) {
                w += ttf.getAdvanceWidth(cmap.getGlyphId(cp));
            }
            return w / ttf.getUnitsPerEm();
        }
    }

    /**
     * Issue 14 item 2: the printed maps name the municipalities and the localities, as the web map
     * does, and no two names touch (boxes measured with the font's own widths, halo included).
     */
    @Test
    void theMapsNameMunicipalitiesAndLocalitiesWithoutOverlap() throws Exception {
        String html = ReportHtml.render(model);
        java.util.regex.Matcher maps = java.util.regex.Pattern.compile("<svg[^>]*>.*?</svg>", java.util.regex.Pattern.DOTALL).matcher(html);
        int checked = 0;
        while (maps.find()) {
            String svg = maps.group();
            if (!svg.contains("place-name")) {
                continue;
            }
            checked++;
            List<MapName> names = namesOnMap(svg);
            for (int i = 0; i < names.size(); i++) {
                MapName n = names.get(i);
                assertThat(n.left()).isGreaterThanOrEqualTo(0);
                assertThat(n.right()).as(n.text()).isLessThanOrEqualTo(svg.contains("width=\"640\"") ? 640 - 190 : Double.MAX_VALUE);
                String expected = n.municipality() ? model.map().municipalityNames().get(n.code()) : model.map().areaNames().get(n.code());
                assertThat(n.text()).isEqualTo(expected);
                for (int k = i + 1; k < names.size(); k++) {
                    assertThat(n.overlaps(names.get(k))).as("%s and %s overlap", n.text(), names.get(k).text()).isFalse();
                }
            }
            List<String> municipalities = names.stream().filter(MapName::municipality).map(MapName::code).toList();
            long localities = names.stream().filter(n -> !n.municipality()).count();
            assertThat(municipalities).containsExactlyInAnyOrderElementsOf(model.map().municipalityNames().keySet());
            assertThat(localities).as("localities named of %d", model.map().areaNames().size())
                    .isGreaterThanOrEqualTo(model.map().areaNames().size() / 2);
        }
        assertThat(checked).as("maps with names").isGreaterThanOrEqualTo(3 + model.attentionIndicators().size());
    }

    private java.util.Set<String> flaggedInRelease(int number) {
        return new java.util.TreeSet<>(storedAreas(number).stream().filter(StoredArea::attention).map(StoredArea::code).toList());
    }

    /**
     * Issue 14 items 3 and 8: the printed attention list has the web's groups (new, still, no longer,
     * early warning; view.AttentionList), each headed with the number of its rows, and within each
     * group the web's order by need. The groups agree with the flags of both releases in the database.
     */
    @Test
    void theAttentionListIsGroupedAndOrderedAsOnTheWeb() throws Exception {
        de.sozialmonitor.view.ResultViews views = de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config());
        de.sozialmonitor.view.ResultView view = views.release(2, true).orElseThrow();
        de.sozialmonitor.view.AttentionList web = de.sozialmonitor.view.AttentionList.of(view, views.previous(view).orElseThrow());
        java.util.Set<String> now = flaggedInRelease(2);
        java.util.Set<String> before = flaggedInRelease(1);
        java.util.function.Function<de.sozialmonitor.view.AttentionList.Group, List<String>> codes = g -> web.entries(g).stream()
                .map(e -> e.area().code()).toList();
        java.util.Set<String> added = new java.util.TreeSet<>(now);
        added.removeAll(before);
        java.util.Set<String> still = new java.util.TreeSet<>(now);
        still.retainAll(before);
        java.util.Set<String> ended = new java.util.TreeSet<>(before);
        ended.removeAll(now);
        assertThat(codes.apply(de.sozialmonitor.view.AttentionList.Group.NEW)).containsExactlyInAnyOrderElementsOf(added);
        assertThat(codes.apply(de.sozialmonitor.view.AttentionList.Group.CONTINUING)).containsExactlyInAnyOrderElementsOf(still);
        assertThat(codes.apply(de.sozialmonitor.view.AttentionList.Group.ENDED)).containsExactlyInAnyOrderElementsOf(ended);
        assertThat(added.size() + still.size()).isPositive();

        String flat = flat(String.join("\n", layoutPages(pdf)));
        int from = flat.indexOf("Die Liste ist gegliedert und geordnet wie die Aufmerksamkeitsliste");
        int to = flat.indexOf("Tabellen: Ortsteil", from);
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        String section = flat.substring(from, to);
        String[] headings = {"Neu mit Aufmerksamkeitsbedarf: %s", "Weiterhin mit Aufmerksamkeitsbedarf: %s",
                "Nicht mehr mit Aufmerksamkeitsbedarf: %s", "Frühwarnung ohne Aufmerksamkeitsbedarf: %s"};
        List<de.sozialmonitor.view.AttentionList.Group> groups = web.shownGroups();
        assertThat(groups).hasSize(4);
        int at = 0;
        for (int g = 0; g < groups.size(); g++) {
            int count = web.count(groups.get(g));
            String heading = String.format(Locale.ROOT, headings[g], count == 1 ? "1 Gebiet" : count + " Gebiete");
            // once in the summary at the top, once above the group's table
            int summary = section.indexOf(heading);
            assertThat(summary).as(heading).isGreaterThanOrEqualTo(0);
            int start = section.indexOf(heading, summary + heading.length());
            assertThat(start).as("the group's heading after the summary: " + heading).isGreaterThan(at);
            int end = g + 1 < groups.size() ? section.indexOf(headings[g + 1].substring(0, 12), start) : section.length();
            String group = section.substring(start, end);
            List<Integer> positions = new ArrayList<>();
            for (String code : codes.apply(groups.get(g))) {
                positions.add(group.indexOf(code));
            }
            assertThat(positions).as("the rows of %s in the web's order", heading).doesNotContain(-1).isSorted();
            // no other area's row in the group
            assertThat(java.util.regex.Pattern.compile("\\b03157\\d{6}\\b").matcher(group).results().count())
                    .as(heading).isEqualTo(web.count(groups.get(g)));
            at = start;
        }
    }

    /**
     * Issue 14 item 8: an indicator of one target group ({@code sgb2_foreign}) shows its formula
     * with the group in the printed annex, not only the formula of its total ({@code sgb2}).
     */
    @Test
    void theAnnexNamesTheTargetGroupOfAnIndicatorBesideItsFormula() throws Exception {
        try (var own = TestDatabases.h2()) {
            Workspace ws = ReportFixture.workspace(Files.createTempDirectory("report-fixture"));
            ReportFixture f = ReportFixture.delivered(ws, own);
            // the foreign inhabitants' counts of every locality: sgb2_foreign gets figures
            StringBuilder foreign = new StringBuilder("area_code;year;variable;value;target_group\n");
            for (ReportFixture.Locality l : f.localities) {
                long pop = Math.round(l.counts().get(ReportFixture.YEAR)[0][0] * 0.2);
                for (String[] v : new String[][] {{"pop_total", Long.toString(pop)}, {"pop_65plus", Long.toString(pop / 10)},
                        {"sgb2_u65", Long.toString(pop / 6)}}) {
                    foreign.append(l.code()).append(';').append(ReportFixture.YEAR).append(';').append(v[0]).append(';').append(v[1])
                            .append(";nationality=foreign\n");
                }
            }
            Path file = ws.dataDir().resolve("auslaender.csv");
            Files.writeString(file, foreign);
            ReportFixture.imported(ws, own, file);
            de.sozialmonitor.workflow.ComputeWorkflow.compute(ws, own, ReportFixture.YEAR, "fixture");
            new de.sozialmonitor.workflow.ReleaseWorkflow(own.jdbi()).create(de.sozialmonitor.workflow.ReleaseWorkflow.CreateRequest.of(
                    ws.config(), ws.catalog(), "Sozialmonitoring 2024", ReportFixture.YEAR, null), "fixture");
            ReportModel m = builder(ws, own).build(1, new ReportModel.Options("de", false, false));
            assertThat(m.indicator("sgb2_foreign").targetGroup()).isEqualTo("nationality=foreign");
            List<String> pages = layoutPages(ReportPdf.render(m));
            String printed = flat(String.join("\n", pages));
            assertThat(printed).contains("sgb2_foreign").contains("sgb2_u65 / (pop_total - pop_65plus) · Zielgruppe: ausländische")
                    .contains("Staatsangehörigkeit");
        }
    }

    static String findOnPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
