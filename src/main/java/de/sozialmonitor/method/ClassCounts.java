package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many areas of the analysis level fell into each class: the summary `compute` prints and the
 * web's computation page shows.
 *
 * @param withoutStatus areas with no status class (excluded from the index)
 */
public record ClassCounts(int areas, Map<StatusClass, Integer> status, Map<DynamicsClass, Integer> dynamics,
                          int withoutStatus, int attention) {
    public ClassCounts {
        status = Map.copyOf(status);
        dynamics = Map.copyOf(dynamics);
    }

    public static ClassCounts of(MonitoringResult r) {
        Map<StatusClass, Integer> status = new EnumMap<>(StatusClass.class);
        Map<DynamicsClass, Integer> dynamics = new EnumMap<>(DynamicsClass.class);
        int without = 0;
        int attention = 0;
        int[] analysis = r.analysisAreas();
        for (int a : analysis) {
            if (r.statusClass()[a] != null) {
                status.merge(r.statusClass()[a], 1, Integer::sum);
            } else {
                without++;
            }
            if (r.dynamicsClass()[a] != null) {
                dynamics.merge(r.dynamicsClass()[a], 1, Integer::sum);
            }
            if (r.attention()[a]) {
                attention++;
            }
        }
        return new ClassCounts(analysis.length, status, dynamics, without, attention);
    }

    public int of(StatusClass c) {
        return status.getOrDefault(c, 0);
    }

    public int of(DynamicsClass c) {
        return dynamics.getOrDefault(c, 0);
    }
}
