package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.PrivacyConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The attacker on the public record: every published release together, read from the CSV
 * downloads alone. Releases built one after the other against what was published before must
 * hold against it, by both criteria (width 3 with counts ≥ 0; nothing pinned knowing that zeros
 * are published), and linear as well as integer programming.
 */
class PublicRecordAttackTest {

    private static final DisclosureRules RULES = DisclosureRules.defaults();

    /**
     * Builds a release against the record, and returns what its download gives back, with the true
     * counts the county keeps (they tell its audit which counts of two releases are the same number).
     */
    private static PublicRecord.Release publish(FrozenResults data, PublicRecord record, int number, DisclosureRules rules) {
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, rules, record);
        assertThat(table.summary().unprotected()).as("release " + number).isEmpty();
        return new PublicRecord.Release(number, ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows())),
                ReleaseTableBuilder.counts(data));
    }

    /** What an outside attacker holds: the downloads, without the truth. */
    private static PublicRecord outside(PublicRecord.Release... releases) {
        return new PublicRecord(java.util.Arrays.stream(releases).map(r -> new PublicRecord.Release(r.number(), r.rows())).toList());
    }

    private static Set<CountCell> withheld(PublicRecord.Release r) {
        Set<CountCell> out = new TreeSet<>();
        r.rows().stream().filter(x -> x.kind().equals(PublishedRow.COUNT) && x.status().equals(PublishedRow.SUPPRESSED))
                .forEach(x -> out.add(new CountCell(x.measure(), x.areaCode(), x.year(), x.targetGroup())));
        return out;
    }

    @Test
    void twoReleasesEachProtectedOnItsOwnGiveCountsBackTogether() {
        // the attack: release 2 republishes the base-year rates whose counts release 1 withholds,
        // release 1 publishes the base-year denominators; rate × denominator gives the count back
        SyntheticCounty county = SyntheticCounty.series(5, 3, 4, 2020, 2026);
        DisclosureRules alone = new DisclosureRules(PrivacyConfig.defaults(), 0, DisclosureRules.SINGLE_RELEASE);
        PublicRecord.Release first = publish(county.release(2023, false), PublicRecord.empty(), 1, alone);
        PublicRecord.Release second = publish(county.release(2026, false), PublicRecord.empty(), 2, alone);

        assertThat(DisclosureAudit.attack(PublicRecord.of(1, first.rows()), RULES).count(DisclosureAudit.Criterion.WIDTH)).isZero();
        DisclosureAudit.Report together = DisclosureAudit.attack(outside(first, second), RULES);

        List<DisclosureAudit.Finding> recovered = together.findings().stream()
                .filter(f -> f.criterion() == DisclosureAudit.Criterion.WIDTH && f.cell().year() == 2023).toList();
        assertThat(recovered).isNotEmpty();
        // correctly: the attacker's interval holds the true count
        for (DisclosureAudit.Finding f : recovered) {
            CountCell c = f.cell();
            double truth = trueCount(county, c);
            assertThat(f.interval().lower()).as(c.toString()).isLessThanOrEqualTo(truth);
            assertThat(f.interval().upper()).as(c.toString()).isGreaterThanOrEqualTo(truth);
        }
    }

    @Test
    void releasesBuiltAgainstThePublicRecordResistTheCombinedAttack() {
        SyntheticCounty county = SyntheticCounty.series(5, 3, 4, 2020, 2029);
        PublicRecord record = PublicRecord.empty();
        ReleaseTableBuilder.ProtectedTable second = null;
        for (int year : new int[] {2023, 2026, 2029}) {
            int number = record.releases().size() + 1;
            FrozenResults data = county.release(year, true);
            ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, RULES, record);
            assertThat(table.summary().unprotected()).isEmpty();
            record = record.with(new PublicRecord.Release(number, ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows())),
                    ReleaseTableBuilder.counts(data)));
            second = number == 2 ? table : second;
        }

        DisclosureAudit.Report report = DisclosureAudit.attack(outside(record.releases().toArray(PublicRecord.Release[]::new)), RULES);

        assertThat(report.findings()).isEmpty();
        assertThat(report.intervals()).isNotEmpty();
        // 2023 is in releases 1 and 2, 2026 in 2 and 3: what an earlier release withheld stays withheld
        assertThat(second.summary().inherited()).isPositive();
        assertWithheldAgain(record.releases().get(0), record.releases().get(1), 2023);
        assertWithheldAgain(record.releases().get(1), record.releases().get(2), 2026);
    }

    @Test
    void aCorrectionReleaseKeepsWhatTheCorrectedOneWithheldAndHoldsWithIt() {
        SyntheticCounty county = SyntheticCounty.series(8, 3, 4, 2020, 2023);
        PublicRecord.Release original = publish(county.release(2023, true), PublicRecord.empty(), 1, RULES);
        // a corrected delivery: in every locality one person more in SGB II of the first group, one less in another
        SyntheticCounty corrected = county.corrected(finest -> {
            Map<String, Double> out = new HashMap<>(finest);
            for (String l : county.localities()) {
                out.merge("sgb2_u65|" + l + "|2023|nationality=foreign;sex=f", 1.0, Double::sum);
                out.computeIfPresent("grusi_65plus|" + l + "|2023|nationality=german;sex=m", (k, v) -> Math.max(0, v - 1));
            }
            return out;
        });
        PublicRecord.Release correction = publish(corrected.release(2023, true), new PublicRecord(List.of(original)), 2, RULES);

        // the county's audit (knowing which counts the correction changed) and an outside attacker
        assertThat(DisclosureAudit.attack(new PublicRecord(List.of(original, correction)), RULES).findings()).isEmpty();
        assertThat(DisclosureAudit.attack(outside(original, correction), RULES).findings()).isEmpty();
        assertThat(withheld(correction)).containsAll(withheld(original));
    }

    @Test
    void verifyingTheCorrectedReleaseAgainAfterItsCorrectionFindsNothingRevealed() {
        // regression: release verify of an old release attacked the record with that release moved
        // last, so counts the correction withholds (the corrected delivery made them small) looked
        // like counts "withheld earlier, published later" and the old release failed verification
        SyntheticCounty county = SyntheticCounty.series(8, 3, 4, 2020, 2023);
        PublicRecord.Release original = publish(county.release(2023, true), PublicRecord.empty(), 1, RULES);
        SyntheticCounty corrected = county.corrected(finest -> {
            Map<String, Double> out = new HashMap<>(finest);
            for (String l : county.localities()) {
                out.computeIfPresent("sgb2_u65|" + l + "|2023|nationality=foreign;sex=f", (k, v) -> Math.max(0, v - 2));
            }
            return out;
        });
        PublicRecord.Release correction = publish(corrected.release(2023, true), new PublicRecord(List.of(original)), 2, RULES);
        Set<CountCell> publishedThenWithheld = new TreeSet<>(withheld(correction));
        publishedThenWithheld.removeAll(withheld(original));
        assertThat(publishedThenWithheld).as("counts the original publishes and the correction withholds").isNotEmpty();

        // what release verify 1 attacks: every published release, release 1 in its place
        PublicRecord record = new PublicRecord(List.of(original, correction)).with(original);

        assertThat(record.numbers()).containsExactly(1, 2);
        assertThat(DisclosureAudit.attackAround(record, 1, RULES).findings()).isEmpty();
    }

    @Test
    void aReleaseForAnEarlierYearPublishedAfterALaterOneHoldsWithIt() {
        SyntheticCounty county = SyntheticCounty.series(13, 3, 4, 2017, 2026);
        PublicRecord.Release later = publish(county.release(2026, true), PublicRecord.empty(), 1, RULES);
        PublicRecord.Release earlier = publish(county.release(2023, true), new PublicRecord(List.of(later)), 2, RULES);

        DisclosureAudit.Report report = DisclosureAudit.attack(outside(later, earlier), RULES);

        assertThat(report.findings()).isEmpty();
        assertWithheldAgain(later, earlier, 2023);
    }

    @Test
    void theAttackerDropsALinkThatContradictsThePublishedFacts() {
        // a correction changed a withheld count: taken as the same number in both releases, the
        // margins contradict each other; the attacker must not report that as a finding
        List<PublishedRow> first = List.of(
                count("cases", "A", "", "10", "areas"), count("cases", "A1", "A", "", ""),
                count("cases", "A2", "A", "", ""), count("cases", "A3", "A", "5", ""));
        List<PublishedRow> second = List.of(
                count("cases", "A", "", "12", "areas"), count("cases", "A1", "A", "", ""),
                count("cases", "A2", "A", "", ""), count("cases", "A3", "A", "5", ""));
        PublicRecord record = new PublicRecord(List.of(new PublicRecord.Release(1, first), new PublicRecord.Release(2, second)));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(record, RULES);

        assertThat(report.findings()).isEmpty();
        assertThat(report.intervals().get(new CountCell("cases", "A1", 2023, ""))).isEqualTo(new Interval(0, 5));
    }

    @Test
    void knowingThatZerosArePublishedPinsCountsTheWidthCriterionLetsPass() {
        // three withheld parts of a published 3: each lies in [0, 3] (width 3, enough), but an attacker
        // who knows that a withheld count is never 0 knows each is exactly 1
        List<PublishedRow> rows = List.of(
                count("cases", "A", "", "3", "areas"), count("cases", "A1", "A", "", ""),
                count("cases", "A2", "A", "", ""), count("cases", "A3", "A", "", ""), count("cases", "A4", "A", "0", ""));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(rows, RULES);

        assertThat(report.count(DisclosureAudit.Criterion.WIDTH)).isZero();
        assertThat(report.findings()).extracting(DisclosureAudit.Finding::criterion).containsOnly(DisclosureAudit.Criterion.PINNED);
        assertThat(report.findings()).extracting(f -> f.interval()).containsOnly(new Interval(1, 1));
    }

    @Test
    void integerProgrammingNarrowsWhereTheRoundedLinearProgramDoesNot() {
        // cases and inhabitants of A1 withheld, their totals over A published (9 and 9), the rate
        // 40.0 % published: the linear program allows 0.4 · 9 = 3.6 cases, so [0, 3] (width 3); in
        // whole numbers 40.0 % (± 0.05) needs 0 or 5 inhabitants below 10, so cases are 0 or 2
        List<PublishedRow> rows = List.of(
                count("cases", "A", "", "9", "areas"), count("cases", "A1", "A", "", ""), count("cases", "A2", "A", "", ""),
                count("pop", "A", "", "9", "areas"), count("pop", "A1", "A", "", ""), count("pop", "A2", "A", "", ""),
                new PublishedRow(PublishedRow.RATE, "x", "cases", "pop", "100", "A1", "A1", "", "A", 2023, "", "", "40.0",
                        PublishedRow.OK, "", "", ""));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(rows, RULES);

        assertThat(report.intervals().get(new CountCell("cases", "A1", 2023, ""))).isEqualTo(new Interval(0, 2));
        assertThat(report.intervals().get(new CountCell("pop", "A1", 2023, ""))).isEqualTo(new Interval(0, 5));
        assertThat(report.findings()).extracting(f -> f.cell().toString()).contains("cases@A1/2023");
    }

    private static void assertWithheldAgain(PublicRecord.Release before, PublicRecord.Release after, int year) {
        Set<CountCell> earlier = new TreeSet<>(withheld(before));
        earlier.removeIf(c -> c.year() != year);
        Set<CountCell> inLater = new TreeSet<>();
        after.rows().stream().filter(r -> r.kind().equals(PublishedRow.COUNT) && r.year() == year)
                .forEach(r -> inLater.add(new CountCell(r.measure(), r.areaCode(), r.year(), r.targetGroup())));
        earlier.retainAll(inLater);
        assertThat(earlier).as("counts of %d withheld in release %d and also in release %d", year, before.number(), after.number())
                .isNotEmpty();
        assertThat(withheld(after)).containsAll(earlier);
    }

    private static double trueCount(SyntheticCounty county, CountCell c) {
        if (c.measure().contains(" - ")) {
            String[] terms = c.measure().split(" - ");
            return county.count(terms[0] + "|" + c.areaCode() + "|" + c.year() + "|" + c.targetGroup())
                    - county.count(terms[1] + "|" + c.areaCode() + "|" + c.year() + "|" + c.targetGroup());
        }
        return county.count(c.measure() + "|" + c.areaCode() + "|" + c.year() + "|" + c.targetGroup());
    }

    private static PublishedRow count(String measure, String area, String parent, String value, String margin) {
        boolean ok = !value.isEmpty();
        return new PublishedRow(PublishedRow.COUNT, measure, "", "", "", area, area, "", parent, 2023, "", "", value,
                ok ? PublishedRow.OK : PublishedRow.SUPPRESSED, ok ? "" : ".", ok ? "" : PublishedRow.CONFIDENTIAL, margin);
    }
}
