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
        ReleaseData data = SyntheticCounty.generate(42, 6, 6, true);
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
    void withOnlyPrimarySuppressionTheAttackerRecoversCounts() {
        ReleaseData data = SyntheticCounty.generate(7, 4, 5, true);
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
}
