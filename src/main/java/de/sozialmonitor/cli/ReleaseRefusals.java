package de.sozialmonitor.cli;

import de.sozialmonitor.workflow.ReleaseWorkflow;

/** How the CLI reports a refused release operation: its text ({@code i18n/privacy}) and exit code. */
final class ReleaseRefusals {
    private ReleaseRefusals() {
    }

    /** The refusal, and below it each failed check with its detail as {@code release verify} prints it. */
    static String text(Messages messages, ReleaseWorkflow.ReleaseException e) {
        StringBuilder sb = new StringBuilder(messages.privacy(e.key(), e.args()));
        for (ReleaseWorkflow.Check c : e.failedChecks()) {
            sb.append('\n').append(checkLine(messages, c));
        }
        return sb.toString();
    }

    /** One check of a verification: mark, name and detail, in the invocation's language. */
    static String checkLine(Messages messages, ReleaseWorkflow.Check c) {
        return "  " + messages.privacy(c.ok() ? "release.verify.okMark" : "release.verify.failedMark") + "  "
                + messages.privacy("release.check." + c.name()) + ": " + c.detail(messages.locale());
    }

    /** Exit code for a refused release operation. */
    static int exitCode(ReleaseWorkflow.ReleaseException e) {
        return switch (e.key()) {
            case "release.error.unknown", "release.error.correctsUnknown" -> ExitCodes.REJECTED_INPUT;
            default -> ExitCodes.ERROR;
        };
    }
}
