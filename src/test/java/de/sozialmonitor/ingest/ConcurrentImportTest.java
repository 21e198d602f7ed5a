package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ImportRepository;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression (issue 11): a second import of the same source while one ran ended in an H2
 * lock-timeout stack trace that {@code history} did not record. Now the running import holds the
 * workspace's import lock, and a second one is refused at once with a clear message and recorded.
 */
class ConcurrentImportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.sozialmonitor.store.TestDatabases#kinds")
    void aSecondImportWhileOneRunsIsRefusedClearlyAndRecordedInTheHistory(TestDatabases.Kind kind) {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        try (Database db = kind.open()) {
            assertThat(Importer.importFile(ws, db, IngestFixtures.sample(tmp, "peine-gebiete.csv"), "anna").imported()).isTrue();
            Path file = IngestFixtures.write(tmp, "zaehlung.csv", "area_code;year;variable;value\n03157001;2023;pop_total;1234\n");
            try (Handle running = db.jdbi().open()) {
                running.begin();
                assertThat(ImportRepository.lockImports(running)).as("the lock a running import holds").isTrue();

                ImportOutcome second = Importer.importFile(ws, db, file, "bert", Importer.Options.in(java.util.Locale.ENGLISH));
                CheckReport check = Importer.check(ws, db, file, Importer.Options.in(java.util.Locale.ENGLISH));

                assertThat(second.imported()).isFalse();
                assertThat(second.report().problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("import_running");
                    assertThat(p.reason()).contains("another import into this workspace is running");
                });
                assertThat(check.problems()).extracting(Problem::code).containsExactly("import_running");
                running.rollback();
            }
            ImportRepository.ImportRow refused = ImportRepository.history(db.jdbi(), 1).get(0);
            assertThat(refused.outcome()).isEqualTo(ImportRepository.REJECTED);
            assertThat(refused.user()).isEqualTo("bert");
            assertThat(refused.message()).contains("another import into this workspace is running");
            assertThat(Importer.importFile(ws, db, file, "bert").imported()).as("once the other has finished").isTrue();
        }
    }
}
