package de.sozialmonitor.workspace;

import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;

/**
 * The contents of {@code sozialmonitor.yaml}.
 *
 * @param method         the method's general settings
 * @param methodByYear   the settings of years whose method differs ({@code method.by_year}); see {@link #methodFor}
 * @param synthetic      true for the demo: every page and export then says the figures are synthetic
 * @param source         source and licence of real, published data ({@code source}; "" if none): named on every
 *                       page, export and report page, where a synthetic workspace shows its banner
 * @param publishedClasses per year, a classification published by others that the method page compares with
 *                       ({@code published_classes}; not to be confused with reference regions, docs/vergleichsregionen.md)
 * @param jumpFactor     plausibility check of imports: a value changing by more than this factor
 *                       against the previous period is a warning
 * @param jumpMinCount   ... unless both values are below this count (small counts jump by chance)
 */
public record WorkspaceConfig(String territoryCode, String territoryName, String language,
                              DatabaseSettings database, MethodConfig method,
                              java.util.Map<Integer, MethodConfig> methodByYear, PrivacyConfig privacy,
                              int webPort, boolean synthetic, String source,
                              java.util.Map<Integer, PublishedClassesSource> publishedClasses, double jumpFactor, double jumpMinCount, ConfigNode raw) {

    public WorkspaceConfig {
        methodByYear = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(methodByYear));
        publishedClasses = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(publishedClasses));
    }

    /** The method of {@code year}: its own settings where {@code method.by_year} gives them, else the general ones. */
    public MethodConfig methodFor(int year) {
        return methodByYear.getOrDefault(year, method);
    }

    /** Where the database is; an empty url means the embedded H2 file in the workspace. */
    public record DatabaseSettings(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
