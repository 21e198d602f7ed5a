package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attacker test: it reads only the release download (CSV bytes), sets up every published
 * margin and rate, and must not pin any suppressed count into less than the protection width.
 */
class AttackerTest {

    @Test
    void aProtectedGeneratedCountyWithTargetGroupsResistsTheAttack() {
        FrozenResults data = SyntheticCounty.generate(42, 4, 5, true);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults());
        assertThat(table.summary().primarySuppressed()).as("the county has small counts").isPositive();

        List<PublishedRow> published = ReleaseDownload.readCsv(ReleaseDownload.csv(table.rows()));
        DisclosureAudit.Report report = DisclosureAudit.attack(published, DisclosureRules.defaults());

        assertThat(report.intervals()).isNotEmpty();
        assertThat(report.findings()).isEmpty();
        assertThat(table.summary().unprotected()).isEmpty();
        System.out.println("generated county: " + table.summary() + ", attacker constraints " + report.constraints());
    }

    @Test
    void aCellWhoseMarginsAreAllHiddenGetsAPartnerFromFurtherOut() {
        // seed 11: all foreign counts of one municipality's localities end up hidden; the partner
        // must come from a margin one step further out (found by the repository test)
        FrozenResults data = SyntheticCounty.generate(11, 2, 3, true);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults());

        assertThat(table.summary().unprotected()).isEmpty();
        assertThat(DisclosureAudit.attack(table.rows(), DisclosureRules.defaults()).findings()).isEmpty();
    }

    @Test
    void withOnlyPrimarySuppressionTheAttackerRecoversCounts() {
        FrozenResults data = SyntheticCounty.generate(7, 3, 4, true);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults());
        // undo every secondary suppression: publish the true count again where it is not primary
        CountTableValues truth = CountTableValues.of(data);
        List<PublishedRow> weakened = table.rows().stream().map(r -> {
            if (r.kind().equals(PublishedRow.COUNT) && r.status().equals(PublishedRow.SUPPRESSED)) {
                double v = truth.value(r);
                if (!DisclosureRules.defaults().isPrimary(r.measure(), v)) {
                    return new PublishedRow(r.kind(), r.measure(), "", "", "", r.areaCode(), r.areaName(), r.level(),
                            r.parentCode(), r.year(), "", r.targetGroup(), Numbers.count(v), PublishedRow.OK, "", "", r.margin());
                }
            }
            return r;
        }).toList();

        DisclosureAudit.Report report = DisclosureAudit.attack(weakened, DisclosureRules.defaults());

        assertThat(report.findings()).isNotEmpty();
        // a recovered count is pinned to its true value
        DisclosureAudit.Finding f = report.findings().get(0);
        assertThat(f.interval().width()).isLessThan(3);
    }

    private static PublishedRow count(String measure, String area, String parent, int year, String value, String margin) {
        boolean ok = !value.isEmpty();
        return new PublishedRow(PublishedRow.COUNT, measure, "", "", "", area, area, "", parent, year, "", "", value,
                ok ? PublishedRow.OK : PublishedRow.SUPPRESSED, ok ? "" : ".", ok ? "" : PublishedRow.CONFIDENTIAL, margin);
    }

    private static PublishedRow rate(String kind, String area, String parent, int year, String baseYear, String value) {
        boolean ok = !value.isEmpty();
        return new PublishedRow(kind, "x", "cases", "pop_total", "100", area, area, "", parent, year, baseYear, "", value,
                ok ? PublishedRow.OK : PublishedRow.SUPPRESSED, ok ? "" : ".", ok ? "" : PublishedRow.COUNTS_CONFIDENTIAL, "");
    }

    @Test
    void aPublishedRateNextToASuppressedCountGivesTheCountAway() {
        // cases 2 of 400 inhabitants hidden, partner 40 hidden, but the rate 0.5 % stayed published
        List<PublishedRow> rows = List.of(
                count("cases", "A", "", 2024, "42", "areas"),
                count("cases", "A1", "A", 2024, "", ""),
                count("cases", "A2", "A", 2024, "", ""),
                count("pop_total", "A1", "A", 2024, "400", ""),
                count("pop_total", "A2", "A", 2024, "800", ""),
                rate(PublishedRow.RATE, "A1", "A", 2024, "", "0.5"));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(rows, DisclosureRules.defaults());

        assertThat(report.findings()).extracting(f -> f.cell().areaCode()).contains("A1", "A2");
        assertThat(report.intervals().get(new CountCell("cases", "A1", 2024, ""))).isEqualTo(new Interval(2, 2));
    }

    @Test
    void withoutThatRateTheSameTwoCellsAreProtected() {
        List<PublishedRow> rows = List.of(
                count("cases", "A", "", 2024, "42", "areas"),
                count("cases", "A1", "A", 2024, "", ""),
                count("cases", "A2", "A", 2024, "", ""),
                count("pop_total", "A1", "A", 2024, "400", ""),
                count("pop_total", "A2", "A", 2024, "800", ""),
                rate(PublishedRow.RATE, "A1", "A", 2024, "", ""));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(rows, DisclosureRules.defaults());

        assertThat(report.findings()).isEmpty();
        assertThat(report.intervals().get(new CountCell("cases", "A1", 2024, ""))).isEqualTo(new Interval(0, 42));
    }

    @Test
    void aPublishedChangeBetweenYearsMustNotRevealTheHiddenYear() {
        // 2021: 5 of 1000 published (0.5 %); 2024 hidden; change +0.3 points published -> 2024 is 0.8 % of 1000 = 8
        List<PublishedRow> rows = List.of(
                count("cases", "A", "", 2024, "50", "areas"),
                count("cases", "A1", "A", 2024, "", ""),
                count("cases", "A2", "A", 2024, "", ""),
                count("pop_total", "A1", "A", 2024, "1000", ""),
                count("pop_total", "A1", "A", 2021, "1000", ""),
                count("cases", "A1", "A", 2021, "5", ""),
                rate(PublishedRow.RATE, "A1", "A", 2021, "", "0.5"),
                rate(PublishedRow.RATE, "A1", "A", 2024, "", ""),
                rate(PublishedRow.CHANGE, "A1", "A", 2024, "2021", "0.3"));

        DisclosureAudit.Report report = DisclosureAudit.attackExactly(rows, DisclosureRules.defaults());

        Interval a1 = report.intervals().get(new CountCell("cases", "A1", 2024, ""));
        assertThat(a1.lower()).isGreaterThanOrEqualTo(7);
        assertThat(a1.upper()).isLessThanOrEqualTo(9);
        assertThat(report.findings()).isNotEmpty();
    }

    @Test
    void theBuilderNeverPublishesAChangeWhoseYearIsHidden() {
        FrozenResults data = SyntheticCounty.generate(3, 3, 4, false);
        ReleaseTableBuilder.ProtectedTable table = ReleaseTableBuilder.build(data, DisclosureRules.defaults());
        java.util.Map<String, PublishedRow> rates = new java.util.HashMap<>();
        table.rows().stream().filter(r -> r.kind().equals(PublishedRow.RATE))
                .forEach(r -> rates.put(r.measure() + r.areaCode() + r.year() + r.targetGroup(), r));
        List<PublishedRow> changes = table.rows().stream()
                .filter(r -> r.kind().equals(PublishedRow.CHANGE) && r.isPublished()).toList();
        assertThat(changes).isNotEmpty();
        for (PublishedRow c : changes) {
            assertThat(rates.get(c.measure() + c.areaCode() + c.year() + c.targetGroup()).isPublished()).isTrue();
            assertThat(rates.get(c.measure() + c.areaCode() + c.baseYear() + c.targetGroup()).isPublished()).isTrue();
        }
        assertThat(DisclosureAudit.attack(table.rows(), DisclosureRules.defaults()).findings()).isEmpty();
    }
}
