package de.sozialmonitor.cli;

import de.sozialmonitor.store.ReleaseRepository;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts of the release and export-release commands ({@code i18n/privacy*.properties}), in the language in force. */
final class PrivacyTexts {
    private PrivacyTexts() {
    }

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.privacy", Messages.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Messages.locale()).format(args);
    }

    static String of(ReleaseRepository.ReleaseException e) {
        return get(e.key(), e.args());
    }

    /** Exit code for a refused release operation. */
    static int exitCode(ReleaseRepository.ReleaseException e) {
        return switch (e.key()) {
            case "release.error.unknown", "release.error.correctsUnknown" -> ExitCodes.REJECTED_INPUT;
            default -> ExitCodes.ERROR;
        };
    }
}
