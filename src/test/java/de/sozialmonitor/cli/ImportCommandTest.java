package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
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

    static String sample(Path dir, String name) throws IOException {
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/ingest/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p.toString();
        }
    }

    @Test
    void mappingNamesTheSourceMappingWhateverTheFileIsCalled(@TempDir Path tmp) throws IOException {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("init", ws, "--territory-code", "03157", "--territory-name", "Landkreis Peine").exit()).isZero();
        assertThat(run("import", "-w", ws, sample(tmp, "peine-gebiete.csv")).exit()).isZero();
        Files.writeString(Path.of(ws, "sources", "gemeinden.yaml"), """
                pattern: "einwohner-gemeinden*.csv"
                layout: wide
                area: {column: Gemeinde, codes: name}
                columns:
                  "2022": {variable: pop_total, year: 2022}
                """);
        Path file = tmp.resolve("lieferung.csv");
        Files.writeString(file, "Gemeinde;2022\nStadt Peine;50.220\nEdemissen;8.123\n");
        Run byContent = run("--lang", "en", "check", "-w", ws, file.toString());
        assertThat(byContent.exit()).as(byContent.out() + byContent.err()).isEqualTo(ExitCodes.REJECTED_INPUT);
        Run mapped = run("--lang", "en", "import", "-w", ws, "--mapping", "gemeinden", file.toString());
        assertThat(mapped.exit()).as(mapped.out() + mapped.err()).isZero();
        assertThat(mapped.out()).contains("2 rows");
        Files.writeString(file, "Gemeinde;2022\nStadt Peine;50.221\n"); // not the imported file again
        Run unknown = run("--lang", "en", "check", "-w", ws, "--mapping", "../sozialmonitor", file.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(unknown.out()).contains("no source mapping \"../sozialmonitor\"");
    }

    @Test
    void importCheckAndHistoryWorkEndToEnd(@TempDir Path tmp) throws IOException {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("init", ws, "--territory-code", "03157", "--territory-name", "Landkreis Peine").exit()).isZero();
        Run areas = run("--lang", "en", "import", "-w", ws, sample(tmp, "peine-gebiete.csv"));
        assertThat(areas.exit()).as(areas.err()).isZero();
        assertThat(areas.out()).contains("imported as #1");

        Run check = run("--lang", "en", "check", "-w", ws, "--format", "json", sample(tmp, "fehlerhaft.csv"));
        assertThat(check.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(check.out()).contains("\"code\" : \"unknown_variable\"").contains("\"row\" : 5");

        Run bad = run("--lang", "de", "import", "-w", ws, tmp.resolve("fehlerhaft.csv").toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(bad.out()).contains("abgelehnt").contains("unbekannte Variable");

        String pop = sample(tmp, "einwohner-2022.csv");
        assertThat(run("import", "-w", ws, pop).exit()).isZero();
        Run again = run("--lang", "en", "import", "-w", ws, pop);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("unchanged");

        Run history = run("--lang", "en", "history", "-w", ws);
        assertThat(history.exit()).isZero();
        assertThat(history.out()).contains("rejected").contains("einwohner-2022.csv").contains("peine-gebiete.csv");
    }
}
