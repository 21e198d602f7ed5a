package de.sozialmonitor.cli;

import de.sozialmonitor.ingest.ImportBenchmark;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A training run for the class-data archive (AppCDS) that {@code ./sozialmonitor} builds beside
 * the jar: it runs the everyday commands once on a small generated workspace, so that the JVM,
 * started with {@code -XX:ArchiveClassesAtExit}, records every class they load. Later starts map
 * these classes ready-parsed and verified instead of reading them from the jar, which is most of
 * the start-up time of a light command. Not a command of its own: the launcher starts this class.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sozialmonitor-cds");
        try {
            String ws = dir.resolve("ws").toString();
            Path areas = dir.resolve("areas.csv");
            Path data = dir.resolve("data.csv");
            ImportBenchmark.writeAreas(areas, 40);
            ImportBenchmark.writeLong(data, 40, 4);
            run("version");
            run("--help");
            run("init", ws, "--territory-code", "09999");
            run("-w", ws, "import", areas.toString());
            run("-w", ws, "import", data.toString());
            run("-w", ws, "compute", "--year", "2023");
            run("-w", ws, "history");
            run("-w", ws, "release", "list");
            run("-w", ws, "export", "results", "--year", "2023", "--format", "csv");
            run("-w", ws, "export", "results", "--format", "json");
        } finally {
            ImportBenchmark.deleteTree(dir);
        }
    }

    private static void run(String... args) {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        var cl = RootCommand.commandLine(args);
        cl.setOut(quiet);
        cl.setErr(quiet);
        cl.execute(args);
    }
}
