package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.sozialmonitor.workspace.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GeoJSON mapping ({@code layout: geojson}) that cannot be followed is an error naming the file,
 * the key and, for a decision about a single feature, that feature, in German or English.
 */
class GeoJsonMappingTest {
    @TempDir
    Path tmp;

    private ConfigException error(String yaml) throws IOException {
        Path file = tmp.resolve("lor.yaml");
        Files.writeString(file, "pattern: \"lor-*.geojson\"\nlayout: geojson\n" + yaml);
        SourceMapping m = SourceMapping.read(file);
        return catchThrowableOfType(() -> GeoJsonMapping.of(m), ConfigException.class);
    }

    @Test
    void aDecisionWithoutReasonNamesFileFeatureAndWhatIsMissingInGermanAndEnglish() throws IOException {
        ConfigException e = error("""
                features:
                  - {feature: 75, code: "06010102", becomes: "04030417", reason: "falsch einsortiert"}
                  - {feature: 12, code: "01011101"}
                """);
        assertThat(e).isNotNull();
        assertThat(e.message(Locale.GERMAN)).startsWith(tmp.resolve("lor.yaml") + ": features.1.reason: ")
                .contains("Entscheidung über Feature 12 (Schlüssel 01011101) braucht reason");
        assertThat(e.message(Locale.ENGLISH)).contains("features.1.reason")
                .contains("the decision about feature 12 (code 01011101) needs reason");
    }

    @Test
    void twoDecisionsAboutOneFeatureNameBothCodes() throws IOException {
        ConfigException e = error("""
                features:
                  - {feature: 75, code: "06010102", reason: "a"}
                  - {feature: 75, code: "06010103", reason: "b"}
                """);
        assertThat(e.message(Locale.GERMAN)).contains("features.1.feature")
                .contains("Feature 75 hat zwei Entscheidungen (Schlüssel 06010102 und Schlüssel 06010103)");
        assertThat(e.message(Locale.ENGLISH)).contains("feature 75 has two decisions (code 06010102 and code 06010103)");
    }

    @Test
    void aDecisionWithoutCodeOrFeatureNumberAndOtherMistakesAreSaidInWords() throws IOException {
        assertThat(error("features:\n  - {feature: 3, reason: \"x\"}\n").message(Locale.GERMAN))
                .contains("features.0.code").contains("Entscheidung über Feature 3 braucht code");
        assertThat(error("features:\n  - {feature: null, code: \"1\", reason: \"x\"}\n").message(Locale.ENGLISH))
                .contains("features.0.feature").contains("decision 1: feature: is the number of the feature");
        assertThat(error("features: 75\n").message(Locale.GERMAN)).contains("features: ist eine Liste von Entscheidungen")
                .contains("{feature: 75, code:");
        assertThat(error("parent_digits: -2\n").message(Locale.ENGLISH)).contains("parent_digits: parent_digits is the number")
                .contains("was -2");
        assertThat(error("properties: {code: id, colour: red}\n").message(Locale.GERMAN))
                .contains("properties.colour: unbekannter Schlüssel für layout geojson; erlaubt sind hier: code, level, name, parent, valid_from");
    }
}
