package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.analysis.Certainty;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.store.ResultAreaStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class certainty every output shows ({@link ResultViews#certainty}): for staff the probabilities of
 * {@code analyse certainty}; for the public only bands, and none for a component when a figure behind it is
 * withheld for any area; none at all when the data no longer give the view's classes.
 */
class CertaintiesTest {
    static final String SMALL = CertaintyCounty.SMALL;

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
    void staffSeeTheProbabilitiesOfAnalyseCertaintyForEveryClassifiedArea() {
        ResultViews views = small.views();
        Certainties c = views.certainty(views.internal(2020, true).orElseThrow());
        assertThat(c.available()).as(c.detail()).isTrue();
        assertThat(c.probabilities()).isTrue();
        Certainty.Report expected = Certainty.estimate(MonitoringInputReader.read(small.db.jdbi()), small.ws.catalog(),
                small.ws.config().method(), 2020, Certainty.Options.defaults());
        assertThat(expected.areas()).hasSizeGreaterThan(20);
        assertThat(c.areas().keySet()).containsExactlyInAnyOrderElementsOf(expected.areas().stream()
                .map(Certainty.AreaCertainty::code).toList());
        for (Certainty.AreaCertainty a : expected.areas()) {
            ClassCertainty shown = c.area(a.code()).orElseThrow();
            assertThat(shown.status().probability()).as(a.code()).isEqualTo(a.statusCertainty());
            assertThat(shown.attention().probability()).as(a.code()).isEqualTo(a.attentionCertainty());
            if (a.dynamics() != null) {
                assertThat(shown.dynamics().probability()).as(a.code()).isEqualTo(a.dynamicsCertainty());
            }
            assertThat(shown.borderline()).as(a.code()).isEqualTo(a.borderline());
            assertThat(shown.status().band()).isEqualTo(a.statusCertainty() < Certainty.BORDERLINE
                    ? ClassCertainty.Band.KNAPP : ClassCertainty.Band.SICHER);
        }
    }

    @Test
    void aReleaseThatWithholdsNothingBehindTheIndexShowsThePublicTheBandsOfStaffWithoutTheShares() {
        ResultViews views = large.views();
        ResultView published = views.latestPublished().orElseThrow();
        Certainties pub = views.certainty(published);
        Certainties staff = views.certainty(views.internal(2020, false).orElseThrow());
        assertThat(pub.available()).as(pub.detail()).isTrue();
        assertThat(pub.probabilities()).isFalse();
        assertThat(pub.areas().keySet()).isEqualTo(staff.areas().keySet()).hasSizeGreaterThan(20);
        pub.areas().forEach((code, p) -> {
            ClassCertainty s = staff.area(code).orElseThrow();
            assertThat(bands(p)).as(code).isEqualTo(bands(s)).doesNotContain(ClassCertainty.Band.WITHHELD);
            assertThat(parts(p)).as(code).allSatisfy(part -> assertThat(part.probability()).isNull());
        });
    }

    @Test
    void oneWithheldRateBehindTheIndexWithholdsTheBandsOfEveryArea() {
        ResultViews views = small.views();
        ResultView published = views.latestPublished().orElseThrow();
        assertThat(published.source().protectedFigures()).isTrue();
        assertThat(published.rate("sgb2", SMALL, 2020).withheld()).isTrue();
        Certainties pub = views.certainty(published);
        assertThat(pub.available()).as(pub.detail()).isTrue();
        assertThat(pub.areas()).hasSizeGreaterThan(20);
        // sgb2 is in the status and the dynamics index: no band for any area, whatever its own rates
        pub.areas().forEach((code, p) -> assertThat(parts(p)).as(code)
                .allSatisfy(part -> assertThat(part).isEqualTo(new ClassCertainty.Part(ClassCertainty.Band.WITHHELD, null))));
        assertThat(pub.area(SMALL).orElseThrow().overall()).isEqualTo(ClassCertainty.Band.WITHHELD);
    }

    private static List<ClassCertainty.Band> bands(ClassCertainty c) {
        return parts(c).stream().map(ClassCertainty.Part::band).toList();
    }

    private static List<ClassCertainty.Part> parts(ClassCertainty c) {
        return java.util.stream.Stream.of(c.status(), c.dynamics(), c.attention()).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void whenTheDataNoLongerGiveTheViewsClassesThereIsNoCertainty() {
        Database db = small.db;
        long id = db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM result_set").mapTo(Long.class).one());
        String area = small.views().certainty(small.views().internal(2020, false).orElseThrow()).areas().keySet().iterator().next();
        String original = db.jdbi().withHandle(h -> statusClass(h, id, area));
        String other = "hoch".equals(original) ? "sehr_niedrig" : "hoch";
        try {
            db.jdbi().useHandle(h -> setStatusClass(h, id, area, other));
            Certainties c = small.views().certainty(small.views().internal(2020, false).orElseThrow());
            assertThat(c.available()).isFalse();
            assertThat(c.reason()).isEqualTo(Certainties.Unavailable.DATA_CHANGED);
            assertThat(c.areas()).isEmpty();
        } finally {
            db.jdbi().useHandle(h -> setStatusClass(h, id, area, original));
        }
    }

    private static String statusClass(org.jdbi.v3.core.Handle h, long set, String area) {
        for (ResultAreaStore.YearAreas y : ResultAreaStore.read(h, set)) {
            List<String> codes = List.of(y.areas().codes());
            if (y.year() == 2020 && codes.contains(area)) {
                return y.areas().statusClass()[codes.indexOf(area)];
            }
        }
        throw new IllegalStateException("no stored result of " + area);
    }

    /** Tampers with the stored status class of one area (the blocks are written anew). */
    private static void setStatusClass(org.jdbi.v3.core.Handle h, long set, String area, String statusClass) {
        ResultAreaStore.rewrite(h, set, y -> {
            int i = List.of(y.areas().codes()).indexOf(area);
            if (y.year() == 2020 && i >= 0) {
                y.areas().statusClass()[i] = statusClass;
            }
            return y;
        });
    }
}
