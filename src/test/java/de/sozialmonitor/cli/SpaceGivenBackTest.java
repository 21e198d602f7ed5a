package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: space is given back after superseded imports and old result sets, and nothing a
 * reader, a release or {@code release verify} needs goes with it.
 */
class SpaceGivenBackTest {
    private static List<Long> resultSets(Path ws) {
        try (Database db = Workspace.open(ws).openDatabase()) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM result_set ORDER BY id").mapTo(Long.class).list());
        }
    }

    private static List<Long> importsWithObservations(Path ws) {
        try (Database db = Workspace.open(ws).openDatabase()) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT import_id FROM observation_areas ORDER BY import_id")
                    .mapTo(Long.class).list());
        }
    }

    /** The counts file again with every pop_total one higher: a corrected delivery of the same source. */
    private static void correct(Path counts) throws Exception {
        StringBuilder corrected = new StringBuilder();
        for (String line : Files.readAllLines(counts)) {
            String[] f = line.split(";");
            corrected.append(f[2].equals("pop_total") ? f[0] + ";" + f[1] + ";" + f[2] + ";" + (Integer.parseInt(f[3]) + 1) : line)
                    .append('\n');
        }
        Files.writeString(counts, corrected);
    }

    @Test
    void replacedResultSetsAndUnrecordedSupersededObservationsAreRemovedWhatReleasesUseStays(@TempDir Path tmp) throws Exception {
        Path ws = ReleaseCommandTest.workspaceWithResults(tmp);
        String w = ws.toString();
        Path counts = ws.resolve("data/counts.csv");
        List<Long> before = resultSets(ws);
        long released = before.get(before.size() - 1);
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        List<Long> imports = importsWithObservations(ws);

        // two more computations of 2023: the first of them is replaced by the second, no release uses it
        assertThat(CliTest.run("compute", "--year", "2023", "-w", w).exit()).isZero();
        long replaced = resultSets(ws).get(resultSets(ws).size() - 1);
        assertThat(CliTest.run("compute", "--year", "2023", "-w", w).exit()).isZero();
        List<Long> after = resultSets(ws);
        assertThat(after).contains(released).doesNotContain(replaced).hasSize(before.size() + 1);

        // a corrected delivery supersedes the counts the release and the kept result sets were computed from: they stay
        correct(counts);
        CliTest.Run first = CliTest.run("--lang", "en", "import", "-w", w, counts.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(importsWithObservations(ws)).containsAll(imports);
        List<Long> firstCorrection = importsWithObservations(ws).stream().filter(i -> !imports.contains(i)).toList();
        assertThat(firstCorrection).hasSize(1);

        // a second correction supersedes the first, which nothing has used: its observations go at once
        correct(counts);
        CliTest.Run second = CliTest.run("--lang", "en", "import", "-w", w, counts.toString());
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(importsWithObservations(ws)).containsAll(imports).doesNotContainAnyElementsOf(firstCorrection);

        CliTest.Run verify = CliTest.run("--lang", "en", "release", "verify", "1", "-w", w);
        assertThat(verify.exit()).as(verify.out()).isZero();
        CliTest.Run history = CliTest.run("--lang", "en", "history", "-w", w);
        assertThat(history.out()).contains("#" + firstCorrection.get(0));
        try (Database db = Workspace.open(ws).openDatabase()) {
            assertThat(new AuditLog(db.jdbi()).latest(30)).filteredOn(e -> e.action().equals("housekeeping"))
                    .extracting(AuditLog.Event::detail)
                    .anySatisfy(d -> assertThat(d).contains("result_sets=[" + replaced + "]"))
                    .anySatisfy(d -> assertThat(d).contains("observations_of_imports=" + firstCorrection));
        }
    }
}
