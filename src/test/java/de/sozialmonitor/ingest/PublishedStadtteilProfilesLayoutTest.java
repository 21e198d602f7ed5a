package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of the Stadtteil profiles as Statistikamt Nord published them (the 2014 edition that
 * issue 13 was found with): the reference date in the topmost of three merged header rows, 99
 * Stadtteile in the order of their Bezirke, then the seven Bezirk totals as one block and the city
 * last, four Bezirke named like one of their Stadtteile, "." in the price column. The names and the
 * row positions are the published ones, the figures synthetic. It imports unmodified with the
 * mapping docs/import.md shows for it (read from there); without the rule for the Stadtteil rows
 * each of the four names is one error naming both candidates.
 */
class PublishedStadtteilProfilesLayoutTest {
    @TempDir
    Path tmp;

    static final List<String> BEZIRKE = List.of("Hamburg-Mitte", "Altona", "Eimsbüttel", "Hamburg-Nord", "Wandsbek", "Bergedorf", "Harburg");
    static final List<List<String>> STADTTEILE = List.of(
            List.of("Hamburg-Altstadt", "HafenCity", "Neustadt", "St. Pauli", "St. Georg", "Hammerbrook", "Borgfelde", "Hamm", "Horn",
                    "Billstedt", "Billbrook", "Rothenburgsort", "Veddel", "Wilhelmsburg", "Kleiner Grasbrook und Steinwerder",
                    "Waltershof und Finkenwerder"),
            List.of("Altona-Altstadt", "Sternschanze", "Altona-Nord", "Ottensen", "Bahrenfeld", "Groß Flottbek", "Othmarschen", "Lurup",
                    "Osdorf", "Nienstedten", "Blankenese", "Iserbrook", "Sülldorf", "Rissen"),
            List.of("Eimsbüttel", "Rotherbaum", "Harvestehude", "Hoheluft-West", "Lokstedt", "Niendorf", "Schnelsen", "Eidelstedt",
                    "Stellingen"),
            List.of("Hoheluft-Ost", "Eppendorf", "Groß Borstel", "Alsterdorf", "Winterhude", "Uhlenhorst", "Hohenfelde", "Barmbek-Süd",
                    "Dulsberg", "Barmbek-Nord", "Ohlsdorf", "Fuhlsbüttel", "Langenhorn"),
            List.of("Eilbek", "Wandsbek", "Marienthal", "Jenfeld", "Tonndorf", "Farmsen-Berne", "Bramfeld", "Steilshoop", "Wellingsbüttel",
                    "Sasel", "Poppenbüttel", "Hummelsbüttel", "Lemsahl-Mellingstedt", "Duvenstedt", "Wohldorf-Ohlstedt", "Bergstedt",
                    "Volksdorf", "Rahlstedt"),
            List.of("Lohbrügge", "Bergedorf", "Curslack", "Altengamme", "Neuengamme", "Kirchwerder", "Ochsenwerder", "Reitbrook",
                    "Allermöhe", "Billwerder", "Moorfleet", "Tatenberg", "Spadenland", "Neuallermöhe"),
            List.of("Harburg", "Neuland und Gut Moor", "Wilstorf", "Rönneburg", "Langenbek", "Sinstorf", "Marmstorf", "Eißendorf", "Heimfeld",
                    "Moorburg und Altenwerder", "Hausbruch", "Neugraben-Fischbek", "Francop", "Neuenfelde", "Cranz"));
    /** People in Hamburg-Mitte without a Stadtteil (the published workbook: 289,876 against 283,099). */
    static final long MITTE_WITHOUT_STADTTEIL = 6_777;

    static String bezirkCode(int b) {
        return "0200" + (b + 1);
    }

    static String stadtteilCode(int b, int s) {
        return bezirkCode(b) + String.format("%03d", s + 1);
    }

    static String areasFile() {
        StringBuilder sb = new StringBuilder("code;name;level;parent\n02000000;Hamburg;Stadt;\n");
        for (int b = 0; b < BEZIRKE.size(); b++) {
            sb.append(bezirkCode(b)).append(';').append(BEZIRKE.get(b)).append(";Bezirk;02000000\n");
            for (int s = 0; s < STADTTEILE.get(b).size(); s++) {
                sb.append(stadtteilCode(b, s)).append(';').append(STADTTEILE.get(b).get(s)).append(";Stadtteil;").append(bezirkCode(b)).append('\n');
            }
        }
        return sb.toString();
    }

