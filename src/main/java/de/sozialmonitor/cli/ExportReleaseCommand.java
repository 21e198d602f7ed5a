package de.sozialmonitor.cli;

import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ReleaseRepository;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export release N --format csv|json [--output FILE]}: the release's one complete download,
 * byte for byte what the web serves (docs/release-format.md). An unpublished release is exported
 * too (the CLI runs with the analyst's rights), with a warning that it is internal.
 */
@Command(name = "release", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export-release",
        description = "Export everything a release publishes, after disclosure control.")
public final class ExportReleaseCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", descriptionKey = "number", description = "Release number")
    int number;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "File format (default: csv)")
    ReleaseDownload.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of the standard output")
    Path output;

    @Override
    public Integer call() {
        Messages messages = Messages.of(spec);
        Workspace ws = workspace.open();
        try (Database db = ws.openDatabase()) {
            ReleaseRepository repo = new ReleaseRepository(db.jdbi());
            Optional<ReleaseRepository.ReleaseInfo> info = repo.find(number);
            if (info.isEmpty()) {
                spec.commandLine().getErr().println(messages.privacy("release.error.unknown", number));
                return ExitCodes.REJECTED_INPUT;
            }
            byte[] bytes = repo.internalDownload(number, format).orElseThrow();
            if (!info.get().isPublished()) {
                spec.commandLine().getErr().println(messages.privacy("export.release.internal", number));
            }
            if (output != null) {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(output, bytes);
                spec.commandLine().getErr().println(messages.privacy("export.release.written", number, output));
            } else {
                spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            new AuditLog(db.jdbi()).record(AuditLog.cliUser(), "export.release", "release " + number,
                    "format=" + format.extension() + "; output=" + (output == null ? "stdout" : output)
                            + "; published=" + info.get().isPublished());
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
