package de.sozialmonitor.method;

import java.util.Locale;

/**
 * The method cannot be computed with this input and configuration (an indicator not in the catalog,
 * no area in the year, an analysis level without areas). The message is English for logs; what a
 * user reads is {@link #text(Locale)}, in the reader's language ({@code i18n/method_notes}).
 */
public final class MethodInputException extends IllegalArgumentException {
    private final String key;
    private final transient Object[] args;

    MethodInputException(String key, Object... args) {
        super(MethodNotes.text(MethodNotes.of(key, args), Locale.ENGLISH));
        this.key = key;
        this.args = args.clone();
    }

    public String text(Locale locale) {
        return MethodNotes.text(MethodNotes.of(key, args), locale);
    }
}
