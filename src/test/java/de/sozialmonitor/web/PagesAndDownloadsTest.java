package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.privacy.AreaInfo;
import de.sozialmonitor.view.AreaClasses;
import de.sozialmonitor.view.AttentionList;
import de.sozialmonitor.view.Drivers;
import de.sozialmonitor.view.Figure;
import de.sozialmonitor.view.ResultView;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public pages and downloads of published release 1, checked against what the release holds
 * (read through the one read side, {@link ResultView}): every class, value and symbol the pages and
 * files show is the release's.
 */
class PagesAndDownloadsTest {
    static WebFixture fx;
    static ResultView release;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
        release = fx.published();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** The first locality (in code order) whose classes in release 1 satisfy {@code test}. */
    static String localityWhere(Predicate<AreaClasses> test) {
        return WebFixture.LOCALITIES.stream().filter(c -> release.classes(c).filter(test).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture's release has no such locality"));
    }

    /** A figure as a download cell shows it: the number (either decimal mark), or the release's symbol. */
    static void assertCell(String cell, Figure figure) {
        if (figure.shown()) {
            assertThat(Double.parseDouble(cell.replace(',', '.'))).isEqualTo(figure.value());
        } else {
            assertThat(cell).isEqualTo(figure.symbol());
        }
    }

    static List<NamedCsvRecord> parse(String csv, char separator) {
        return CsvReader.builder().fieldSeparator(separator).commentStrategy(CommentStrategy.SKIP).commentCharacter('#')
                .ofNamedCsvRecord(csv).stream().toList();
    }

    @Test
    void germanCsvOpensRightInAGermanExcelBomGermanHeadersDecimalCommaJaNeinAndSaysItIsSynthetic() {
        HttpResponse<byte[]> r = fx.client().getBytesResponse("/download/gebiete.csv?year=2023&format=de");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = r.body();
        // UTF-8 with byte order mark: without it a German Excel reads the file as Windows-1252
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        assertThat(body).startsWith("# Demo – synthetische Daten").doesNotContain(";true").doesNotContain(";false");
        List<NamedCsvRecord> rows = parse(body, ';');
        assertThat(rows).extracting(x -> x.getField("Gebietsschlüssel")).containsExactlyInAnyOrderElementsOf(WebFixture.LOCALITIES);
        assertThat(rows.get(0).getHeader()).startsWith("Gebietsschlüssel", "Gebiet", "Jahr", "Statusindex", "Statusklasse",
                "Dynamikindex", "Dynamikklasse", "Aufmerksamkeitsbedarf", "Nicht im Index, weil");
        assertThat(rows.get(0).getHeader()).contains("Kinder und Jugendliche mit Migrationshintergrund (%)");
        // every row as the release has it: classes in German words, ja/nein, the values, the symbols
        for (NamedCsvRecord row : rows) {
            String code = row.getField("Gebietsschlüssel");
            AreaClasses c = release.classes(code).orElseThrow();
            assertThat(row.getField("Jahr")).isEqualTo("2023");
            assertThat(row.getField("Statusklasse")).as(code).isEqualTo(c.statusClass() == null ? "" : c.statusClass().code().replace('_', ' '));
            assertThat(row.getField("Aufmerksamkeitsbedarf")).as(code).isEqualTo(c.attention() ? "ja" : "nein");
            // the release withholds index values whose exact figure could give a withheld rate away
            assertThat(row.getField("Statusindex").isEmpty()).as(code).isEqualTo(c.statusIndex() == null);
            assertCell(row.getField("Kinder und Jugendliche mit Migrationshintergrund (%)"), release.rate("migrant_u18", code, 2023));
        }
        assertThat(rows).extracting(x -> x.getField("Aufmerksamkeitsbedarf")).contains("ja", "nein");
        assertThat(rows).extracting(x -> x.getField("Statusklasse")).contains("hoch", "mittel", "niedrig", "sehr niedrig");
        NamedCsvRecord small = rows.stream().filter(x -> x.getField("Gebietsschlüssel").equals(WebFixture.SMALL)).findFirst().orElseThrow();
        assertThat(small.getField("Nicht im Index, weil")).isEqualTo("zu wenige Einwohner");
        // too few inhabitants for rates: the release's symbol x
        assertThat(small.getField("Kinder und Jugendliche mit Migrationshintergrund (%)")).isEqualTo("x");
        // an earlier year of the release: its values, with a decimal comma
        List<NamedCsvRecord> earlier = parse(fx.client().get("/download/gebiete.csv?year=2022&format=de").body().substring(1), ';');
        for (NamedCsvRecord row : earlier) {
            assertCell(row.getField("Kinder und Jugendliche mit Migrationshintergrund (%)"),
                    release.rate("migrant_u18", row.getField("Gebietsschlüssel"), 2022));
        }
        assertThat(earlier).extracting(x -> x.getField("Kinder und Jugendliche mit Migrationshintergrund (%)"))
                .anySatisfy(v -> assertThat(v).matches("\\d+,\\d"));
    }

    @Test
    void internationalCsvKeepsTheCodesWithoutBom() {
        String body = fx.client().get("/download/gebiete.csv?year=2023&format=intl").body();
        assertThat(body).startsWith("# Demo");
        List<NamedCsvRecord> rows = parse(body, ',');
        String lowest = localityWhere(c -> c.statusClass() == StatusClass.SEHR_NIEDRIG);
        NamedCsvRecord row = rows.stream().filter(x -> x.getField("area_code").equals(lowest)).findFirst().orElseThrow();
        assertThat(row.getField("status_class")).isEqualTo("sehr_niedrig");
        assertThat(row.getField("attention")).isEqualTo("true");
        assertCell(row.getField("migrant_u18"), release.rate("migrant_u18", lowest, 2023));
    }

    @Test
    void internationalCsvUsesCommasAndDecimalPoints() {
        List<NamedCsvRecord> rows = parse(fx.client().get("/download/gebiete.csv?year=2022&format=intl").body(), ',');
        for (NamedCsvRecord row : rows) {
            assertCell(row.getField("migrant_u18"), release.rate("migrant_u18", row.getField("area_code"), 2022));
        }
        assertThat(rows).extracting(x -> x.getField("migrant_u18")).anySatisfy(v -> assertThat(v).matches("\\d+\\.\\d"));
    }

    @Test
    void xlsxHoldsTheSameTableWithNumbersAndANotesSheet() throws Exception {
        byte[] bytes = fx.client().getBytes("/download/gebiete.xlsx?year=2022");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(WebFixture.LOCALITIES.size() + 1);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Gebietsschlüssel");
            assertThat(rows.get(0).getCellText(9)).isEqualTo("Kinder und Jugendliche mit Migrationshintergrund (%)");
            org.dhatim.fastexcel.reader.Row l1 = rows.stream().filter(r -> "L1".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(l1.getCellAsNumber(9)).hasValueSatisfying(v -> assertThat(v.doubleValue())
                    .isEqualTo(release.rate("migrant_u18", "L1", 2022).value()));
            List<org.dhatim.fastexcel.reader.Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).hasSize(2);
            assertThat(sheets.get(1).read().get(0).getCellText(0)).startsWith("Demo – synthetische Daten");
        }
    }

