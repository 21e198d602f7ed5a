package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.demo.DemoGeography.Locality;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.workspace.CatalogReader;
import de.sozialmonitor.workspace.WorkspaceInitializer;
import de.sozialmonitor.workspace.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticCountsTest {
    static final List<String> ATTENTION = List.of("migrant_u18", "single_parent_children", "sgb2", "unemployed",
            "children_min_income", "old_age_min_income", "school_leavers_low");
    static DemoGeography geography;
    static Counts counts;
    static IndicatorCatalog catalog;

    /** The counts keyed by area, year, variable and target group. */
    record Counts(Map<String, Double> values) {
        static Counts of(List<Observation> observations) {
            Map<String, Double> map = new HashMap<>();
            for (Observation o : observations) {
                Double old = map.put(key(o.areaCode(), o.year(), o.variable(), o.targetGroup().key()), o.value());
                assertThat(old).as("duplicate " + o).isNull();
                // counts: non-negative whole numbers
                assertThat(o.value()).as(o.toString()).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(o.value()));
            }
            return new Counts(map);
        }

        static String key(String area, int year, String variable, String group) {
            return area + "|" + year + "|" + variable + "|" + group;
        }

        long get(String area, int year, String variable, String group) {
            Double v = values.get(key(area, year, variable, group));
            assertThat(v).as(key(area, year, variable, group)).isNotNull();
            return Math.round(v);
        }

        long get(String area, int year, String variable) {
            return get(area, year, variable, "");
        }

        /** Value of an expression such as pop_total - pop_65plus. */
        double eval(de.sozialmonitor.model.LinearExpression e, String area, int year, String group) {
            return e.terms().stream().mapToDouble(t -> t.sign() * get(area, year, t.variable(), group)).sum();
        }
    }

    @BeforeAll
    static void generate() {
        geography = DemoGeography.generate(DemoWorkspace.DEFAULT_SEED);
        counts = Counts.of(SyntheticCounts.generate(geography, DemoWorkspace.DEFAULT_SEED));
        String text = WorkspaceInitializer.template("indicators.yaml");
        catalog = CatalogReader.read(YamlDocument.parse(Path.of("indicators.yaml"), text));
    }

    static List<String> years() {
        List<String> y = new ArrayList<>();
        for (int year = PeineTerritory.FIRST_YEAR; year <= PeineTerritory.LAST_YEAR; year++) {
            y.add(Integer.toString(year));
        }
        return y;
    }

    @Test
    void everyCatalogIndicatorCanBeComputedForEveryLocalityAndYear() {
        for (Locality l : geography.localities()) {
            for (int year = PeineTerritory.FIRST_YEAR; year <= PeineTerritory.LAST_YEAR; year++) {
                String code = l.codeIn(year);
                for (var v : catalog.variables()) {
                    counts.get(code, year, v.name());
                }
                for (Indicator i : catalog.indicators()) {
                    String group = i.targetGroup().key();
                    counts.eval(i.numerator(), code, year, group);
                    counts.eval(i.denominator(), code, year, group);
                }
            }
        }
    }

    @Test
    void onlyLocalitiesCarryData() {
        Set<String> localityCodes = geography.localities().stream()
                .flatMap(l -> java.util.stream.Stream.of(l.codeUntilMerger(), l.codeFromMerger())).collect(Collectors.toSet());
        Set<String> withData = counts.values().keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).collect(Collectors.toSet());
        assertThat(withData).isEqualTo(localityCodes);
        // a Lahstedt locality has its old code until 2014 and its new one from 2015, never both in a year
        assertThat(counts.values()).containsKey(Counts.key("03157004001", 2014, "pop_total", ""))
                .doesNotContainKey(Counts.key("03157004001", 2015, "pop_total", ""))
                .doesNotContainKey(Counts.key("03157009006", 2014, "pop_total", ""))
                .containsKey(Counts.key("03157009006", 2015, "pop_total", ""));
    }

    @Property(tries = 4)
    void partsNeverExceedWholesAndGroupsAddUpForAnySeed(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Counts c = Counts.of(SyntheticCounts.generate(geography, seed));
        for (Locality l : geography.localities()) {
            for (int year = PeineTerritory.FIRST_YEAR; year <= PeineTerritory.LAST_YEAR; year++) {
                assertConsistent(c, l.codeIn(year), year);
            }
        }
    }

    @Test
    void theDefaultSeedIsConsistentToo() {
        for (Locality l : geography.localities()) {
            for (int year = PeineTerritory.FIRST_YEAR; year <= PeineTerritory.LAST_YEAR; year++) {
                assertConsistent(counts, l.codeIn(year), year);
            }
        }
    }

    static void assertConsistent(Counts c, String a, int y) {
        long total = c.get(a, y, "pop_total");
        long bands = 0;
        long cells = 0;
        for (String band : SyntheticCounts.AGE_BANDS) {
            bands += c.get(a, y, "pop_total", "age=" + band);
            for (String n : SyntheticCounts.NATIONALITIES) {
                for (String s : SyntheticCounts.SEXES) {
                    cells += c.get(a, y, "pop_total", "age=" + band + ";nationality=" + n + ";sex=" + s);
                }
            }
        }
        assertThat(bands).isEqualTo(total);
        assertThat(cells).isEqualTo(total);
        for (String v : List.of("pop_total", "pop_u6", "pop_u15", "pop_u18", "pop_15_24", "pop_15_64", "pop_65plus", "pop_80plus")) {
            long t = c.get(a, y, v);
            assertThat(c.get(a, y, v, "sex=f") + c.get(a, y, v, "sex=m")).isEqualTo(t);
            assertThat(c.get(a, y, v, "nationality=foreign") + c.get(a, y, v, "nationality=german")).isEqualTo(t);
            for (String n : SyntheticCounts.NATIONALITIES) {
                assertThat(c.get(a, y, v, "nationality=" + n + ";sex=f") + c.get(a, y, v, "nationality=" + n + ";sex=m"))
                        .isEqualTo(c.get(a, y, v, "nationality=" + n));
            }
        }
        // age groups nest and partition
        assertThat(c.get(a, y, "pop_u6")).isLessThanOrEqualTo(c.get(a, y, "pop_u15"));
        assertThat(c.get(a, y, "pop_u15")).isLessThanOrEqualTo(c.get(a, y, "pop_u18"));
        assertThat(c.get(a, y, "pop_15_24")).isLessThanOrEqualTo(c.get(a, y, "pop_15_64"));
        assertThat(c.get(a, y, "pop_80plus")).isLessThanOrEqualTo(c.get(a, y, "pop_65plus"));
        assertThat(c.get(a, y, "pop_u15") + c.get(a, y, "pop_15_64") + c.get(a, y, "pop_65plus")).isEqualTo(total);
        assertThat(c.get(a, y, "pop_foreign")).isEqualTo(c.get(a, y, "pop_total", "nationality=foreign"));
        // children are part of the population, recipients part of their reference group
        long u18 = c.get(a, y, "pop_u18");
        assertThat(c.get(a, y, "migrant_u18")).isBetween(c.get(a, y, "pop_u18", "nationality=foreign"), u18);
        assertThat(c.get(a, y, "children_single_parent")).isLessThanOrEqualTo(u18);
        long u65 = total - c.get(a, y, "pop_65plus");
        long sgb2 = c.get(a, y, "sgb2_u65");
        assertThat(sgb2).isLessThanOrEqualTo(u65);
        assertThat(c.get(a, y, "sgb2_u65", "nationality=foreign") + c.get(a, y, "sgb2_u65", "nationality=german")).isEqualTo(sgb2);
        for (String n : SyntheticCounts.NATIONALITIES) {
            assertThat(c.get(a, y, "sgb2_u65", "nationality=" + n))
                    .isLessThanOrEqualTo(c.get(a, y, "pop_total", "nationality=" + n) - c.get(a, y, "pop_65plus", "nationality=" + n));
        }
        assertThat(c.get(a, y, "children_u15_sgb2")).isLessThanOrEqualTo(Math.min(c.get(a, y, "pop_u15"), sgb2));
        long unemployed = c.get(a, y, "unemployed");
        assertThat(unemployed).isLessThanOrEqualTo(c.get(a, y, "pop_15_64"));
        assertThat(c.get(a, y, "unemployed", "sex=f") + c.get(a, y, "unemployed", "sex=m")).isEqualTo(unemployed);
        assertThat(c.get(a, y, "unemployed", "nationality=foreign") + c.get(a, y, "unemployed", "nationality=german")).isEqualTo(unemployed);
        for (String n : SyntheticCounts.NATIONALITIES) {
            for (String s : SyntheticCounts.SEXES) {
                String g = "nationality=" + n + ";sex=" + s;
                assertThat(c.get(a, y, "unemployed", g)).isLessThanOrEqualTo(c.get(a, y, "pop_15_64", g));
            }
        }
        assertThat(c.get(a, y, "unemployed_long_term")).isLessThanOrEqualTo(unemployed);
        assertThat(c.get(a, y, "unemployed_u25")).isLessThanOrEqualTo(Math.min(unemployed, c.get(a, y, "pop_15_24")));
        assertThat(c.get(a, y, "grusi_65plus")).isLessThanOrEqualTo(c.get(a, y, "pop_65plus"));
        assertThat(c.get(a, y, "eingliederungshilfe")).isLessThanOrEqualTo(total);
        long households = c.get(a, y, "households");
        long withChildren = c.get(a, y, "households_children");
        long singleParent = c.get(a, y, "households_single_parent");
        assertThat(households).isLessThanOrEqualTo(total);
        assertThat(withChildren).isLessThanOrEqualTo(Math.min(households, u18));
        assertThat(singleParent).isLessThanOrEqualTo(Math.min(withChildren, c.get(a, y, "children_single_parent")));
        assertThat(c.get(a, y, "households_single_65plus")).isLessThanOrEqualTo(Math.min(households, c.get(a, y, "pop_65plus")));
        assertThat(c.get(a, y, "wohngeld_households")).isLessThanOrEqualTo(households);
        assertThat(c.get(a, y, "school_leavers_low")).isLessThanOrEqualTo(c.get(a, y, "school_leavers"));
        assertThat(c.get(a, y, "school_entrants")).isLessThanOrEqualTo(c.get(a, y, "pop_u6"));
        assertThat(c.get(a, y, "school_entrants_overweight")).isLessThanOrEqualTo(c.get(a, y, "school_entrants"));
    }

    @Test
    void theCountyHasAbout135000InhabitantsAndTheMunicipalitiesTheirSizes() {
        for (int year = PeineTerritory.FIRST_YEAR; year <= PeineTerritory.LAST_YEAR; year++) {
            int y = year;
            long county = geography.localities().stream().mapToLong(l -> counts.get(l.codeIn(y), y, "pop_total")).sum();
            assertThat(county).isBetween(128_000L, 142_000L);
            for (PeineTerritory.Municipality m : PeineTerritory.MUNICIPALITIES) {
                long sum = geography.localities().stream().filter(l -> l.municipalityAgs().equals(m.ags()))
                        .mapToLong(l -> counts.get(l.codeIn(y), y, "pop_total")).sum();
                assertThat((double) sum).as(m.name()).isBetween(m.inhabitants() * 0.9, m.inhabitants() * 1.1);
            }
        }
    }

    @Test
    void smallLocalitiesAndTinyCountsGiveExclusionAndDisclosureControlWork() {
        int y = PeineTerritory.LAST_YEAR;
        long small = geography.localities().stream().filter(l -> counts.get(l.codeIn(y), y, "pop_total") < 300).count();
        assertThat(small).isBetween(2L, 8L);
        long tiny = counts.values().values().stream().filter(v -> v > 0 && v < 3).count();
        assertThat(tiny).isGreaterThan(100);
        assertThat(geography.localities().stream().filter(l -> counts.get(l.codeIn(y), y, "pop_total") >= 300).count())
                .isGreaterThanOrEqualTo(50);
    }

    /**
     * An independent, straightforward dynamics index (METHOD.md section 4, k = 3) over the
     * localities of 300 inhabitants or more: the designated trend areas must come out clearly.
     */
    @Test
    void worseningAndImprovingLocalitiesShowInTheDynamicsIndex() {
        int t = PeineTerritory.LAST_YEAR;
        Map<String, Double> di = dynamicsIndex(t, t - 3);
        for (Locality l : geography.localities()) {
            Double value = di.get(l.codeIn(t));
            if (PeineTerritory.WORSENING.contains(l.name())) {
                assertThat(value).as(l.name()).isGreaterThan(1.0);
            } else if (PeineTerritory.IMPROVING.contains(l.name())) {
                assertThat(value).as(l.name()).isLessThan(-0.5);
            }
        }
    }

    static Map<String, Double> dynamicsIndex(int t, int base) {
        Map<String, Indicator> byId = catalog.byId();
        List<String> areas = new ArrayList<>();
        Map<String, double[]> changes = new HashMap<>();
        for (Locality l : geography.localities()) {
            String a = l.codeIn(t);
            String b = l.codeIn(base);
            if (counts.get(a, t, "pop_total") < 300 || counts.get(b, base, "pop_total") < 300) {
                continue;
            }
            double[] ch = new double[ATTENTION.size()];
            boolean complete = true;
            for (int i = 0; i < ATTENTION.size(); i++) {
                Indicator ind = byId.get(ATTENTION.get(i));
                double den1 = counts.eval(ind.denominator(), a, t, "");
                double den0 = counts.eval(ind.denominator(), b, base, "");
                if (den1 == 0 || den0 == 0) {
                    complete = false;
                    break;
                }
                ch[i] = 100 * counts.eval(ind.numerator(), a, t, "") / den1 - 100 * counts.eval(ind.numerator(), b, base, "") / den0;
            }
            if (complete) {
                areas.add(a);
                changes.put(a, ch);
            }
        }
        Map<String, Double> raw = new HashMap<>();
        for (String a : areas) {
            raw.put(a, 0.0);
        }
        for (int i = 0; i < ATTENTION.size(); i++) {
            int k = i;
            double[] z = standardise(areas.stream().mapToDouble(a -> changes.get(a)[k]).toArray());
            for (int j = 0; j < areas.size(); j++) {
                raw.merge(areas.get(j), z[j] / ATTENTION.size(), Double::sum);
            }
        }
        double[] index = standardise(areas.stream().mapToDouble(raw::get).toArray());
        Map<String, Double> result = new HashMap<>();
        for (int j = 0; j < areas.size(); j++) {
            result.put(areas.get(j), index[j]);
        }
        return result;
    }

    static double[] standardise(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double sd = Math.sqrt(ss / (v.length - 1));
        return java.util.Arrays.stream(v).map(x -> (x - mean) / sd).toArray();
    }
}
