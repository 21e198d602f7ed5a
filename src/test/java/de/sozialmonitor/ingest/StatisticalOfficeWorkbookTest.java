package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.workflow.ComputeWorkflow;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statistical office's workbook as it is published — one sheet of Stadtteil profiles with a title
 * naming the reference date, a three-row merged header, district total rows after their parts that
 * share their names with Stadtteile, "." placeholders, share columns beside the counts, a signed
 * column (net migration) and notes below the table — imports unmodified through the mapping that
 * docs/import.md shows (read from there, so the documentation is what is tested), and the shares
 * computed from its counts equal the shares it delivers. The figures are synthetic; the names are
 * Hamburg's.
 */
class StatisticalOfficeWorkbookTest {
    @TempDir
    Path tmp;

    /** A row of the workbook: an area (by code) and its counts; the shares are computed when writing. */
    record Row(String name, String code, long pop, long u18, long p65, long foreign, long netMigration, Long sgb2) {
    }

    /** Stadtteile of three Bezirke, each group followed by its total row; Eimsbüttel's total includes 6,777 people without a Stadtteil. */
    static final Map<String, List<Row>> BEZIRKE = new LinkedHashMap<>();
    static final Map<String, String> BEZIRK_CODE = Map.of("Altona", "0202", "Eimsbüttel", "0203", "Harburg", "0207");

    static {
        BEZIRKE.put("Altona", List.of(
                new Row("Altona-Altstadt", "020201", 30_004, 4_412, 4_020, 7_950, 310, 3_960L),
                new Row("Ottensen", "020204", 35_788, 6_010, 4_410, 5_120, -120, 2_210L),
                new Row("Bahrenfeld", "020205", 30_207, 4_980, 5_210, 6_030, 455, 3_015L)));
        BEZIRKE.put("Eimsbüttel", List.of(
                new Row("Eimsbüttel", "020301", 57_345, 8_450, 8_920, 9_870, -410, 4_120L),
                new Row("Harvestehude", "020303", 17_956, 2_990, 4_610, 2_540, 95, null),
                new Row("Stellingen", "020305", 28_761, 4_850, 5_460, 6_120, 240, 3_330L),
                new Row("Lokstedt", "020306", 29_403, 5_020, 5_880, 4_800, 612, 2_460L),
                new Row("Eidelstedt", "020307", 33_654, 6_120, 6_300, 7_600, 198, 4_970L),
                new Row("Niendorf", "020308", 41_980, 6_880, 10_120, 4_200, -75, 2_150L),
                new Row("Schnelsen", "020309", 30_002, 5_410, 6_230, 4_450, 130, 2_810L),
                new Row("Rotherbaum", "020302", 16_997, 2_210, 3_110, 3_560, -60, 640L),
                new Row("Hoheluft-West", "020304", 27_001, 3_480, 4_030, 3_720, 15, 1_090L)));
        BEZIRKE.put("Harburg", List.of(
                new Row("Harburg", "020701", 26_560, 4_480, 3_800, 9_870, 512, 5_620L),
                new Row("Heimfeld", "020703", 22_120, 3_950, 3_510, 5_480, -230, 3_110L),
                new Row("Wilstorf", "020704", 17_903, 3_020, 3_350, 4_720, 65, 2_380L)));
    }

    static final long EIMSBUETTEL_TOTAL = 289_876; // the Stadtteile add up to 283,099

    /** The areas file: Hamburg, its Bezirke and Stadtteile, as the city's area register lists them. */
    static String areasFile() {
        StringBuilder sb = new StringBuilder("code;name;level;parent\n02000000;Hamburg;Stadt;\n");
        BEZIRKE.forEach((bezirk, rows) -> {
            sb.append(BEZIRK_CODE.get(bezirk)).append(';').append(bezirk).append(";Bezirk;02000000\n");
            rows.forEach(r -> sb.append(r.code()).append(';').append(r.name()).append(";Stadtteil;").append(BEZIRK_CODE.get(bezirk)).append('\n'));
        });
        return sb.toString();
    }

