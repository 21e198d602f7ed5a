package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workflow.ComputeWorkflow;
import de.sozialmonitor.workspace.Workspace;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One register extract as it comes — a row per person with birth date, sex, nationality, household
 * type, SGB II, Grundsicherung, unemployment and Eingliederungshilfe flags from the social-welfare
 * case files, the school-leaving qualification, and coordinates — feeds every standard variable of
 * the default catalog through one mapping (the one docs/import.md shows), and every count equals an
 * independent aggregation of the same persons written here in plain Java, including the documented
 * rule for points on boundaries shared by two areas.
 */
class RegisterExtractTest {
    @TempDir
    Path tmp;

    static final LocalDate REFERENCE = LocalDate.of(2023, 12, 31);
    /** Four localities on a 2 x 2 grid: south-west, south-east, north-west, north-east. */
    static final String[] CODES = {"0999900101", "0999900102", "0999900103", "0999900104"};
    static final double X0 = 10.0;
    static final double XM = 10.1;
    static final double X1 = 10.2;
    static final double Y0 = 52.0;
    static final double YM = 52.1;
    static final double Y1 = 52.2;

    record Person(double lon, double lat, LocalDate born, String sex, String nationality, String household, int sgb2,
                  int grusi, int unemployed, int egh, String school) {
        int age() {
            return Period.between(born, REFERENCE).getYears();
        }

        /** The locality by the half-open grid rule of docs/import.md: a cell owns its west and south edges. */
        String area() {
            int col = lon >= XM ? 1 : 0;
            int row = lat >= YM ? 1 : 0;
            return CODES[row * 2 + col];
        }
    }

    static List<Person> persons(long seed) {
        Random rnd = new Random(seed);
        List<Person> out = new ArrayList<>();
        String[] households = {"alleinerziehend", "paar_mit_kindern", "paar_ohne_kinder", "einpersonen", "sonstige"};
        String[] nationalities = {"deutsch", "deutsch", "deutsch", "deutsch", "türkisch", "polnisch", "syrisch"};
        for (int i = 0; i < 4200; i++) {
            double lon;
            double lat;
            if (i % 100 == 0) {
                lon = XM; // on the north-south boundary
                lat = Y0 + 0.01 + 0.18 * rnd.nextDouble();
            } else if (i % 100 == 1) {
                lon = X0 + 0.01 + 0.18 * rnd.nextDouble();
                lat = YM; // on the east-west boundary
            } else if (i % 500 == 2) {
                lon = XM; // on the corner of all four
                lat = YM;
            } else {
                lon = X0 + 0.0001 + 0.1998 * rnd.nextDouble();
                lat = Y0 + 0.0001 + 0.1998 * rnd.nextDouble();
            }
            int age = rnd.nextInt(96);
            LocalDate born = REFERENCE.minusYears(age).minusDays(rnd.nextInt(365));
            int a = Period.between(born, REFERENCE).getYears();
            boolean poor = rnd.nextInt(10) == 0;
            String school = a >= 15 && a <= 19 && rnd.nextInt(4) == 0
                    ? new String[] {"ohne", "erster", "mittlerer", "abitur"}[rnd.nextInt(4)] : "";
            out.add(new Person(lon, lat, born, rnd.nextBoolean() ? "1" : "2", nationalities[rnd.nextInt(nationalities.length)],
                    a < 18 || rnd.nextInt(3) == 0 ? households[rnd.nextInt(2)] : households[2 + rnd.nextInt(3)],
                    poor && a < 65 ? 1 : 0, poor && a >= 65 ? 1 : 0, a >= 15 && a < 65 && rnd.nextInt(20) == 0 ? 1 : 0,
                    rnd.nextInt(100) == 0 ? 1 : 0, school));
        }
        return out;
    }

    static String extract(List<Person> persons) {
        StringBuilder sb = new StringBuilder("lon;lat;Geburtsdatum;Geschlecht;Staatsangehoerigkeit;Haushaltstyp;SGB2;Grundsicherung;"
                + "Arbeitslos;Eingliederungshilfe;Schulabschluss\n");
        java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        for (Person p : persons) {
            sb.append(p.lon()).append(';').append(p.lat()).append(';').append(german.format(p.born())).append(';').append(p.sex())
                    .append(';').append(p.nationality()).append(';').append(p.household()).append(';').append(p.sgb2()).append(';')
                    .append(p.grusi()).append(';').append(p.unemployed()).append(';').append(p.egh()).append(';').append(p.school())
                    .append('\n');
        }
        return sb.toString();
    }

