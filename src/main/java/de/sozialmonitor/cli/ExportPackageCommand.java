package de.sozialmonitor.cli;

import de.sozialmonitor.exchange.PackageExport;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.view.ResultViews;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export package --release N --out DIR|FILE.zip}: a published release with its method as a
 * Frictionless Data Package for another county ({@link PackageExport}; docs/vergleichsregionen.md).
 */
@Command(name = "package", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export-package",
        description = "Write a published release with its method as a Frictionless Data Package (datapackage.json, CSV, GeoJSON) for exchange with other counties.")
public final class ExportPackageCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--release", required = true, paramLabel = "N", descriptionKey = "release", description = "Number of the published release")
    int number;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR|FILE.zip", descriptionKey = "out",
            description = "Target: a folder, or a file ending in .zip")
    Path out;

    @Override
    public Integer call() {
        Workspace ws = workspace.open();
        try (Database db = ws.openDatabase()) {
            ReleaseRepository releases = new ReleaseRepository(db.jdbi());
            if (releases.find(number).filter(ReleaseRepository.ReleaseInfo::isPublished).isEmpty()) {
                spec.commandLine().getErr().println(releases.find(number).isEmpty()
                        ? Messages.of(spec).privacy("release.error.unknown", number) : Messages.of(spec).get("package.notPublished", number));
                return ExitCodes.REJECTED_INPUT;
            }
            PackageExport.Files pkg = PackageExport.of(ResultViews.of(db.jdbi(), ws.config()), releases, number);
            PackageExport.write(pkg, out);
            spec.commandLine().getErr().println(Messages.of(spec).get("package.written", number, out, String.join(", ", pkg.files().keySet())));
            new AuditLog(db.jdbi()).record(AuditLog.cliUser(), "export.package", "release " + number, "output=" + out);
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
