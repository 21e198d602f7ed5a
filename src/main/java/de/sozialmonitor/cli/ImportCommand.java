package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code import}: Import data files into the workspace's data basis, all or nothing. (to be built in the ingest work). */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.import",
        description = "Import data files into the workspace's data basis, all or nothing.")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("import is not built yet");
    }
}
