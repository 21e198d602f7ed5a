package de.sozialmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.workflow.ReleaseWorkflow;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoIntegrationTest {

    /**
     * Regression: a demo run stopped between creating and publishing a release (two transactions,
     * as the two commands) left it unpublished; the next run froze the same results again under the
     * next number and published that one, so {@code release list} showed the first as unpublished for good.
     */
    @Test
    void aRerunPublishesTheReleaseAnInterruptedRunLeftUnpublishedAndNoOneElses(@TempDir Path tmp) {
        Workspace ws = ExampleCountyPackage.workspace(tmp.resolve("ws"));
        try (Database db = ws.openDatabase()) {
            ExampleCountyPackage.importAndCompute(ws, db);
            ReleaseWorkflow workflow = new ReleaseWorkflow(db.jdbi());
            int year = ExampleCounty.YEAR;
            String title = ExampleCountyPackage.RELEASE_TITLE;
            workflow.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), "Entwurf", year, null), "anna");
            workflow.create(ReleaseWorkflow.CreateRequest.of(ws.config(), ws.catalog(), title, year, null), DemoIntegration.USER);

            DemoBuild.Step rerun = DemoIntegration.releaseAndPublish(ws, db, year, title);

            assertThat(rerun.detail()).startsWith("release 2 published");
            assertThat(new ReleaseRepository(db.jdbi()).list()).extracting(ReleaseRepository.ReleaseInfo::number,
                    ReleaseRepository.ReleaseInfo::isPublished).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
            assertThat(DemoIntegration.releaseAndPublish(ws, db, year, title).detail()).isEqualTo("unchanged (release 2 is published)");
        }
    }
}