    static int column(String letters) {
        int c = 0;
        for (char ch : letters.toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    static long population(int b, int s) {
        return 1_000 + 137L * ((b * 31 + s * 17) % 97);
    }

    /** One table row: name, population, under-18s, 65+, foreigners, net migration (signed), land price or null for ".". */
    record Row(String name, long pop, long u18, long p65, long foreign, long saldo, Long price) {
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<Row> totals = new ArrayList<>();
        for (int b = 0; b < BEZIRKE.size(); b++) {
            long[] sum = new long[5];
            for (int s = 0; s < STADTTEILE.get(b).size(); s++) {
                long pop = population(b, s);
                Row r = new Row(STADTTEILE.get(b).get(s), pop, pop / 6, pop / 5, pop / 7, (s % 3 - 1) * (pop / 50),
                        s % 9 == 4 ? null : 300L + 40 * s);
                rows.add(r);
                long[] add = {r.pop(), r.u18(), r.p65(), r.foreign(), r.saldo()};
                for (int k = 0; k < 5; k++) {
                    sum[k] += add[k];
                }
            }
            totals.add(new Row(BEZIRKE.get(b), sum[0] + (b == 0 ? MITTE_WITHOUT_STADTTEIL : 0), sum[1], sum[2], sum[3], sum[4], 500L));
        }
        rows.addAll(totals);
        rows.add(new Row("Hamburg", totals.stream().mapToLong(Row::pop).sum(), totals.stream().mapToLong(Row::u18).sum(),
                totals.stream().mapToLong(Row::p65).sum(), totals.stream().mapToLong(Row::foreign).sum(),
                totals.stream().mapToLong(Row::saldo).sum(), 520L));
        return rows;
    }

    private static double share(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }

    static void writeWorkbook(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "Statistikamt Nord", "1.0");
            Worksheet s = wb.newWorksheet("Stadtteilprofile 2014");
            s.value(0, 0, "Statistische Daten zu den Stadtteilen Hamburgs, © Statistikamt Nord ");
            s.value(1, 0, "Stadtgebiet");
            s.range(1, 0, 3, 0).merge();
            String[][] groups = {{"B", "V", "Bevölkerung und Haushalte 31.12.2013"}, {"W", "AC", "Bevölkerungsbewegung 2013"},
                    {"AD", "AR", "Sozialstruktur"}, {"AS", "BF", "Wohnen"}, {"BG", "BQ", "Infrastruktur und Verkehr"}};
            for (String[] g : groups) {
                s.value(1, column(g[0]), g[2]);
                s.range(1, column(g[0]), 1, column(g[1])).merge();
            }
            // every column has its short and its long label, as published; the mapped ones with the published texts
            for (int c = 1; c <= column("BQ"); c++) {
                s.value(2, c, "Merkmal " + c);
                s.value(3, c, "Beschreibung des Merkmals " + c);
            }
            String[][] labels = {{"B", "Bevölkerung", "Anzahl der Einwohnerinnen und Einwohner"},
                    {"C", "Unter 18-Jährige", "Anzahl der Kinder und Jugendlichen unter 18 Jahren"},
                    {"D", "Anteil der unter 18-Jährigen in %", "Anteil Kinder und Jugendlicher unter 18 Jahren an der Gesamt-bevölkerung"},
                    {"E", " 65-Jährige und Ältere", "Anzahl älterer Einwohnerinnen und Einwohner über 64 Jahren"},
                    {"F", "Anteil der 65-Jährigen und Älteren in %", "Anteil älterer Einwohnerinnen und Einwohner über 64 Jahren"},
                    {"G", "Ausländerinnen und Ausländer", "Anzahl ausländischer Einwohnerinnen und Einwohner "},
                    {"H", "Ausländeranteil in %", "Anteil ausländischer Einwohnerinnen und Einwohner an der Gesamt-bevölkerung"},
                    {"AC", "Wanderungssaldo", "Differenz der Zuzüge und Fortzüge über die Stadtteilgrenze"},
                    {"BD", "Preise für Grundstücke in EUR/m² (Jan 2014)", "Durchschnittlicher Immobilienpreis für ein Grundstück in EUR/m²"}};
            for (String[] l : labels) {
                s.value(2, column(l[0]), l[1]);
                s.value(3, column(l[0]), l[2]);
            }
            int r = 4;
            for (Row row : rows()) {
                s.value(r, 0, row.name());
                s.value(r, column("B"), row.pop());
                s.value(r, column("C"), row.u18());
                s.value(r, column("D"), share(row.u18(), row.pop()));
                s.value(r, column("E"), row.p65());
                s.value(r, column("F"), share(row.p65(), row.pop()));
                s.value(r, column("G"), row.foreign());
                s.value(r, column("H"), share(row.foreign(), row.pop()));
                s.value(r, column("AC"), row.saldo());
                if (row.price() == null) {
                    s.value(r, column("BD"), ".");
                } else {
                    s.value(r, column("BD"), row.price());
                }
                r++;
            }
            wb.finish();
        }
    }

