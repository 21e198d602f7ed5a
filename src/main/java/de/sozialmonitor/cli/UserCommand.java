package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code user}: Manage local user accounts and roles. (to be built in the privacy work). */
@Command(name = "user", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user",
        description = "Manage local user accounts and roles.")
public final class UserCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("user is not built yet");
    }
}
