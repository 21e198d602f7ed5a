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

    @BeforeAll
    void setUp() throws Exception {
        db = TestDatabases.h2();
        ws = ReportFixture.workspace(Files.createTempDirectory("sheet-fixture"));
        ReportFixture.create(ws, db, true);
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
        assertThat(table.columns()).startsWith(a.name(), b.name(), municipality.name())
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
        assertThat(table.changeColumns()).containsExactly(a.name(), b.name(), "Landkreis Peine");

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
