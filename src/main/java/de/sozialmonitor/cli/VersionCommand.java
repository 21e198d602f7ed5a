package de.sozialmonitor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code version}: prints the program version and the Java runtime it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.version",
        description = "Print the version of Sozialmonitor and of the Java runtime.")
public final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return ExitCodes.OK;
    }

    public static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    /** Shared with {@code --version} of the root command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Sozialmonitor " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
