package de.sozialmonitor.workspace;

import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PrivacyConfig;

/**
 * The contents of {@code sozialmonitor.yaml}.
 *
 * @param synthetic      true for the demo: every page and export then says the figures are synthetic
 * @param jumpFactor     plausibility check of imports: a value changing by more than this factor
 *                       against the previous period is a warning
 * @param jumpMinCount   ... unless both values are below this count (small counts jump by chance)
 */
public record WorkspaceConfig(String territoryCode, String territoryName, String language,
                              DatabaseSettings database, MethodConfig method, PrivacyConfig privacy,
                              int webPort, boolean synthetic, double jumpFactor, double jumpMinCount, ConfigNode raw) {

    /** Where the database is; an empty url means the embedded H2 file in the workspace. */
    public record DatabaseSettings(String url, String user, String password) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }
}
