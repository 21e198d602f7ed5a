package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ResultRepositoryTest;
import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeAndExportCommandTest {
    static final String HEADER = "area_code;area_name;year;status_index;status_class;dynamics_index;dynamics_class;attention;excluded";

    /** A new workspace with the county's areas file and counts imported, as a county does it: {@code import}. */
    private static Path workspaceWithData(Path tmp) throws java.io.IOException {
        Path ws = tmp.resolve("ws");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        List<Path> files = ResultRepositoryTest.countyFiles(ws.resolve("data"));
        for (Path f : files) {
            CliTest.Run imported = CliTest.run("--lang", "en", "import", "-w", ws.toString(), f.toString());
            assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        }
        return ws;
    }

    @Test
    void computeStoresAResultSetAndExportWritesTheDocumentedColumns(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithData(tmp);
        CliTest.Run c = CliTest.run("--lang", "en", "compute", "-w", ws.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("Result set 1 stored: year 2020 (base year 2017)").contains("\"Ortsteil\", 12 areas")
                .contains("Status index: 10 areas take part");

        assertThat(c.out()).doesNotContain("Early warning");
        CliTest.Run c2017 = CliTest.run("--lang", "en", "compute", "--year", "2017", "-w", ws.toString());
        assertThat(c2017.exit()).isZero();
        CliTest.Run again = CliTest.run("--lang", "en", "compute", "--year", "2020", "-w", ws.toString());
        assertThat(again.out()).contains("Result set 3 stored").contains("Early warning against 2017: status class fell in ");

        CliTest.Run e = CliTest.run("export", "results", "--year", "2020", "--format", "csv", "-w", ws.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        List<String> lines = e.out().lines().toList();
        assertThat(lines.get(0)).startsWith(HEADER + ";migrant_u18;single_parent_children;sgb2;unemployed;");
        assertThat(lines).hasSize(13);
        String l12 = lines.stream().filter(l -> l.startsWith("L12;")).findFirst().orElseThrow();
        // excluded: empty index and class, the reason, attention false; its indicator values are kept
        assertThat(l12).startsWith("L12;Ort 12;2020;;;;;false;population_below_minimum;");
        String l1 = lines.stream().filter(l -> l.startsWith("L1;")).findFirst().orElseThrow();
        String[] f = l1.split(";", -1);
        assertThat(Double.parseDouble(f[3])).isBetween(-5.0, 5.0);
        assertThat(f[4]).isIn("hoch", "mittel", "niedrig", "sehr_niedrig");
        assertThat(f[6]).isIn("positiv", "stabil", "negativ");
        assertThat(f[7]).isIn("true", "false");
        assertThat(f[9]).matches("[0-9]+(\\.[0-9]+)?");

        Path json = tmp.resolve("r.json");
        CliTest.Run j = CliTest.run("export", "results", "--format", "json", "--output", json.toString(), "-w", ws.toString());
        assertThat(j.exit()).as(j.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(Files.readString(json));
        assertThat(doc.path("year").asInt()).isEqualTo(2020);
        assertThat(doc.path("rows")).hasSize(12);
        assertThat(doc.path("columns").get(0).asText()).isEqualTo("area_code");
        JsonNode row12 = null;
        for (JsonNode row : doc.path("rows")) {
            if (row.path("area_code").asText().equals("L12")) {
                row12 = row;
            }
        }
        assertThat(row12.path("status_index").isNull()).isTrue();
        assertThat(row12.path("attention").asBoolean()).isFalse();

        try (Database db = Workspace.open(ws).openDatabase()) {
            List<AuditLog.Event> events = new AuditLog(db.jdbi()).latest(10);
            assertThat(events).extracting(AuditLog.Event::action).contains("compute", "export");
        }
    }

    @Test
    void computeWithoutDataOrForAMissingYearFailsWithAMessage(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("empty");
        assertThat(CliTest.run("init", ws.toString()).exit()).isZero();
        CliTest.Run none = CliTest.run("--lang", "de", "compute", "-w", ws.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(none.err()).contains("Keine Daten");
        CliTest.Run export = CliTest.run("--lang", "en", "export", "results", "--year", "2020", "-w", ws.toString());
        assertThat(export.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(export.err()).contains("No result set for 2020");
        Path full = workspaceWithData(tmp);
        CliTest.Run missing = CliTest.run("--lang", "en", "compute", "--year", "1999", "-w", full.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("No data for 1999").contains("2017, 2020");
    }

    @Test
    void anAnalysisLevelThatDoesNotExistIsRejectedInput(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithData(tmp);
        Path cfg = ws.resolve("sozialmonitor.yaml");
        Files.writeString(cfg, Files.readString(cfg).replace("# analysis_level: ortsteil", "analysis_level: bezirk"));
        CliTest.Run r = CliTest.run("--lang", "en", "compute", "-w", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(r.err()).contains("bezirk");
    }

    @Test
    void theBenchmarkRunsAtATinySize() {
        CliTest.Run r = CliTest.run("--lang", "en", "bench", "method", "--areas", "200", "--indicators", "3", "--years", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("custom: 200 areas x 3 indicators x 4 years").contains("peak heap");
    }
}
