package de.sozialmonitor.cli;

import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.UserRepository;
import de.sozialmonitor.web.Texts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code user}: local accounts of the web application (add, list, set-role, disable). */
@Command(name = "user", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user",
        description = "Manage local user accounts and roles of the web application (viewer, analyst, admin).",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.SetRole.class, UserCommand.Disable.class})
public final class UserCommand implements Runnable {
    /** Where passwords are read from when there is no console; tests replace it. */
    static volatile InputStream stdin = System.in;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingSubcommand"));
    }

    private static Texts texts(CommandLine.Model.CommandSpec spec) {
        return Texts.of(Messages.of(spec).language());
    }

    static RuntimeException rejected(IllegalArgumentException e) {
        return new RejectedInputException(e.getMessage());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user",
            description = "Add a user; the password is read from standard input, or asked for twice on a terminal.")
    static final class Add implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "name", description = "User name (letters, digits, . _ @ -)")
        String name;
        @Option(names = "--role", required = true, paramLabel = "ROLE", descriptionKey = "role",
                description = "viewer, analyst or admin")
        String role;

        @Override
        public Integer call() {
            String password = readPassword(spec, name);
            try (Database db = workspace.open().openDatabase()) {
                new UserRepository(db.jdbi()).add(name, UserRepository.normaliseRole(role), password, AuditLog.cliUser());
            } catch (IllegalArgumentException e) {
                throw rejected(e);
            }
            spec.commandLine().getOut().println(texts(spec).get("cli.user.added", name, UserRepository.normaliseRole(role)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user", description = "List the users with role and state.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = workspace.open().openDatabase()) {
                var users = new UserRepository(db.jdbi()).list();
                if (users.isEmpty()) {
                    out.println(texts(spec).get("cli.user.none"));
                }
                for (UserRepository.User u : users) {
                    out.printf("%-24s %-8s %s%n", u.username(), u.role(), u.disabled() ? "disabled" : "active");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user", description = "Change a user's role.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "name", description = "User name")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE", descriptionKey = "role", description = "viewer, analyst or admin")
        String role;

        @Override
        public Integer call() {
            try (Database db = workspace.open().openDatabase()) {
                new UserRepository(db.jdbi()).setRole(name, UserRepository.normaliseRole(role), AuditLog.cliUser());
            } catch (IllegalArgumentException e) {
                throw rejected(e);
            }
            spec.commandLine().getOut().println(texts(spec).get("cli.user.roleSet", name, UserRepository.normaliseRole(role)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.user", description = "Disable a user; the account stays in the audit trail.")
    static final class Disable implements Callable<Integer> {
        @Mixin
        WorkspaceOption workspace;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "name", description = "User name")
        String name;

        @Override
        public Integer call() {
            try (Database db = workspace.open().openDatabase()) {
                new UserRepository(db.jdbi()).setDisabled(name, true, AuditLog.cliUser());
            } catch (IllegalArgumentException e) {
                throw rejected(e);
            }
            spec.commandLine().getOut().println(texts(spec).get("cli.user.disabled", name));
            return ExitCodes.OK;
        }
    }

    /** On a terminal: asked twice without echo; otherwise the first line of standard input. */
    static String readPassword(CommandLine.Model.CommandSpec spec, String name) {
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] first = console.readPassword("%s ", texts(spec).get("cli.user.passwordPrompt", name));
            char[] second = console.readPassword("%s ", texts(spec).get("cli.user.passwordAgain"));
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new RejectedInputException(texts(spec).get("cli.user.passwordMismatch"));
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new RejectedInputException(texts(spec).get("cli.user.noPassword"));
            }
            return line;
        } catch (IOException e) {
            throw new RejectedInputException(texts(spec).get("cli.user.noPassword"));
        }
    }
}
