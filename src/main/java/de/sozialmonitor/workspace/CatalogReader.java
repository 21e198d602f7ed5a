package de.sozialmonitor.workspace;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.IndicatorRole;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code indicators.yaml}: the declared base variables and the indicator catalog.
 * Every variable an indicator uses must be declared, so that a typo is caught here and not
 * discovered as a silently missing value later.
 */
public final class CatalogReader {
    private static final Set<String> INDICATOR_KEYS = Set.of("id", "name", "topic", "numerator", "denominator",
            "target_group", "scale", "unit", "polarity", "role", "precision", "min_denominator", "source", "definition");

    private CatalogReader() {
    }

    public static IndicatorCatalog read(Path file) {
        return read(YamlDocument.load(file));
    }

    public static IndicatorCatalog read(YamlDocument doc) {
        ConfigNode root = doc.root().requireObject().allowOnly(Set.of("variables", "indicators"));
        List<Variable> variables = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        root.get("variables").requireObject().entries().forEach((name, v) -> {
            v.allowOnly(Set.of("de", "en"));
            variables.add(new Variable(name, v.get("de").string(name), v.get("en").string(null)));
            declared.add(name);
        });
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode n : root.get("indicators").list()) {
            n.requireObject().allowOnly(INDICATOR_KEYS);
            String id = n.get("id").string();
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw n.get("id").error("must be lower case letters, digits and _, starting with a letter");
            }
            if (!ids.add(id)) {
                throw n.get("id").error("indicator '" + id + "' is defined twice");
            }
            ConfigNode name = n.get("name");
            name.allowOnly(Set.of("de", "en"));
            LinearExpression numerator = expression(n.get("numerator"), declared);
            if (!n.has("denominator")) {
                throw n.get("denominator").error("is missing: every indicator is a ratio (use a denominator)");
            }
            LinearExpression denominator = expression(n.get("denominator"), declared);
            TargetGroup group;
            try {
                group = TargetGroup.parse(n.get("target_group").string(""));
            } catch (IllegalArgumentException e) {
                throw n.get("target_group").error(e.getMessage());
            }
            double scale = n.get("scale").number(100);
            if (!(scale > 0)) {
                throw n.get("scale").error("must be greater than 0");
            }
            Polarity polarity;
            IndicatorRole role;
            try {
                polarity = Polarity.fromConfig(n.get("polarity").string("higher_is_worse"));
            } catch (IllegalArgumentException e) {
                throw n.get("polarity").error(e.getMessage());
            }
            try {
                role = IndicatorRole.fromConfig(n.get("role").string("profile"));
            } catch (IllegalArgumentException e) {
                throw n.get("role").error(e.getMessage());
            }
            int precision = n.get("precision").integer(1);
            if (precision < 0 || precision > 6) {
                throw n.get("precision").error("must be between 0 and 6");
            }
            indicators.add(new Indicator(id, name.get("de").string(id), name.get("en").string(null),
                    n.get("topic").string("other"), numerator, denominator, group, scale,
                    n.get("unit").string(scale == 100 ? "%" : scale == 1000 ? "‰" : ""), polarity, role, precision,
                    n.get("min_denominator").number(0), n.get("source").string(""), n.get("definition").string("")));
        }
        return new IndicatorCatalog(variables, indicators);
    }

    private static LinearExpression expression(ConfigNode node, Set<String> declared) {
        LinearExpression e;
        try {
            e = LinearExpression.parse(node.string());
        } catch (IllegalArgumentException ex) {
            throw node.error(ex.getMessage());
        }
        for (String v : e.variables()) {
            if (!declared.contains(v)) {
                throw node.error("unknown variable '" + v + "' (declare it under variables:)");
            }
        }
        return e;
    }
}