    /** The independent aggregation: per variable and target group, the count per locality. */
    static Map<String, Double> expected(List<Person> persons) {
        Map<String, Double> out = new TreeMap<>();
        for (Person p : persons) {
            int a = p.age();
            boolean foreign = !p.nationality().equals("deutsch");
            String band = a <= 5 ? "0-5" : a <= 14 ? "6-14" : a <= 17 ? "15-17" : a <= 24 ? "18-24" : a <= 64 ? "25-64" : a <= 79 ? "65-79" : "80+";
            String area = p.area();
            count(out, area, "pop_total", "");
            count(out, area, "pop_total", "sex=" + (p.sex().equals("1") ? "m" : "f"));
            count(out, area, "pop_total", "nationality=" + (foreign ? "foreign" : "german"));
            count(out, area, "pop_total", "age=" + band);
            if (a < 18) {
                count(out, area, "pop_u18", "");
                if (foreign) {
                    count(out, area, "migrant_u18", "");
                }
                if (p.household().equals("alleinerziehend")) {
                    count(out, area, "children_single_parent", "");
                }
            }
            if (a < 15) {
                count(out, area, "pop_u15", "");
                if (p.sgb2() == 1) {
                    count(out, area, "children_u15_sgb2", "");
                }
            }
            if (a >= 15 && a < 65) {
                count(out, area, "pop_15_64", "");
            }
            if (a >= 65) {
                count(out, area, "pop_65plus", "");
                if (p.grusi() == 1) {
                    count(out, area, "grusi_65plus", "");
                }
            }
            if (p.sgb2() == 1 && a < 65) {
                count(out, area, "sgb2_u65", "");
                count(out, area, "sgb2_u65", "nationality=" + (foreign ? "foreign" : "german"));
            }
            if (p.unemployed() == 1) {
                count(out, area, "unemployed", "");
                count(out, area, "unemployed", "sex=" + (p.sex().equals("1") ? "m" : "f"));
            }
            if (!p.school().isEmpty()) {
                count(out, area, "school_leavers", "");
                if (p.school().equals("ohne") || p.school().equals("erster")) {
                    count(out, area, "school_leavers_low", "");
                }
            }
            if (p.egh() == 1) {
                count(out, area, "eingliederungshilfe", "");
            }
        }
        return out;
    }

    private static void count(Map<String, Double> m, String area, String variable, String group) {
        m.merge(area + " " + variable + " [" + group + "]", 1.0, Double::sum);
    }

    private static String square(String code, double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
                + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]}}";
    }

    private Workspace workspace(Database db) throws IOException {
        Path dir = tmp.resolve("ws");
        WorkspaceInitializer.create(dir, Map.of("code: \"00000\"", "code: \"09999\"", "name: \"Mein Landkreis\"", "name: \"Landkreis K\""));
        Workspace ws = Workspace.open(dir);
        Path areas = Files.writeString(tmp.resolve("gebiete.csv"), "code;name;level;parent\n09999;Landkreis K;Landkreis;\n"
                + "0999900;Gemeinde G;Gemeinde;09999\n" + "0999900101;Südwest;Ortsteil;0999900\n0999900102;Südost;Ortsteil;0999900\n"
                + "0999900103;Nordwest;Ortsteil;0999900\n0999900104;Nordost;Ortsteil;0999900\n");
        Path geo = Files.writeString(tmp.resolve("ortsteile.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + square(CODES[0], X0, Y0, XM, YM) + "," + square(CODES[1], XM, Y0, X1, YM) + ","
                + square(CODES[2], X0, YM, XM, Y1) + "," + square(CODES[3], XM, YM, X1, Y1) + "]}");
        assertThat(Importer.importFile(ws, db, areas, "anna").imported()).isTrue();
        ImportOutcome g = Importer.importFile(ws, db, geo, "anna");
        assertThat(g.imported()).as(g.report().toText()).isTrue();
        Files.writeString(ws.sourcesDir().resolve("register.yaml"), StatisticalOfficeWorkbookTest.docsBlock("sources/register.yaml"));
        return ws;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void oneExtractFeedsEveryStandardVariableAndEqualsAnIndependentAggregation(TestDatabases.Kind kind) throws IOException {
        List<Person> persons = persons(13);
        try (Database db = kind.open()) {
            Workspace ws = workspace(db);
            Path file = Files.writeString(tmp.resolve("register-2023.csv"), extract(persons));
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.report().problems()).filteredOn(Problem::isError).as(o.report().toText()).isEmpty();
            assertThat(o.imported()).isTrue();
            assertThat(o.rowsRead()).isEqualTo(persons.size());

            Map<String, Double> stored = new TreeMap<>();
            for (Observation x : ObservationStore.active(db.jdbi())) {
                stored.put(x.areaCode() + " " + x.variable() + " [" + x.targetGroup().key() + "]", x.value());
            }
            Map<String, Double> expected = expected(persons);
            assertThat(stored).isEqualTo(expected);
            // every standard variable of METHOD.md is among them
            assertThat(stored.keySet().stream().map(k -> k.split(" ")[1]).distinct()).containsExactlyInAnyOrder("pop_total",
                    "pop_u18", "pop_u15", "pop_15_64", "pop_65plus", "migrant_u18", "children_single_parent", "sgb2_u65", "unemployed",
                    "children_u15_sgb2", "grusi_65plus", "school_leavers", "school_leavers_low", "eingliederungshilfe");
            // the boundary rule: on the north-south edge east, on the east-west edge north, on the corner north-east
            assertThat(persons.stream().filter(p -> p.lon() == XM && p.lat() != YM).map(Person::area)).allMatch(
                    a -> a.equals(CODES[1]) || a.equals(CODES[3]));
            assertThat(persons.stream().filter(p -> p.lon() == XM && p.lat() == YM).map(Person::area)).containsOnly(CODES[3]);

            // the default catalog computes from this one extract: every attention indicator has a value
            MonitoringResult r = ComputeWorkflow.compute(ws, db, 2023, "anna").result();
            assertThat(r.status().participants()).isEqualTo(4);
            for (String id : r.config().statusIndicators().keySet()) {
                assertThat(r.current(id).value()[r.areas().indexOf(CODES[0])]).as(id).isNotNaN();
            }
        }
    }
}
