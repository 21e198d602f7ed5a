package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code history}: List imports with their provenance and outcome. (to be built in the ingest work). */
@Command(name = "history", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.history",
        description = "List imports with their provenance and outcome.")
public final class HistoryCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("history is not built yet");
    }
}
