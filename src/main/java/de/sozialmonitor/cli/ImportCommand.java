package de.sozialmonitor.cli;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.AuditLog;
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
 * {@code import FILE...}: each file in one transaction, all or nothing. Exit 3 if any file was
 * rejected (the others are imported; each file stands alone).
 */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.import",
        description = "Import data files into the workspace's data basis, all or nothing.",
        subcommands = ImportPackageCommand.class)
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    // 0..* for picocli, so that "import package PATH" reaches the subcommand; at least one FILE is checked in call()
    @Parameters(arity = "0..*", paramLabel = "FILE", descriptionKey = "files",
            description = "Data files: canonical long CSV, areas file, boundary changes, GeoJSON, or files matching a source mapping")
    List<Path> files;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Source name of the delivery (default: the mapping's name, else the file name); a delivery of the same source and periods supersedes the earlier one")
    String source;

    @Option(names = "--mapping", paramLabel = "NAME", descriptionKey = "mapping",
            description = "Read the files with the source mapping sources/NAME.yaml (default: the mapping whose pattern matches the file name, else by content)")
    String mapping;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output: text or json")
    String format = "text";

    @Override
    public Integer call() {
        if (files == null || files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        boolean anyRejected = false;
        StringBuilder json = new StringBuilder("[");
        try (Database db = ws.openDatabase()) {
            for (Path f : files) {
                ImportOutcome o = Importer.importFile(ws, db, f, AuditLog.cliUser(), new Importer.Options(source, mapping, Messages.of(spec).locale()));
                anyRejected |= o.status() == ImportOutcome.Status.REJECTED;
                if ("json".equals(format)) {
                    if (json.length() > 1) {
                        json.append(',');
                    }
                    json.append("{\"status\":\"").append(o.status().name().toLowerCase(java.util.Locale.ROOT))
                            .append("\",\"importId\":").append(o.importId())
                            .append(",\"superseded\":").append(o.superseded())
                            .append(",\"report\":").append(o.report().toJson()).append('}');
                } else {
                    if (o.status() != ImportOutcome.Status.UNCHANGED && o.report().errorCount() + o.report().warningCount() > 0) {
                        out.print(o.report().toText());
                    }
                    out.println(o.summary());
                }
            }
        }
        if ("json".equals(format)) {
            out.println(json.append(']'));
        }
        out.flush();
        return anyRejected ? ExitCodes.REJECTED_INPUT : ExitCodes.OK;
    }
}
