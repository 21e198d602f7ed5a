package de.sozialmonitor.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseCertainty;
import de.sozialmonitor.privacy.ReleaseContent;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.view.Certainties;
import de.sozialmonitor.view.CertaintyCounty;
import de.sozialmonitor.view.ClassCertainty;
import de.sozialmonitor.view.ResultView;
import de.sozialmonitor.view.ResultViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release freezes its class certainty (shares internal, bands public, with what reproduces them), its
 * JSON download publishes the bands, its checksum and {@code release verify} cover them, the pages read
 * them from the release; the attacker audit refuses bands that depend on a withheld count; and a release
 * frozen before all this keeps its bytes and verifies unchanged.
 */
class ReleaseCertaintyTest {
    static final int RELEASE = CertaintyCounty.RELEASE;

    @TempDir
    static Path tmp;
    static CertaintyCounty small;
    static CertaintyCounty large;

    @BeforeAll
    static void workspaces() throws Exception {
        small = CertaintyCounty.withSmallCount(tmp.resolve("small"));
        large = CertaintyCounty.withLargeCounts(tmp.resolve("large"));
    }

    @AfterAll
    static void close() {
        small.close();
        large.close();
    }

    @Test
    void aReleaseFreezesTheResamplingOfItsRecordedInputsAndItsJsonDownloadPublishesTheBandsOnly() throws Exception {
        ReleaseContent content = content(large);
        ReleaseCertainty frozen = content.certainty();
        assertThat(frozen).isNotNull();
        assertThat(frozen.unavailable()).isNull();
        assertThat(frozen.bandsShown()).as("nothing behind the index is withheld in this county").isTrue();
        assertThat(List.of(frozen.model(), frozen.draws(), frozen.seed())).containsExactly("poisson", 1000, 1L);

        Certainty.Report expected = large.db.jdbi().withHandle(h -> Certainty.estimate(MonitoringInputReader.readImports(h,
                        content.imports().stream().map(ReleaseContent.InputFile::importId).toList(), content.areaInputs()),
                large.ws.catalog(), large.ws.config().method(), CertaintyCounty.YEAR, Certainty.Options.defaults()));
        assertThat(frozen.areas()).hasSize(expected.areas().size()).hasSizeGreaterThan(20);
        for (Certainty.AreaCertainty a : expected.areas()) {
            ReleaseCertainty.Area f = frozen.areas().stream().filter(x -> x.code().equals(a.code())).findFirst().orElseThrow();
            assertThat(f.status()).as(a.code()).isEqualTo(a.statusCertainty());
            assertThat(f.attention()).as(a.code()).isEqualTo(a.attentionCertainty());
            assertThat(f.statusBand()).isEqualTo(a.statusBorderline() ? ReleaseCertainty.KNAPP : ReleaseCertainty.SICHER);
        }

        byte[] json = download(large, ReleaseDownload.Format.JSON);
        assertThat(ReleaseDownload.readCertainty(json)).isEqualTo(frozen.published());
        var node = Json.MAPPER.readTree(json).get("certainty");
        assertThat(node.get("model").asText()).isEqualTo("poisson");
        assertThat(node.get("seed").asLong()).isEqualTo(1L);
        List<String> keys = new ArrayList<>();
        node.get("areas").get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("bands only, no shares").containsExactly("area_code", "status", "dynamics", "attention");
        // the CSV stays the table alone (fixed columns)
        assertThat(download(large, ReleaseDownload.Format.CSV)).isEqualTo(ReleaseDownload.csv(content.published()));
    }

    @Test
    void verifyResamplesTheFrozenCertaintyAgainAndAuditsItsBands() {
        ReleaseWorkflow.Verification v = new ReleaseWorkflow(large.db.jdbi()).verify(RELEASE, "test", new MethodRecomputation());
        assertThat(v.ok()).as(v.toString()).isTrue();
        assertThat(check(v, "certainty").detailKey()).isEqualTo("certaintyEqual");
        assertThat(check(v, "certainty_bands").detailKey()).isEqualTo("certaintyBandsPublished");

        ReleaseWorkflow.Verification s = new ReleaseWorkflow(small.db.jdbi()).verify(RELEASE, "test", new MethodRecomputation());
        assertThat(s.ok()).as(s.toString()).isTrue();
        assertThat(check(s, "certainty_bands").detailKey()).isEqualTo("certaintyBandsWithheld");
    }

