package de.sozialmonitor.ingest;

import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Microdata part of {@code bench import}. */
final class MicrodataBenchmark {
    private MicrodataBenchmark() {
    }

    static List<ImportBenchmark.Figure> run(Workspace ws, Path dir, long rows, int areas, PrintWriter out) {
        out.println("microdata: not measured (microdata import is not built yet)");
        return List.of();
    }
}
