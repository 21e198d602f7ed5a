package de.sozialmonitor.cli;

import de.sozialmonitor.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --workspace DIR} for a command that acts on a workspace; it may also stand before the
 * command name ({@code sozialmonitor --workspace DIR compute}).
 */
public final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "Workspace folder (default: the current directory)")
    Path workspace;

    /** The command this option belongs to, to find a workspace named before the command. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /**
     * The workspace folder: named after the command, else after a command above it, else before
     * them all, else the current directory. {@code release} and {@code import} offer the option
     * themselves ({@code release --workspace DIR list}); unread there, the subcommand would act on
     * the current directory, which may be another workspace.
     */
    public Path dir() {
        if (workspace != null) {
            return workspace;
        }
        for (picocli.CommandLine.Model.CommandSpec s = command == null ? null : command.parent(); s != null; s = s.parent()) {
            for (picocli.CommandLine.Model.CommandSpec mixin : s.mixins().values()) {
                if (mixin.userObject() instanceof WorkspaceOption above && above.workspace != null) {
                    return above.workspace;
                }
            }
        }
        Path global = command == null ? null : RootCommand.globalWorkspace(command);
        return global != null ? global : Path.of("").toAbsolutePath();
    }

    public Workspace open() {
        return Workspace.open(dir());
    }
}
