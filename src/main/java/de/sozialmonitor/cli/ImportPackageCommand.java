package de.sozialmonitor.cli;

import de.sozialmonitor.ingest.ImportOutcome;
import de.sozialmonitor.ingest.Importer;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import package PATH}: another county's package as a reference region set, through the
 * ordinary import (one transaction, all or nothing, recorded in the import log). PATH is the
 * package's {@code datapackage.json}, its folder or a ZIP file.
 */
@Command(name = "package", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.import-package",
        description = "Read another county's data package (from export package) as a reference region: its county-level figures and its method. All or nothing.")
public final class ImportPackageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "PATH", descriptionKey = "path", description = "datapackage.json, its folder, or a ZIP file")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output: text or json")
    String format = "text";

    @Override
    public Integer call() {
        Optional<Path> file = Importer.packageFile(path);
        if (file.isEmpty()) {
            spec.commandLine().getErr().println(Messages.of(spec).get("package.notAPackage", path));
            return ExitCodes.REJECTED_INPUT;
        }
        Workspace ws = workspace.open();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = ws.openDatabase()) {
            ImportOutcome o = Importer.importFile(ws, db, file.get(), AuditLog.cliUser(), Importer.Options.in(Messages.of(spec).locale()));
            if ("json".equals(format)) {
                out.println("{\"status\":\"" + o.status().name().toLowerCase(Locale.ROOT) + "\",\"importId\":" + o.importId()
                        + ",\"report\":" + o.report().toJson() + "}");
            } else {
                if (o.report().errorCount() + o.report().warningCount() > 0) {
                    out.print(o.report().toText());
                }
                out.println(o.summary());
            }
            out.flush();
            return o.status() == ImportOutcome.Status.REJECTED ? ExitCodes.REJECTED_INPUT : ExitCodes.OK;
        }
    }
}
