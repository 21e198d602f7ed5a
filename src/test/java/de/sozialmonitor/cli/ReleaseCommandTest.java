package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.privacy.SyntheticCounty;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseFixtures;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandTest {

    private static Path workspaceWithResults(Path tmp) {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        try (Database db = Workspace.open(ws).openDatabase()) {
            ReleaseFixtures.insert(db.jdbi(), SyntheticCounty.generate(5, 2, 3, false), 2023);
        }
        return ws;
    }

    @Test
    void createVerifyPublishListAndExportARelease(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithResults(tmp);
        String w = ws.toString();

        CliTest.Run create = CliTest.run("--lang", "de", "release", "create", "-w", w, "--title", "Sozialmonitoring 2023", "--year", "2023");
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).contains("Berichtsstand 1 angelegt").contains("Geheimhaltung:");

        CliTest.Run unpublished = CliTest.run("--lang", "de", "export", "release", "1", "-w", w);
        assertThat(unpublished.exit()).isZero();
        assertThat(unpublished.err()).contains("nicht veröffentlicht");
        assertThat(unpublished.out()).startsWith(String.join(";", PublishedRow.COLUMNS));

        CliTest.Run verify = CliTest.run("--lang", "de", "release", "verify", "1", "-w", w);
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("Angreifertest").contains("unverändert, reproduzierbar und geschützt");

        assertThat(CliTest.run("release", "publish", "1", "-w", w).exit()).isZero();
        CliTest.Run again = CliTest.run("--lang", "en", "release", "publish", "1", "-w", w);
        assertThat(again.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("already published");

        CliTest.Run list = CliTest.run("--lang", "de", "release", "list", "-w", w);
        assertThat(list.out()).contains("Sozialmonitoring 2023").contains("veröffentlicht");

        Path file = tmp.resolve("out/release-1.json");
        CliTest.Run export = CliTest.run("export", "release", "1", "--format", "json", "--output", file.toString(), "-w", w);
        assertThat(export.exit()).isZero();
        List<PublishedRow> rows = ReleaseDownload.readJson(Files.readAllBytes(file));
        assertThat(DisclosureAudit.attack(rows, DisclosureRules.defaults()).findings()).isEmpty();

        try (Database db = Workspace.open(ws).openDatabase()) {
            assertThat(new AuditLog(db.jdbi()).latest(20)).extracting(AuditLog.Event::action)
                    .contains("release.create", "release.verify", "release.publish", "export.release");
        }
    }

    @Test
    void unknownReleasesAndYearsWithoutResultsAreRefused(@TempDir Path tmp) {
        Path ws = workspaceWithResults(tmp);
        assertThat(CliTest.run("release", "verify", "7", "-w", ws.toString()).exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(CliTest.run("export", "release", "7", "-w", ws.toString()).exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        CliTest.Run noResults = CliTest.run("--lang", "de", "release", "create", "--title", "x", "--year", "1999", "-w", ws.toString());
        assertThat(noResults.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(noResults.err()).contains("keine Ergebnisse");
        assertThat(CliTest.run("release", "create", "--year", "2023", "-w", ws.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpIsGerman() {
        assertThat(CliTest.run("--lang", "de", "release", "create", "--help").out()).contains("Friert die neuesten Ergebnisse");
        assertThat(CliTest.run("--lang", "de", "export", "release", "--help").out()).contains("Dateiformat");
    }
}
