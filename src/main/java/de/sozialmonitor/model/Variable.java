package de.sozialmonitor.model;

/** A base count delivered by a source, e.g. {@code pop_total} or {@code sgb2_u65}. */
public record Variable(String name, String labelDe, String labelEn) {
    public String label(String language) {
        return "en".equals(language) && labelEn != null && !labelEn.isBlank() ? labelEn : labelDe;
    }
}
