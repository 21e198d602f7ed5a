package de.sozialmonitor.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.FrozenResults;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Releases of results made the way a county makes them: the synthetic county's files imported and
 * the method computed ({@link ReportFixture#delivered}), then {@code release create}, {@code verify}
 * and {@code publish}.
 */
class ReleaseWorkflowTest {
    static final int YEAR = ReportFixture.YEAR;

    /** A workspace whose database holds the imported county and the result set of {@link #YEAR}. */
    private static Workspace computed(Database db) {
        Workspace ws = workspace();
        ReportFixture.delivered(ws, db);
        ComputeWorkflow.compute(ws, db, YEAR, "anna");
        return ws;
    }

    private static Workspace workspace() {
        try {
            return ReportFixture.workspace(Files.createTempDirectory("release-workflow"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReleaseWorkflow.CreateRequest request(Workspace ws, String title, int year, Integer corrects) {
        return ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), title, year, corrects);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aCreatedReleaseIsFrozenVerifiableAndNotPublicUntilPublished(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = workspace();
            ReportFixture.delivered(ws, db);
            long rs = ComputeWorkflow.compute(ws, db, YEAR, "anna").resultSetId();
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());

            ReleaseRepository.ReleaseInfo r = workflow.create(request(ws, "Sozialmonitor 2024", YEAR, null), "anna");

            assertThat(r.number()).isEqualTo(1);
            assertThat(r.resultSetId()).isEqualTo(rs);
            assertThat(r.isPublished()).isFalse();
            assertThat(r.checksum()).hasSize(64);
            String content = db.jdbi().withHandle(h -> h.createQuery("SELECT content FROM release WHERE number = 1").mapTo(String.class).one());
            assertThat(ReleaseContent.sha256(content.getBytes(StandardCharsets.UTF_8))).isEqualTo(r.checksum());
            // not public yet
            assertThat(repo.published()).isEmpty();
            assertThat(repo.latestPublished()).isEmpty();
            assertThat(repo.download(1, ReleaseDownload.Format.CSV)).isEmpty();
            assertThat(repo.publishedRows(1)).isEmpty();
            assertThat(repo.internalDownload(1, ReleaseDownload.Format.CSV)).isPresent();

            ReleaseWorkflow.Verification v = workflow.verify(1, "anna", new MethodRecomputation());
            assertThat(v.checks()).allSatisfy(c -> assertThat(c.ok()).as(c.name() + ": " + c.detail(java.util.Locale.ENGLISH)).isTrue());
            assertThat(v.checks()).extracting(ReleaseWorkflow.Check::name)
                    .contains("checksum", "results", "inputs", "disclosure_control", "downloads", "attacker", "method_recomputation");

            workflow.publish(1, "ben");
            assertThat(repo.latestPublished()).get().extracting(ReleaseRepository.ReleaseInfo::publishedBy).isEqualTo("ben");
            byte[] csv = repo.download(1, ReleaseDownload.Format.CSV).orElseThrow();
            byte[] json = repo.download(1, ReleaseDownload.Format.JSON).orElseThrow();
            assertThat(ReleaseDownload.readJson(json)).isEqualTo(ReleaseDownload.readCsv(csv));
            assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"checksum\" : \"" + r.checksum() + "\"");

            // the public rows carry no number for a withheld rate, only its symbol
            PublishedRow hiddenRate = repo.publishedRows(1).orElseThrow().stream().filter(x -> x.kind().equals(PublishedRow.RATE)
                    && x.reason().equals(PublishedRow.COUNTS_CONFIDENTIAL)).findFirst().orElseThrow();
            assertThat(hiddenRate.value()).isEmpty();
            assertThat(hiddenRate.symbol()).isEqualTo(".");

            // the public download withstands the attacker
            List<PublishedRow> rows = ReleaseDownload.readCsv(csv);
            assertThat(rows).anyMatch(x -> x.status().equals(PublishedRow.SUPPRESSED));
            assertThat(DisclosureAudit.attack(rows, DisclosureRules.defaults()).findings()).isEmpty();

            assertThat(new AuditLog(db.jdbi()).latest(10)).extracting(AuditLog.Event::action)
                    .containsSubsequence("release.publish", "release.verify", "release.create");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aPublishedReleaseCannotBePublishedAgainAndACorrectionIsANewRelease(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = computed(db);
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            ReleaseRepository.ReleaseInfo first = workflow.create(request(ws, "Stand A", YEAR, null), "anna");
            workflow.publish(1, "anna");
            byte[] before = repo.download(1, ReleaseDownload.Format.CSV).orElseThrow();

            assertThatThrownBy(() -> workflow.publish(1, "anna")).isInstanceOf(ReleaseWorkflow.ReleaseException.class)
                    .extracting(e -> ((ReleaseWorkflow.ReleaseException) e).key()).isEqualTo("release.error.alreadyPublished");

            // the delivery again with one count corrected (same source: it supersedes the first),
            // new results for the same year, then a correcting release
            Path correction = corrected(ws, "03157005001;" + YEAR + ";unemployed;");
            ReportFixture.imported(ws, db, correction);
            ComputeWorkflow.compute(ws, db, YEAR, "anna");
            ReleaseRepository.ReleaseInfo second = workflow.create(request(ws, "Stand A, berichtigt", YEAR, 1), "anna");

            assertThat(second.number()).isEqualTo(2);
            assertThat(second.corrects()).isEqualTo(1);
            assertThat(second.checksum()).isNotEqualTo(first.checksum());
            assertThat(repo.download(1, ReleaseDownload.Format.CSV)).get().isEqualTo(before);
            assertThat(repo.latestPublished()).get().extracting(ReleaseRepository.ReleaseInfo::number).isEqualTo(1);
            assertThat(repo.list()).extracting(ReleaseRepository.ReleaseInfo::number).containsExactly(1, 2);
            assertThatThrownBy(() -> workflow.create(request(ws, "x", YEAR, 99), "anna"))
                    .isInstanceOf(ReleaseWorkflow.ReleaseException.class);
            assertThatThrownBy(() -> workflow.create(request(ws, "x", 1990, null), "anna"))
                    .isInstanceOf(ReleaseWorkflow.ReleaseException.class)
                    .extracting(e -> ((ReleaseWorkflow.ReleaseException) e).key()).isEqualTo("release.error.noResults");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aNewReleaseIsProtectedAgainstThePublishedOnesAndPublishRefusesOneThatWasNot(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = computed(db);
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            workflow.create(request(ws, "Stand A", YEAR, null), "anna");
            // a corrected delivery of the year (same source: it supersedes the first) in which the small
            // counts are no longer small, computed and released before release 1 is published:
            // protected on its own only, so it publishes counts that release 1 withholds
            ReportFixture.imported(ws, db, smallCountsRaised(ws));
            ComputeWorkflow.compute(ws, db, YEAR, "anna");
            workflow.create(request(ws, "Stand A, berichtigt", YEAR, 1), "anna");
            workflow.publish(1, "anna");

            ReleaseWorkflow.Verification v = workflow.verify(2, "anna");
            ReleaseWorkflow.Check attacker = v.checks().stream().filter(c -> c.name().equals("attacker")).findFirst().orElseThrow();
            assertThat(attacker.ok()).isFalse();
            assertThat(attacker.detail(java.util.Locale.ENGLISH)).contains("public record [1, 2]")
                    .contains("withheld in an earlier release, published in a later one");
            assertThatThrownBy(() -> workflow.publish(2, "anna")).isInstanceOf(ReleaseWorkflow.ReleaseException.class)
                    .hasMessageContaining("attacker");

            // the same results again, now against the public record: what release 1 withholds stays withheld
            ReleaseRepository.ReleaseInfo third = workflow.create(request(ws, "Stand A, berichtigt", YEAR, 1), "anna");
            ReleaseContent content = repo.content(third.number()).orElseThrow();
            assertThat(content.publicRecord()).containsExactly(1);
            assertThat(content.summary().inherited()).isPositive();
            assertThat(workflow.verify(third.number(), "anna").checks())
                    .allSatisfy(c -> assertThat(c.ok()).as(c.name() + ": " + c.detail(java.util.Locale.ENGLISH)).isTrue());
            workflow.publish(third.number(), "anna");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void theNewestPublishedReleaseIsTheOneOfTheNewestYearNotTheLastPublished(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = workspace();
            ReportFixture.delivered(ws, db);
            ComputeWorkflow.compute(ws, db, 2024, "anna");
            ComputeWorkflow.compute(ws, db, 2022, "anna");
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            workflow.create(request(ws, "Stand 2024", 2024, null), "anna");
            workflow.publish(1, "anna");
            workflow.create(request(ws, "Stand 2022", 2022, null), "anna");
            workflow.publish(2, "anna");

            assertThat(repo.latestPublished()).get().extracting(ReleaseRepository.ReleaseInfo::year).isEqualTo(2024);
            // the comparison basis of a release: the newest older one, by Berichtsjahr
            assertThat(repo.previousPublished(1)).get().extracting(ReleaseRepository.ReleaseInfo::number).isEqualTo(2);
            assertThat(repo.previousPublished(2)).isEmpty();
            assertThat(repo.latestUncorrected(2024)).get().extracting(ReleaseRepository.ReleaseInfo::number).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void verifyNoticesResultsChangedBehindTheReleasesBackAndPublishThenRefuses(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = workspace();
            ReportFixture.delivered(ws, db);
            long rs = ComputeWorkflow.compute(ws, db, YEAR, "anna").resultSetId();
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            workflow.create(request(ws, "Stand", YEAR, null), "anna");

            // someone changes a stored result behind the release's back
            db.jdbi().useHandle(h -> de.sozialmonitor.store.ResultValueStore.rewrite(h, rs, r ->
                    r.indicatorId().equals("sgb2") && r.areaCode().equals("03157") && r.numerator() != null
                            ? new de.sozialmonitor.store.ResultValueStore.Row(r.areaCode(), r.year(), r.indicatorId(), r.targetGroup(),
                                    r.numerator() + 1, r.denominator(), r.value(), r.change(), r.zStatus(), r.zDynamics())
                            : r));

            ReleaseWorkflow.Verification v = workflow.verify(1, "anna");
            assertThat(v.ok()).isFalse();
            assertThat(v.checks()).filteredOn(c -> !c.ok()).extracting(ReleaseWorkflow.Check::name).containsExactly("results");
            assertThatThrownBy(() -> workflow.publish(1, "anna")).isInstanceOf(ReleaseWorkflow.ReleaseException.class);
            assertThat(repo.published()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void verifyNoticesATamperedContent(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = computed(db);
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            workflow.create(request(ws, "Stand", YEAR, null), "anna");
            db.jdbi().useHandle(h -> h.execute("UPDATE release SET content = REPLACE(content, '\"title\":\"Stand\"', '\"title\":\"Stant\"')"));

            ReleaseWorkflow.Verification v = workflow.verify(1, "anna");

            assertThat(v.checks()).filteredOn(c -> !c.ok()).extracting(ReleaseWorkflow.Check::name).contains("checksum");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aWiredRecomputationMustReproduceTheFrozenValuesBitForBit(TestDatabases.Kind kind) {
        try (Database db = kind.open()) {
            Workspace ws = computed(db);
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            workflow.create(request(ws, "Stand", YEAR, null), "anna");

            ReleaseWorkflow.Recomputation same = new MethodRecomputation();
            ReleaseWorkflow.Recomputation offByOneUlp = (h, frozen) -> same.recompute(h, frozen).map(values -> values.stream()
                    .map(v -> v.value() == null || !v.areaCode().equals("03157") ? v : new FrozenResults.ValueRow(v.areaCode(), v.year(),
                            v.indicatorId(), v.targetGroup(), v.numerator(), v.denominator(), Math.nextUp(v.value()), v.change()))
                    .toList());

            assertThat(workflow.verify(1, "anna", same).ok()).isTrue();
            ReleaseWorkflow.Verification off = workflow.verify(1, "anna", offByOneUlp);
            assertThat(off.checks()).filteredOn(c -> !c.ok()).extracting(ReleaseWorkflow.Check::name)
                    .containsExactly("method_recomputation");
        }
    }

    /**
     * The county's counts file ({@code zahlen.csv}, in a folder of its own) with every count of
     * {@link #YEAR} below the minimum count of disclosure control raised by 3.
     */
    private static Path smallCountsRaised(Workspace ws) {
        try {
            List<String> lines = new java.util.ArrayList<>();
            int raised = 0;
            for (String line : Files.readAllLines(ws.dataDir().resolve("zahlen.csv"))) {
                String[] f = line.split(";");
                if (f[1].equals(String.valueOf(YEAR)) && Long.parseLong(f[3]) < DisclosureRules.defaults().privacy().minCount()) {
                    line = f[0] + ";" + f[1] + ";" + f[2] + ";" + (Long.parseLong(f[3]) + 3);
                    raised++;
                }
                lines.add(line);
            }
            assertThat(raised).as("small counts in the delivery").isPositive();
            Path file = Files.createDirectories(ws.dataDir().resolve("berichtigt")).resolve("zahlen.csv");
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The county's counts file ({@code zahlen.csv}, in a folder of its own) with the count of the line starting {@code key} raised by 7. */
    private static Path corrected(Workspace ws, String key) {
        try {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(ws.dataDir().resolve("zahlen.csv")));
            int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow());
            lines.set(at, key + (Long.parseLong(lines.get(at).substring(key.length())) + 7));
            Path file = Files.createDirectories(ws.dataDir().resolve("berichtigt")).resolve("zahlen.csv");
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
