package de.sozialmonitor.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.Polarity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
    private static final Path FILE = Path.of("indicators.yaml");

    @Test
    void theDefaultCatalogHasTheSevenAttentionIndicatorsOfMethodMd() {
        IndicatorCatalog catalog = CatalogReader.read(YamlDocument.parse(FILE, WorkspaceInitializer.template("indicators.yaml")));
        assertThat(catalog.indicators().stream().filter(i -> i.role() == IndicatorRole.ATTENTION).map(i -> i.id()))
                .containsExactly("migrant_u18", "single_parent_children", "sgb2", "unemployed", "children_min_income",
                        "old_age_min_income", "school_leavers_low");
        assertThat(catalog.indicator("sgb2").orElseThrow().denominator().toString()).isEqualTo("pop_total - pop_65plus");
        assertThat(catalog.indicators().stream().filter(i -> i.role() == IndicatorRole.PROFILE)).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalog.indicator("eingliederungshilfe_rate").orElseThrow().scale()).isEqualTo(1000);
        assertThat(catalog.indicators()).allSatisfy(i -> assertThat(i.scale()).isPositive());
        assertThat(catalog.indicator("households_with_children").orElseThrow().polarity()).isEqualTo(Polarity.HIGHER_IS_BETTER);
    }

    @Test
    void anUnknownVariableIsNamedWithItsLine() {
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  pop_total: {de: Einwohner}
                indicators:
                  - id: x
                    numerator: pop_totl
                    denominator: pop_total
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("indicators.yaml:5: indicators.0.numerator: unknown variable 'pop_totl' (declare it under variables:)");
    }

    @Test
    void aMissingDenominatorIsAnError() {
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  a: {de: A}
                indicators:
                  - id: x
                    numerator: a
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("indicators.0.denominator: is missing");
    }

    @Test
    void aDuplicateIdIsAnError() {
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  a: {de: A}
                indicators:
                  - {id: x, numerator: a, denominator: a}
                  - {id: x, numerator: a, denominator: a}
                """)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(":5: indicators.1.id: indicator 'x' is defined twice");
    }

    @Test
    void variablesHaveKindsAndAnIndicatorMayBeADeliveredShareWithADeliveredChange() {
        IndicatorCatalog c = CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  pop_total: {de: Einwohner}
                  pop_15_64: {de: Einwohner 15-64}
                  net_migration: {de: Wanderungssaldo, kind: balance}
                  s1: {de: Arbeitslosenanteil, kind: share, unit: "%", base: pop_15_64}
                  d1: {de: Veränderung, kind: change, unit: pp, years: 2}
                indicators:
                  - {id: s1, name: {de: Arbeitslosigkeit}, value: s1, change: d1, role: attention}
                """));
        assertThat(c.variable("net_migration").orElseThrow().kind()).isEqualTo(de.sozialmonitor.model.VariableKind.BALANCE);
        assertThat(c.variable("pop_total").orElseThrow().kind()).isEqualTo(de.sozialmonitor.model.VariableKind.COUNT);
        assertThat(c.variable("s1").orElseThrow().base()).isEqualTo("pop_15_64");
        assertThat(c.variable("d1").orElseThrow().years()).isEqualTo(2);
        var s1 = c.indicator("s1").orElseThrow();
        assertThat(s1.isDelivered()).isTrue();
        assertThat(s1.numerator()).isNull();
        assertThat(s1.change()).isEqualTo("d1");
        assertThat(s1.unit()).isEqualTo("%");
        assertThat(s1.scale()).isEqualTo(1);
    }

    @Test
    void kindsAreCheckedWhereTheyAreUsed() {
        String vars = """
                variables:
                  pop_total: {de: Einwohner}
                  s1: {de: Anteil, kind: share, unit: "%"}
                  d1: {de: Veränderung, kind: change, unit: pp, years: 2}
                indicators:
                """;
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, vars + "  - {id: x, numerator: s1, denominator: pop_total}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'s1' is a share: a ratio is formed from counts");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, vars + "  - {id: x, value: pop_total}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'pop_total' is a count; here a share or rate is needed");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, vars + "  - {id: x, value: s1, change: s1}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'s1' is a share; here a change is needed");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, vars + "  - {id: x, value: s1, scale: 100}\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("has no scale");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  d1: {de: Veränderung, kind: change, unit: pp}
                indicators: []
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("variables.d1.years: is missing");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  s1: {de: Anteil, kind: share}
                indicators: []
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("variables.s1.unit: is missing");
        assertThatThrownBy(() -> CatalogReader.read(YamlDocument.parse(FILE, """
                variables:
                  s1: {de: Anteil, kind: Anteil, unit: "%"}
                indicators: []
                """))).isInstanceOf(ConfigException.class).hasMessageContaining("kind must be count, balance, share, rate or change");
    }
}
