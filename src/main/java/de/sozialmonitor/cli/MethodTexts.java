package de.sozialmonitor.cli;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the method's commands ({@code i18n/method*.properties}), in the language in force. */
final class MethodTexts {
    private MethodTexts() {
    }

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.method", Messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }
}
