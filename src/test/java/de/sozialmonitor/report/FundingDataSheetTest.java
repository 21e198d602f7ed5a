package de.sozialmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The data sheet for funding bids: from a published release only, the areas beside municipality, county, Land and Germany. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingDataSheetTest {
    Database db;
    Workspace ws;
    ResultViews views;
    ResultView view;
    List<AreaInfo> localities;
    ReportFixture fixture;

    @BeforeAll
    void setUp() throws Exception {
        db = TestDatabases.h2();
        ws = ReportFixture.workspace(Files.createTempDirectory("sheet-fixture"));
        fixture = ReportFixture.create(ws, db, true);
        // official figures of the Land and Germany (invented for the test)
        Path refs = ws.dataDir().resolve("vergleich.csv");
        Files.writeString(refs, """
                region_code;region_name;year;variable;value
                03;Niedersachsen;2023;sgb2;8,4
                DG;Deutschland;2023;sgb2;8,1
                DG;Deutschland;2022;indicator:unemployed;5,3
                """);
        ImportOutcome o = Importer.importFile(ws, db, refs, "anna");
        assertThat(o.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
        views = ResultViews.of(db.jdbi(), ws.config());
        view = views.published(1).orElseThrow();
        localities = view.areasOn("Ortsteil");
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aSheetShowsTheAreasBesideMunicipalityCountyLandAndGermany() throws Exception {
        AreaInfo a = localities.get(0);
        AreaInfo b = localities.get(1);
        FundingDataSheet.Input in = FundingDataSheet.gather(views, 1, List.of(a.code(), b.code()), "de");
        FundingDataSheet.Table table = FundingDataSheet.table(in);
        AreaInfo municipality = view.area(a.parentCode()).orElseThrow();
        assertThat(table.columns()).startsWith(a.name(), b.name(), "Zusammen (2 Gebiete)", municipality.name())
                .contains("Landkreis Peine (Sozialmonitor)", "Niedersachsen", "Deutschland");
        // the attention indicators first, each with the figure the release publishes
        assertThat(table.lines().stream().filter(FundingDataSheet.Line::attention).map(l -> l.indicator().id()).toList())
                .containsExactlyElementsOf(view.attentionIndicators().stream().map(Indicator::id).toList());
        FundingDataSheet.Line sgb2 = table.lines().stream().filter(l -> l.indicator().id().equals("sgb2")).findFirst().orElseThrow();
        Figure published = view.rate("sgb2", a.code(), view.year());
        assertThat(sgb2.values().get(0).value()).isEqualTo(published.shown() ? published.value() : null);
        assertThat(sgb2.values().get(table.columns().indexOf("Niedersachsen")).text()).isEqualTo("8,4");
        assertThat(sgb2.values().get(table.columns().indexOf("Deutschland")).text()).isEqualTo("8,1");
        FundingDataSheet.Line unemployed = table.lines().stream().filter(l -> l.indicator().id().equals("unemployed")).findFirst().orElseThrow();
        assertThat(unemployed.values().get(table.columns().indexOf("Deutschland")).text()).isEqualTo("5,3 (2022)");
        assertThat(table.changeColumns()).containsExactly(a.name(), b.name(), "Zusammen (2 Gebiete)", "Landkreis Peine");

        byte[] pdf = FundingDataSheet.pdf(in);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/datenblatt-fixture.pdf"), pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Datenblatt Förderantrag", a.name(), "Niedersachsen", "Deutschland", view.source().checksum(),
                "Lage des Gebiets", "Statusklasse", "synthetisch");
        // the same sheet gives the same bytes
        assertThat(FundingDataSheet.pdf(in)).isEqualTo(pdf);

        byte[] xlsx = FundingDataSheet.xlsx(in);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            org.dhatim.fastexcel.reader.Row row = rows.stream().filter(r -> sgb2.indicator().name("de").equals(r.getCellText(0)))
                    .findFirst().orElseThrow();
            if (published.shown()) {
                assertThat(row.getCellAsNumber(2).orElseThrow().doubleValue()).isEqualTo(published.value());
            }
            assertThat(row.getCellAsNumber(2 + table.columns().indexOf("Deutschland")).orElseThrow().doubleValue()).isEqualTo(8.1);
            List<org.dhatim.fastexcel.reader.Row> notes = wb.getSheets().toList().get(1).read();
            assertThat(notes.stream().map(r -> r.getCellText(0)).toList()).anyMatch(s -> s.contains(view.source().checksum()));
        }
    }

    /**
     * A group of areas is also shown as one: each rate from the sums of the areas' counts, checked
     * by hand against the counts the fixture delivered (not the areas' rates averaged).
     */
    @Test
    void aGroupOfAreasGetsItsOwnRatesFromTheSumsOfItsCounts() {
        int year = view.year();
        Indicator unemployed = view.catalog().indicator("unemployed").orElseThrow();
        // three localities whose counts of unemployed and of inhabitants 15-64 the release publishes, now and k years before
        List<ReportFixture.Locality> chosen = fixture.localities.stream().filter(l -> java.util.stream.IntStream.of(year,
                        year - ReportFixture.DYNAMICS_YEARS).allMatch(y -> view.numerator(unemployed, l.code(), y).shown()
                        && view.denominator(unemployed, l.code(), y).shown())).limit(3).toList();
        assertThat(chosen).hasSize(3);
        FundingDataSheet.Table table = FundingDataSheet.table(FundingDataSheet.gather(views, 1,
                chosen.stream().map(ReportFixture.Locality::code).toList(), "de"));
        int column = table.columns().indexOf("Zusammen (3 Gebiete)");
        assertThat(column).isEqualTo(3);
        // unemployed is the fourth indicator of the fixture: counts[4] = {unemployed, inhabitants 15-64}
        double[] now = new double[2];
        double[] before = new double[2];
        for (ReportFixture.Locality l : chosen) {
            for (int k = 0; k < 2; k++) {
                now[k] += l.counts().get(year)[4][k];
                before[k] += l.counts().get(year - ReportFixture.DYNAMICS_YEARS)[4][k];
            }
        }
        double rate = 100 * now[0] / now[1];
        double change = rate - 100 * before[0] / before[1];
        FundingDataSheet.Line line = table.lines().stream().filter(l -> l.indicator().id().equals("unemployed")).findFirst().orElseThrow();
        assertThat(line.values().get(column).value()).isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(line.values().get(column).text()).isEqualTo(String.format(java.util.Locale.GERMAN, "%.1f", rate));
        assertThat(line.changes().get(table.changeColumns().indexOf("Zusammen (3 Gebiete)")).value())
                .isCloseTo(change, org.assertj.core.data.Offset.offset(1e-9));
        // not the mean of the three rates
        double mean = chosen.stream().mapToDouble(l -> view.rate("unemployed", l.code(), year).value()).average().orElseThrow();
        assertThat(Math.abs(mean - rate)).isGreaterThan(1e-6);
    }

    @Test
    void aGroupWithAWithheldCountHasItsRateWithheld() {
        int year = view.year();
        for (Indicator i : view.attentionIndicators()) {
            AreaInfo withheld = localities.stream().filter(a -> view.numerator(i, a.code(), year).withheld()
                    || view.denominator(i, a.code(), year).withheld()).findFirst().orElse(null);
            AreaInfo shown = localities.stream().filter(a -> view.numerator(i, a.code(), year).shown()
                    && view.denominator(i, a.code(), year).shown()).findFirst().orElse(null);
            if (withheld == null || shown == null) {
                continue;
            }
            FundingDataSheet.Table table = FundingDataSheet.table(FundingDataSheet.gather(views, 1, List.of(withheld.code(), shown.code()), "de"));
            FundingDataSheet.Line line = table.lines().stream().filter(l -> l.indicator().equals(i)).findFirst().orElseThrow();
            FundingDataSheet.SheetValue group = line.values().get(table.columns().indexOf("Zusammen (2 Gebiete)"));
            // the withheld count could be computed back from the group's rate and the other area's counts
            assertThat(group.value()).as(i.id()).isNull();
            assertThat(group.text()).isEqualTo(".");
            return;
        }
        throw new AssertionError("the fixture's release withholds no count of an attention indicator");
    }

    @Test
    void aWithheldFigureIsWithheldOnTheSheet() {
        for (AreaInfo a : localities) {
            for (Indicator i : view.attentionIndicators()) {
                Figure f = view.rate(i.id(), a.code(), view.year());
                if (f != null && f.withheld()) {
                    FundingDataSheet.Table table = FundingDataSheet.table(FundingDataSheet.gather(views, 1, List.of(a.code()), "de"));
                    FundingDataSheet.Line line = table.lines().stream().filter(l -> l.indicator().equals(i)).findFirst().orElseThrow();
                    assertThat(line.values().get(0).value()).isNull();
                    assertThat(line.values().get(0).text()).isEqualTo(f.symbol());
                    return;
                }
            }
        }
        throw new AssertionError("the fixture's release withholds no rate of a locality");
    }

    @Test
    void onlyAPublishedReleaseAndItsOwnAreasMakeASheet() {
        assertThatThrownBy(() -> FundingDataSheet.gather(views, 2, List.of(localities.get(0).code()), "de"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not published");
        assertThatThrownBy(() -> FundingDataSheet.gather(views, 1, List.of("99999999"), "de"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99999999");
    }
}