    private static Row total(String name, String code, List<Row> parts, Long pop) {
        long sgb2 = 0;
        for (Row r : parts) {
            sgb2 += r.sgb2() == null ? 80 : r.sgb2(); // the office knows the suppressed figure
        }
        return new Row(name, code, pop != null ? pop : parts.stream().mapToLong(Row::pop).sum(), parts.stream().mapToLong(Row::u18).sum(),
                parts.stream().mapToLong(Row::p65).sum(), parts.stream().mapToLong(Row::foreign).sum(),
                parts.stream().mapToLong(Row::netMigration).sum(), sgb2);
    }

    /** Every row of the table in its order: the Stadtteile of a Bezirk, then the Bezirk's total; Hamburg last. */
    static List<Row> tableRows() {
        List<Row> rows = new ArrayList<>();
        List<Row> totals = new ArrayList<>();
        BEZIRKE.forEach((bezirk, parts) -> {
            rows.addAll(parts);
            Row t = total(bezirk, BEZIRK_CODE.get(bezirk), parts, bezirk.equals("Eimsbüttel") ? EIMSBUETTEL_TOTAL : null);
            rows.add(t);
            totals.add(t);
        });
        rows.add(total("Hamburg", "02000000", totals, null));
        return rows;
    }

    private static double share(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }

