package de.sozialmonitor.demo;

import de.sozialmonitor.cli.Messages;

/** The demo's user-facing texts ({@code i18n/demo*.properties}), in the language in force. */
public final class DemoTexts {
    private DemoTexts() {
    }

    public static String get(String key, Object... args) {
        return Messages.fromBundle("i18n.demo", key, args);
    }
}