    @Test
    void theAreaProfileDownloadsAsShownWithComparisonRankSeriesAndWithheldValues() {
        assertThat(fx.client().get("/gebiet/L1?year=2023").body()).contains("/download/steckbrief/L1?year=2023&amp;format=de");
        HttpResponse<String> r = fx.client().get("/download/steckbrief/L1?year=2023&format=de");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("steckbrief-L1-2023.csv");
        assertThat(r.body()).contains("# Gebietssteckbrief Ortsteil A (L1); Vergleichswerte: Gemeinde Nord und Landkreis Musterstadt");
        NamedCsvRecord migrant = parse(r.body().substring(1), ';').stream()
                .filter(x -> x.getField("Indikator-Kürzel").equals("migrant_u18") && x.getField("Zielgruppe").isEmpty()).findFirst().orElseThrow();
        assertCell(migrant.getField("Wert"), release.rate("migrant_u18", "L1", 2023));
        assertCell(migrant.getField("Wert der Gemeinde"), release.rate("migrant_u18", "G1", 2023));
        assertCell(migrant.getField("Wert des Kreises"), release.rate("migrant_u18", "K", 2023));
        assertCell(migrant.getField("Wert 2021"), release.rate("migrant_u18", "L1", 2021));
        assertCell(migrant.getField("Wert 2022"), release.rate("migrant_u18", "L1", 2022));
        // the rank among the localities with a published value (higher share, lower rank number)
        double own = release.rate("migrant_u18", "L1", 2023).value();
        List<Double> shown = WebFixture.LOCALITIES.stream().map(c -> release.rate("migrant_u18", c, 2023)).filter(Figure::shown)
                .map(Figure::value).toList();
        assertThat(shown).as("the small locality's share is not published").hasSize(WebFixture.LOCALITIES.size() - 1);
        assertThat(migrant.getField("Rang")).isEqualTo(String.valueOf(shown.stream().filter(x -> x > own).count() + 1));
        assertThat(migrant.getField("Gebiete im Rang")).isEqualTo(String.valueOf(shown.size()));

        // the small count's rate is withheld in the release, and so in the download
        Figure small = release.rate(WebFixture.WITHHELD_INDICATOR, WebFixture.WITHHELD_AREA, 2023);
        assertThat(small.withheld()).isTrue();
        NamedCsvRecord withheld = parse(fx.client().get("/download/steckbrief/" + WebFixture.WITHHELD_AREA + "?year=2023&format=intl").body(), ',')
                .stream().filter(x -> x.getField("indicator_id").equals(WebFixture.WITHHELD_INDICATOR)).findFirst().orElseThrow();
        assertThat(withheld.getField("value")).isEqualTo(".");
        assertThat(fx.client().get("/download/steckbrief/NOPE?year=2023").statusCode()).isEqualTo(404);
    }

