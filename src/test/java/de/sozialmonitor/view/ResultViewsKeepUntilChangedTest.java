package de.sozialmonitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.Measure;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.AreaRepository;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MeasureRepository;
import de.sozialmonitor.store.ReferenceRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read side keeps releases, measures, reference figures and boundaries between requests, and
 * shows a write as soon as it is committed, whoever wrote it: here the writers work on the
 * database directly, as an import on the command line or a second server would, never through
 * the views that keep the data.
 */
class ResultViewsKeepUntilChangedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aCommittedWriteIsShownAtOnceAndOneReadingSeesOneState(TestDatabases.Kind kind) throws Exception {
        try (Database db = kind.open()) {
            Workspace ws = ReportFixture.workspace(Files.createTempDirectory("kept"));
            ReportFixture.create(ws, db, true);
            ResultViews views = ResultViews.of(db.jdbi(), ws.config());

            // releases: publishing release 2 makes it the public's view
            ResultView first = views.latestPublished().orElseThrow();
            assertThat(first.source().releaseNumber()).isEqualTo(1);
            assertThat(views.published(2)).isEmpty();
            AtomicReference<Integer> seenInReading = new AtomicReference<>();
            views.asOneReading(() -> {
                views.latestPublished(); // the reading takes its stamps here
                new ReleaseWorkflow(db.jdbi()).publish(2, "test");
                seenInReading.set(views.latestPublished().orElseThrow().source().releaseNumber());
            });
            assertThat(seenInReading.get()).as("one reading sees one state").isEqualTo(1);
            ResultView view = views.latestPublished().orElseThrow();
            assertThat(view.source().releaseNumber()).isEqualTo(2);
            assertThat(views.publishedReleases()).extracting(r -> r.number()).containsExactly(1, 2);
            assertThat(views.published(2)).containsSame(view);

            // measures: created, changed to internal, deleted
            assertThat(views.measures(view, false).all()).isEmpty();
            MeasureRepository measures = new MeasureRepository(db.jdbi());
            measures.save(measure(true), "anna");
            assertThat(views.measures(view, false).all()).extracting(e -> e.measure().key()).containsExactly("M-1");
            measures.save(measure(false), "anna");
            assertThat(views.measures(view, false).all()).isEmpty();
            assertThat(views.measures(view, true).all()).extracting(e -> e.measure().key()).containsExactly("M-1");
            measures.delete("M-1", "anna");
            assertThat(views.measures(view, true).all()).isEmpty();

            // reference figures: an import of Niedersachsen's figures
            assertThat(views.references(view).region("03")).isEmpty();
            long importId = db.jdbi().withHandle(h -> h.createQuery("SELECT MIN(id) FROM import").mapTo(Long.class).one());
            db.jdbi().useTransaction(h -> ReferenceRepository.save(h, importId,
                    List.of(new ReferenceRegion("03", "Niedersachsen", ReferenceRegion.Kind.LAND)),
                    List.of(new ReferenceFigure("03", 2024, ReferenceFigure.Kind.VARIABLE, "pop_u18", 1_200_000.0, ValueStatus.OK))));
            assertThat(views.references(view).region("03")).map(ReferenceRegion::name).contains("Niedersachsen");

            // boundaries: a new geometry for one locality
            String code = view.areasOn("Ortsteil").get(0).code();
            String before = views.geometries(view, "Ortsteil").get(code);
            assertThat(before).isNotNull();
            String square = "{\"type\":\"Polygon\",\"coordinates\":[[[10.1,52.1],[10.2,52.1],[10.2,52.2],[10.1,52.2],[10.1,52.1]]]}";
            db.jdbi().useTransaction(h -> AreaRepository.setGeometry(h, code, null, square));
            assertThat(views.geometries(view, "Ortsteil").get(code)).isEqualTo(square);
        }
    }

    private static Measure measure(boolean shownPublic) {
        return new Measure("M-1", "Lernwerkstatt", "Bildung", "FD Jugend", LocalDate.of(2021, 3, 1), null,
                new BigDecimal("1000"), null, null, null, shownPublic, List.of("03157005001"), List.of("sgb2"));
    }
}
