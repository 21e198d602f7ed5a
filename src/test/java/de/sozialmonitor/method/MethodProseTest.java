package de.sozialmonitor.method;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.model.MethodConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodProseTest {
    static final List<MethodProse.IndicatorRef> NAMES = List.of(
            new MethodProse.IndicatorRef("sgb2", "SGB-II-Quote", false),
            new MethodProse.IndicatorRef("unemployed", "Arbeitslosenquote", false),
            new MethodProse.IndicatorRef("abitur", "Abiturquote", true));

    static MethodConfig config(Map<String, Double> weights, String rule, Map<String, Double> warnings) {
        return new MethodConfig("Ortsteil", "pop_total", 250, weights, weights, 5,
                new MethodConfig.StatusThresholds(-0.5, 0.8, 1.25), new MethodConfig.DynamicsThresholds(-0.7, 0.9), rule, warnings,
                MethodConfig.STANDARDISATION_POPULATION, Map.of());
    }

    @Test
    void theGermanTextStatesTheParametersOfTheComputation() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("sgb2", 2.0);
        weights.put("unemployed", 1.0);
        weights.put("abitur", 1.0);
        List<String> text = MethodProse.paragraphs(new MethodProse.Parameters(2024,
                config(weights, MethodConfig.ATTENTION_BERLIN, Map.of("abitur", 30.0)), NAMES, "Ortsteil", 3, 300), Locale.GERMAN);
        String all = String.join("\n", text);
        assertThat(all).contains("fasst 3 Aufmerksamkeitsindikatoren zusammen: SGB-II-Quote, Arbeitslosenquote und Abiturquote.")
                .contains("SGB-II-Quote mit Gewicht 2; Arbeitslosenquote mit Gewicht 1")
                .contains("über 5 Jahre zusammen (2019 bis 2024)")
                .contains("Bei Abiturquote bedeutet ein höherer Wert weniger Benachteiligung")
                .contains("hoch bei einem Statusindex unter \u22120,5; mittel von \u22120,5 bis +0,8; niedrig über +0,8 bis +1,25")
                .contains("positiv bei einem Dynamikindex unter \u22120,7; stabil von \u22120,7 bis +0,9")
                .contains("Ebene „Ortsteil“").contains("weniger als 250 Einwohnerinnen")
                .contains("dessen Dynamik nicht positiv ist")
                .contains("Abiturquote den Wert 30 unterschreitet")
                .contains("Fallzahlen unter 3").contains("weniger als 300 Einwohnerinnen")
                .contains("Standardabweichung ist die aller einbezogenen Gebiete (Divisor n");
        String sample = String.join("\n", MethodProse.paragraphs(new MethodProse.Parameters(2024,
                config(weights, MethodConfig.ATTENTION_BERLIN, Map.of()).withStandardisation("sample"), NAMES, "Ortsteil", 3, 300),
                Locale.GERMAN));
        assertThat(sample).contains("Standardabweichung ist die der Stichprobe (Divisor n \u2212 1)").doesNotContain("Divisor n:");
    }

    @Test
    void equalWeightsAndTheDefaultRuleReadDifferentlyInEnglish() {
        Map<String, Double> weights = Map.of("sgb2", 1.0, "unemployed", 1.0);
        List<String> text = MethodProse.paragraphs(new MethodProse.Parameters(2024,
                config(weights, MethodConfig.ATTENTION_DEFAULT, Map.of()), NAMES, null, 3, 1000), Locale.ENGLISH);
        String all = String.join("\n", text);
        assertThat(all).contains("combines 2 attention indicators: SGB-II-Quote and Arbeitslosenquote. All carry the same weight.")
                .contains("or its dynamics are negative")
                .contains("level \"lowest level\"")
                .contains("fewer than 1,000 inhabitants")
                .doesNotContain("sign is reversed")
                .doesNotContain("areas where");
    }
}
