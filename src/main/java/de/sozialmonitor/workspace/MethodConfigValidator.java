package de.sozialmonitor.workspace;

import de.sozialmonitor.model.IndicatorCatalog;
import java.nio.file.Path;
import java.util.Map;

/** Cross-checks the method section of sozialmonitor.yaml against the indicator catalog. */
final class MethodConfigValidator {
    private MethodConfigValidator() {
    }

    static void validate(WorkspaceConfig config, IndicatorCatalog catalog, Path configFile) {
        ConfigNode method = config.raw().get("method");
        check(config.method().statusIndicators(), catalog, method.get("status_indicators"));
        check(config.method().dynamicsIndicators(), catalog,
                method.has("dynamics_indicators") ? method.get("dynamics_indicators") : method.get("status_indicators"));
        check(config.method().earlyWarningThresholds(), catalog, method.get("early_warning"));
        ConfigNode dynamicsNode = method.has("dynamics_indicators") ? method.get("dynamics_indicators") : method.get("status_indicators");
        for (String id : config.method().dynamicsIndicators().keySet()) {
            String change = catalog.indicator(id).map(i -> i.change()).orElse(null);
            int years = change == null ? 0 : catalog.variable(change).map(v -> v.years()).orElse(0);
            if (change != null && years != config.method().dynamicsYears()) {
                throw (method.has("dynamics_years") ? method.get("dynamics_years") : dynamicsNode).error("change.years", id, change,
                        years, config.method().dynamicsYears());
            }
        }
        String population = config.method().populationVariable();
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
