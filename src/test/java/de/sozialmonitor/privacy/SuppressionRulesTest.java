package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.PrivacyConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionRulesTest {

    /** County K; municipality A with localities A1..A3 and municipality B with B1, B2. */
    static Map<String, AreaInfo> areas() {
        Map<String, AreaInfo> a = new LinkedHashMap<>();
        a.put("K", new AreaInfo("K", "Kreis", "kreis", null, 0));
        a.put("A", new AreaInfo("A", "Adorf", "gemeinde", "K", 1));
        a.put("B", new AreaInfo("B", "Bstadt", "gemeinde", "K", 1));
        for (String l : new String[] {"A1", "A2", "A3"}) {
            a.put(l, new AreaInfo(l, "Ort " + l, "ortsteil", "A", 2));
        }
        for (String l : new String[] {"B1", "B2"}) {
            a.put(l, new AreaInfo(l, "Ort " + l, "ortsteil", "B", 2));
        }
        return a;
    }

    /** One indicator cases/pop_total x 100 for one year; localities' counts given, the rest summed. */
    static FrozenResults data(Map<String, double[]> casesAndPop, String variable) {
        Map<String, AreaInfo> areas = areas();
        Map<String, double[]> all = new LinkedHashMap<>(casesAndPop);
        for (String parent : new String[] {"A", "B"}) {
            double c = 0;
            double p = 0;
            for (var e : casesAndPop.entrySet()) {
                if (areas.get(e.getKey()).parentCode().equals(parent)) {
                    c += e.getValue()[0];
                    p += e.getValue()[1];
                }
            }
            all.put(parent, new double[] {c, p});
        }
        all.put("K", new double[] {all.get("A")[0] + all.get("B")[0], all.get("A")[1] + all.get("B")[1]});
        List<FrozenResults.ValueRow> values = new ArrayList<>();
        Map<String, Double> population = new LinkedHashMap<>();
        all.forEach((a, v) -> {
            values.add(new FrozenResults.ValueRow(a, 2024, "x", "", v[0], v[1], 100 * v[0] / v[1], null));
            population.put(FrozenResults.populationKey(a, 2024), v[1]);
        });
        return new FrozenResults(areas, List.of(new FrozenResults.IndicatorInfo("x", variable, "pop_total", "", 100, 1)),
                values, List.of(), population, Set.of(), Set.of(), 3);
    }

    static Map<String, double[]> localities(double a1, double a2, double a3, double b1, double b2) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("A1", new double[] {a1, 1000});
        m.put("A2", new double[] {a2, 800});
        m.put("A3", new double[] {a3, 1200});
        m.put("B1", new double[] {b1, 900});
        m.put("B2", new double[] {b2, 1500});
        return m;
    }

    static PublishedRow row(List<PublishedRow> rows, String kind, String measure, String area) {
        Optional<PublishedRow> r = rows.stream().filter(x -> x.kind().equals(kind) && x.measure().equals(measure)
                && x.areaCode().equals(area)).findFirst();
        return r.orElseThrow(() -> new AssertionError("no " + kind + " " + measure + " " + area));
    }

    @Test
    void countsOfOneAndTwoAreSuppressedZeroAndThreeArePublished() {
        DisclosureRules rules = DisclosureRules.defaults();
        assertThat(rules.isPrimary("cases", 1)).isTrue();
        assertThat(rules.isPrimary("cases", 2)).isTrue();
        assertThat(rules.isPrimary("cases", 0)).isFalse();
        assertThat(rules.isPrimary("cases", 3)).isFalse();
        assertThat(rules.isPrimary("cases", Double.NaN)).isFalse();
    }

    @Test
    void aStricterMinimumForOneVariableAppliesToEveryMeasureThatContainsIt() {
        DisclosureRules rules = DisclosureRules.of(new PrivacyConfig(3, Map.of("health", 5), 300));
        assertThat(rules.isPrimary("health", 4)).isTrue();
        assertThat(rules.isPrimary("cases", 4)).isFalse();
        assertThat(rules.isPrimary("pop_total - health", 4)).isTrue();
        assertThat(rules.protectionWidth("health")).isEqualTo(5);
    }

    @Test
    void aSmallCountIsShownWithTheOfficialSymbolAndItsRateIsWithheldToo() {
        var table = ReleaseTableBuilder.build(data(localities(2, 40, 50, 30, 60), "cases"), DisclosureRules.defaults());
        PublishedRow count = row(table.rows(), PublishedRow.COUNT, "cases", "A1");
        assertThat(count.status()).isEqualTo(PublishedRow.SUPPRESSED);
        assertThat(count.symbol()).isEqualTo(".");
        assertThat(count.reason()).isEqualTo(PublishedRow.CONFIDENTIAL);
        assertThat(count.value()).isEmpty();
        PublishedRow rate = row(table.rows(), PublishedRow.RATE, "x", "A1");
        assertThat(rate.status()).isEqualTo(PublishedRow.SUPPRESSED);
        assertThat(rate.reason()).isEqualTo(PublishedRow.COUNTS_CONFIDENTIAL);
        assertThat(rate.value()).isEmpty();
    }

    @Test
    void aLoneSuppressedLocalityGetsAPartnerSoThatTheMunicipalityTotalDoesNotGiveItAway() {
        var table = ReleaseTableBuilder.build(data(localities(2, 40, 50, 30, 60), "cases"), DisclosureRules.defaults());
        long hiddenInA = table.rows().stream().filter(r -> r.kind().equals(PublishedRow.COUNT) && r.measure().equals("cases")
                && r.parentCode().equals("A") && r.status().equals(PublishedRow.SUPPRESSED)).count();
        assertThat(hiddenInA).isGreaterThanOrEqualTo(2);
        // the cheapest partner is the smaller sibling (40), not the larger one or the municipality
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A2").status()).isEqualTo(PublishedRow.SUPPRESSED);
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A3").status()).isEqualTo(PublishedRow.OK);
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A").status()).isEqualTo(PublishedRow.OK);
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "B1").status()).isEqualTo(PublishedRow.OK);
        assertThat(table.summary().primarySuppressed()).isEqualTo(1);
        assertThat(table.summary().secondarySuppressed()).isEqualTo(1);
    }

    @Test
    void twoSmallSiblingsThatTogetherStayBelowTheMinimumGetAThirdPartner() {
        // A1 = 1 and A2 = 1: hidden together their sum 2 would still be known to be below 3
        var table = ReleaseTableBuilder.build(data(localities(1, 1, 50, 30, 60), "cases"), DisclosureRules.defaults());
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A3").status()).isEqualTo(PublishedRow.SUPPRESSED);
        assertThat(DisclosureAudit.attack(table.rows(), DisclosureRules.defaults()).findings()).isEmpty();
    }

    @Test
    void aSuppressedMunicipalityIsProtectedAlsoAtTheCountyLevel() {
        // every locality of B is small, so B itself (2 + 1 = 3 ... published) - here B = 1 + 1 = 2 is primary
        var table = ReleaseTableBuilder.build(data(localities(10, 40, 50, 1, 1), "cases"), DisclosureRules.defaults());
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "B").status()).isEqualTo(PublishedRow.SUPPRESSED);
        // K = A + B with A published would give B back: A must be hidden as well (or K)
        boolean aOrK = row(table.rows(), PublishedRow.COUNT, "cases", "A").status().equals(PublishedRow.SUPPRESSED)
                || row(table.rows(), PublishedRow.COUNT, "cases", "K").status().equals(PublishedRow.SUPPRESSED);
        assertThat(aOrK).isTrue();
        assertThat(DisclosureAudit.attack(table.rows(), DisclosureRules.defaults()).findings()).isEmpty();
    }

    @Test
    void areasBelowTheMinimumPopulationGetNoRatesButKeepTheirCounts() {
        Map<String, double[]> m = localities(10, 40, 50, 30, 60);
        m.put("A1", new double[] {10, 250});
        var table = ReleaseTableBuilder.build(data(m, "cases"), DisclosureRules.defaults());
        PublishedRow rate = row(table.rows(), PublishedRow.RATE, "x", "A1");
        assertThat(rate.status()).isEqualTo(PublishedRow.SUPPRESSED);
        assertThat(rate.reason()).isEqualTo(PublishedRow.POPULATION_BELOW_MINIMUM);
        assertThat(rate.symbol()).isEqualTo("x");
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A1").value()).isEqualTo("10");
        assertThat(row(table.rows(), PublishedRow.RATE, "x", "A2").value()).isEqualTo("5.0");
    }

    @Test
    void publishedRatesAreRoundedToTheIndicatorsPrecision() {
        var table = ReleaseTableBuilder.build(data(localities(10, 40, 50, 30, 61), "cases"), DisclosureRules.defaults());
        assertThat(row(table.rows(), PublishedRow.RATE, "x", "B2").value()).isEqualTo("4.1"); // 61/1500 = 4.0667 %
        assertThat(row(table.rows(), PublishedRow.RATE, "x", "A1").value()).isEqualTo("1.0");
    }

    @Test
    void theMarginColumnDeclaresWhichSumsEndInACell() {
        var table = ReleaseTableBuilder.build(data(localities(10, 40, 50, 30, 60), "cases"), DisclosureRules.defaults());
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A").margin()).isEqualTo("areas");
        assertThat(row(table.rows(), PublishedRow.COUNT, "cases", "A1").margin()).isEmpty();
    }
}
