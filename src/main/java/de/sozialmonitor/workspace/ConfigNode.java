package de.sozialmonitor.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a {@link YamlDocument} with typed accessors whose errors name file, line and key.
 * Keys are written as dotted paths in messages ({@code method.dynamics_years}).
 */
public final class ConfigNode {
    private final YamlDocument doc;
    private final String pointer;
    private final JsonNode node;

    ConfigNode(YamlDocument doc, String pointer, JsonNode node) {
        this.doc = doc;
        this.pointer = pointer;
        this.node = node;
    }

    public String key() {
        return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    }

    public int line() {
        return doc.lineOf(pointer);
    }

    public boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    public JsonNode raw() {
        return node;
    }

    public ConfigNode get(String key) {
        JsonNode child = node.isObject() ? node.get(key) : null;
        return new ConfigNode(doc, pointer + "/" + key, child == null ? YamlDocument.missing() : child);
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** An error at this node: {@code reasonKey} is a text of {@code i18n/config[_de].properties}. */
    public ConfigException error(String reasonKey, Object... args) {
        return new ConfigException(doc.file(), line(), key(), reasonKey, args);
    }

    /** Rejects keys that are not known, which catches typos such as {@code dynamic_years}. */
    public ConfigNode allowOnly(Set<String> allowed) {
        if (node.isObject()) {
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw get(name).error("key.unknown", String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }
        return this;
    }

    public ConfigNode requireObject() {
        if (!node.isObject()) {
            throw error(isPresent() ? "value.notMapping" : "value.missing");
        }
        return this;
    }

    public String string() {
        if (!isPresent()) {
            throw error("value.missing");
        }
        if (!node.isValueNode()) {
            throw error("value.notSingle");
        }
        return node.asText();
    }

    public String string(String fallback) {
        return isPresent() ? string() : fallback;
    }

    public double number() {
        if (!isPresent()) {
            throw error("value.missing");
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw error("value.notNumber", node.asText());
    }

    public double number(double fallback) {
        return isPresent() ? number() : fallback;
    }

    public int integer() {
        if (!isPresent()) {
            throw error("value.missing");
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw error("value.notWhole", node.asText());
    }

    public int integer(int fallback) {
        return isPresent() ? integer() : fallback;
    }

    public boolean bool(boolean fallback) {
        if (!isPresent()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw error("value.notBoolean", node.asText());
    }

    public List<ConfigNode> list() {
        if (!isPresent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("value.notList");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigNode(doc, pointer + "/" + i, node.get(i)));
        }
        return items;
    }

    public List<String> stringList() {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : list()) {
            values.add(item.string());
        }
        return values;
    }

    /** The entries of a mapping, in file order. */
    public Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> map = new LinkedHashMap<>();
        if (!isPresent()) {
            return map;
        }
        if (!node.isObject()) {
            throw error("value.notMapping");
        }
        node.fieldNames().forEachRemaining(name -> map.put(name, get(name)));
        return map;
    }
}
