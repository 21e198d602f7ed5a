package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: Serve the web application for the workspace. (to be built in the web work). */
@Command(name = "serve", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.serve",
        description = "Serve the web application for the workspace.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("serve is not built yet");
    }
}
