package de.sozialmonitor.analysis;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much the classification depends on choices the committee makes: the method is computed again
 * ({@link Monitoring#compute}) with one parameter changed at a time, and every area of the analysis level
 * whose status class, dynamics class or attention flag differs from the configured method is listed.
 */
public final class Sensitivity {
    /** Minimum populations tried (the 200 / 300 / 500). */
    public static final double[] MIN_POPULATIONS = {200, 300, 500};
    /** Dynamics periods tried, in years. */
    public static final int[] DYNAMICS_YEARS = {2, 3};
    /** How far the class bounds move, in standard deviations. */
    public static final double THRESHOLD_SHIFT = 0.1;
    /** Factor applied to one indicator's weight. */
    public static final double WEIGHT_FACTOR = 2;

    private Sensitivity() {
    }

    /**
     * @param kind      {@code leave_out}, {@code weight}, {@code thresholds}, {@code min_population},
     *                  {@code standardisation} (the other SD divisor), {@code dynamics_years}
     * @param parameter the indicator, or the value tried
     */
    public record Variant(String kind, String parameter, MethodConfig config) {
        public String key() {
            return kind + ":" + parameter;
        }
    }

    /** One area whose classification differs under a variant; null = no class (not taking part). */
    public record AreaChange(String code, String name, StatusClass statusBefore, StatusClass statusAfter,
                             DynamicsClass dynamicsBefore, DynamicsClass dynamicsAfter, boolean attentionBefore,
                             boolean attentionAfter) {
        public boolean statusChanged() {
            return statusBefore != statusAfter;
        }

        public boolean dynamicsChanged() {
            return dynamicsBefore != dynamicsAfter;
        }

        public boolean attentionChanged() {
            return attentionBefore != attentionAfter;
        }
    }

    /** A variant that could not be computed (e.g. no data for a base year) has an error and no changes. */
    public record Outcome(Variant variant, int areas, List<AreaChange> changes, String error) {
        public long statusChanges() {
            return changes.stream().filter(AreaChange::statusChanged).count();
        }

        public long dynamicsChanges() {
            return changes.stream().filter(AreaChange::dynamicsChanged).count();
        }

        public long attentionChanges() {
            return changes.stream().filter(AreaChange::attentionChanged).count();
        }
    }

    /**
     * @param changesByArea per area code of the analysis level: in how many variants its classification
     *                      changed (0 for stable areas), for the map of changing areas
     */
    public record Report(int year, String level, List<Outcome> outcomes, Map<String, Integer> changesByArea,
                         Map<String, String> names) {
    }

    /** The variants of the issue for this configuration, in a fixed order. */
    public static List<Variant> variants(MethodConfig cfg) {
        List<Variant> out = new ArrayList<>();
        List<String> status = new ArrayList<>(cfg.statusIndicators().keySet());
        if (status.size() > 1) {
            for (String id : status) {
                Map<String, Double> s = new LinkedHashMap<>(cfg.statusIndicators());
                s.remove(id);
                Map<String, Double> d = new LinkedHashMap<>(cfg.dynamicsIndicators());
                d.remove(id);
                if (d.isEmpty()) {
                    d = cfg.dynamicsIndicators();
                }
                out.add(new Variant("leave_out", id, MethodVariants.withIndicators(cfg, s, d)));
            }
            for (String id : status) {
                Map<String, Double> s = new LinkedHashMap<>(cfg.statusIndicators());
                s.put(id, s.get(id) * WEIGHT_FACTOR);
                Map<String, Double> d = new LinkedHashMap<>(cfg.dynamicsIndicators());
                d.computeIfPresent(id, (k, w) -> w * WEIGHT_FACTOR);
                out.add(new Variant("weight", id + "×" + number(WEIGHT_FACTOR), MethodVariants.withIndicators(cfg, s, d)));
            }
        }
        out.add(new Variant("thresholds", "+" + number(THRESHOLD_SHIFT), MethodVariants.withThresholdsShifted(cfg, THRESHOLD_SHIFT)));
        out.add(new Variant("thresholds", "-" + number(THRESHOLD_SHIFT), MethodVariants.withThresholdsShifted(cfg, -THRESHOLD_SHIFT)));
        for (double m : MIN_POPULATIONS) {
            out.add(new Variant("min_population", number(m), MethodVariants.withMinPopulation(cfg, m)));
        }
        String otherDivisor = cfg.sampleStandardDeviation() ? MethodConfig.STANDARDISATION_POPULATION
                : MethodConfig.STANDARDISATION_SAMPLE;
        out.add(new Variant("standardisation", otherDivisor, cfg.withStandardisation(otherDivisor)));
        for (int k : DYNAMICS_YEARS) {
            out.add(new Variant("dynamics_years", String.valueOf(k), MethodVariants.withDynamicsYears(cfg, k)));
        }
        return out;
    }

    public static Report analyse(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year) {
        return analyse(in, catalog, cfg, year, variants(cfg));
    }

    public static Report analyse(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year,
                                 List<Variant> variants) {
        MonitoringResult base = Monitoring.compute(in, catalog, cfg, year);
        Map<String, Integer> byArea = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int a : base.analysisAreas()) {
            byArea.put(base.areas().code(a), 0);
            names.put(base.areas().code(a), base.areas().name(a));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Variant v : variants) {
            MonitoringResult r;
            try {
                r = Monitoring.compute(in, catalog, v.config(), year);
            } catch (IllegalArgumentException e) {
                outcomes.add(new Outcome(v, 0, List.of(), e.getMessage()));
                continue;
            }
            List<AreaChange> changes = compare(base, r);
            for (AreaChange c : changes) {
                byArea.merge(c.code(), 1, Integer::sum);
            }
            outcomes.add(new Outcome(v, base.analysisAreas().length, List.copyOf(changes), null));
        }
        return new Report(year, base.analysisLevel(), List.copyOf(outcomes), byArea, names);
    }

    /** The areas of {@code before}'s analysis level whose classes or flag differ in {@code after} (matched by code). */
    public static List<AreaChange> compare(MonitoringResult before, MonitoringResult after) {
        List<AreaChange> out = new ArrayList<>();
        for (int a : before.analysisAreas()) {
            String code = before.areas().code(a);
            int b = after.areas().indexOf(code);
            StatusClass s1 = before.statusClass()[a];
            DynamicsClass d1 = before.dynamicsClass()[a];
            boolean f1 = before.attention()[a];
            StatusClass s2 = b < 0 ? null : after.statusClass()[b];
            DynamicsClass d2 = b < 0 ? null : after.dynamicsClass()[b];
            boolean f2 = b >= 0 && after.attention()[b];
            if (s1 != s2 || !Objects.equals(d1, d2) || f1 != f2) {
                out.add(new AreaChange(code, before.areas().name(a), s1, s2, d1, d2, f1, f2));
            }
        }
        return out;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
