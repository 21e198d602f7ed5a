package de.sozialmonitor.cli;

/** Texts of the method's commands ({@code i18n/method*.properties}), in the language in force. */
final class MethodTexts {
    private MethodTexts() {
    }

    static String get(String key, Object... args) {
        return Messages.fromBundle("i18n.method", key, args);
    }
}
