package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Early warning between two results (or the results of two releases), METHOD.md section 5: areas
 * whose status class fell, whose dynamics turned {@code negativ}, which newly carry the attention
 * flag, and indicator values that crossed a configured threshold. Areas are matched by code.
 */
public final class EarlyWarning {
    private EarlyWarning() {
    }

    public enum Kind {
        /** The status class moved towards sehr_niedrig. */
        STATUS_FELL,
        /** The dynamics class is negativ now and was not before. */
        DYNAMICS_TURNED_NEGATIVE,
        /** The attention flag is set now and was not before. */
        NEWLY_FLAGGED,
        /** An indicator value passed its threshold in the direction of more disadvantage. */
        THRESHOLD_CROSSED
    }

    /** One finding; {@code from}/{@code to} are class codes, or values for thresholds. */
    public record Alert(Kind kind, String areaCode, String areaName, String level, String indicatorId,
                        String from, String to, Double previousValue, Double currentValue, Double threshold) {
    }

    /**
     * @param statusTransitions   previous status class code to current class code to number of areas
     *                            ("" for an area without class)
     * @param dynamicsTransitions likewise for dynamics
     */
    public record Report(int previousYear, int currentYear, List<Alert> alerts,
                         Map<String, Map<String, Integer>> statusTransitions,
                         Map<String, Map<String, Integer>> dynamicsTransitions) {
        public List<Alert> of(Kind kind) {
            return alerts.stream().filter(a -> a.kind() == kind).toList();
        }
    }

    /** Compares {@code current} with {@code previous}, using the thresholds of the current configuration. */
    public static Report compare(MonitoringResult previous, MonitoringResult current) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, Map<String, Integer>> st = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dt = new LinkedHashMap<>();
        AreaTable now = current.areas();
        AreaTable before = previous.areas();
        for (int a : current.analysisAreas()) {
            int b = before.indexOf(now.code(a));
            if (b < 0) {
                continue;
            }
            StatusClass s0 = previous.statusClass()[b];
            StatusClass s1 = current.statusClass()[a];
            DynamicsClass d0 = previous.dynamicsClass()[b];
            DynamicsClass d1 = current.dynamicsClass()[a];
            st.computeIfAbsent(code(s0), k -> new LinkedHashMap<>()).merge(code(s1), 1, Integer::sum);
            dt.computeIfAbsent(code(d0), k -> new LinkedHashMap<>()).merge(code(d1), 1, Integer::sum);
            if (s0 != null && s1 != null && s1.ordinal() > s0.ordinal()) {
                alerts.add(alert(Kind.STATUS_FELL, now, a, null, s0.code(), s1.code(), null, null, null));
            }
            if (d1 == DynamicsClass.NEGATIV && d0 != DynamicsClass.NEGATIV) {
                alerts.add(alert(Kind.DYNAMICS_TURNED_NEGATIVE, now, a, null, code(d0), d1.code(), null, null, null));
            }
            if (current.attention()[a] && !previous.attention()[b]) {
                alerts.add(alert(Kind.NEWLY_FLAGGED, now, a, null, "false", "true", null, null, null));
            }
        }
        current.config().earlyWarningThresholds().forEach((id, threshold) -> {
            IndicatorValues v1 = current.current(id);
            IndicatorValues v0 = previous.current(id);
            Indicator ind = current.catalog().indicator(id).orElse(null);
            if (v1 == null || v0 == null || ind == null) {
                return;
            }
            boolean worseIsHigher = ind.polarity() == Polarity.HIGHER_IS_WORSE;
            for (int a = 0; a < now.size(); a++) {
                int b = before.indexOf(now.code(a));
                if (b < 0) {
                    continue;
                }
                double x0 = v0.value()[b];
                double x1 = v1.value()[a];
                if (Double.isNaN(x0) || Double.isNaN(x1)) {
                    continue;
                }
                boolean crossed = worseIsHigher ? x0 <= threshold && x1 > threshold : x0 >= threshold && x1 < threshold;
                if (crossed) {
                    alerts.add(alert(Kind.THRESHOLD_CROSSED, now, a, id, Double.toString(x0), Double.toString(x1), x0, x1, threshold));
                }
            }
        });
        return new Report(previous.year(), current.year(), List.copyOf(alerts), st, dt);
    }

    private static String code(StatusClass c) {
        return c == null ? "" : c.code();
    }

    private static String code(DynamicsClass c) {
        return c == null ? "" : c.code();
    }

    private static Alert alert(Kind kind, AreaTable t, int a, String indicator, String from, String to,
                               Double x0, Double x1, Double threshold) {
        return new Alert(kind, t.code(a), t.name(a), t.level(a), indicator, from, to, x0, x1, threshold);
    }
}
