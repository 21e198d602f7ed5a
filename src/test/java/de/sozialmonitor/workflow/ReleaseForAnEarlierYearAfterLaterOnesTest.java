package de.sozialmonitor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublicRecord;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Regression for the demo's gap (issue 11, "a release for an earlier year after later ones"): the
 * release for 2024 carries 2023 as its earlier year with the total and the women of the
 * unemployed (the indicator unemployed_women), not the men. A release for 2023 made afterwards
 * breaks the total down by sex. Where the men of a locality were 2 (total 9, women 7), the 2024
 * release had given them away already (9 − 7), release create did not see it, withheld the men
 * and then every breakdown around them, and publish refused (78 counts in the demo). Now the
 * 2024 release shows or withholds the men of 2023 itself, and the 2023 release is published
 * with nothing an attacker holding both downloads can narrow or pin.
 */
class ReleaseForAnEarlierYearAfterLaterOnesTest {

    /** Localities whose men are made 2 in 2023 (total and women large enough to be published). */
    private static final int SMALL_MEN = 3;

    @Test
    void aReleaseForAnEarlierYearCreatedAfterALaterOneIsPublishedAndTheAttackerRecoversNothing() throws IOException {
        try (Database db = TestDatabases.Kind.H2.open()) {
            Workspace ws = ReportFixture.workspace(Files.createTempDirectory("earlier-year"));
            ReportFixture fixture = ReportFixture.delivered(ws, db);
            int smallMen = writeUnemployedBySex(fixture, ws.dataDir().resolve("arbeitslose-nach-geschlecht.csv"));
            assertThat(smallMen).isEqualTo(SMALL_MEN);
            ReportFixture.imported(ws, db, ws.dataDir().resolve("arbeitslose-nach-geschlecht.csv"));
            ComputeWorkflow.compute(ws, db, 2023, "anna");
            ComputeWorkflow.compute(ws, db, 2024, "anna");
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());

            // the later year first, then the earlier one
            workflow.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Sozialmonitoring 2024", 2024, null), "anna");
            workflow.publish(1, "anna", new MethodRecomputation());
            ReleaseRepository.ReleaseInfo earlier = workflow.create(
                    ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Sozialmonitoring 2023", 2023, null), "anna");
            assertThat(repo.content(earlier.number()).orElseThrow().summary().unprotected()).isEmpty();
            ReleaseWorkflow.Verification v = workflow.verify(earlier.number(), "anna", new MethodRecomputation());
            assertThat(v.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.name() + ": " + c.detail(Locale.ENGLISH)).isTrue());
            workflow.publish(earlier.number(), "anna", new MethodRecomputation());

            // the 2024 release already shows (or withholds) the men of 2023, as anyone can subtract them
            List<PublishedRow> first = ReleaseDownload.readCsv(repo.download(1, ReleaseDownload.Format.CSV).orElseThrow());
            assertThat(first).filteredOn(r -> r.kind().equals(PublishedRow.COUNT) && r.measure().equals("unemployed")
                    && r.year() == 2023 && r.targetGroup().equals("sex=m")).isNotEmpty();

            // an outside attacker holding both public downloads, nothing else
            PublicRecord outside = new PublicRecord(List.of(
                    new PublicRecord.Release(1, first),
                    new PublicRecord.Release(2, ReleaseDownload.readCsv(repo.download(2, ReleaseDownload.Format.CSV).orElseThrow()))));
            DisclosureAudit.Report attack = DisclosureAudit.attack(outside, DisclosureRules.of(ws.config().privacy()));
            assertThat(attack.findings()).isEmpty();
            assertThat(attack.intervals()).isNotEmpty();
        }
    }

    /**
     * Unemployed and inhabitants 15–64 of every locality by sex (women + men = the fixture's total),
     * for every year; in 2023 the men of {@link #SMALL_MEN} localities are 2. Returns how many.
     */
    private static int writeUnemployedBySex(ReportFixture fixture, Path file) throws IOException {
        Random rnd = new Random(2023);
        StringBuilder out = new StringBuilder("area_code;year;variable;value;target_group\n");
        int smallMen = 0;
        for (ReportFixture.Locality l : fixture.localities) {
            for (var e : l.counts().entrySet()) {
                int year = e.getKey();
                long unemployed = Math.round(e.getValue()[4][0]);
                long pop = Math.round(e.getValue()[4][1]);
                long women = Math.round(unemployed * (0.35 + 0.3 * rnd.nextDouble()));
                if (year == 2023 && smallMen < SMALL_MEN && unemployed >= 8) {
                    women = unemployed - 2;
                    smallMen++;
                }
                long popWomen = Math.round(pop * (0.47 + 0.06 * rnd.nextDouble()));
                out.append(String.format(Locale.ROOT, "%s;%d;unemployed;%d;sex=f%n", l.code(), year, women));
                out.append(String.format(Locale.ROOT, "%s;%d;unemployed;%d;sex=m%n", l.code(), year, unemployed - women));
                out.append(String.format(Locale.ROOT, "%s;%d;pop_15_64;%d;sex=f%n", l.code(), year, popWomen));
                out.append(String.format(Locale.ROOT, "%s;%d;pop_15_64;%d;sex=m%n", l.code(), year, pop - popWomen));
            }
        }
        Files.writeString(file, out);
        return smallMen;
    }
}