    private Workspace workspace(String mapping) throws IOException {
        Path dir = tmp.resolve("ws");
        WorkspaceInitializer.create(dir, Map.of("code: \"00000\"", "code: \"02000000\"", "name: \"Mein Landkreis\"", "name: \"Hamburg\""));
        Path catalog = dir.resolve("indicators.yaml");
        String addition = StatisticalOfficeWorkbookTest.docsBlock("indicators.yaml (added)");
        String variables = addition.substring(addition.indexOf("variables:\n") + "variables:\n".length(), addition.indexOf("indicators:\n"))
                + "  land_price:    {de: \"Preise für Grundstücke\", kind: rate, unit: \"EUR/m²\"}\n";
        Files.writeString(catalog, Files.readString(catalog).replaceFirst("variables:\n", "variables:\n" + Matcher.quoteReplacement(variables)));
        Files.createDirectories(dir.resolve("sources"));
        // the published workbook delivers only the columns written above: the BA columns of the mapping are left out here
        Files.writeString(dir.resolve("sources/stadtteilprofile-2014.yaml"), mapping.replaceAll("(?m)^  (AF|AL|AN): .*\\n", ""));
        return Workspace.open(dir);
    }

    @Test
    void thePublishedLayoutWithTheBezirkTotalsAfterAllStadtteileImportsWithRulesPerRowRange() throws IOException {
        String mapping = StatisticalOfficeWorkbookTest.docsBlock("sources/stadtteilprofile-2014.yaml");
        Path workbook = tmp.resolve("Daten_fuer_die_Stadtteilprofile_2014.xlsx");
        writeWorkbook(workbook);
        try (Database db = TestDatabases.h2()) {
            Workspace ws = workspace(mapping);
            assertThat(Importer.importFile(ws, db, Files.writeString(tmp.resolve("gebiete.csv"), areasFile()), "anna").imported()).isTrue();

            // the Bezirk rule alone: the four Stadtteile named like their Bezirk stay ambiguous, one error each
            Files.writeString(ws.sourcesDir().resolve("stadtteilprofile-2014.yaml"), Files.readString(ws.sourcesDir()
                    .resolve("stadtteilprofile-2014.yaml")).replace("{rows: \"5-103\", level: Stadtteil}, ", ""));
            CheckReport bezirkOnly = Importer.check(ws, db, workbook);
            assertThat(bezirkOnly.problems()).filteredOn(Problem::isError).extracting(Problem::value)
                    .containsExactly("Eimsbüttel", "Wandsbek", "Bergedorf", "Harburg");
            assertThat(bezirkOnly.problems()).filteredOn(Problem::isError).first().satisfies(p -> assertThat(p.reason())
                    .contains("der Name passt auf 2 Gebiete").contains("Eimsbüttel (Bezirk, 02003, in Hamburg)")
                    .contains("Eimsbüttel (Stadtteil, 02003001, in Eimsbüttel)"));

            // with the rules of docs/import.md the unmodified workbook imports
            Files.writeString(ws.sourcesDir().resolve("stadtteilprofile-2014.yaml"), mapping.replaceAll("(?m)^  (AF|AL|AN): .*\\n", ""));
            ImportOutcome o = Importer.importFile(ws, db, workbook, "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).as(o.report().toText()).isEmpty();
            assertThat(o.imported()).isTrue();
            assertThat(o.rowsAccepted()).isEqualTo((99 + 7 + 1) * 9);
            assertThat(o.report().problems()).singleElement().satisfies(p -> assertThat(p.reason())
                    .contains("Hamburg-Mitte (02001) 2013: pop_total ist als Summe").contains("Unterschied 6777"));
            List<Observation> active = ObservationStore.active(db.jdbi());
            assertThat(value(active, "02003001", "pop_total")).isEqualTo(population(2, 0));
            assertThat(value(active, "02003", "pop_total")).isEqualTo(rows().get(99 + 2).pop());
            assertThat(value(active, "02007001", "net_migration")).isEqualTo(-(population(6, 0) / 50));
            assertThat(find(active, stadtteilCode(0, 4), "land_price").status()).isEqualTo(ValueStatus.UNKNOWN);
            assertThat(value(active, "02000000", "u18_share")).isEqualTo(share(rows().get(106).u18(), rows().get(106).pop()));
        }
    }

    private static Observation find(List<Observation> active, String area, String variable) {
        return active.stream().filter(o -> o.areaCode().equals(area) && o.variable().equals(variable) && o.year() == 2013)
                .findFirst().orElseThrow(() -> new AssertionError("no " + area + " " + variable));
    }

    private static double value(List<Observation> active, String area, String variable) {
        return find(active, area, variable).value();
    }
}
