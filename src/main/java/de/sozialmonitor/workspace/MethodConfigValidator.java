package de.sozialmonitor.workspace;

import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import java.nio.file.Path;
import java.util.Map;

/** Cross-checks the method section of sozialmonitor.yaml (and each year of {@code method.by_year}) against the indicator catalog. */
final class MethodConfigValidator {
    private MethodConfigValidator() {
    }

    static void validate(WorkspaceConfig config, IndicatorCatalog catalog, Path configFile) {
        ConfigNode method = config.raw().get("method");
        validate(config.method(), catalog, new WorkspaceConfigReader.MethodSection(method, null));
        config.methodByYear().forEach((year, m) -> validate(m, catalog,
                new WorkspaceConfigReader.MethodSection(method, method.get("by_year").get(Integer.toString(year)))));
    }

    private static void validate(MethodConfig m, IndicatorCatalog catalog, WorkspaceConfigReader.MethodSection method) {
        check(m.statusIndicators(), catalog, method.get("status_indicators"));
        ConfigNode dynamicsNode = method.has("dynamics_indicators") ? method.get("dynamics_indicators") : method.get("status_indicators");
        check(m.dynamicsIndicators(), catalog, dynamicsNode);
        check(m.earlyWarningThresholds(), catalog, method.get("early_warning"));
        for (String id : m.dynamicsIndicators().keySet()) {
            String change = catalog.indicator(id).map(i -> i.change()).orElse(null);
            int years = change == null ? 0 : catalog.variable(change).map(v -> v.years()).orElse(0);
            if (change != null && years != m.dynamicsYears()) {
                throw (method.has("dynamics_years") ? method.get("dynamics_years") : dynamicsNode).error("change.years", id, change,
                        years, m.dynamicsYears());
            }
        }
        String population = m.populationVariable();
        if (catalog.variable(population).isEmpty()) {
            throw method.get("population_variable").error("population.unknown", population);
        }
    }

    private static void check(Map<String, Double> ids, IndicatorCatalog catalog, ConfigNode where) {
        for (String id : ids.keySet()) {
            if (catalog.indicator(id).isEmpty()) {
                throw where.error("indicator.unknown", id);
            }
        }
    }
}
