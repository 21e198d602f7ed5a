package de.sozialmonitor.workspace;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.model.VariableKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code indicators.yaml}: the declared base variables and the indicator catalog.
 * Every variable an indicator uses must be declared, so that a typo is caught here and not
 * discovered as a silently missing value later. A variable has a kind (count unless declared:
 * {@code kind: share, unit: "%", base: pop_15_64}); an indicator is a ratio of counts
 * ({@code numerator}, {@code denominator}) or a delivered share ({@code value: s1}), and may name a
 * delivered change for its dynamics ({@code change: d1}).
 */
public final class CatalogReader {
    private static final Set<String> INDICATOR_KEYS = Set.of("id", "name", "topic", "numerator", "denominator",
            "target_group", "scale", "unit", "polarity", "role", "precision", "min_denominator", "source", "definition",
            "value", "change");

    private CatalogReader() {
    }

    public static IndicatorCatalog read(Path file) {
        return read(YamlDocument.load(file));
    }

    public static IndicatorCatalog read(YamlDocument doc) {
        ConfigNode root = doc.root().requireObject().allowOnly(Set.of("variables", "indicators"));
        Map<String, Variable> byName = new LinkedHashMap<>();
        Map<String, ConfigNode> bases = new LinkedHashMap<>();
        root.get("variables").requireObject().entries().forEach((name, v) -> {
            v.allowOnly(Set.of("de", "en", "kind", "unit", "base", "years"));
            VariableKind kind;
            try {
                kind = VariableKind.fromConfig(v.get("kind").string("count"));
            } catch (IllegalArgumentException e) {
                throw v.get("kind").error("kind.invalid", v.get("kind").string());
            }
            boolean share = kind == VariableKind.SHARE || kind == VariableKind.RATE;
            if (v.has("base") && !share) {
                throw v.get("base").error("base.notShare");
            }
            if (v.has("unit") && kind.additive()) {
                throw v.get("unit").error("unit.count", kind.configName());
            }
            if ((share || kind == VariableKind.CHANGE) && !v.has("unit")) {
                throw v.get("unit").error("unit.missing", kind.configName());
            }
            int years = 0;
            if (kind == VariableKind.CHANGE) {
                years = v.get("years").integer();
                if (years < 1) {
                    throw v.get("years").error("number.atLeastOne");
                }
            } else if (v.has("years")) {
                throw v.get("years").error("years.notChange");
            }
            if (v.has("base")) {
                bases.put(name, v.get("base"));
            }
            byName.put(name, new Variable(name, v.get("de").string(name), v.get("en").string(null), kind,
                    v.get("unit").string(""), v.get("base").string(null), years));
        });
        bases.forEach((name, node) -> {
            Variable base = byName.get(node.string());
            if (base == null) {
                throw node.error("variable.unknown", node.string());
            }
            if (!base.kind().additive()) {
                throw node.error("base.notCount", base.name(), base.kind().configName());
            }
        });
        List<Variable> variables = new ArrayList<>(byName.values());
        Set<String> declared = new HashSet<>(byName.keySet());
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode n : root.get("indicators").list()) {
            n.requireObject().allowOnly(INDICATOR_KEYS);
            String id = n.get("id").string();
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw n.get("id").error("id.invalid");
            }
            if (!ids.add(id)) {
                throw n.get("id").error("id.twice", id);
            }
            ConfigNode name = n.get("name");
            name.allowOnly(Set.of("de", "en"));
            String delivered = null;
            LinearExpression numerator = null;
            LinearExpression denominator = null;
            if (n.has("value")) {
                for (String key : List.of("numerator", "denominator", "scale", "min_denominator")) {
                    if (n.has(key)) {
                        throw n.get(key).error("delivered.noKey", key);
                    }
                }
                delivered = variableOfKind(n.get("value"), byName, Set.of(VariableKind.SHARE, VariableKind.RATE), "share");
            } else {
                if (!n.has("numerator")) {
                    throw n.get("numerator").error("numerator.missing");
                }
                numerator = expression(n.get("numerator"), declared);
                if (!n.has("denominator")) {
                    throw n.get("denominator").error("denominator.missing");
                }
                denominator = expression(n.get("denominator"), declared);
                for (String key : List.of("numerator", "denominator")) {
                    for (String v : (key.equals("numerator") ? numerator : denominator).variables()) {
                        if (!byName.get(v).kind().additive()) {
                            throw n.get(key).error("ratio.notCount", v, byName.get(v).kind().configName());
                        }
                    }
                }
            }
            String change = n.has("change")
                    ? variableOfKind(n.get("change"), byName, Set.of(VariableKind.CHANGE), "change") : null;
            TargetGroup group;
            try {
                group = TargetGroup.parse(n.get("target_group").string(""));
            } catch (IllegalArgumentException e) {
                throw n.get("target_group").error("targetGroup.invalid", n.get("target_group").string(""));
            }
            double scale = delivered != null ? 1 : n.get("scale").number(100);
            if (!(scale > 0)) {
                throw n.get("scale").error("number.positive");
            }
            Polarity polarity;
            IndicatorRole role;
            try {
                polarity = Polarity.fromConfig(n.get("polarity").string("higher_is_worse"));
            } catch (IllegalArgumentException e) {
                throw n.get("polarity").error("polarity.invalid", n.get("polarity").string());
            }
            try {
                role = IndicatorRole.fromConfig(n.get("role").string("profile"));
            } catch (IllegalArgumentException e) {
                throw n.get("role").error("role.invalid", n.get("role").string());
            }
            int precision = n.get("precision").integer(1);
            if (precision < 0 || precision > 6) {
                throw n.get("precision").error("precision.range");
            }
            String unit = delivered != null ? byName.get(delivered).unit() : scale == 100 ? "%" : scale == 1000 ? "‰" : "";
            indicators.add(new Indicator(id, name.get("de").string(id), name.get("en").string(null),
                    n.get("topic").string("other"), numerator, denominator, group, scale,
                    n.get("unit").string(unit), polarity, role, precision,
                    n.get("min_denominator").number(0), n.get("source").string(""), n.get("definition").string(""),
                    delivered, change));
        }
        return new IndicatorCatalog(variables, indicators);
    }

    private static String variableOfKind(ConfigNode node, Map<String, Variable> declared, Set<VariableKind> kinds, String what) {
        String name = node.string();
        Variable v = declared.get(name);
        if (v == null) {
            throw node.error("variable.unknown", name);
        }
        if (!kinds.contains(v.kind())) {
            throw node.error("kind.wrong." + what, name, v.kind().configName());
        }
        return name;
    }

    private static LinearExpression expression(ConfigNode node, Set<String> declared) {
        LinearExpression e;
        try {
            e = LinearExpression.parse(node.string());
        } catch (IllegalArgumentException ex) {
            throw node.error("expression.invalid", node.string(), ex.getMessage());
        }
        for (String v : e.variables()) {
            if (!declared.contains(v)) {
                throw node.error("variable.unknown", v);
            }
        }
        return e;
    }
}
