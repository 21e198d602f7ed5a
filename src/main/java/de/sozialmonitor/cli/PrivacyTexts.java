package de.sozialmonitor.cli;

import de.sozialmonitor.workflow.ReleaseWorkflow;

/** Texts of the release and export-release commands ({@code i18n/privacy*.properties}), in the language in force. */
final class PrivacyTexts {
    private PrivacyTexts() {
    }

    static String get(String key, Object... args) {
        return Messages.fromBundle("i18n.privacy", key, args);
    }

    static String of(ReleaseWorkflow.ReleaseException e) {
        return get(e.key(), e.args());
    }

    /** Exit code for a refused release operation. */
    static int exitCode(ReleaseWorkflow.ReleaseException e) {
        return switch (e.key()) {
            case "release.error.unknown", "release.error.correctsUnknown" -> ExitCodes.REJECTED_INPUT;
            default -> ExitCodes.ERROR;
        };
    }
}
