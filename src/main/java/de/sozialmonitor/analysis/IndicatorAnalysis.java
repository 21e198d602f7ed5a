package de.sozialmonitor.analysis;

import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.privacy.DisclosureRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence for choosing attention indicators (the committee's "Abstimmung"): for candidate
 * indicators of the catalog on one level and year, their coverage, distribution, correlations,
 * year-to-year stability, and what each candidate set of status indicators would make of the status
 * index. Every index here is computed by {@link Monitoring#compute}, with the workspace's method and
 * only the status indicators (or the level) changed.
 */
public final class IndicatorAnalysis {
    /** Default bound of |ρ| from which two indicators count as redundant. */
    public static final double REDUNDANCY = 0.8;

    private IndicatorAnalysis() {
    }

    /**
     * @param areas              areas on the level
     * @param withValue          of them, with a value
     * @param missing            without a value (a count missing or suppressed at source, denominator 0)
     * @param withheld           with a value that disclosure control would withhold from the public by its
     *                           primary rules: numerator a small count, or fewer inhabitants than
     *                           {@code privacy.min_population_for_rates}
     * @param belowMinPopulation fewer inhabitants than {@code min_population} (or population unknown): not
     *                           in the index, and not in the distribution and correlations here
     */
    public record Coverage(int areas, int withValue, int missing, int withheld, int belowMinPopulation) {
    }

    /** Spearman's ρ of an indicator's values in two consecutive years, on the later year's boundaries. */
    public record YearStability(int fromYear, int toYear, double spearman, int areas) {
    }

    public record IndicatorSummary(Indicator indicator, boolean inStatusIndex, Coverage coverage,
                                   Distribution distribution, List<YearStability> stability) {
        /** Mean ρ over the year pairs, NaN if there is none. */
        public double meanStability() {
            return stability.stream().mapToDouble(YearStability::spearman).filter(d -> !Double.isNaN(d)).average()
                    .orElse(Double.NaN);
        }
    }

    /**
     * One candidate set of status indicators and what the method makes of it.
     *
     * @param kind           {@code configured}, {@code without} (one left out), {@code with} (one added) or
     *                       {@code given} (named by the user)
     * @param classAgreement share of the areas classed under both whose status class equals the configured one
     * @param rank           1 = the set whose first component explains the largest share of its variance
     */
    public record CandidateSet(String name, String kind, List<String> ids, IndexContribution contribution,
                               double classAgreement, int statusChanges, int rank) {
    }

    public record Report(int year, String level, double minPopulation, List<IndicatorSummary> indicators,
                         Correlations.CorrelationMatrix correlations, double redundancyThreshold,
                         List<Correlations.RedundantPair> redundant, List<CandidateSet> sets, List<String> notes) {
        public IndicatorSummary indicator(String id) {
            return indicators.stream().filter(s -> s.indicator().id().equals(id)).findFirst().orElse(null);
        }
    }

    /**
     * @param level      the level to analyse; null = the method's analysis level
     * @param candidates indicator ids; empty = every indicator of the catalog
     * @param givenSets  further candidate sets of status indicators to rank
     */
    public static Report analyse(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, DisclosureRules rules,
                                 int year, String level, List<String> candidates, List<List<String>> givenSets,
                                 double redundancyThreshold) {
        MethodConfig base = level == null || level.isBlank() ? cfg : MethodVariants.withLevel(cfg, level);
        Map<String, Indicator> byId = catalog.byId();
        List<String> ids = new ArrayList<>(candidates.isEmpty()
                ? catalog.indicators().stream().map(Indicator::id).toList() : candidates);
        for (String id : ids) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("indicator '" + id + "' is not in the catalog");
            }
        }
        MonitoringResult r = Monitoring.compute(in, catalog, base, year);
        int[] onLevel = r.analysisAreas();
        List<String> codes = new ArrayList<>();
        for (int a : onLevel) {
            codes.add(r.areas().code(a));
        }
        double[] pop = r.population();
        boolean[] large = new boolean[onLevel.length];
        int belowMin = 0;
        for (int i = 0; i < onLevel.length; i++) {
            double p = pop == null ? Double.NaN : pop[onLevel[i]];
            large[i] = !Double.isNaN(p) && p >= base.minPopulation();
            if (!large[i]) {
                belowMin++;
            }
        }
        Map<Integer, MonitoringResult> byYear = new LinkedHashMap<>();
        byYear.put(year, r);
        List<String> notes = new ArrayList<>();
        List<IndicatorSummary> summaries = new ArrayList<>();
        List<double[]> eligibleValues = new ArrayList<>();
        for (String id : ids) {
            Indicator ind = byId.get(id);
            IndicatorValues iv = r.current(id);
            double[] v = new double[onLevel.length];
            int withValue = 0;
            int withheld = 0;
            // a delivered share has no numerator: nothing for the primary rule to judge but the population
            String measure = ind.numerator() != null ? ind.numerator().toString() : String.valueOf(ind.delivered());
            double[] numerator = iv.numerator();
            for (int i = 0; i < onLevel.length; i++) {
                int a = onLevel[i];
                double value = iv.value()[a];
                if (!Double.isNaN(value)) {
                    withValue++;
                    double p = pop == null ? Double.NaN : pop[a];
                    if (numerator != null && rules.isPrimary(measure, numerator[a]) || !(p >= rules.minPopulationForRates())) {
                        withheld++;
                    }
                }
                v[i] = large[i] ? value : Double.NaN;
            }
            eligibleValues.add(v);
            Coverage cov = new Coverage(onLevel.length, withValue, onLevel.length - withValue, withheld, belowMin);
            summaries.add(new IndicatorSummary(ind, base.statusIndicators().containsKey(id), cov,
                    Distribution.of(v, codes), stability(in, catalog, base, year, id, byYear, notes)));
        }
        Correlations.CorrelationMatrix matrix = Correlations.matrix(ids, eligibleValues);
        List<CandidateSet> sets = candidateSets(in, catalog, base, year, r, ids, givenSets, redundancyThreshold);
        return new Report(year, r.analysisLevel(), base.minPopulation(), List.copyOf(summaries), matrix, redundancyThreshold,
                matrix.redundant(redundancyThreshold), sets, List.copyOf(notes));
    }

    private static List<YearStability> stability(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year,
                                                 String id, Map<Integer, MonitoringResult> byYear, List<String> notes) {
        List<YearStability> out = new ArrayList<>();
        for (int y : in.years()) {
            if (y > year || !in.hasYear(y - 1)) {
                continue;
            }
            MonitoringResult ry = byYear.computeIfAbsent(y, k -> {
                try {
                    return Monitoring.compute(in, catalog, cfg, k);
                } catch (IllegalArgumentException e) {
                    notes.add(k + ": " + e.getMessage());
                    return null;
                }
            });
            if (ry == null) {
                continue;
            }
            IndicatorValues now = ry.current(id);
            IndicatorValues before = ry.values(id, y - 1);
            if (now == null || before == null) {
                continue;
            }
            int[] areas = ry.analysisAreas();
            double[] x = new double[areas.length];
            double[] z = new double[areas.length];
            double[] pop = ry.population();
            for (int i = 0; i < areas.length; i++) {
                int a = areas[i];
                boolean large = pop != null && pop[a] >= cfg.minPopulation();
                x[i] = large ? before.value()[a] : Double.NaN;
                z[i] = large ? now.value()[a] : Double.NaN;
            }
            out.add(new YearStability(y - 1, y, Correlations.spearman(x, z), Correlations.pairs(x, z)));
        }
        return List.copyOf(out);
    }

    private static List<CandidateSet> candidateSets(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year,
                                                    MonitoringResult configured, List<String> candidates,
                                                    List<List<String>> givenSets, double redundancyThreshold) {
        List<String> status = new ArrayList<>(cfg.statusIndicators().keySet());
        record Named(String name, String kind, List<String> ids) {
        }
        List<Named> named = new ArrayList<>();
        named.add(new Named("configured", "configured", status));
        if (status.size() > 2) {
            for (String id : status) {
                List<String> without = new ArrayList<>(status);
                without.remove(id);
                named.add(new Named("-" + id, "without", without));
            }
        }
        for (String id : candidates) {
            if (!status.contains(id)) {
                List<String> with = new ArrayList<>(status);
                with.add(id);
                named.add(new Named("+" + id, "with", with));
            }
        }
        for (List<String> g : givenSets) {
            named.add(new Named(String.join(",", g), "given", List.copyOf(g)));
        }
        List<CandidateSet> sets = new ArrayList<>();
        for (Named n : named) {
            MonitoringResult r = n.kind().equals("configured") ? configured
                    : Monitoring.compute(in, catalog, MethodVariants.withStatusSet(cfg, n.ids()), year);
            IndexContribution c = IndexContribution.of(r.status());
            int same = 0;
            int both = 0;
            for (int a : configured.analysisAreas()) {
                StatusClass before = configured.statusClass()[a];
                int b = r.areas().indexOf(configured.areas().code(a));
                StatusClass after = b < 0 ? null : r.statusClass()[b];
                if (before != null && after != null) {
                    both++;
                    if (before == after) {
                        same++;
                    }
                }
            }
            sets.add(new CandidateSet(n.name(), n.kind(), n.ids(), c, both == 0 ? Double.NaN : (double) same / both,
                    both - same, 0));
        }
        List<CandidateSet> ranked = new ArrayList<>(sets);
        ranked.sort(Comparator.comparingDouble((CandidateSet s) -> {
            double share = s.contribution().pc1().share();
            return Double.isNaN(share) ? Double.NEGATIVE_INFINITY : share;
        }).reversed());
        List<CandidateSet> out = new ArrayList<>();
        for (CandidateSet s : sets) {
            out.add(new CandidateSet(s.name(), s.kind(), s.ids(), s.contribution(), s.classAgreement(), s.statusChanges(),
                    ranked.indexOf(s) + 1));
        }
        return List.copyOf(out);
    }
}