    static void writeWorkbook(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(os, "Statistikamt", "1.0");
            Worksheet s = wb.newWorksheet("Stadtteile");
            s.value(0, 0, "Hamburger Stadtteil-Profile 2020");
            s.value(1, 0, "Bevölkerung am 31.12.2020 nach Stadtteilen und Bezirken");
            // three header rows, merged over the columns (and the rows) they span
            s.value(3, 0, "Stadtteil");
            s.range(3, 0, 5, 0).merge();
            s.value(3, 1, "Bevölkerung");
            s.value(4, 1, "insgesamt");
            String[] groups = {"Unter 18-Jährige", "65-Jährige und Ältere", "Ausländerinnen und Ausländer"};
            for (int g = 0; g < groups.length; g++) {
                int c = 2 + 2 * g;
                s.value(3, c, groups[g]);
                s.range(3, c, 3, c + 1).merge();
                s.value(4, c, "Anzahl");
                s.value(4, c + 1, "Anteil");
                s.value(5, c, "Personen");
                s.value(5, c + 1, "%");
            }
            s.value(5, 1, "Personen");
            s.value(3, 8, "Wanderungssaldo");
            s.range(3, 8, 4, 8).merge();
            s.value(5, 8, "Personen");
            s.value(3, 9, "SGB-II-Leistungsempfänger/-innen unter 65 Jahren");
            s.value(4, 9, "Anzahl");
            s.value(5, 9, "Personen");
            int r = 6;
            for (Row row : tableRows()) {
                s.value(r, 0, row.name());
                s.value(r, 1, row.pop());
                s.value(r, 2, row.u18());
                s.value(r, 3, share(row.u18(), row.pop()));
                s.value(r, 4, row.p65());
                s.value(r, 5, share(row.p65(), row.pop()));
                s.value(r, 6, row.foreign());
                s.value(r, 7, share(row.foreign(), row.pop()));
                s.value(r, 8, row.netMigration());
                if (row.sgb2() == null) {
                    s.value(r, 9, "."); // kept secret
                } else {
                    s.value(r, 9, row.sgb2());
                }
                r++;
            }
            s.value(r + 1, 0, "Zeichenerklärung: . = Zahlenwert unbekannt oder geheim zu halten");
            s.value(r + 2, 0, "Bezirkssummen einschließlich der Personen ohne Zuordnung zu einem Stadtteil.");
            s.value(r + 3, 0, "Quelle: Statistisches Amt für Hamburg und Schleswig-Holstein (synthetische Zahlen)");
            wb.finish();
        }
    }

    /** The YAML block of docs/import.md whose first line is {@code # <name>}: the mapping shown there is the one tested. */
    static String docsBlock(String name) throws IOException {
        String doc = Files.readString(Path.of("docs/import.md"));
        Matcher m = Pattern.compile("```yaml\\n# " + Pattern.quote(name) + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/import.md shows " + name).isTrue();
        return "# " + name + "\n" + m.group(1);
    }

    private Workspace workspace() throws IOException {
        Path dir = tmp.resolve("ws");
        WorkspaceInitializer.create(dir, Map.of("code: \"00000\"", "code: \"02000000\"", "name: \"Mein Landkreis\"", "name: \"Hamburg\""));
        Path catalog = dir.resolve("indicators.yaml");
        // the catalog's addition of the worked example, as docs/import.md shows it
        String addition = docsBlock("indicators.yaml (added)");
        String variables = addition.substring(addition.indexOf("variables:\n") + "variables:\n".length(), addition.indexOf("indicators:\n"));
        String indicators = addition.substring(addition.indexOf("indicators:\n") + "indicators:\n".length());
        String text = Files.readString(catalog).replaceFirst("variables:\n", "variables:\n" + Matcher.quoteReplacement(variables))
                .replaceFirst("indicators:\n", "indicators:\n" + Matcher.quoteReplacement(indicators));
        Files.writeString(catalog, text);
        // the status index of the worked example: indicators the workbook delivers
        Path config = dir.resolve("sozialmonitor.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?s)  status_indicators:.*?school_leavers_low: 1\n",
                "  analysis_level: Stadtteil\n  status_indicators: {share_u18: 1, foreigners: 1}\n"));
        Files.createDirectories(dir.resolve("sources"));
        Files.writeString(dir.resolve("sources/stadtteil-profile.yaml"), docsBlock("sources/stadtteil-profile.yaml"));
        return Workspace.open(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theWorkbookImportsUnmodifiedAndItsSharesAreTheRatiosOfItsCounts(TestDatabases.Kind kind) throws IOException {
        Workspace ws = workspace();
        Path areas = Files.writeString(tmp.resolve("gebiete-hamburg.csv"), areasFile());
        Path workbook = tmp.resolve("stadtteil-profile-2020.xlsx");
        writeWorkbook(workbook);
        try (Database db = kind.open()) {
            assertThat(Importer.importFile(ws, db, areas, "anna").imported()).isTrue();
            ImportOutcome o = Importer.importFile(ws, db, workbook, "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).as(o.report().toText()).isEmpty();
            assertThat(o.imported()).isTrue();
            // 15 Stadtteile, 3 Bezirke and Hamburg, each with 9 figures
            assertThat(o.rowsAccepted()).isEqualTo(19 * 9);
            // the one warning: Eimsbüttel's delivered total against its Stadtteile
            assertThat(o.report().problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("total_differs_from_parts");
                assertThat(p.reason()).contains("Eimsbüttel (0203)").contains("pop_total ist als Summe 289876 geliefert")
                        .contains("die 9 Teilgebiete ergeben zusammen 283099").contains("Unterschied 6777")
                        .contains("Eimsbüttel (020301) 57345").contains("Harvestehude (020303) 17956");
            });
            List<Observation> active = ObservationStore.active(db.jdbi());
            // the Stadtteile named like their Bezirk got their own rows, the Bezirke their totals
            assertThat(value(active, "020301", "pop_total")).isEqualTo(57_345.0);
            assertThat(value(active, "0203", "pop_total")).isEqualTo(289_876.0);
            assertThat(value(active, "020701", "pop_total")).isEqualTo(26_560.0);
            assertThat(value(active, "0207", "pop_total")).isEqualTo(66_583.0);
            assertThat(value(active, "020201", "net_migration")).isEqualTo(310.0);
            assertThat(value(active, "020204", "net_migration")).isEqualTo(-120.0);
            assertThat(find(active, "020303", "sgb2_u65").status()).isEqualTo(ValueStatus.UNKNOWN);

            MonitoringResult r = ComputeWorkflow.compute(ws, db, 2020, "anna").result();
            String[][] pairs = {{"share_u18", "u18_delivered"}, {"share_65plus", "p65_delivered"}, {"foreigners", "foreign_delivered"}};
            int compared = 0;
            for (int a = 0; a < r.areas().size(); a++) {
                for (String[] p : pairs) {
                    double computed = r.current(p[0]).value()[a];
                    double delivered = r.current(p[1]).value()[a];
                    assertThat(delivered).as(r.areas().name(a) + " " + p[1]).isCloseTo(computed, within(0.05 + 1e-9));
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(19 * 3);
            assertThat(r.status().participants()).isEqualTo(15);
        }
    }

    private static Observation find(List<Observation> active, String area, String variable) {
        return active.stream().filter(o -> o.areaCode().equals(area) && o.variable().equals(variable) && o.year() == 2020)
                .findFirst().orElseThrow(() -> new AssertionError("no " + area + " " + variable));
    }

    private static double value(List<Observation> active, String area, String variable) {
        return find(active, area, variable).value();
    }
}
