package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.privacy.DisclosureAudit;
import de.sozialmonitor.privacy.DisclosureRules;
import de.sozialmonitor.privacy.PublishedRow;
import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCommandTest {

    /**
     * A workspace whose results come the real way: an areas file and counts in the canonical long
     * format are imported and the monitoring is computed (ingest and method parts), so that
     * {@code release verify} can recompute the results from the observations.
     */
    static Path workspaceWithResults(Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        // the index over what the counts below deliver (the default index needs variables they lack)
        Path config = ws.resolve("sozialmonitor.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?s)  status_indicators:.*?school_leavers_low: 1\n",
                "  status_indicators: {sgb2: 1, old_age_min_income: 1}\n"));
        java.util.Random rnd = new java.util.Random(5);
        StringBuilder areas = new StringBuilder("code;name;level;parent\n031570;Kreis;Landkreis;\n");
        StringBuilder counts = new StringBuilder("area_code;year;variable;value\n");
        for (int g = 1; g <= 2; g++) {
            String gc = "03157" + g;
            areas.append(gc).append(";Gemeinde ").append(g).append(";Gemeinde;031570\n");
            for (int l = 1; l <= 4; l++) {
                String lc = gc + "0" + l;
                areas.append(lc).append(";Ort ").append(g).append('.').append(l).append(";Ortsteil;").append(gc).append('\n');
                for (int year : new int[] {2020, 2023}) {
                    int pop = l == 4 ? 150 + rnd.nextInt(100) : 400 + rnd.nextInt(2000);
                    int old = pop / 5;
                    counts.append(lc).append(';').append(year).append(";pop_total;").append(pop).append('\n');
                    counts.append(lc).append(';').append(year).append(";pop_65plus;").append(old).append('\n');
                    counts.append(lc).append(';').append(year).append(";sgb2_u65;").append(rnd.nextInt(l == 1 ? 3 : 80)).append('\n');
                    counts.append(lc).append(';').append(year).append(";grusi_65plus;").append(rnd.nextInt(l == 2 ? 3 : 12)).append('\n');
                }
            }
        }
        Files.writeString(ws.resolve("data/areas.csv"), areas);
        Files.writeString(ws.resolve("data/counts.csv"), counts);
        CliTest.Run areasImport = CliTest.run("import", "-w", ws.toString(), ws.resolve("data/areas.csv").toString());
        assertThat(areasImport.exit()).as(areasImport.out() + areasImport.err()).isZero();
        CliTest.Run countsImport = CliTest.run("import", "-w", ws.toString(), ws.resolve("data/counts.csv").toString());
        assertThat(countsImport.exit()).as(countsImport.out() + countsImport.err()).isZero();
        CliTest.Run compute = CliTest.run("compute", "-w", ws.toString(), "--year", "2023");
        assertThat(compute.exit()).as(compute.out() + compute.err()).isZero();
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
        assertThat(verify.out()).contains("Angreifertest").contains("unverändert, reproduzierbar und geschützt")
                .contains("bitgleich");

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

    /**
     * Regressions: a refused publish printed only the names of the failed checks ("[downloads]"), not
     * why; and a damaged stored download made verify crash ("not a release download") instead of failing.
     */
    @Test
    void aRefusedPublishSaysWhichCheckFailedAndWhy(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithResults(tmp);
        String w = ws.toString();
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        // a stored download altered behind the release's back (bit rot, a hand edit)
        try (de.sozialmonitor.store.Database db = de.sozialmonitor.workspace.Workspace.open(ws).openDatabase()) {
            db.jdbi().useHandle(h -> h.execute("UPDATE release_file SET content = 'x' WHERE release_number = 1"));
        }
        CliTest.Run publish = CliTest.run("--lang", "de", "release", "publish", "1", "-w", w);
        assertThat(publish.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(publish.err()).contains("Berichtsstand 1 wird nicht veröffentlicht")
                .contains("FEHLER  Downloads: ein Download weicht ab")
                .contains("FEHLER  Angreifertest: der gespeicherte Download ist beschädigt");
        assertThat(publish.err()).doesNotContain("Prüfsumme:");
        CliTest.Run verify = CliTest.run("--lang", "en", "release", "verify", "1", "-w", w);
        assertThat(verify.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(verify.out()).contains("the stored download is damaged and cannot be read");
    }

    @Test
    void aReleaseStillVerifiesAfterACorrectedDeliverySupersededItsInputs(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithResults(tmp);
        String w = ws.toString();
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        // the office sends a corrected file: every pop_total one higher
        Path counts = ws.resolve("data/counts.csv");
        StringBuilder corrected = new StringBuilder();
        for (String line : Files.readAllLines(counts)) {
            String[] f = line.split(";");
            corrected.append(f[2].equals("pop_total") ? f[0] + ";" + f[1] + ";" + f[2] + ";" + (Integer.parseInt(f[3]) + 1) : line).append('\n');
        }
        Files.writeString(counts, corrected);
        CliTest.Run reimport = CliTest.run("--lang", "en", "import", "-w", w, counts.toString());
        assertThat(reimport.exit()).as(reimport.out() + reimport.err()).isZero();
        assertThat(reimport.out()).containsIgnoringCase("supersede");

        CliTest.Run verify = CliTest.run("--lang", "de", "release", "verify", "1", "-w", w);
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("bitgleich");
    }

    @Test
    void aReleaseStillVerifiesAfterANewAreasDeliveryAndLaterComputations(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithResults(tmp);
        String w = ws.toString();
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        assertThat(CliTest.run("release", "publish", "1", "-w", w).exit()).isZero();
        // a new areas delivery: one locality renamed, a new one in municipality 1 (no figures of its own yet)
        String areas = Files.readString(ws.resolve("data/areas.csv")).replace(";Ort 1.1;", ";Ort 1.1 (neu benannt);")
                + "0315709;Neubaugebiet;Ortsteil;031571\n";
        Path delivery = ws.resolve("data/areas-2024.csv");
        Files.writeString(delivery, areas);
        CliTest.Run reimport = CliTest.run("--lang", "en", "import", "-w", w, delivery.toString());
        assertThat(reimport.exit()).as(reimport.out() + reimport.err()).isZero();
        assertThat(CliTest.run("compute", "-w", w, "--year", "2023").exit()).isZero();

        CliTest.Run verify = CliTest.run("--lang", "en", "release", "verify", "1", "-w", w);

        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("bit for bit equal").doesNotContain("differ");
    }

    @Test
    void unknownReleasesAndYearsWithoutResultsAreRefused(@TempDir Path tmp) throws Exception {
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
