package de.sozialmonitor.cli;

import de.sozialmonitor.store.DiskSpace;
import de.sozialmonitor.workspace.ConfigException;
import de.sozialmonitor.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sozialmonitor}: the root command; it only carries the global options and the subcommands
 * ({@link #SUBCOMMANDS}, added in {@link #commandLine}).
 */
@Command(name = "sozialmonitor", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        resourceBundle = "i18n.cli.root",
        description = "Small-area social monitoring: import data, compute the status and dynamics index, publish releases.")
public final class RootCommand implements Runnable {
    /** The subcommands, in the order of the help. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            InitCommand.class,
            ImportCommand.class,
            CheckCommand.class,
            HistoryCommand.class,
            ComputeCommand.class,
            AnalyseCommand.class,
            ExportCommand.class,
            ReleaseCommand.class,
            ReportCommand.class,
            UserCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class);
    /** The language of this invocation, decided before picocli parses (it also picks the help texts). */
    private final Messages messages;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "Workspace folder (default: the current directory)")
    Path workspace;

    private RootCommand(Messages messages) {
        this.messages = messages;
    }

    @Option(names = "--lang", paramLabel = "de|en", description = "Language of messages (default: de)")
    String lang;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), Messages.of(spec).get("error.missingCommand"));
    }

    Messages messages() {
        return messages;
    }

    /** The workspace named before the subcommand of the invocation {@code spec} belongs to, if any. */
    static Path globalWorkspace(CommandLine.Model.CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).workspace;
    }

    public static CommandLine commandLine(String... args) {
        String language = languageFrom(args);
        Messages messages = Messages.of(language != null ? language : Messages.environmentLanguage());
        CommandLine cl = new CommandLine(new RootCommand(messages));
        // Building picocli's model of every command and option is about half the CPU time of a
        // light command such as `version`: when the arguments name a subcommand, only that one is
        // built; otherwise (no command, help, a misspelt name) all are, for the full help and
        // picocli's suggestions.
        Class<?> named = subcommandNamed(args);
        for (Class<?> sub : named != null ? List.<Class<?>>of(named) : SUBCOMMANDS) {
            cl.addSubcommand(sub);
        }
        helpIn(cl, messages.locale());
        cl.setExecutionExceptionHandler(RootCommand::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The subcommand the first word of the arguments names (not help), or null. */
    static Class<?> subcommandNamed(String[] args) {
        String word = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-w") || a.equals("--workspace") || a.equals("--lang")) {
                i++; // the option's value
            } else if (!a.startsWith("-")) {
                word = a;
                break;
            }
        }
        if (word == null) {
            return null;
        }
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (sub != CommandLine.HelpCommand.class && (c.name().equals(word) || List.of(c.aliases()).contains(word))) {
                return sub;
            }
        }
        return null;
    }

    /**
     * Gives every command the help texts of its bundle in {@code locale}. picocli would read them in
     * the JVM's default locale; the invocation's language is passed explicitly instead of changing
     * that default for the whole process. No fallback to the default locale: English is the
     * bundle without suffix.
     */
    private static void helpIn(CommandLine cl, Locale locale) {
        CommandLine.Model.CommandSpec s = cl.getCommandSpec();
        if (s.resourceBundleBaseName() != null) {
            s.resourceBundle(java.util.ResourceBundle.getBundle(s.resourceBundleBaseName(), locale,
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub != cl) {
                helpIn(sub, locale);
            }
        }
    }

    private static String languageFrom(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return null;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        Messages messages = Messages.of(cl.getCommandSpec());
        if (e instanceof ConfigException) {
            err.println(messages.get("error.config", ((ConfigException) e).message(messages.locale())));
            return ExitCodes.REJECTED_INPUT;
        }
        if (e instanceof RejectedInputException) {
            err.println(e.getMessage());
            return ExitCodes.REJECTED_INPUT;
        }
        if (e instanceof DiskSpace.FullException full) {
            err.println(messages.get("error.diskFull", full.workspace(), full.neededMiB(),
                    full.freeMiB() < 0 ? "?" : String.valueOf(full.freeMiB())));
            return ExitCodes.ERROR;
        }
        if (e instanceof Workspace.NotAWorkspaceException) {
            err.println(messages.get("error.notAWorkspace", ((Workspace.NotAWorkspaceException) e).dir(), Workspace.CONFIG_FILE));
            return ExitCodes.ERROR;
        }
        err.println(messages.get("error.failed", e.getMessage() == null ? e.toString() : e.getMessage()));
        if (System.getenv("SOZIALMONITOR_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }
}
