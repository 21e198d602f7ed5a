package de.sozialmonitor.cli;

import de.sozialmonitor.i18n.TextBundle;
import java.util.Locale;
import picocli.CommandLine;

/**
 * User-facing CLI texts in the language of one invocation: German by default, English with
 * {@code --lang en} or when the environment's SOZIALMONITOR_LANG or LANG starts with "en". The
 * root command decides it once ({@link RootCommand#commandLine}); every command asks for it
 * through its {@link CommandLine.Model.CommandSpec}, so two invocations in one process (tests, a
 * web server beside a CLI call) never share a language by accident.
 */
public final class Messages {
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
    }

    /** German, or English for "en". */
    public static Messages of(String language) {
        return new Messages("en".equals(language) ? Locale.ENGLISH : Locale.GERMAN);
    }

    /** The messages of the invocation {@code spec} belongs to. */
    public static Messages of(CommandLine.Model.CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).messages();
    }

    /** The language the environment asks for (SOZIALMONITOR_LANG, else LANG): English for "en…", else German. */
    static String environmentLanguage() {
        String env = System.getenv("SOZIALMONITOR_LANG");
        if (env == null || env.isBlank()) {
            env = System.getenv("LANG");
        }
        return env != null && env.startsWith("en") ? "en" : "de";
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    /** A text of {@code i18n/messages}. */
    public String get(String key, Object... args) {
        return text("i18n.messages", key, args);
    }

    /** A text of the release and export-release commands ({@code i18n/privacy}). */
    public String privacy(String key, Object... args) {
        return text("i18n.privacy", key, args);
    }

    /** A text of the method's commands ({@code i18n/method}). */
    public String method(String key, Object... args) {
        return text("i18n.method", key, args);
    }

    /** A text of the {@code analyse} commands ({@code i18n/analysis}). */
    public String analysis(String key, Object... args) {
        return text("i18n.analysis", key, args);
    }

    /** A text of the demo ({@code i18n/demo}). */
    public String demo(String key, Object... args) {
        return text("i18n.demo", key, args);
    }

    /** The heading of an analysis column; a column named after an indicator id keeps the id. */
    public String analysisColumn(String id) {
        String key = "column." + id;
        String text = analysis(key);
        return text.equals(key) ? id : text;
    }

    /** A text of the bundle {@code bundleName} in this language; a missing key shows as itself. */
    public String text(String bundleName, String key, Object... args) {
        return TextBundle.of(bundleName, locale).get(key, args);
    }
}
