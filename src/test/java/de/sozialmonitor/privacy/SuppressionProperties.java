package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.PrivacyConfig;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/** The attacker test on random hierarchies: whatever the county looks like, nothing is pinned. */
class SuppressionProperties {

    @Property(tries = 12)
    void noSuppressedCountOfARandomCountyCanBeNarrowedBelowTheProtectionWidth(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int municipalities,
            @ForAll @IntRange(min = 1, max = 4) int localities,
            @ForAll boolean targetGroups,
            @ForAll @IntRange(min = 2, max = 5) int minCount) {
        FrozenResults data = SyntheticCounty.generate(seed, municipalities, localities, targetGroups);
        DisclosureRules rules = DisclosureRules.of(new PrivacyConfig(minCount, Map.of(), 300));

        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, rules);
        List<PublishedRow> published = ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows()));
        DisclosureAudit.Report report = DisclosureAudit.attack(published, rules);

        assertThat(report.findings()).isEmpty();
        assertThat(table.summary().unprotected()).isEmpty();
    }

    @Property(tries = 6)
    void releasesBuiltOneAfterTheOtherResistTheAttackOnAllOfThemTogether(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int municipalities,
            @ForAll @IntRange(min = 1, max = 3) int localities,
            @ForAll boolean earlierFirst) {
        SyntheticCounty county = SyntheticCounty.series(seed, municipalities, localities, 2017, 2026);
        int[] years = earlierFirst ? new int[] {2023, 2026} : new int[] {2026, 2023};
        PublicRecord record = PublicRecord.empty();
        for (int year : years) {
            FrozenResults data = county.release(year, true);
            ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults(), record);
            PublicRecord withThis = record.with(new PublicRecord.Release(record.releases().size() + 1,
                    ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows())), ReleaseTableBuilder.counts(data, DisclosureRules.defaults())));
            boolean protectable = table.summary().unprotected().isEmpty();
            Statistics.label("release").collect(protectable ? "protected" : "refused");
            if (!protectable) {
                // Known limit (docs/privacy.md): e.g. an earlier release published a total of 4 and this
                // one breaks it into four groups of 1. No suppression protects that; verify, which
                // publish runs, must then find the pins and refuse, so the release never goes out.
                assertThat(DisclosureAudit.attack(withThis, DisclosureRules.defaults()).findings())
                        .as("a release the protection cannot protect is refused by verify").isNotEmpty();
                continue;
            }
            record = withThis;
        }
        PublicRecord outside = new PublicRecord(record.releases().stream()
                .map(r -> new PublicRecord.Release(r.number(), r.rows())).toList());

        assertThat(DisclosureAudit.attack(outside, DisclosureRules.defaults()).findings()).isEmpty();
    }

    /**
     * Three releases in any order, each carrying its earlier year (year − 3) in part: the total and
     * the women only, as the demo's releases carry the unemployed of earlier years. A release for an
     * earlier year made after later ones then breaks down totals whose women a published release
     * already shows (the demo's gap: release 2022 after 2023 and 2024). Whatever the order, what is
     * published resists the attack on all of it together; a release the protection cannot protect
     * is refused by verify.
     */
    @Property(tries = 6)
    void releasesInAnyOrderCarryingEarlierYearsInPartResistTheAttackTogether(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 2) int municipalities,
            @ForAll @IntRange(min = 1, max = 3) int localities,
            @ForAll @IntRange(min = 0, max = 5) int order) {
        SyntheticCounty county = SyntheticCounty.series(seed, municipalities, localities, 2014, 2026);
        int[][] orders = {{2020, 2023, 2026}, {2020, 2026, 2023}, {2023, 2020, 2026}, {2023, 2026, 2020}, {2026, 2020, 2023},
                {2026, 2023, 2020}};
        DisclosureRules rules = DisclosureRules.defaults();
        PublicRecord record = PublicRecord.empty();
        for (int year : orders[order]) {
            FrozenResults data = county.release(year, true, List.of("", "sex=f"));
            ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, rules, record);
            PublicRecord withThis = record.with(new PublicRecord.Release(record.releases().size() + 1,
                    ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows())), ReleaseTableBuilder.counts(data, rules)));
            boolean protectable = table.summary().unprotected().isEmpty();
            Statistics.label("release").collect(protectable ? "protected" : "refused");
            if (!protectable) {
                assertThat(DisclosureAudit.attack(withThis, rules).findings())
                        .as("a release the protection cannot protect is refused by verify").isNotEmpty();
                continue;
            }
            // the earlier year's men are in the release, shown or withheld, as anyone can subtract them
            assertThat(table.rows()).anyMatch(r -> r.kind().equals(PublishedRow.COUNT) && r.year() == year - 3
                    && r.targetGroup().equals("sex=m"));
            record = withThis;
        }
        PublicRecord outside = new PublicRecord(record.releases().stream()
                .map(r -> new PublicRecord.Release(r.number(), r.rows())).toList());

        assertThat(DisclosureAudit.attack(outside, rules).findings()).isEmpty();
    }

    /**
     * Regression (jqwik seed 524852724784322225): release 2026 first, then 2023; over both, the
     * target-group counts of grusi_65plus in G1L0/2023 were pinned by an attacker who knows that
     * zeros are published.
     */
    @Example
    void withheldTargetGroupCountsOfAReleaseForAnEarlierYearAreNotPinnedKnowingThatZerosArePublished() {
        releasesBuiltOneAfterTheOtherResistTheAttackOnAllOfThemTogether(-1719855, 3, 2, false);
    }

    @Property(tries = 12)
    void everyPrimaryCountIsSuppressedAndNoRateOfASuppressedCountIsPublished(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 3) int municipalities,
            @ForAll @IntRange(min = 1, max = 4) int localities) {
        FrozenResults data = SyntheticCounty.generate(seed, municipalities, localities, false);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults());
        CountTableValues truth = CountTableValues.of(data);
        java.util.Set<String> hidden = new java.util.HashSet<>();
        for (PublishedRow r : table.rows()) {
            if (r.kind().equals(PublishedRow.COUNT)) {
                double v = truth.value(r);
                if (v > 0 && v < 3) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(PublishedRow.SUPPRESSED);
                }
                if (!r.isPublished()) {
                    hidden.add(r.measure() + "|" + r.areaCode() + "|" + r.year() + "|" + r.targetGroup());
                }
            }
        }
        for (PublishedRow r : table.rows()) {
            if (r.kind().equals(PublishedRow.RATE) && r.isPublished()) {
                assertThat(hidden).doesNotContain(r.numerator() + "|" + r.areaCode() + "|" + r.year() + "|" + r.targetGroup(),
                        r.denominator() + "|" + r.areaCode() + "|" + r.year() + "|" + r.targetGroup());
            }
        }
    }
}
