package de.sozialmonitor.cli;

/** Input (a file, a configuration) was rejected; the CLI exits with 3 after printing the reasons. */
public class RejectedInputException extends RuntimeException {
    public RejectedInputException(String message) {
        super(message);
    }
}
