package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code export}: Export results or a release as CSV or JSON. (to be built in the method work). */
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export",
        description = "Export results or a release as CSV or JSON.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("export is not built yet");
    }
}
