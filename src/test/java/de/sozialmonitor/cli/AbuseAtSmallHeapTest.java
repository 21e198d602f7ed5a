package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: at -Xmx1g, 200 concurrent logins (each from its own loopback address, so throttling
 * does not hide the hashing) and 100 concurrent release downloads end without any server error,
 * and the server serves as usual afterwards. Issue 17: so do 100 concurrent data sheets (PDFs
 * rendered per request; 503 when every rendering slot is taken). Before the fix, 150 logins ended in an
 * OutOfMemoryError. The same check runs on any workspace with {@code sozialmonitor bench abuse}.
 */
class AbuseAtSmallHeapTest {
    @Test
    void twoHundredLoginsAHundredDownloadsAndAHundredDataSheetsAtOneGigabyteEndWithoutAServerError(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        // the index over what the counts below deliver: compute refuses a year in which no area takes part
        Path config = ws.resolve("sozialmonitor.yaml");
        Files.writeString(config, Files.readString(config).replaceFirst("(?s)  status_indicators:.*?school_leavers_low: 1\n",
                "  status_indicators: {sgb2: 1, old_age_min_income: 1}\n"));
        StringBuilder areas = new StringBuilder("code;name;level;parent\n031570;Kreis;Landkreis;\n");
        StringBuilder counts = new StringBuilder("area_code;year;variable;value\n");
        java.util.Random rnd = new java.util.Random(11);
        for (int g = 1; g <= 3; g++) {
            String gc = "03157" + g;
            areas.append(gc).append(";Gemeinde ").append(g).append(";Gemeinde;031570\n");
            for (int l = 1; l <= 8; l++) {
                String lc = gc + "0" + l;
                areas.append(lc).append(";Ort ").append(g).append('.').append(l).append(";Ortsteil;").append(gc).append('\n');
                for (int year = 2019; year <= 2023; year++) {
                    int pop = 500 + rnd.nextInt(3000);
                    counts.append(lc).append(';').append(year).append(";pop_total;").append(pop).append('\n');
                    counts.append(lc).append(';').append(year).append(";pop_65plus;").append(pop / 5).append('\n');
                    counts.append(lc).append(';').append(year).append(";sgb2_u65;").append(rnd.nextInt(200)).append('\n');
                    counts.append(lc).append(';').append(year).append(";grusi_65plus;").append(rnd.nextInt(20)).append('\n');
                }
            }
        }
        Files.writeString(ws.resolve("data/areas.csv"), areas);
        Files.writeString(ws.resolve("data/counts.csv"), counts);
        for (String[] args : new String[][] {
                {"import", "-w", ws.toString(), ws.resolve("data/areas.csv").toString()},
                {"import", "-w", ws.toString(), ws.resolve("data/counts.csv").toString()},
                {"compute", "-w", ws.toString(), "--year", "2023"},
                {"release", "create", "-w", ws.toString(), "--title", "Test", "--year", "2023"},
                {"release", "publish", "-w", ws.toString(), "1"}}) {
            CliTest.Run r = CliTest.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.out() + r.err()).isZero();
        }

        LoadCheck.Outcome o = LoadCheck.run(ws, 1, "1g", 200, 100, 100, "031570", "/indikatoren");

        assertThat(o.logins().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(o.logins().keySet()).as("only 401, 429 or 503: %s; no answer: %s", o.logins(), LoadCheck.NO_ANSWER).allMatch(s -> s == 401 || s == 429 || s == 503);
        assertThat(o.downloads()).as("downloads").containsOnlyKeys(200);
        assertThat(o.downloadsComplete()).isEqualTo(100);
        assertThat(o.sheets().keySet()).as("data sheets: %s", o.sheets()).containsAnyOf(200).allMatch(s -> s == 200 || s == 503);
        assertThat(o.sheets().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(o.afterwards().values()).as("afterwards: %s", o.afterwards()).allMatch(s -> s == 200 || s == 401);
        assertThat(o.outOfMemory()).isFalse();
        assertThat(o.passed()).isTrue();
    }

    @Test
    void benchAbuseReportsItsFiguresAndRefusesAWorkspaceWithoutAPublishedRelease(@TempDir Path tmp) {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        CliTest.Run r = CliTest.run("--lang", "en", "bench", "abuse", "-w", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(r.err()).contains("no published release");
        assertThat(CliTest.run("bench", "abuse", "-w", ws.toString(), "--logins", "100000").exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
    }
}
