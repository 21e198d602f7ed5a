package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoFiles;
import de.sozialmonitor.demo.ExampleCounty;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublicRecord;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.report.ReportModel;
import de.sozialmonitor.report.ReportModelBuilder;
import de.sozialmonitor.report.ReportPdf;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.ResultAreaStore;
import java.util.ArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import de.sozialmonitor.store.Database;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    /**
     * End to end: the generated files go through the real import and the real method; the
     * localities get status classes, the small ones are excluded, the designated trend localities
     * get the dynamics class they were built for. A second run reuses everything.
     */
    @Test
    void demoWithoutServingImportsComputesAndIsReusedOnTheSecondRun(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sozialmonitor-demo");
        CliTest.Run first = CliTest.run("--lang", "en", "demo", "--no-serve", "--dir", dir.toString());
        assertThat(first.out()).contains("SYNTHETIC").contains("Demo workspace created")
                .contains("import einwohnermelderegister.csv: 90").contains("compute 2014-2024")
                .contains("release 2023: release 1 created and published")
                .contains("release 2024: release 2 created and published").doesNotContain("  --  ")
                .contains("import massnahmen-demo.csv:").contains("import vergleichszahlen-demo.csv: 24")
                .contains("import " + ExampleCounty.FILE_NAME + ":");
        assertThat(first.exit()).isZero();
        Workspace ws = Workspace.open(dir);
        assertThat(ws.config().synthetic()).isTrue();
        assertThat(ws.config().territoryCode()).isEqualTo("03157");
        assertThat(ws.config().territoryName()).isEqualTo("Landkreis Peine");
        assertThat(ws.config().method().analysisLevel()).isEqualTo("Ortsteil");
        assertThat(Files.readString(ws.configFile())).contains("SYNTHETISCH")
                .contains("attribution: \"© GeoBasis-DE / BKG (2021), dl-de/by-2-0");

        Map<String, String[]> classes = new HashMap<>();
        try (Database db = ws.openDatabase()) {
            db.jdbi().useHandle(h -> {
                long set = h.createQuery("SELECT MAX(id) FROM result_set WHERE year = 2024").mapTo(Long.class).one();
                ReleaseRepository.readAreaRows(h, set).stream().filter(r -> r.year() == 2024)
                        .map(r -> new String[] {r.areaCode(), r.statusClass(), r.dynamicsClass(), r.excluded()})
                        .filter(r -> r[0].length() == 11) // localities; the method also stores municipalities and county
                        .forEach(r -> classes.put(r[0], r));
            });
            int years = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT year) FROM result_set")
                    .mapTo(Integer.class).one());
            assertThat(years).isEqualTo(11);
        }
        assertThat(classes).hasSize(71);
        assertThat(classes.values().stream().filter(r -> r[1] != null)).hasSizeGreaterThanOrEqualTo(60)
                .allSatisfy(r -> assertThat(r[1]).isIn("hoch", "mittel", "niedrig", "sehr_niedrig"));
        assertThat(classes.values().stream().filter(r -> "population_below_minimum".equals(r[3]))).hasSize(4);
        for (String worsening : List.of("03157006012", "03157009002", "03157005002")) { // Vöhrum, Groß Ilsede, Broistedt
            assertThat(classes.get(worsening)[2]).as(worsening).isEqualTo("negativ");
        }
        for (String improving : List.of("03157006010", "03157007009", "03157001005")) { // Stederdorf, Wahle, Edemissen
            assertThat(classes.get(improving)[2]).as(improving).isEqualTo("positiv");
        }

        try (Database db = ws.openDatabase()) {
            // an attacker holding every public download of the demo (nothing else): nothing narrowed below
            // 3 with counts >= 0, nothing pinned knowing that zeros are published, linear or integer programs
            ReleaseRepository releases = new ReleaseRepository(db.jdbi());
            List<PublicRecord.Release> downloads = releases.published().stream().map(r -> new PublicRecord.Release(r.number(),
                    ReleaseDownload.readCsv(releases.download(r.number(), ReleaseDownload.Format.CSV).orElseThrow()))).toList();
            assertThat(downloads).hasSize(2);
            PublicRecord record = new PublicRecord(downloads);
            DisclosureAudit.Report attack = DisclosureAudit.attack(record, DisclosureRules.of(ws.config().privacy()));
            assertThat(attack.findings()).isEmpty();
            assertThat(attack.intervals()).hasSizeGreaterThan(1000);
            assertThat(RateTimesDenominator.narrowed(record, 3)).isEmpty();
            // the example: Eddesse, children under 15 in SGB II, 2023, is withheld in both releases, and
            // so is its rate (release 2 published it as the base year, and release 1 published the denominator 78)
            for (PublicRecord.Release r : downloads) {
                assertThat(r.rows()).filteredOn(x -> x.areaCode().equals("03157001004") && x.year() == 2023 && x.targetGroup().isEmpty()
                                && (x.kind().equals(PublishedRow.COUNT) && x.measure().equals("children_u15_sgb2")
                                || x.kind().equals(PublishedRow.RATE) && x.measure().equals("children_min_income")))
                        .hasSize(2).allSatisfy(x -> assertThat(x.status()).isEqualTo(PublishedRow.SUPPRESSED));
            }

            // the committee report of the demo: its summary names exactly the areas the results flag
            List<String> flagged = db.jdbi().withHandle(h -> {
                long set = h.createQuery("SELECT result_set_id FROM release WHERE number = 2").mapTo(Long.class).one();
                List<String> names = new ArrayList<>();
                for (ResultAreaStore.YearAreas y : ResultAreaStore.read(h, set)) {
                    var a = y.areas();
                    java.util.stream.IntStream.range(0, a.size()).boxed().filter(i -> y.year() == 2024 && a.attention()[i]
                                    && "Ortsteil".equals(a.levels()[i])).sorted(java.util.Comparator.comparing(i -> a.codes()[i]))
                            .forEach(i -> names.add(a.names()[i]));
                }
                return names;
            });
            assertThat(flagged).hasSizeGreaterThan(1);
            ReportModel model = new ReportModelBuilder(de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config()), ReportModelBuilder.Context.of(ws))
                    .build(2, new ReportModel.Options("de", false, false));
            String text;
            try (PDDocument pdf = Loader.loadPDF(ReportPdf.render(model))) {
                text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            }
            assertThat(text).contains(flagged.size() + " Gebiete haben Aufmerksamkeitsbedarf")
                    .contains("synthetisch")
                    // the demo publishes 2023 and 2024, so the report has a previous release to compare with
                    .contains("Veränderungen gegenüber dem Berichtsstand 1")
                    // the class certainty of every locality in the annex, as bands for the public
                    .contains("Klassensicherheit").doesNotContain("Keine Klassensicherheit")
                    // the comparison with the other (invented) county, from its package
                    .contains(ExampleCounty.NAME);
            for (String name : flagged) {
                assertThat(text).contains("Gebietsprofil " + name);
            }
        }

        // the committee template, written by the demo
        Path template = dir.resolve("abstimmung-2024.pdf");
        assertThat(first.out()).contains("abstimmung 2024").contains("knapp)");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(template))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Wie sicher ist die Klasse jedes Gebiets?").contains("Empfehlung");
        }

        try (Database db = ws.openDatabase()) {
            // measures and reference figures, invented and named so; a data sheet shows them beside Vöhrum
            assertThat(new de.sozialmonitor.store.MeasureRepository(db.jdbi()).list()).hasSize(5)
                    .allSatisfy(m -> assertThat(m.measure().title()).contains("Demo, erfunden"));
            de.sozialmonitor.view.ResultViews views = de.sozialmonitor.view.ResultViews.of(db.jdbi(), ws.config());
            de.sozialmonitor.report.FundingDataSheet.Table sheet = de.sozialmonitor.report.FundingDataSheet.table(
                    de.sozialmonitor.report.FundingDataSheet.gather(views, 2, List.of("03157006012"), "de"));
            assertThat(sheet.columns()).contains("Vöhrum", "Stadt Peine", "Niedersachsen (Demo: erfundene Zahlen)",
                    "Deutschland (Demo: erfundene Zahlen)");
            assertThat(sheet.lines()).filteredOn(l -> l.indicator().id().equals("sgb2")).singleElement()
                    .satisfies(l -> assertThat(l.values().get(sheet.columns().indexOf("Niedersachsen (Demo: erfundene Zahlen)")).text())
                            .isEqualTo("8,3"));
        }

        try (Database db = ws.openDatabase(); WebServer server = new WebServer(ws, db).start(0)) {
            // the second county, invented and named so, known only from the package it published
            assertThat(Files.exists(dir.resolve("data").resolve("austausch").resolve(ExampleCounty.FILE_NAME))).isTrue();
            assertThat(ReferenceRepository.regions(db.jdbi())).filteredOn(r -> r.code().equals(ExampleCounty.CODE)).singleElement()
                    .satisfies(r -> assertThat(r.name()).isEqualTo(ExampleCounty.NAME).contains("synthetisch"));
            assertThat(ReferenceRepository.packages(db.jdbi())).singleElement().satisfies(p -> {
                assertThat(p.regionCode()).isEqualTo(ExampleCounty.CODE);
                assertThat(p.synthetic()).isTrue();
                assertThat(p.year()).isEqualTo(2024);
            });
            Indicator sgb2 = ws.catalog().indicator("sgb2").orElseThrow();
            double theirs = ReferenceRepository.figures(db.jdbi()).stream().filter(f -> f.regionCode().equals(ExampleCounty.CODE)
                            && f.kind() == ReferenceFigure.Kind.INDICATOR && f.name().equals("sgb2") && f.year() == 2024)
                    .findFirst().orElseThrow().value();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.port();
            String comparison = http.send(HttpRequest.newBuilder(URI.create(base + "/kreisvergleich")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // its county-level figures beside Peine's, and its method (dynamics over two years, by municipality) beside Peine's
            String row = comparison.substring(comparison.indexOf(sgb2.name("de")));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains(String.format(Locale.GERMANY, "%." + sgb2.precision() + "f", theirs));
            assertThat(comparison).contains(ExampleCounty.NAME).contains("(synthetische Daten, Demo)").contains("Gemeinde");
            // the measure for the whole municipality of Hohenhameln (DEMO-05) marks each of its 11 localities on the map
            com.fasterxml.jackson.databind.JsonNode map = de.sozialmonitor.json.Json.MAPPER.readTree(http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/map")).build(), HttpResponse.BodyHandlers.ofString()).body());
            List<String> hatched = new java.util.ArrayList<>();
            map.path("features").forEach(f -> {
                if (f.path("properties").path("measures").asInt() > 0 && f.path("id").asText().startsWith("03157002")) {
                    hatched.add(f.path("id").asText());
                }
            });
            assertThat(hatched).hasSize(11);
            String indicatorPage = http.send(HttpRequest.newBuilder(URI.create(base + "/indikator/sgb2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(indicatorPage).contains(ExampleCounty.NAME);
        }

        // the data sheet a funding bid for the Quartiersmanagement would attach: the group's own figures
        Path dataSheet = dir.resolve("datenblatt-peine-kernstadt-stederdorf.pdf");
        assertThat(first.out()).contains("datenblatt Peine-Kernstadt + Stederdorf");
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(dataSheet))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Peine-Kernstadt").contains("Stederdorf").contains("Zusammen");
        }

        Path areas = dir.resolve("data").resolve(DemoFiles.AREAS_CSV);
        byte[] before = Files.readAllBytes(areas);
        CliTest.Run second = CliTest.run("--lang", "de", "demo", "--no-serve", "--dir", dir.toString());
        assertThat(second.out()).contains("SYNTHETISCH").contains("weiterverwendet").contains("unchanged (result sets present)")
                .contains("unchanged (release 1 is published)").contains("unchanged (release 2 is published)")
                .contains("unchanged (" + template).contains("unchanged (" + dataSheet)
                .contains("import " + ExampleCounty.FILE_NAME + ": unchanged");
        assertThat(Files.readAllBytes(areas)).isEqualTo(before);
        assertThat(second.exit()).isEqualTo(first.exit());
    }

    @Test
    void demoNeverWritesIntoAnotherWorkspace(@TempDir Path tmp) throws Exception {
        assertThat(CliTest.run("init", tmp.toString()).exit()).isZero();
        CliTest.Run r = CliTest.run("--lang", "en", "demo", "--no-serve", "--dir", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).contains("not the synthetic Peine demo");
        assertThat(Files.exists(tmp.resolve("data").resolve(DemoFiles.AREAS_CSV))).isFalse();
    }

    @Test
    void helpDescribesTheDemoInBothLanguages() {
        assertThat(CliTest.run("--lang", "en", "demo", "--help").out()).contains("--no-serve").contains("--port").contains("Landkreis Peine");
        assertThat(CliTest.run("--lang", "de", "demo", "--help").out()).contains("Legt den Demo-Arbeitsbereich").contains("Startwert");
    }
}