    @Test
    void theComparisonDownloadHoldsEveryChosenAreaIndicatorAndYear() {
        assertThat(fx.client().get("/vergleich?areas=L1&areas=L4&indicator=sgb2&year=2023").body())
                .contains("/download/vergleich?areas=L1&amp;areas=L4&amp;year=2023&amp;format=de");
        List<NamedCsvRecord> rows = parse(fx.client().get("/download/vergleich?areas=L1&areas=L4&year=2023&format=intl").body(), ',');
        assertThat(rows).extracting(r -> r.getField("area_code")).containsOnly("L1", "L4");
        List<NamedCsvRecord> series = rows.stream()
                .filter(r -> r.getField("area_code").equals("L4") && r.getField("indicator_id").equals("migrant_u18")).toList();
        assertThat(series).extracting(r -> r.getField("year")).containsExactly("2021", "2022", "2023");
        series.forEach(r -> assertCell(r.getField("value"), release.rate("migrant_u18", "L4", Integer.parseInt(r.getField("year")))));
    }

    @Test
    void theAreaProfileXlsxHasNumbersAsNumbers() throws Exception {
        byte[] bytes = fx.client().getBytes("/download/steckbrief/L1?year=2023&format=xlsx");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            int value = rows.get(0).getCellText(9).equals("Wert") ? 9 : -1;
            assertThat(value).isEqualTo(9);
            org.dhatim.fastexcel.reader.Row migrant = rows.stream().filter(x -> "migrant_u18".equals(x.getCellText(2))).findFirst().orElseThrow();
            assertThat(migrant.getCellAsNumber(value)).hasValueSatisfying(v -> assertThat(v.doubleValue())
                    .isEqualTo(release.rate("migrant_u18", "L1", 2023).value()));
        }
    }

    @Test
    void overviewHasMapTableLegendAndDemoBanner() {
        String html = fx.client().get("/?year=2023").body();
        assertThat(html).contains("id=\"map\"").contains("id=\"area-table\"").contains("Legende")
                .contains("Demo – synthetische Daten").contains("Veröffentlichter Berichtsstand 1");
    }

    @Test
    void tableSortsByAColumn() {
        String html = fx.client().get("/?year=2023&sort=status&dir=desc").body();
        int lowest = html.indexOf("/gebiet/" + localityWhere(c -> c.statusClass() == StatusClass.SEHR_NIEDRIG) + "?");
        int highest = html.indexOf("/gebiet/" + localityWhere(c -> c.statusClass() == StatusClass.HOCH) + "?");
        assertThat(lowest).isPositive().isLessThan(highest);
        assertThat(html).contains("aria-sort=\"descending\"");
    }

    @Test
    void englishIsSwitchable() {
        String html = fx.client().get("/?lang=en").body();
        assertThat(html).contains("lang=\"en\"").contains("Demo – synthetic data").contains("Areas needing attention");
    }

    @Test
    void mapDataIsGeoJsonWithColoursAndSimplerGeometryAtLowZoom() throws Exception {
        HttpResponse<String> r = fx.client().get("/api/v1/map?year=2023&zoom=8");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        var fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(fc.path("features").size()).isEqualTo(WebFixture.LOCALITIES.size());
        assertThat(fc.path("notice").asText()).isEqualTo("Demo – synthetische Daten");
        // each area in the colour of its status class in the release
        int classified = 0;
        for (var f : fc.path("features")) {
            var p = f.path("properties");
            StatusClass c = release.classes(p.path("code").asText()).map(AreaClasses::statusClass).orElse(null);
            if (c != null) {
                assertThat(p.path("fill").asText()).as(p.path("code").asText()).isEqualTo(de.sozialmonitor.view.Choropleth.STATUS_COLOURS.get(c));
                classified++;
            }
        }
        assertThat(classified).isEqualTo(WebFixture.LOCALITIES.size() - 1);
    }

    @Test
    void areaProfileShowsIndicatorsAgainstMunicipalityAndCountyWithRankAndTrend() {
        String html = fx.client().get("/gebiet/L2?year=2023").body();
        long ranked = WebFixture.LOCALITIES.stream().filter(c -> release.rate("sgb2", c, 2023).shown()).count();
        assertThat(html).contains("Gebietssteckbrief").contains("Gemeinde Nord").contains("Landkreis Musterstadt")
                .contains("class=\"sparkline\"").contains(" von " + ranked);
    }

    @Test
    void indicatorPageShowsDefinitionSeriesAndDistribution() {
        String html = fx.client().get("/indikator/sgb2?year=2023").body();
        assertThat(html).contains("Zähler").contains("Nenner").contains("Quelle").contains("class=\"chart\"");
        assertThat(html).contains("/download/gebiete.csv?level=Ortsteil&amp;year=2023&amp;show=ind:sgb2&amp;format=de");
    }

    @Test
    void attentionListExplainsWhyInPlainWordsWithFiguresAgainstTheCounty() {
        String html = fx.client().get("/aufmerksamkeit?year=2023").body();
        // release 1 is the only published one: the list explains why, and says there is nothing to compare with
        AttentionList.Entry first = AttentionList.of(release, null).entries(AttentionList.Group.FLAGGED).get(0);
        Drivers.Driver why = first.drivers().get(0);
        Indicator indicator = release.catalog().indicator(why.indicatorId()).orElseThrow();
        assertThat(html).contains("/gebiet/" + first.area().code()).contains("keinen früheren veröffentlichten Berichtsstand")
                .contains(indicator.nameDe() + ": " + Texts.GERMAN.number(release.rate(indicator.id(), first.area().code(), 2023).value(),
                        indicator.precision()) + " % – Landkreis Musterstadt "
                        + Texts.GERMAN.number(release.rate(indicator.id(), "K", 2023).value(), indicator.precision()) + " %");
        // z-scores are for staff only
        assertThat(html).doesNotContain("z = ").doesNotContain("z-Werte");
    }

    @Test
    void methodPageDescribesTheReleaseFromItsStoredParameters() {
        String html = fx.client().get("/methode").body();
        assertThat(html).contains("So wurde Berichtsstand 1 berechnet (2023)")
                .contains("Statusklassen: hoch bei einem Statusindex unter −1; mittel von −1 bis +1")
                .contains("Verglichen werden die Gebiete der Ebene „Ortsteil“")
                .contains("weniger als 300 Einwohnerinnen")
                .contains("den Wert 25 überschreitet");
        String english = fx.client().get("/methode?lang=en").body();
        assertThat(english).contains("How release 1 was computed (2023)").contains("Status classes: high for a status index below −1");
    }

    @Test
    void comparisonShowsChosenAreasSideBySideAndOverTime() {
        String html = fx.client().get("/vergleich?areas=L1&areas=L4&areas=NOPE&indicator=sgb2&year=2023").body();
        assertThat(html).contains("Nebeneinander (2023)").contains("/gebiet/L1?year=2023").contains("/gebiet/L4?year=2023")
                .contains("SGB-II-Empfänger/-innen im Zeitverlauf").contains("class=\"chart\"");
        // a checkbox per area, the chosen ones ticked: usable on touch screens
        assertThat(html).contains("type=\"checkbox\" name=\"areas\" value=\"L1\" checked").contains("type=\"search\"");
    }

    @Test
    void theComparisonStartsWithTheAreaOfMostNeedItsMunicipalityAndTheCounty() {
        String html = fx.client().get("/vergleich").body();
        AreaInfo most = AttentionList.of(release, null).entries(AttentionList.Group.FLAGGED).get(0).area();
        assertThat(most.code()).isEqualTo(localityWhere(c -> c.statusClass() == StatusClass.SEHR_NIEDRIG));
        for (String code : List.of(most.code(), most.parentCode(), "K")) {
            assertThat(html).contains("value=\"" + code + "\" checked");
        }
        String other = localityWhere(c -> c.statusClass() == StatusClass.HOCH);
        assertThat(html).doesNotContain("value=\"" + other + "\" checked");
        // one area asked for (the profile's link): with its municipality and the county
        String one = fx.client().get("/vergleich?areas=" + other).body();
        for (String code : List.of(other, release.area(other).orElseThrow().parentCode(), "K")) {
            assertThat(one).contains("value=\"" + code + "\" checked");
        }
    }

    @Test
    void unknownAreaIs404() {
        assertThat(fx.client().get("/gebiet/XYZ").statusCode()).isEqualTo(404);
        assertThat(fx.client().get("/api/v1/areas/XYZ").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDocumentIsServed() {
        HttpResponse<String> r = fx.client().get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\"").contains("/api/v1/map");
    }

    @Test
    void theYearControlOffersExactlyTheYearsTheReleaseHasFiguresFor() {
        // classes: release 1 classifies 2023 only, so the year is stated, not offered
        String classes = fx.client().get("/").body();
        assertThat(classes).doesNotContain("id=\"year\"").contains("id=\"year-fixed\">2023<")
                .contains("Die Klassen dieses Berichtsstands (Nr. 1) gelten für 2023.");
        // an indicator: every year the release has values for
        String values = fx.client().get("/?show=ind:sgb2").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<select id=\"year\"[^>]*>(.*?)</select>").matcher(values);
        assertThat(m.find()).isTrue();
        assertThat(java.util.regex.Pattern.compile("value=\"(\\d{4})\"").matcher(m.group(1)).results().map(r -> r.group(1)).toList())
                .containsExactly("2021", "2022", "2023");
    }

    @Test
    void aYearWithoutClassesIsSaidInASentenceNeverAsAnEmptyMap() {
        String html = fx.client().get("/?year=2022&show=status").body();
        assertThat(html).contains("Für 2022 gibt es in diesem Berichtsstand keine Einstufung in Klassen")
                .contains("href=\"/?level=Ortsteil&amp;show=status&amp;year=2023\"")
                .doesNotContain("id=\"map\"")
                // the table has the values of 2022, and no class columns full of "nein"
                .contains("Gebiete (Ortsteil, 2022)").doesNotContain(">nein<");
    }

    @Test
    void theDownloadsPageListsEveryDownloadWithFormatSizeAndLicence() {
        String html = fx.client().get("/daten").body();
        assertThat(html).contains("Daten und Schnittstellen").contains("Datenlizenz Deutschland – Namensnennung – Version 2.0")
                .contains("/download/gebiete.csv?level=Ortsteil&amp;year=2023&amp;format=de")
                .contains("/download/gebiete.csv?level=Gemeinde&amp;year=2023&amp;format=intl")
                .contains("/download/gebiete.xlsx?level=Kreis&amp;year=2023")
                .contains("/download/gebiete.geojson?level=Ortsteil&amp;year=2023")
                .contains("/download/berichtsstand/1\"").contains("/download/berichtsstand/1?format=json")
                // release 2 is not published: not offered
                .doesNotContain("/download/berichtsstand/2")
                .contains("UTF-8 mit BOM").contains("<code>margin</code>");
        // the sizes are those of the files
        int csvBytes = fx.client().getBytes("/download/gebiete.csv?level=Ortsteil&year=2023&format=de").length;
        assertThat(html).contains(DownloadsPage.size(Texts.GERMAN, csvBytes));
        assertThat(fx.client().get("/download/gebiete.csv?year=2023&format=de").body()).contains("# Lizenz: Datenlizenz Deutschland");
        // the former address still answers
        assertThat(fx.client().get("/api").body()).contains("Daten und Schnittstellen");
    }

    @Test
    void theMethodPageNamesEveryParameterInTheReadersNumberFormat() {
        String html = fx.client().get("/methode").body();
        assertThat(html).contains("Mindesteinwohnerzahl für den Index").contains(">300<")
                .contains("hoch unter −1,0; mittel von −1,0 bis +1,0; niedrig über +1,0 bis +1,5; sehr niedrig über +1,5")
                .contains("Kinder in Mindestsicherung: 25,0 %")
                .doesNotContain("300.0").doesNotContain("-1.0").doesNotContain(">minPopulation<");
        assertThat(html).contains("id=\"begriffe\"").contains("Aufmerksamkeitsbedarf");
    }
}