    @Test
    void aWithheldCountTheResamplingDrawsFromWithholdsEveryBandOfTheRelease() {
        ReleaseCertainty frozen = content(small).certainty();
        assertThat(frozen.bandsShown()).isFalse();
        assertThat(frozen.areas()).hasSizeGreaterThan(20).allSatisfy(a -> {
            assertThat(a.statusBand()).isEqualTo(ReleaseCertainty.WITHHELD);
            assertThat(a.attentionBand()).isEqualTo(ReleaseCertainty.WITHHELD);
            assertThat(a.status()).as("staff keep the share").isNotNull();
        });
        assertThat(ReleaseDownload.readCertainty(download(small, ReleaseDownload.Format.JSON)).anyBandShown()).isFalse();
    }

    @Test
    void verifyRefusesBandsThatDependOnAWithheldCountEvenWhenChecksumAndDownloadsAgree() {
        // a release whose frozen bands were shown although Ort 3's SGB II count is withheld, consistent in itself
        ReleaseContent original = content(small);
        ReleaseCertainty f = original.certainty();
        ReleaseCertainty shown = new ReleaseCertainty(f.model(), f.draws(), f.seed(), f.borderline(), f.year(), f.baseYear(), true,
                f.areas().stream().map(a -> ReleaseCertainty.area(a.code(), a.status(), a.dynamics(), a.attention(), true,
                        f.borderline())).toList(), f.notes(), null);
        assertThat(shown.published().anyBandShown()).isTrue();
        try {
            rewrite(small, c -> c.withCertainty(shown), true);
            ReleaseWorkflow.Verification v = new ReleaseWorkflow(small.db.jdbi()).verify(RELEASE, "test");
            assertThat(check(v, "checksum").ok()).isTrue();
            assertThat(check(v, "downloads").ok()).isTrue();
            ReleaseWorkflow.Check bands = check(v, "certainty_bands");
            assertThat(bands.ok()).isFalse();
            assertThat(bands.detailKey()).isEqualTo("certaintyBandsDependOnWithheld");
            assertThat(bands.detail(java.util.Locale.ENGLISH)).contains("count sgb2_u65 " + CertaintyCounty.SMALL + " 2020");
            assertThat(v.ok()).isFalse();
        } finally {
            rewrite(small, c -> original, true);
        }
        assertThat(new ReleaseWorkflow(small.db.jdbi()).verify(RELEASE, "test").ok()).isTrue();
    }

    @Test
    void thePagesTakeAReleasesCertaintyFromTheReleaseNotFromARecomputation() {
        ReleaseContent original = content(large);
        ReleaseCertainty f = original.certainty();
        // a frozen certainty no recomputation gives: every status share 0.5, so every status band knapp
        ReleaseCertainty frozen = new ReleaseCertainty(f.model(), f.draws(), f.seed(), f.borderline(), f.year(), f.baseYear(),
                true, f.areas().stream().map(a -> ReleaseCertainty.area(a.code(), 0.5, a.dynamics(), a.attention(), true,
                f.borderline())).toList(), f.notes(), null);
        try {
            rewrite(large, c -> c.withCertainty(frozen), true);
            ResultViews views = large.views();
            Certainties pub = views.certainty(views.latestPublished().orElseThrow());
            assertThat(pub.available()).as(pub.detail()).isTrue();
            assertThat(pub.probabilities()).isFalse();
            for (ReleaseCertainty.Area a : frozen.areas()) {
                ClassCertainty c = pub.area(a.code()).orElseThrow();
                assertThat(c.status()).as(a.code()).isEqualTo(new ClassCertainty.Part(ClassCertainty.Band.KNAPP, null));
                assertThat(c.attention().band().code()).as(a.code()).isEqualTo(a.attentionBand());
            }
            Certainties staff = views.certainty(views.release(RELEASE, false).orElseThrow());
            assertThat(staff.probabilities()).isTrue();
            frozen.areas().forEach(a -> assertThat(staff.area(a.code()).orElseThrow().status().probability()).isEqualTo(0.5));
            // and release verify, resampling again, notices that the frozen certainty is not what the inputs give
            ReleaseWorkflow.Verification v = new ReleaseWorkflow(large.db.jdbi()).verify(RELEASE, "test", new MethodRecomputation());
            assertThat(check(v, "certainty").detailKey()).isEqualTo("certaintyDiffers");
            assertThat(v.ok()).isFalse();
        } finally {
            rewrite(large, c -> original, true);
        }
    }

