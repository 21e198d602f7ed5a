package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code export release}: Export everything a release publishes, after disclosure control. (to be built in the privacy work). */
@Command(name = "release", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export-release",
        description = "Export everything a release publishes, after disclosure control.")
public final class ExportReleaseCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("export release is not built yet");
    }
}
