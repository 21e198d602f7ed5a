package de.sozialmonitor.cli;

/** The CLI's exit codes; scripts rely on them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int REJECTED_INPUT = 3;

    private ExitCodes() {
    }
}
