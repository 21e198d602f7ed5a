package de.sozialmonitor.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.model.MethodConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkspaceConfigReaderTest {
    private static final Path FILE = Path.of("sozialmonitor.yaml");

    private static WorkspaceConfig read(String yaml) {
        return WorkspaceConfigReader.read(YamlDocument.parse(FILE, yaml));
    }

    @Test
    void theTemplateReadsWithTheDefaultsOfMethodMd() {
        WorkspaceConfig config = WorkspaceConfigReader.read(YamlDocument.parse(FILE, WorkspaceInitializer.template("sozialmonitor.yaml")));
        MethodConfig m = config.method();
        assertThat(m.minPopulation()).isEqualTo(300);
        assertThat(m.dynamicsYears()).isEqualTo(3);
        assertThat(m.statusIndicators()).isEqualTo(MethodConfig.DEFAULT_ATTENTION_INDICATORS);
        assertThat(m.dynamicsIndicators()).isEqualTo(m.statusIndicators());
        assertThat(m.statusThresholds()).isEqualTo(MethodConfig.StatusThresholds.DEFAULT);
        assertThat(m.standardisation()).isEqualTo(MethodConfig.STANDARDISATION_POPULATION);
        assertThat(config.webPort()).isEqualTo(7070);
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.privacy().minCount()).isEqualTo(3);
    }

    @Test
    void aTypoInAKeyIsReportedWithFileLineAndKey() {
        assertThatThrownBy(() -> read("""
                territory:
                  code: "03157"
                  name: Peine
                method:
                  dynamic_years: 2
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sozialmonitor.yaml:5: method.dynamic_years: unknown key")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isEqualTo(5));
    }

    @Test
    void aWrongTypeNamesTheLineOfTheValue() {
        assertThatThrownBy(() -> read("""
                territory: {code: "03157", name: Peine}
                web:
                  port: siebzig
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sozialmonitor.yaml:3: web.port: must be a whole number, was 'siebzig'");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        assertThatThrownBy(() -> read("territory:\n  code: \"03157\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("territory.name: is missing");
    }

    @Test
    void unorderedThresholdsAreRejected() {
        assertThatThrownBy(() -> read("""
                territory: {code: "03157", name: Peine}
                method:
                  status_thresholds: {high: 1.0, low: -1.0, very_low: 1.5}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":3: method.status_thresholds: must satisfy high < low <= very_low");
    }

    @Test
    void standardisationIsPopulationUnlessTheWorkspaceAsksForTheSampleSd() {
        assertThat(read("territory: {code: \"03157\", name: Peine}\n").method().standardisation()).isEqualTo("population");
        assertThat(read("territory: {code: \"03157\", name: Peine}\nmethod:\n  standardisation: sample\n").method()
                .sampleStandardDeviation()).isTrue();
        assertThatThrownBy(() -> read("territory: {code: \"03157\", name: Peine}\nmethod:\n  standardisation: n-1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":3: method.standardisation: must be population (divisor n) or sample (divisor n - 1), was 'n-1'");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> read("territory:\n  code: [unclosed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void listItemsGetTheirOwnLine() {
        YamlDocument doc = YamlDocument.parse(FILE, """
                a:
                  - x: 1
                  - x: 2
                    y: wrong
                """);
        ConfigNode second = doc.root().get("a").list().get(1);
        assertThat(second.get("y").line()).isEqualTo(4);
        assertThat(second.get("y").key()).isEqualTo("a.1.y");
    }
}
