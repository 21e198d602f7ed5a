package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evidence that the method is the published one: Berlin's MSS 2021 table (542 planning areas) goes
 * through the product's own path (workspace catalog and configuration read by the product's readers,
 * observations in the canonical long shape, {@link Monitoring#compute}) and every published class and
 * index comes out. The published z-values are the indicator values; the dynamics indicators are 0 in
 * the base year 2018, so their change is the published dynamics z-value (see the resources' README).
 */
class BerlinMss2021ReproductionTest {
    record Published(String code, String name, int inhabitants, double[] zs, double[] zd,
                     Double statusIndex, String statusClass, Double dynamicsIndex, String dynamicsClass) {
    }

    static final List<Published> TABLE = new ArrayList<>();
    static MonitoringResult result;

    @BeforeAll
    static void computeBerlin() throws Exception {
        Path dir = Path.of(BerlinMss2021ReproductionTest.class.getResource("/berlin-mss-2021/sozialmonitor.yaml").toURI()).getParent();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';').detectBomHeader(true)
                .ofCsvRecord(dir.resolve("mss_2021_index_z_plr.csv"))) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                boolean has = !r.getField(3).isBlank();
                TABLE.add(new Published(r.getField(0), r.getField(1), Integer.parseInt(r.getField(2)),
                        has ? new double[] {d(r, 3), d(r, 4), d(r, 5)} : null,
                        has ? new double[] {d(r, 9), d(r, 10), d(r, 11)} : null,
                        has ? d(r, 7) : null, has ? r.getField(8).trim().replace(' ', '_') : null,
                        has ? d(r, 13) : null, has ? r.getField(14).trim() : null));
            }
        }
        Workspace ws = Workspace.open(dir);
        List<Observation> observations = new ArrayList<>();
        for (Published p : TABLE) {
            for (int year : new int[] {2018, 2020}) {
                observations.add(Observation.of(p.code(), year, "pop_total", p.inhabitants()));
                observations.add(Observation.of(p.code(), year, "one", 1));
                if (p.zs() == null) {
                    continue; // no values published: the area takes no part
                }
                String[] s = {"zs1", "zs3", "zs4"};
                String[] dyn = {"zd1", "zd3", "zd4"};
                for (int i = 0; i < 3; i++) {
                    // base year of zeros: the status there is irrelevant, the change of d is the published zD
                    observations.add(Observation.of(p.code(), year, s[i], year == 2020 ? p.zs()[i] : 0));
                    observations.add(Observation.of(p.code(), year, dyn[i], year == 2020 ? p.zd()[i] : 0));
                }
            }
        }
        MonitoringInput.Builder b = MonitoringInput.builder().levels(List.of("land", "plr"));
        b.area(new Area("11000000", "Berlin", "land", null));
        TABLE.forEach(p -> b.area(new Area(p.code(), p.name(), "plr", "11000000")));
        observations.forEach(b::observation);
        result = Monitoring.compute(b.build(), ws.catalog(), ws.config().method(), 2020);
    }

    private static double d(CsvRecord r, int i) {
        return Double.parseDouble(r.getField(i).trim());
    }

    @Test
    void theSameFiveHundredThirtySixAreasTakePart() {
        assertThat(TABLE).hasSize(542);
        long published = TABLE.stream().filter(p -> p.statusClass() != null).count();
        assertThat(published).isEqualTo(536);
        assertThat(result.status().participants()).isEqualTo(536);
        assertThat(result.dynamics().participants()).isEqualTo(536);
        for (Published p : TABLE) {
            int a = result.areas().indexOf(p.code());
            if (p.statusClass() == null) {
                assertThat(result.excluded()[a]).as(p.code()).isIn("population_below_minimum", "missing:s1");
                assertThat(result.statusClass()[a]).isNull();
            } else {
                assertThat(result.excluded()[a]).as(p.code()).isNull();
            }
        }
    }

    @Test
    void everyPublishedStatusClassAndIndexIsReproduced() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Published p : TABLE) {
            if (p.statusClass() == null) {
                continue;
            }
            int a = result.areas().indexOf(p.code());
            assertThat(result.statusClass()[a].code()).as(p.code() + " " + p.name()).isEqualTo(p.statusClass());
            assertThat(result.statusIndex(a)).as(p.code()).isCloseTo(p.statusIndex(), within(0.015));
            counts.merge(p.statusClass(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("hoch", 75).containsEntry("mittel", 366)
                .containsEntry("niedrig", 46).containsEntry("sehr_niedrig", 49);
    }

    @Test
    void everyPublishedDynamicsClassAndIndexIsReproduced() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Published p : TABLE) {
            if (p.dynamicsClass() == null) {
                continue;
            }
            int a = result.areas().indexOf(p.code());
            assertThat(result.dynamicsClass()[a].code()).as(p.code() + " " + p.name()).isEqualTo(p.dynamicsClass());
            assertThat(result.dynamicsIndex(a)).as(p.code()).isCloseTo(p.dynamicsIndex(), within(0.015));
            counts.merge(p.dynamicsClass(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("positiv", 48).containsEntry("stabil", 436).containsEntry("negativ", 52);
    }

    @Test
    void theLargestDeviationFromThePublishedIndicesIsWithinRounding() {
        double maxStatus = 0;
        double maxDynamics = 0;
        for (Published p : TABLE) {
            if (p.statusClass() == null) {
                continue;
            }
            int a = result.areas().indexOf(p.code());
            maxStatus = Math.max(maxStatus, Math.abs(result.statusIndex(a) - p.statusIndex()));
            maxDynamics = Math.max(maxDynamics, Math.abs(result.dynamicsIndex(a) - p.dynamicsIndex()));
        }
        System.out.printf("Berlin MSS 2021: max |SI - published| = %.4f, max |DI - published| = %.4f%n", maxStatus, maxDynamics);
        assertThat(maxStatus).isLessThan(0.015);
        assertThat(maxDynamics).isLessThan(0.015);
    }
}
