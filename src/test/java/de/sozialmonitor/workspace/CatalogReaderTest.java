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
}
