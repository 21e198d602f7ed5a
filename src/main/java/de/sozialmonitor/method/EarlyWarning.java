package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Polarity;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Early warning between two results (or the results of two releases), METHOD.md section 5: areas
 * whose status class fell, whose dynamics turned {@code negativ}, which newly carry the attention
 * flag, and indicator values that crossed a configured threshold. Areas are matched by code.
 *
 * <p>The comparison works on {@link Snapshot}s, so that the CLI (two computations), the web pages
 * (two published releases) and the committee report (a release and its predecessor) all report
 * the same changes by the same rules.
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
        THRESHOLD_CROSSED,
        /** Not a warning: the status class moved towards hoch (listed so a change column is complete). */
        STATUS_ROSE,
        /** Not a warning: the attention flag was set before and is not now. */
        FLAG_ENDED;

        /** True for the kinds that warn; false for the good news. */
        public boolean warns() {
            return this != STATUS_ROSE && this != FLAG_ENDED;
        }
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

        /** The alerts of one area, in the order of {@link Kind}. */
        public List<Alert> ofArea(String areaCode) {
            return alerts.stream().filter(a -> a.areaCode().equals(areaCode)).toList();
        }
    }

    /**
     * What one side of the comparison knows of an area.
     *
     * @param compared true if the area takes part in the class comparison (an area of the analysis level)
     * @param values   indicator id to value (total population); withheld or missing values are absent
     */
    public record AreaState(String code, String name, String level, boolean compared, StatusClass status,
                            DynamicsClass dynamics, boolean attention, Map<String, Double> values) {
        public AreaState {
            values = Map.copyOf(values);
        }
    }

    /** The areas of one result in one year. */
    public record Snapshot(int year, List<AreaState> areas) {
        public Snapshot {
            areas = List.copyOf(areas);
        }

        /** The analysis areas of a computed result with their current values of the threshold indicators. */
        public static Snapshot of(MonitoringResult r) {
            AreaTable t = r.areas();
            boolean[] analysed = new boolean[t.size()];
            for (int a : r.analysisAreas()) {
                analysed[a] = true;
            }
            List<AreaState> areas = new ArrayList<>(t.size());
            for (int a = 0; a < t.size(); a++) {
                Map<String, Double> values = new HashMap<>();
                for (String id : r.config().earlyWarningThresholds().keySet()) {
                    IndicatorValues v = r.current(id);
                    if (v != null && !Double.isNaN(v.value()[a])) {
                        values.put(id, v.value()[a]);
                    }
                }
                areas.add(new AreaState(t.code(a), t.name(a), t.level(a), analysed[a],
                        analysed[a] ? r.statusClass()[a] : null, analysed[a] ? r.dynamicsClass()[a] : null,
                        analysed[a] && r.attention()[a], values));
            }
            return new Snapshot(r.year(), areas);
        }
    }

    /** Compares {@code current} with {@code previous}, using the thresholds of the current configuration. */
    public static Report compare(MonitoringResult previous, MonitoringResult current) {
        return compare(Snapshot.of(previous), Snapshot.of(current), current.config().earlyWarningThresholds(),
                id -> current.catalog().indicator(id).map(i -> i.polarity()).orElse(null));
    }

    /**
     * Compares two snapshots. Class changes are reported for areas compared on both sides;
     * threshold crossings for every area with a value on both sides.
     *
     * @param thresholds indicator id to threshold value
     * @param polarity   the polarity of an indicator, or null for an unknown one (its threshold is skipped)
     */
    public static Report compare(Snapshot previous, Snapshot current, Map<String, Double> thresholds,
                                 Function<String, Polarity> polarity) {
        Map<String, AreaState> before = new HashMap<>();
        previous.areas().forEach(s -> before.put(s.code(), s));
        List<Alert> alerts = new ArrayList<>();
        Map<String, Map<String, Integer>> st = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dt = new LinkedHashMap<>();
        for (AreaState now : current.areas()) {
            AreaState was = before.get(now.code());
            if (was == null) {
                continue;
            }
            if (now.compared() && was.compared()) {
                st.computeIfAbsent(code(was.status()), k -> new LinkedHashMap<>()).merge(code(now.status()), 1, Integer::sum);
                dt.computeIfAbsent(code(was.dynamics()), k -> new LinkedHashMap<>()).merge(code(now.dynamics()), 1, Integer::sum);
                classAlerts(was, now, alerts);
            }
            thresholds.forEach((id, threshold) -> {
                Polarity p = polarity.apply(id);
                Double x0 = was.values().get(id);
                Double x1 = now.values().get(id);
                if (p == null || x0 == null || x1 == null) {
                    return;
                }
                boolean crossed = p == Polarity.HIGHER_IS_WORSE ? x0 <= threshold && x1 > threshold : x0 >= threshold && x1 < threshold;
                if (crossed) {
                    alerts.add(new Alert(Kind.THRESHOLD_CROSSED, now.code(), now.name(), now.level(), id,
                            Double.toString(x0), Double.toString(x1), x0, x1, threshold));
                }
            });
        }
        alerts.sort(java.util.Comparator.comparing(Alert::kind));
        return new Report(previous.year(), current.year(), List.copyOf(alerts), st, dt);
    }

    private static void classAlerts(AreaState was, AreaState now, List<Alert> alerts) {
        StatusClass s0 = was.status();
        StatusClass s1 = now.status();
        if (s0 != null && s1 != null && s1 != s0) {
            alerts.add(classAlert(s1.ordinal() > s0.ordinal() ? Kind.STATUS_FELL : Kind.STATUS_ROSE, now, s0.code(), s1.code()));
        }
        if (now.dynamics() == DynamicsClass.NEGATIV && was.dynamics() != DynamicsClass.NEGATIV) {
            alerts.add(classAlert(Kind.DYNAMICS_TURNED_NEGATIVE, now, code(was.dynamics()), now.dynamics().code()));
        }
        if (now.attention() != was.attention()) {
            alerts.add(classAlert(now.attention() ? Kind.NEWLY_FLAGGED : Kind.FLAG_ENDED, now,
                    Boolean.toString(was.attention()), Boolean.toString(now.attention())));
        }
    }

    private static Alert classAlert(Kind kind, AreaState s, String from, String to) {
        return new Alert(kind, s.code(), s.name(), s.level(), null, from, to, null, null, null);
    }

    private static String code(StatusClass c) {
        return c == null ? "" : c.code();
    }

    private static String code(DynamicsClass c) {
        return c == null ? "" : c.code();
    }
}
