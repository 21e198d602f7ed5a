package de.sozialmonitor.demo;

import de.sozialmonitor.cli.Messages;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The demo's user-facing texts ({@code i18n/demo*.properties}), in the language in force. */
public final class DemoTexts {
    private DemoTexts() {
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.demo", Messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }
}
