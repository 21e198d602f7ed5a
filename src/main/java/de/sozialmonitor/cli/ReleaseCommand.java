package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code release}: Create, verify, publish and list releases (Berichtsstände). (to be built in the privacy work). */
@Command(name = "release", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.release",
        description = "Create, verify, publish and list releases (Berichtsstände).")
public final class ReleaseCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("release is not built yet");
    }
}
