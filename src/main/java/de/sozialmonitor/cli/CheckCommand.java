package de.sozialmonitor.cli;

import de.sozialmonitor.ingest.CheckReport;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code check FILE...}: every problem of every file at once (file, sheet, row, column, value,
 * reason), without changing anything. Errors block an import, warnings do not; exit 3 on errors.
 */
@Command(name = "check", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.check",
        description = "Check data files and report every problem, without importing.")
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "files", description = "Data files to check")
    List<Path> files;

    @Option(names = "--source", paramLabel = "NAME", description = "Source name, as for import")
    String source;

    @Option(names = "--mapping", paramLabel = "NAME", descriptionKey = "mapping",
            description = "Read the files with the source mapping sources/NAME.yaml (default: the mapping whose pattern matches the file name, else by content)")
    String mapping;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output: text or json")
    String format = "text";

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        boolean errors = false;
        StringBuilder json = new StringBuilder("[");
        try (Database db = ws.openDatabase()) {
            for (Path f : files) {
                CheckReport r = Importer.check(ws, db, f, new Importer.Options(source, mapping, Messages.of(spec).locale()));
                errors |= r.hasErrors();
                if ("json".equals(format)) {
                    json.append(json.length() > 1 ? "," : "").append(r.toJson());
                } else {
                    out.print(r.toText());
                }
            }
        }
        if ("json".equals(format)) {
            out.println(json.append(']'));
        }
        out.flush();
        return errors ? ExitCodes.REJECTED_INPUT : ExitCodes.OK;
    }
}
