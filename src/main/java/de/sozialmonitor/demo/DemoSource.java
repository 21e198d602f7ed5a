package de.sozialmonitor.demo;

import java.util.List;

/**
 * The synthetic deliveries of the demo, one file per source as a county receives them, each in the
 * canonical long format ({@code area_code;year;variable;value;target_group}).
 */
public enum DemoSource {
    POPULATION_REGISTER("einwohnermelderegister.csv", "Einwohnermelderegister (synthetisch)", List.of(
            "pop_total", "pop_u6", "pop_u15", "pop_u18", "pop_15_24", "pop_15_64", "pop_65plus", "pop_80plus",
            "pop_foreign", "migrant_u18", "children_single_parent", "households", "households_children",
            "households_single_parent", "households_single_65plus")),
    EMPLOYMENT_AGENCY("bundesagentur_fuer_arbeit.csv", "Statistik der Bundesagentur für Arbeit (synthetisch)", List.of(
            "sgb2_u65", "children_u15_sgb2", "unemployed", "unemployed_long_term", "unemployed_u25")),
    SOCIAL_WELFARE("fachdienst_soziales.csv", "Fachdienst Soziales und Wohngeldstelle (synthetisch)", List.of(
            "grusi_65plus", "eingliederungshilfe", "wohngeld_households")),
    SCHOOLS("schulstatistik.csv", "Schulstatistik nach Wohnort (synthetisch)", List.of(
            "school_leavers", "school_leavers_low")),
    HEALTH("gesundheitsamt_schuleingangsuntersuchung.csv", "Gesundheitsamt, Schuleingangsuntersuchung (synthetisch)", List.of(
            "school_entrants", "school_entrants_overweight"));

    private final String fileName;
    private final String label;
    private final List<String> variables;

    DemoSource(String fileName, String label, List<String> variables) {
        this.fileName = fileName;
        this.label = label;
        this.variables = variables;
    }

    public String fileName() {
        return fileName;
    }

    /** Source name for the import's provenance. */
    public String label() {
        return label;
    }

    public List<String> variables() {
        return variables;
    }

    public static DemoSource of(String variable) {
        for (DemoSource s : values()) {
            if (s.variables.contains(variable)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no demo source delivers " + variable);
    }
}
