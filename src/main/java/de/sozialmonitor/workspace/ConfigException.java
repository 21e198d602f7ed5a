package de.sozialmonitor.workspace;

import java.nio.file.Path;

/** A configuration error that names the file, line and key, so that the analyst can fix it. */
public class ConfigException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String key;
    private final String reason;

    public ConfigException(Path file, int line, String key, String reason) {
        super(format(file, line, key, reason));
        this.file = file;
        this.line = line;
        this.key = key;
        this.reason = reason;
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

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }

    public String reason() {
        return reason;
    }
}
