package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code demo}: Create (or reuse) the Landkreis Peine demo workspace in ./sozialmonitor-demo and serve it. (to be built in the demo work). */
@Command(name = "demo", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.demo",
        description = "Create (or reuse) the Landkreis Peine demo workspace in ./sozialmonitor-demo and serve it.")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("demo is not built yet");
    }
}
