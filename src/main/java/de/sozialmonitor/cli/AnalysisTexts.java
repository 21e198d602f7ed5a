package de.sozialmonitor.cli;

/** Texts of the {@code analyse} commands ({@code i18n/analysis*.properties}), in the language in force. */
final class AnalysisTexts {
    private AnalysisTexts() {
    }

    static String get(String key, Object... args) {
        return Messages.fromBundle("i18n.analysis", key, args);
    }

    /** The heading of a column; a column named after an indicator id keeps the id. */
    static String column(String id) {
        String key = "column." + id;
        String text = get(key);
        return text.equals(key) ? id : text;
    }
}
