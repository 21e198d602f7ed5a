package de.sozialmonitor.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A target group: a combination of dimension values such as {@code sex=f, nationality=foreign}.
 * The empty group is the total. The canonical key ({@code nationality=foreign;sex=f}, dimensions
 * sorted) is what storage, exports and the canonical long format use.
 */
public record TargetGroup(SortedMap<String, String> dimensions) {

    public static final TargetGroup TOTAL = new TargetGroup(new TreeMap<>());

    public TargetGroup {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static TargetGroup of(Map<String, String> dimensions) {
        return dimensions.isEmpty() ? TOTAL : new TargetGroup(new TreeMap<>(dimensions));
    }

    /** Parses a canonical key; the empty string (or null) is the total. */
    public static TargetGroup parse(String key) {
        if (key == null || key.isBlank()) {
            return TOTAL;
        }
        TreeMap<String, String> dims = new TreeMap<>();
        for (String part : key.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("target group part '" + part + "' is not of the form dimension=value");
            }
            String dimension = part.substring(0, eq).trim();
            if (dims.put(dimension, part.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("target group names dimension '" + dimension + "' twice");
            }
        }
        return new TargetGroup(dims);
    }

    public boolean isTotal() {
        return dimensions.isEmpty();
    }

    /** True if every dimension value of {@code filter} is also set, equally, in this group. */
    public boolean matches(TargetGroup filter) {
        return dimensions.entrySet().containsAll(filter.dimensions.entrySet());
    }

    public String key() {
        StringBuilder sb = new StringBuilder();
        dimensions.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(k).append('=').append(v);
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return isTotal() ? "total" : key();
    }
}
