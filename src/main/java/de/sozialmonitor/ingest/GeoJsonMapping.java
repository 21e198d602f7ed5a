package de.sozialmonitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A mapping of a GeoJSON delivery ({@code layout: geojson} in {@code sources/NAME.yaml}): which
 * feature properties hold code and name, the level of every feature and how to find its parent
 * when the file does not say, and the analyst's decisions about single features (a feature filed
 * under a wrong code, two features that are one area of the data). Each decision names the feature
 * by its number and the code the file gives it, so that it applies only while the file still says
 * that, and gives its reason; {@code check} and {@code import} report every applied decision.
 *
 * @param parentDigits the parent's code is the first this many characters of the area's code (0: from a property)
 */
record GeoJsonMapping(SourceMapping source, GeoJsonLoader.Properties properties, String level, int parentDigits,
                      Map<Integer, Decision> decisions) {

    static final Set<String> KEYS = Set.of("pattern", "layout", "source", "properties", "level", "parent_digits", "features");
    static final Set<String> PROPERTY_KEYS = Set.of("code", "name", "level", "parent", "valid_from");
    static final Set<String> DECISION_KEYS = Set.of("feature", "code", "becomes", "name", "reason");

    /**
     * A decision about one feature: the feature with number {@code feature} (1 = the first) whose
     * code in the file is {@code code} is the area {@code becomes} (null: keep the code), named
     * {@code name} (null: the file's name). Features that end up with one code are united into one
     * area, but only when a decision names every one of them.
     */
    record Decision(int feature, String code, String becomes, String name, String reason) {
        String target() {
            return becomes == null ? code : becomes;
        }
    }

    static GeoJsonMapping of(SourceMapping m) {
        allowOnly(m, m.root, KEYS, "");
        JsonNode props = m.node("properties");
        allowOnly(m, props, PROPERTY_KEYS, "properties.");
        GeoJsonLoader.Properties d = GeoJsonLoader.Properties.DEFAULT;
        GeoJsonLoader.Properties p = new GeoJsonLoader.Properties(named(props, "code", d.code()), named(props, "name", d.name()),
                named(props, "level", d.level()), named(props, "parent", d.parent()), named(props, "valid_from", d.validFrom()));
        int parentDigits = m.integer("parent_digits", 0);
        if (parentDigits < 0) {
            throw m.fail("parent_digits", "mapping.geojson.parentDigits", parentDigits);
        }
        Map<Integer, Decision> decisions = new TreeMap<>();
        JsonNode list = m.node("features");
        if (!list.isMissingNode() && !list.isArray()) {
            throw m.fail("features", "mapping.geojson.features");
        }
        int i = 0;
        for (JsonNode n : list) {
            String key = "features." + i++;
            allowOnly(m, n, DECISION_KEYS, key + ".");
            if (!n.path("feature").canConvertToInt() || n.path("feature").asInt() < 1) {
                throw m.fail(key + ".feature", "mapping.geojson.feature", i, n.path("feature").asText(""));
            }
            int feature = n.path("feature").asInt();
            String code = text(n, "code");
            String reason = text(n, "reason");
            if (code == null) {
                throw m.fail(key + ".code", "mapping.geojson.code", feature);
            }
            if (reason == null) {
                throw m.fail(key + ".reason", "mapping.geojson.reason", feature, code);
            }
            Decision dec = new Decision(feature, code, text(n, "becomes"), text(n, "name"), reason);
            Decision earlier = decisions.put(dec.feature(), dec);
            if (earlier != null) {
                throw m.fail(key + ".feature", "mapping.geojson.twoDecisions", feature, earlier.code(), code);
            }
        }
        return new GeoJsonMapping(m, p, text(m.root, "level"), parentDigits, decisions);
    }

    private static List<String> named(JsonNode props, String key, List<String> fallback) {
        String name = text(props, key);
        return name == null ? fallback : List.of(name);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    private static void allowOnly(SourceMapping m, JsonNode n, Set<String> allowed, String prefix) {
        if (n == null || n.isMissingNode()) {
            return;
        }
        if (!n.isObject()) {
            throw m.fail(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "value.notMapping");
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw m.fail(prefix + k, "mapping.geojson.unknownKey", String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        });
    }
}
