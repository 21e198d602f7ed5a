package de.sozialmonitor.cli;

import picocli.CommandLine;

/** Entry point of the executable jar and the {@code ./sozialmonitor} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 error, 2 usage, 3 rejected input). */
    public static int run(String... args) {
        return RootCommand.commandLine(args).execute(args);
    }
}
