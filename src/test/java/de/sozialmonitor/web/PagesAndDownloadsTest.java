package de.sozialmonitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagesAndDownloadsTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = WebFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
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
        assertThat(rows).hasSize(6);
        NamedCsvRecord l1 = rows.stream().filter(x -> x.getField("Gebietsschlüssel").equals("L1")).findFirst().orElseThrow();
        assertThat(l1.getHeader()).startsWith("Gebietsschlüssel", "Gebiet", "Jahr", "Statusindex", "Statusklasse",
                "Dynamikindex", "Dynamikklasse", "Aufmerksamkeitsbedarf", "Nicht im Index, weil");
        assertThat(l1.getHeader()).contains("Kinder und Jugendliche mit Migrationshintergrund (%)");
        assertThat(l1.getField("Jahr")).isEqualTo("2023");
        assertThat(l1.getField("Statusklasse")).isEqualTo("hoch");
        assertThat(l1.getField("Aufmerksamkeitsbedarf")).isEqualTo("nein");
        // the release withholds the year's index values: a rate entering them is confidential (L2)
        assertThat(l1.getField("Statusindex")).isEmpty();
        // published result set 1, year 2023: value = numerator / 20 with numerator 100 + 40 * 3 + 10 * 2
        assertThat(l1.getField("Kinder und Jugendliche mit Migrationshintergrund (%)")).isEqualTo("12");
        NamedCsvRecord l5 = rows.stream().filter(x -> x.getField("Gebietsschlüssel").equals("L5")).findFirst().orElseThrow();
        assertThat(l5.getField("Statusklasse")).isEqualTo("sehr niedrig");
        assertThat(l5.getField("Aufmerksamkeitsbedarf")).isEqualTo("ja");
        NamedCsvRecord l6 = rows.stream().filter(x -> x.getField("Gebietsschlüssel").equals("L6")).findFirst().orElseThrow();
        assertThat(l6.getField("Nicht im Index, weil")).isEqualTo("zu wenige Einwohner");
        // too few inhabitants for rates: the release's symbol x
        assertThat(l6.getField("Kinder und Jugendliche mit Migrationshintergrund (%)")).isEqualTo("x");
        // decimal comma: L4's share in 2022 is 17.5
        List<NamedCsvRecord> earlier = parse(fx.client().get("/download/gebiete.csv?year=2022&format=de").body().substring(1), ';');
        NamedCsvRecord l4 = earlier.stream().filter(x -> x.getField("Gebietsschlüssel").equals("L4")).findFirst().orElseThrow();
        assertThat(l4.getField("Kinder und Jugendliche mit Migrationshintergrund (%)")).isEqualTo("17,5");
    }

    @Test
    void internationalCsvKeepsTheCodesWithoutBom() {
        String body = fx.client().get("/download/gebiete.csv?year=2023&format=intl").body();
        assertThat(body).startsWith("# Demo");
        List<NamedCsvRecord> rows = parse(body, ',');
        NamedCsvRecord l5 = rows.stream().filter(x -> x.getField("area_code").equals("L5")).findFirst().orElseThrow();
        assertThat(l5.getField("status_class")).isEqualTo("sehr_niedrig");
        assertThat(l5.getField("attention")).isEqualTo("true");
        assertThat(l5.getField("migrant_u18")).isEqualTo("20");
    }

    @Test
    void internationalCsvUsesCommasAndDecimalPoints() {
        List<NamedCsvRecord> rows = parse(fx.client().get("/download/gebiete.csv?year=2022&format=intl").body(), ',');
        NamedCsvRecord l1 = rows.stream().filter(x -> x.getField("area_code").equals("L1")).findFirst().orElseThrow();
        assertThat(l1.getField("migrant_u18")).isEqualTo("11.5");
    }

    @Test
    void xlsxHoldsTheSameTableWithNumbersAndANotesSheet() throws Exception {
        byte[] bytes = fx.client().getBytes("/download/gebiete.xlsx?year=2022");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(7);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Gebietsschlüssel");
            org.dhatim.fastexcel.reader.Row l1 = rows.stream().filter(r -> "L1".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(l1.getCellAsNumber(9)).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(11.5));
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
        // published result set 1: value = (100 + 40 a + 20 k + 10 (year - 2021)) / 20 with a = 3 for L1, 1 for G1, 0 for K
        assertThat(migrant.getField("Wert")).isEqualTo("12");
        assertThat(migrant.getField("Wert der Gemeinde")).isEqualTo("8");
        assertThat(migrant.getField("Wert des Kreises")).isEqualTo("6");
        assertThat(migrant.getField("Wert 2021")).isEqualTo("11");
        assertThat(migrant.getField("Wert 2022")).isEqualTo("11,5");
        // L1 has the lowest share of the five localities with a published value (L6's is withheld)
        assertThat(migrant.getField("Rang")).isEqualTo("5");
        assertThat(migrant.getField("Gebiete im Rang")).isEqualTo("5");

        NamedCsvRecord withheld = parse(fx.client().get("/download/steckbrief/L2?year=2023&format=intl").body(), ',').stream()
                .filter(x -> x.getField("indicator_id").equals("single_parent_children")).findFirst().orElseThrow();
        assertThat(withheld.getField("value")).isEqualTo(".");
        assertThat(fx.client().get("/download/steckbrief/NOPE?year=2023").statusCode()).isEqualTo(404);
    }

    @Test
    void theComparisonDownloadHoldsEveryChosenAreaIndicatorAndYear() {
        assertThat(fx.client().get("/vergleich?areas=L1&areas=L4&indicator=sgb2&year=2023").body())
                .contains("/download/vergleich?areas=L1&amp;areas=L4&amp;year=2023&amp;format=de");
        List<NamedCsvRecord> rows = parse(fx.client().get("/download/vergleich?areas=L1&areas=L4&year=2023&format=intl").body(), ',');
        assertThat(rows).extracting(r -> r.getField("area_code")).containsOnly("L1", "L4");
        assertThat(rows.stream().filter(r -> r.getField("area_code").equals("L4") && r.getField("indicator_id").equals("migrant_u18"))
                .map(r -> r.getField("year") + "=" + r.getField("value")).toList())
                // L4: a = 6, k = 0
                .containsExactly("2021=17", "2022=17.5", "2023=18");
    }

    @Test
    void theAreaProfileXlsxHasNumbersAsNumbers() throws Exception {
        byte[] bytes = fx.client().getBytes("/download/steckbrief/L1?year=2023&format=xlsx");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            int value = rows.get(0).getCellText(9).equals("Wert") ? 9 : -1;
            assertThat(value).isEqualTo(9);
            org.dhatim.fastexcel.reader.Row migrant = rows.stream().filter(x -> "migrant_u18".equals(x.getCellText(2))).findFirst().orElseThrow();
            assertThat(migrant.getCellAsNumber(value)).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(12.0));
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
        int l5 = html.indexOf("/gebiet/L5");
        int l1 = html.indexOf("/gebiet/L1");
        assertThat(l5).isPositive().isLessThan(l1);
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
        assertThat(fc.path("features").size()).isEqualTo(6);
        assertThat(fc.path("notice").asText()).isEqualTo("Demo – synthetische Daten");
        var l5 = fc.path("features").findParents("code").stream().filter(p -> p.path("code").asText().equals("L5")).findFirst().orElseThrow();
        assertThat(l5.path("fill").asText()).isEqualTo(de.sozialmonitor.view.Choropleth.STATUS_COLOURS.get(de.sozialmonitor.model.StatusClass.SEHR_NIEDRIG));
    }

    @Test
    void areaProfileShowsIndicatorsAgainstMunicipalityAndCountyWithRankAndTrend() {
        String html = fx.client().get("/gebiet/L2?year=2023").body();
        assertThat(html).contains("Gebietssteckbrief").contains("Gemeinde Nord").contains("Landkreis Musterstadt")
                .contains("class=\"sparkline\"").contains(" von 5");
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
        assertThat(html).contains("/gebiet/L5").contains("keinen früheren veröffentlichten Berichtsstand")
                .contains("Kinder und Jugendliche mit Migrationshintergrund: 20,0 % – Landkreis Musterstadt 6,0 %");
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
        for (String code : List.of("L5", "G2", "K")) {
            assertThat(html).contains("value=\"" + code + "\" checked");
        }
        assertThat(html).doesNotContain("value=\"L1\" checked");
        // one area asked for (the profile's link): with its municipality and the county
        String one = fx.client().get("/vergleich?areas=L1").body();
        for (String code : List.of("L1", "G1", "K")) {
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
