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

    @Test
    void byYearReplacesTheKeysItGivesForThatYearOnly() {
        WorkspaceConfig c = read("""
                territory: {code: "11000000", name: Berlin}
                method:
                  dynamics_years: 2
                  status_indicators: {sgb2: 1, unemployed: 1}
                  exclude: {"10010203": "statistisch unsicher"}
                  by_year:
                    2012:
                      status_indicators: {sgb2: 1, unemployed: 1, children_min_income: 1}
                    2016:
                      exclude: {"04020314": "Messegelände", "10010203": "statistisch unsicher"}
                """);
        assertThat(c.methodByYear()).containsOnlyKeys(2012, 2016);
        assertThat(c.methodFor(2018)).isEqualTo(c.method());
        assertThat(c.methodFor(2012).statusIndicators()).containsOnlyKeys("sgb2", "unemployed", "children_min_income");
        // the dynamics indicators follow the status indicators of the year, as they do in general
        assertThat(c.methodFor(2012).dynamicsIndicators()).isEqualTo(c.methodFor(2012).statusIndicators());
        assertThat(c.methodFor(2012).exclude()).isEqualTo(c.method().exclude());
        assertThat(c.methodFor(2012).dynamicsYears()).isEqualTo(2);
        assertThat(c.methodFor(2016).statusIndicators()).isEqualTo(c.method().statusIndicators());
        assertThat(c.methodFor(2016).exclude()).containsOnlyKeys("04020314", "10010203");
    }

    @Test
    void byYearNamesItsMistakesWithLineAndKey() {
        assertThatThrownBy(() -> read("""
                territory: {code: "11000000", name: Berlin}
                method:
                  by_year:
                    2012:
                      analysis_level: Bezirk
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sozialmonitor.yaml:5: method.by_year.2012.analysis_level: unknown key");
        assertThatThrownBy(() -> read("""
                territory: {code: "11000000", name: Berlin}
                method:
                  by_year:
                    "MSS 2013": {min_population: 300}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a year of four digits");
        assertThatThrownBy(() -> read("""
                territory: {code: "11000000", name: Berlin}
                method:
                  by_year:
                    2012: {min_population: -1}
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("method.by_year.2012.min_population: must be 0 or more");
    }
}