    /** Regression: a release frozen before releases froze their certainty keeps its bytes and verifies unchanged. */
    @Test
    void aReleaseFrozenWithoutCertaintyKeepsItsBytesAndVerifiesUnchanged() {
        ReleaseContent original = content(large);
        try {
            // what the code before gave: content without the field, the JSON download without its section
            rewrite(large, c -> c.withCertainty(null), false);
            String stored = large.db.jdbi().withHandle(h -> ReleaseRepository.stored(h, RELEASE).orElseThrow().content());
            assertThat(stored).doesNotContain("certainty");
            assertThat(new String(download(large, ReleaseDownload.Format.JSON), StandardCharsets.UTF_8)).doesNotContain("certainty");
            ReleaseWorkflow.Verification v = new ReleaseWorkflow(large.db.jdbi()).verify(RELEASE, "test", new MethodRecomputation());
            assertThat(v.ok()).as(v.toString()).isTrue();
            assertThat(check(v, "certainty_bands").detailKey()).isEqualTo("certaintyBandsNone");
            assertThat(v.checks()).noneMatch(c -> c.name().equals("certainty"));
            ResultViews views = large.views();
            Certainties c = views.certainty(views.latestPublished().orElseThrow());
            assertThat(c.available()).isFalse();
            assertThat(c.reason()).isEqualTo(Certainties.Unavailable.NOT_RECORDED);
        } finally {
            rewrite(large, c -> original, true);
        }
    }

    private static ReleaseWorkflow.Check check(ReleaseWorkflow.Verification v, String name) {
        return v.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " " + v));
    }

    private static ReleaseContent content(CertaintyCounty county) {
        return county.db.jdbi().withHandle(h -> ReleaseContent.parse(ReleaseRepository.stored(h, RELEASE).orElseThrow().content()));
    }

    private static byte[] download(CertaintyCounty county, ReleaseDownload.Format f) {
        return county.db.jdbi().withHandle(h -> ReleaseRepository.file(h, RELEASE, f).orElseThrow()).getBytes(StandardCharsets.UTF_8);
    }

    /** Stores the changed content as a release would have been frozen with it: content, checksum and both downloads. */
    private static void rewrite(CertaintyCounty county, UnaryOperator<ReleaseContent> change, boolean withCertainty) {
        ReleaseContent c = change.apply(content(county));
        byte[] bytes = c.canonicalBytes();
        String checksum = ReleaseContent.sha256(bytes);
        county.db.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE release SET content = :c, checksum = :s WHERE number = :n")
                    .bind("c", new String(bytes, StandardCharsets.UTF_8)).bind("s", checksum).bind("n", RELEASE).execute();
            for (ReleaseDownload.Format f : ReleaseDownload.Format.values()) {
                List<PublishedRow> rows = c.published();
                byte[] file = withCertainty ? ReleaseDownload.write(f, ReleaseWorkflow.header(c, checksum), rows,
                        ReleaseWorkflow.publishedCertainty(c)) : ReleaseDownload.write(f, ReleaseWorkflow.header(c, checksum), rows);
                h.createUpdate("UPDATE release_file SET content = :c, sha256 = :s WHERE release_number = :n AND format = :f")
                        .bind("c", new String(file, StandardCharsets.UTF_8)).bind("s", ReleaseContent.sha256(file))
                        .bind("n", RELEASE).bind("f", f.extension()).execute();
            }
        });
    }
}
