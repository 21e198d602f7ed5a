package de.sozialmonitor.workspace;

import de.sozialmonitor.i18n.TextBundle;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A configuration error that names the file, line and key, so that the analyst can fix it. The
 * reason is a text of {@code i18n/config[_de].properties} with its arguments: {@link #message(Locale)}
 * is what a user reads, in the chosen language; {@link #getMessage()} is the English message (logs).
 */
public class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String key;
    private final String reasonKey;
    private final transient Object[] args;

    public ConfigException(Path file, int line, String key, String reasonKey, Object... args) {
        super(format(file, line, key, reason(reasonKey, args, Locale.ENGLISH)));
        this.file = file;
        this.line = line;
        this.key = key;
        this.reasonKey = reasonKey;
        this.args = args.clone();
    }

    private static String reason(String reasonKey, Object[] args, Locale locale) {
        return TextBundle.of("i18n.config", locale).get(reasonKey, args);
    }

    private static String format(Path file, int line, String key, String reason) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (key != null && !key.isEmpty()) {
            sb.append(": ").append(key);
        }
        return sb.append(": ").append(reason).toString();
    }

    /** {@code FILE:LINE: KEY: REASON} in {@code locale}. */
    public String message(Locale locale) {
        return format(file, line, key, reason(locale));
    }

    /** The same error named by another path (the file relative to the workspace). */
    public ConfigException at(Path other) {
        return new ConfigException(other, line, key, reasonKey, args);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public String reason(Locale locale) {
        return reason(reasonKey, args, locale);
    }
}
