package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyse indicators | sensitivity | certainty} on a workspace fed through the normal import. */
class AnalyseCommandTest {
    static final String[] VARIABLES = {"pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18", "children_single_parent",
            "sgb2_u65", "unemployed", "children_u15_sgb2", "grusi_65plus", "school_leavers", "school_leavers_low"};
    static final double[] SHARES = {0.18, 0.14, 0.62, 0.22, 0.3, 0.15, 0.08, 0.05, 0.12, 0.04, 0.012, 0.2};

    @TempDir
    static Path tmp;
    static Path ws;

    @BeforeAll
    static void workspace() throws Exception {
        ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        List<String> areas = new ArrayList<>(List.of("code;name;level;parent", "K;Kreis;Landkreis;", "G;Gemeinde;Gemeinde;K"));
        List<String> data = new ArrayList<>(List.of("area_code;year;variable;value"));
        Random rnd = new Random(5);
        for (int a = 1; a <= 14; a++) {
            String code = "L" + a;
            areas.add(code + ";Ort " + a + ";Ortsteil;G");
            double pop = a == 14 ? 180 : 400 + rnd.nextInt(3000);
            double latent = rnd.nextGaussian();
            for (int year = 2017; year <= 2020; year++) {
                double p = Math.floor(pop * (0.97 + 0.06 * rnd.nextDouble()));
                data.add(code + ";" + year + ";pop_total;" + (long) p);
                for (int v = 0; v < VARIABLES.length; v++) {
                    double base = v < 4 || v == 10 ? p : p * 0.3;
                    double share = SHARES[v] * (v < 4 || v == 10 ? 1 : Math.max(0.2, 1 + 0.4 * latent + 0.2 * rnd.nextGaussian()));
                    data.add(code + ";" + year + ";" + VARIABLES[v] + ";" + (long) Math.floor(base * share));
                }
            }
        }
        Path areasFile = ws.resolve("data/areas.csv");
        Path dataFile = ws.resolve("data/data.csv");
        Files.createDirectories(areasFile.getParent());
        Files.write(areasFile, areas);
        Files.write(dataFile, data);
        for (Path f : List.of(areasFile, dataFile)) {
            CliTest.Run r = CliTest.run("import", f.toString(), "-w", ws.toString());
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
        }
    }

