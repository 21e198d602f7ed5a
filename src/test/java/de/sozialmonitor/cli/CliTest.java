package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void initWritesAWorkspaceThatOpensWithTheDefaultCatalog(@TempDir Path tmp) {
        Run r = run("--lang", "en", "init", tmp.resolve("ws").toString(), "--territory-code", "03157",
                "--territory-name", "Landkreis Peine");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Workspace created");
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        assertThat(ws.config().territoryCode()).isEqualTo("03157");
        assertThat(ws.config().territoryName()).isEqualTo("Landkreis Peine");
        assertThat(ws.catalog().indicators()).hasSizeGreaterThan(7);
        assertThat(Files.isDirectory(tmp.resolve("ws/sources"))).isTrue();
        assertThat(Files.isDirectory(tmp.resolve("ws/data"))).isTrue();
        assertThat(tmp.resolve("ws/.gitignore")).content().contains(".sozialmonitor/");
    }

    @Test
    void initRefusesToOverwriteAWorkspace(@TempDir Path tmp) {
        assertThat(run("init", tmp.toString()).exit()).isZero();
        Run again = run("--lang", "de", "init", tmp.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("enthält schon einen Arbeitsbereich");
    }

    @Test
    void aFailingPostgresConnectionPrintsAndLogsNoPassword(@TempDir Path tmp) throws Exception {
        assertThat(run("init", tmp.resolve("ws").toString()).exit()).isZero();
        Path config = tmp.resolve("ws").resolve(Workspace.CONFIG_FILE);
        Files.writeString(config, Files.readString(config)
                .replace("url: \"\"", "url: \"jdbc:postgresql://127.0.0.1:1/sozialmonitor?password=url-secret-4711\"")
                .replace("password: \"\"", "password: \"config-secret-4711\""));
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        java.io.PrintStream out = System.out;
        Run r;
        try (java.io.PrintStream capture = new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            r = run("--workspace", tmp.resolve("ws").toString(), "history");
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertThat(r.exit()).isEqualTo(ExitCodes.ERROR);
        String everything = r.out() + r.err() + log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(everything).contains("127.0.0.1").doesNotContain("secret-4711");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpIsGermanByDefaultAndEnglishOnRequest() {
        assertThat(run("--lang", "de", "--help").out()).contains("Befehle:").contains("init");
        assertThat(run("--lang", "en", "--help").out()).contains("Commands:").contains("Small-area social monitoring");
        assertThat(run("--lang", "de", "init", "--help").out()).contains("Legt einen neuen Arbeitsbereich");
    }

    @Test
    void theDemoHelpKeepsTheAddressWholeAndCountsTheReleasesTheDemoPublishes() {
        int last = de.sozialmonitor.demo.PeineTerritory.LAST_YEAR;
        String releases = "zwei Berichtsstände (" + (last - 1) + " und " + last + ")";
        for (String[] args : List.of(new String[] {"--lang", "de", "demo", "--help"}, new String[] {"--lang", "de", "--help"})) {
            String help = run(args).out();
            assertThat(help).doesNotContain("http: ").doesNotContain("einen Berichtsstand").doesNotContain(". /");
            assertThat(help.replaceAll("\\s+", " ")).contains(releases);
        }
        assertThat(run("--lang", "de", "demo", "--help").out()).contains("http://localhost:7070");
        String english = run("--lang", "en", "demo", "--help").out();
        assertThat(english).contains("http://localhost:7070").doesNotContain("http: ");
        assertThat(english.replaceAll("\\s+", " ")).contains("two releases (" + (last - 1) + " and " + last + ")");
    }

    @Test
    void versionPrintsTheJavaRuntime() {
        Run r = run("version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Sozialmonitor").contains("Java " + System.getProperty("java.version"));
    }
}
