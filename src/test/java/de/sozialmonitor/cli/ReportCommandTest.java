package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.report.ReportFixture;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private static Path workspaceWithFixture(Path tmp) {
        Path ws = tmp.resolve("ws");
        assertThat(run("init", ws.toString(), "--territory-code", "03157", "--territory-name", "Landkreis Peine").exit()).isZero();
        Workspace workspace = Workspace.open(ws);
        try (Database db = workspace.openDatabase()) {
            ReportFixture.create(workspace, db, true);
        }
        return ws;
    }

    @Test
    void writesPdfAndHtmlOfAReleaseAndAuditsTheExport(@TempDir Path tmp) throws Exception {
        Path ws = workspaceWithFixture(tmp);
        Path pdf = tmp.resolve("out/bericht.pdf");
        Run r = run("--lang", "de", "report", "-w", ws.toString(), "--release", "2", "--format", "pdf", "--output", pdf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Bericht geschrieben").contains("Berichtsstand 2");
        assertThat(new String(Files.readAllBytes(pdf), 0, 8, StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        Path html = tmp.resolve("bericht.html");
        Run h = run("report", "-w", ws.toString(), "--format", "html", "--output", html.toString(), "--lang", "en");
        assertThat(h.exit()).as(h.err()).isZero();
        assertThat(Files.readString(html)).contains("<html").contains("Release 2").contains("Areas that need attention");

        try (Database db = Workspace.open(ws).openDatabase()) {
            int audited = db.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'report.export'")
                    .mapTo(Integer.class).one());
            assertThat(audited).isEqualTo(2);
        }
    }

    @Test
    void anUnknownReleaseIsRejectedInput(@TempDir Path tmp) {
        Path ws = workspaceWithFixture(tmp);
        Run r = run("--lang", "de", "report", "-w", ws.toString(), "--release", "9", "--output", tmp.resolve("x.pdf").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(r.err()).contains("keinen Berichtsstand 9");
        assertThat(tmp.resolve("x.pdf")).doesNotExist();
    }

    @Test
    void benchPrintsTimeAndPeakHeap(@TempDir Path tmp) {
        Path ws = workspaceWithFixture(tmp);
        Run r = run("bench", "report", "-w", ws.toString(), "--runs", "1", "--warmup", "0", "--profiles", "attention");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("time per report").contains("peak heap");
    }
}
