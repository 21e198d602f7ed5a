package de.sozialmonitor.cli;

import de.sozialmonitor.workflow.ReleaseWorkflow;

/** How the CLI reports a refused release operation: its text ({@code i18n/privacy}) and exit code. */
final class ReleaseRefusals {
    private ReleaseRefusals() {
    }

    static String text(Messages messages, ReleaseWorkflow.ReleaseException e) {
        return messages.privacy(e.key(), e.args());
    }

    /** Exit code for a refused release operation. */
    static int exitCode(ReleaseWorkflow.ReleaseException e) {
        return switch (e.key()) {
            case "release.error.unknown", "release.error.correctsUnknown" -> ExitCodes.REJECTED_INPUT;
            default -> ExitCodes.ERROR;
        };
    }
}
