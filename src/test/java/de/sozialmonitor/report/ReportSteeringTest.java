package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The committee report beside the county: reference regions for the indicators with reference
 * figures, and the measures in its areas with the before/after description — in a public report
 * only the measures marked public, compared on the release's published figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSteeringTest {
    private Database db;
    private Workspace ws;
    private ReportModelBuilder builder;
    private ResultView published;
    private AreaInfo area;

    @BeforeAll
    void create() throws Exception {
        db = TestDatabases.h2();
        ws = ReportFixture.workspace(Files.createTempDirectory("report-steering"));
        ReportFixture.create(ws, db, true);
        ResultViews views = ResultViews.of(db.jdbi(), ws.config());
        published = views.published(1).orElseThrow();
        // an area whose sgb2 rate release 1 publishes in each of its years (2023 and the kept 2022, 2020)
        area = published.areasOn(published.analysisLevel()).stream().sorted(java.util.Comparator.comparing(AreaInfo::code))
                .filter(a -> java.util.stream.IntStream.of(2020, 2022, 2023).allMatch(y -> published.rate("sgb2", a.code(), y).shown()))
                .findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("report-steering-files");
        Path measures = dir.resolve("massnahmen.csv");
        Files.writeString(measures, """
                Nr.;Maßnahme;Handlungsfeld;Federführung;Beginn;Ende;Gebiete;Zielindikatoren;Beschreibung;Öffentlich
                T-01;Lernwerkstatt (Test);Bildung;FD Jugend;01.03.2023;31.12.2024;%1$s;sgb2;Hausaufgabenhilfe.;ja
                T-02;Geplante Lotsen (Test);Arbeit;Jobcenter;2025;;%1$s;unemployed;Noch in Planung.;nein
                """.formatted(area.code()));
        Path refs = dir.resolve("vergleich.csv");
        Files.writeString(refs, """
                region_code;region_name;year;variable;value
                03;Niedersachsen;2023;indicator:sgb2;7,9
                DG;Deutschland;2023;unemployed;2600000
                DG;Deutschland;2023;pop_15_64;52000000
                DG;Deutschland;2022;indicator:sgb2;8,3
                """);
        for (Path f : new Path[] {measures, refs}) {
            ImportOutcome o = Importer.importFile(ws, db, f, "anna");
            assertThat(o.status()).as(o.report().problems().toString()).isEqualTo(ImportOutcome.Status.IMPORTED);
        }
        builder = ReportRenderingTest.builder(ws, db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private static String number(double v, int decimals) {
        String s = String.format(Locale.GERMAN, "%,." + decimals + "f", Math.abs(v));
        return (s.replaceAll("[^1-9]", "").isEmpty() ? "" : v < 0 ? "−" : "+") + s;
    }

    private static String between(String html, String from, String to) {
        int a = html.indexOf(from);
        assertThat(a).as(from).isGreaterThanOrEqualTo(0);
        int b = html.indexOf(to, a);
        return html.substring(a, b < 0 ? html.length() : b);
    }

    @Test
    void theReportShowsTheReferenceRegionsBesideTheCounty() {
        String html = ReportHtml.render(builder.build(1, new ReportModel.Options("de", false, false)));
        assertThat(html).contains("<a href=\"#references\"", "Vergleich mit Kreis, Land und Bund");
        String table = between(html, "class=\"data references\"", "</table>");
        assertThat(table).contains("Landkreis Peine (Sozialmonitor)", "Niedersachsen", "Deutschland");
        String sgb2 = between(table, ">" + published.catalog().indicator("sgb2").orElseThrow().name("de") + " (", "</tr>");
        Figure county = published.rate("sgb2", published.root().orElseThrow().code(), 2023);
        // the county's own printed figure, then Niedersachsen 2023, then Germany's figure of 2022 with its year
        assertThat(sgb2).contains(">" + number(county.value(), 1).replace("+", "") + "<", ">7,9<", ">8,3 (2022)<");
        // Germany's unemployment rate by the catalog's formula from the delivered counts, by hand: 100 x 2,600,000 / 52,000,000 = 5,0
        String unemployed = between(table, ">" + published.catalog().indicator("unemployed").orElseThrow().name("de") + " (", "</tr>");
        assertThat(unemployed).contains(">5,0<").doesNotContain("2.600.000");
    }

    @Test
    void aPublicReportShowsThePublicMeasuresWithTheirBeforeAndAfterDescription() {
        String html = ReportHtml.render(builder.build(1, new ReportModel.Options("de", false, false)));
        String chapter = between(html, "id=\"measures\"", "</section>");
        assertThat(chapter).contains("Maßnahmen je Gebiet", "Lernwerkstatt (Test)", "Bildung", "1. März 2023 bis 31. Dezember 2024",
                "Beschreibung, kein Wirkungsnachweis", "Hausaufgabenhilfe.")
                .doesNotContain("Geplante Lotsen", "nur intern");
        // the difference of differences, by hand from the published series: base year 2022 (start 2023), before 2020-2022, after 2022-2023
        SortedMap<Integer, Figure> a = published.series("sgb2", area.code());
        SortedMap<Integer, Figure> c = published.series("sgb2", published.root().orElseThrow().code());
        double did = ((a.get(2023).value() - a.get(2022).value()) - (a.get(2022).value() - a.get(2020).value()) / 2)
                - ((c.get(2023).value() - c.get(2022).value()) - (c.get(2022).value() - c.get(2020).value()) / 2);
        String row = between(chapter, "class=\"data trends\"", "</table>");
        assertThat(row).contains(area.name(), "(2020–2022)", "(2022–2023)", ">" + number(did, 2) + "<");
    }

    @Test
    void anInternalReportShowsEveryMeasureMarkedInternal() {
        String html = ReportHtml.render(builder.build(1, new ReportModel.Options("de", true, false)));
        String chapter = between(html, "id=\"measures\"", "</section>");
        assertThat(chapter).contains("Lernwerkstatt (Test)", "Geplante Lotsen (Test) (nur intern)", "Arbeit",
                // starts in 2025: its base year 2024 is after the release's 2023
                "keine veröffentlichte Zahl für 2024");
    }

    @Test
    void aReportWithoutMeasuresOrReferenceFiguresHasNeitherChapter() {
        ReportModel m = builder.build(1, new ReportModel.Options("de", false, false)).withSteering(ReportModel.Steering.NONE);
        String html = ReportHtml.render(m);
        assertThat(html).doesNotContain("id=\"references\"", "id=\"measures\"", "href=\"#measures\"");
        // the chapters after them keep consecutive numbers
        assertThat(html).contains(">5 Gebietsprofile<");
    }
}
