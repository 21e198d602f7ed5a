package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WebCliTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        UserCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cl = RootCommand.commandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @AfterEach
    void restoreStdin() {
        UserCommand.stdin = System.in;
    }

    @Test
    void userAddListSetRoleAndDisable(@TempDir Path tmp) {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("", "init", ws).exit()).isZero();
        Run add = run("ein sehr langes Passwort\n", "--lang", "en", "user", "add", "anna", "--role", "analyst", "-w", ws);
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("User anna added with role analyst");
        assertThat(run("", "user", "list", "-w", ws).out()).contains("anna").contains("analyst").contains("active");
        assertThat(run("", "user", "set-role", "anna", "admin", "-w", ws).exit()).isZero();
        assertThat(run("", "user", "disable", "anna", "-w", ws).exit()).isZero();
        assertThat(run("", "user", "list", "-w", ws).out()).contains("admin").contains("disabled");
    }

    @Test
    void badRolesAndShortPasswordsAreRejectedInput(@TempDir Path tmp) {
        String ws = tmp.resolve("ws").toString();
        run("", "init", ws);
        assertThat(run("ein sehr langes Passwort\n", "user", "add", "anna", "--role", "root", "-w", ws).exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(run("kurz\n", "user", "add", "anna", "--role", "viewer", "-w", ws).exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(run("", "user", "add", "anna", "--role", "viewer", "-w", ws).exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
    }

    @Test
    void benchWebRunsAtATinySize(@TempDir Path tmp) {
        String ws = tmp.resolve("ws").toString();
        run("", "init", ws);
        Run bench = run("", "--lang", "en", "bench", "web", "--requests", "5", "--concurrency", "2", "-w", ws);
        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("map data").contains("p50").contains("p99");
        // an empty workspace still serves its overview and (empty) map data without errors
        assertThat(bench.out().lines().filter(l -> l.startsWith("map data") || l.startsWith("overview")))
                .hasSize(3).allSatisfy(l -> assertThat(l).endsWith("errors 0"));
    }

    @Test
    void serveAndUserHaveGermanHelp() {
        assertThat(run("", "--lang", "de", "serve", "--help").out()).contains("Startet die Weboberfläche").contains("--port");
        assertThat(run("", "--lang", "de", "user", "--help").out()).contains("Benutzerkonten");
    }
}