    @Test
    void certaintyGivesEveryAreaInTheIndexAProbabilityPerClassInCsvAndJsonAlike() throws Exception {
        CliTest.Run csv = CliTest.run("analyse", "certainty", "--draws", "200", "--format", "csv", "-w", ws.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        List<String> header = List.of(lines.get(0).split(";"));
        assertThat(header).startsWith("area_code", "area_name", "status_class", "p_hoch", "p_mittel", "p_niedrig",
                "p_sehr_niedrig", "status_certainty").endsWith("borderline");
        // L14 has fewer than 300 inhabitants: not in the index, no certainty
        assertThat(lines).hasSize(14).noneMatch(l -> l.startsWith("L14;"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            double sum = 0;
            for (int i = 3; i <= 6; i++) {
                sum += Double.parseDouble(f[i]);
            }
            assertThat(sum).as(line).isCloseTo(1, within(1e-9));
            double certainty = Double.parseDouble(f[header.indexOf("status_certainty")]);
            assertThat(f[header.indexOf("borderline")]).isEqualTo(String.valueOf(certainty < 0.8
                    || Double.parseDouble(f[header.indexOf("dynamics_certainty")]) < 0.8
                    || Double.parseDouble(f[header.indexOf("attention_certainty")]) < 0.8));
        }

        CliTest.Run json = CliTest.run("analyse", "certainty", "--draws", "200", "--format", "json", "--threads", "1",
                "-w", ws.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("analysis").asText()).isEqualTo("certainty");
        assertThat(doc.path("model").asText()).isEqualTo("poisson");
        assertThat(doc.path("draws").asInt()).isEqualTo(200);
        assertThat(doc.path("year").asInt()).isEqualTo(2020);
        JsonNode first = doc.path("tables").path("certainty").get(0);
        String[] f = lines.get(1).split(";", -1);
        assertThat(first.path("area_code").asText()).isEqualTo(f[0]);
        assertThat(first.path("p_mittel").asDouble()).isEqualTo(Double.parseDouble(f[4]));
    }

    @Test
    void indicatorsGivesCoverageCorrelationsAndRankedCandidateSets() throws Exception {
        CliTest.Run json = CliTest.run("analyse", "indicators", "--format", "json", "--set", "sgb2,unemployed",
                "-w", ws.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode tables = new ObjectMapper().readTree(json.out()).path("tables");
        JsonNode sgb2 = null;
        for (JsonNode row : tables.path("indicators")) {
            if (row.path("indicator").asText().equals("sgb2")) {
                sgb2 = row;
            }
        }
        assertThat(sgb2.path("areas").asInt()).isEqualTo(14);
        assertThat(sgb2.path("below_min_population").asInt()).isEqualTo(1);
        assertThat(sgb2.path("n").asInt()).isEqualTo(13);
        assertThat(sgb2.path("in_status_index").asBoolean()).isTrue();
        // one latent disadvantage drives the generated counts: the poverty indicators correlate
        assertThat(tables.path("spearman")).isNotEmpty();
        assertThat(tables.path("stability")).isNotEmpty();
        List<String> setNames = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (JsonNode s : tables.path("sets")) {
            setNames.add(s.path("set").asText());
            ranks.add(s.path("rank").asInt());
        }
        assertThat(setNames).contains("configured", "-sgb2", "sgb2,unemployed");
        assertThat(ranks).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, ranks.size()).boxed().toList());

        CliTest.Run csv = CliTest.run("analyse", "indicators", "--format", "csv", "--table", "spearman",
                "--indicators", "sgb2,unemployed,children_min_income", "-w", ws.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().toList()).first().isEqualTo("indicator;sgb2;unemployed;children_min_income");
        assertThat(csv.out().lines().toList()).hasSize(4).element(1).asString().startsWith("sgb2;1;");
    }

    @Test
    void sensitivityListsEveryVariant() {
        CliTest.Run csv = CliTest.run("analyse", "sensitivity", "--format", "csv", "--table", "variants", "-w", ws.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("variant;parameter;areas;status_changes;dynamics_changes;attention_changes;error");
        assertThat(lines).anyMatch(l -> l.startsWith("leave_out;sgb2;14;")).anyMatch(l -> l.startsWith("thresholds;+0.1;"))
                .anyMatch(l -> l.startsWith("min_population;500;")).anyMatch(l -> l.startsWith("dynamics_years;2;"));
        CliTest.Run table = CliTest.run("--lang", "en", "analyse", "sensitivity", "-w", ws.toString());
        assertThat(table.out()).contains("Variants of the method").contains("Areas that change");
    }

    @Test
    void theCommitteeTemplateHasAPagePerCandidateWithTheAnalysesNumbers() throws Exception {
        Path pdf = tmp.resolve("abstimmung.pdf");
        CliTest.Run r = CliTest.run("report", "--type", "abstimmung", "--output", pdf.toString(), "-w", ws.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String text;
        int pages;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            pages = doc.getNumberOfPages();
            assertThat(doc.getDocumentInformation().getTitle()).contains("Abstimmung der Aufmerksamkeitsindikatoren 2020");
        }
        // the default catalog has 22 indicators: a section (and a recommendation field) for each
        assertThat(text.split("Empfehlung", -1)).hasSize(23);
        assertThat(pages).isGreaterThan(22);
        assertThat(text).contains("ARBEITSUNTERLAGE").contains("Überblick über die Kandidaten")
                .contains("Wie empfindlich ist die Einstufung?").contains("Wie sicher ist die Klasse jedes Gebiets?")
                .contains("SGB-II-Empfänger/-innen");

        // the same numbers as analyse indicators: the median of the SGB II rate
        CliTest.Run json = CliTest.run("analyse", "indicators", "--format", "json", "--table", "indicators", "-w", ws.toString());
        JsonNode sgb2 = null;
        for (JsonNode row : new ObjectMapper().readTree(json.out()).path("tables").path("indicators")) {
            if (row.path("indicator").asText().equals("sgb2")) {
                sgb2 = row;
            }
        }
        String median = new de.sozialmonitor.report.ReportTexts("de").number(sgb2.path("median").asDouble(), 1);
        Path html = tmp.resolve("abstimmung.html");
        CliTest.Run h = CliTest.run("report", "--type", "abstimmung", "--format", "html", "--output", html.toString(),
                "-w", ws.toString());
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(Files.readString(html)).contains("Median " + median);
    }

    @Test
    void anUnknownCountModelOrIndicatorIsRefused() {
        assertThat(CliTest.run("analyse", "certainty", "--model", "normal", "-w", ws.toString()).exit()).isEqualTo(2);
        CliTest.Run r = CliTest.run("--lang", "en", "analyse", "indicators", "--indicators", "nope", "-w", ws.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("indicator 'nope' is not in the catalog");
    }
}
