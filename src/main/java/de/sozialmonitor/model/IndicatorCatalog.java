package de.sozialmonitor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The declared base variables and the indicators over them, in catalog order. */
public record IndicatorCatalog(List<Variable> variables, List<Indicator> indicators) {
    public IndicatorCatalog {
        variables = List.copyOf(variables);
        indicators = List.copyOf(indicators);
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Map<String, Indicator> byId() {
        Map<String, Indicator> map = new LinkedHashMap<>();
        indicators.forEach(i -> map.put(i.id(), i));
        return map;
    }
}
