package de.sozialmonitor.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What both demos take ({@code demo} and {@code demo berlin}): the folder of the demo workspace,
 * the port, and whether to serve it after building.
 */
public final class DemoOptions {
    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of the demo workspace (default: the demo's folder in the current directory)")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the web application (default: 7070)")
    Integer port;

    @Option(names = "--no-serve", description = "Only build and compute the workspace, do not serve it")
    boolean noServe;

    /** The command these options belong to, to find a workspace named before it. */
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /**
     * The demo folder: {@code --dir}, else a {@code --workspace} named after this command, after a
     * command above it ({@code demo --workspace DIR berlin}) or before them all, else
     * {@code defaultDir} in the current directory.
     */
    Path folder(String defaultDir) {
        if (dir != null) {
            return dir;
        }
        for (CommandLine.Model.CommandSpec s = command; s != null; s = s.parent()) {
            Path named = namedIn(s);
            if (named != null) {
                return named;
            }
        }
        Path global = RootCommand.globalWorkspace(command);
        return global != null ? global : Path.of("").toAbsolutePath().resolve(defaultDir);
    }

    private static Path namedIn(CommandLine.Model.CommandSpec s) {
        for (Object mixin : s.mixins().values().stream().map(CommandLine.Model.CommandSpec::userObject).toList()) {
            if (mixin instanceof DemoOptions d && d.workspace.workspace != null) {
                return d.workspace.workspace;
            }
        }
        return null;
    }

    /** A usage error for a port outside 1–65535. */
    void checkPort() {
        if (port != null && (port < 1 || port > 65535)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--port: " + port);
        }
    }
}
