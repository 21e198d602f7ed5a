package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code check}: Check data files and report every problem, without importing. (to be built in the ingest work). */
@Command(name = "check", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.check",
        description = "Check data files and report every problem, without importing.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("check is not built yet");
    }
}
