package de.sozialmonitor.method;

import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.model.TargetGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The method of METHOD.md as one pure function: {@link #compute}. No I/O; everything it needs is in
 * the {@link MonitoringInput}, everything it finds is in the {@link MonitoringResult}.
 */
public final class Monitoring {
    /** Years before the result's year whose values are kept for the profiles' changes. */
    public static final int[] HISTORY = {1, 3, 5};

    public static final String POPULATION_BELOW_MINIMUM = "population_below_minimum";
    public static final String NO_BASE_YEAR = "no_base_year";
    public static final String TOO_FEW_AREAS = "too_few_areas";
    public static final String MISSING = "missing:";
    /** Prefix of the reason of an area excluded by hand ({@code method.exclude}): {@code manual:statistisch unsicher}. */
    public static final String MANUAL = "manual:";
    /** Areas named as examples in a note about missing figures. */
    static final int EXAMPLES = 5;

    private Monitoring() {
    }

    /**
     * Computes indicators, status and dynamics index, classes and attention flags of {@code year}.
     *
     * @throws IllegalArgumentException if the configuration names an unknown indicator or level, or
     *                                  no area is valid in {@code year}
     */
    public static MonitoringResult compute(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year) {
        return new Run(in, catalog, cfg, year).run();
    }

    /**
     * Numerator, denominator and value of every catalog indicator (its own target group) for
     * {@code countYear}, on the boundary version of {@code resultYear} and in the {@link AreaTable} order
     * of {@code compute(in, catalog, cfg, resultYear)}: the counts from which that result's values of
     * {@code countYear} were formed (the result keeps them too, for every year it holds).
     * The class certainty ({@code analysis.Certainty}) resamples these counts.
     */
    public static List<IndicatorValues> countsOnBoundaries(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg,
                                                           int resultYear, int countYear) {
        Run run = new Run(in, catalog, cfg, resultYear);
        run.buildAreas();
        List<IndicatorValues> out = new ArrayList<>();
        if (!in.hasYear(countYear)) {
            return out;
        }
        Run.Counts counts = run.new Counts(countYear);
        for (Indicator ind : catalog.indicators()) {
            out.add(run.evaluate(ind, ind.targetGroup().key(), counts));
        }
        return out;
    }

    private static final class Run {
        final MonitoringInput in;
        final IndicatorCatalog catalog;
        final MethodConfig cfg;
        final int year;
        final int baseYear;
        AreaTable areas;
        int[] resultToCode;
        int[] codeToResult;
        boolean[] hasChildren;
        int[] deepestFirst;
        final List<String> notes = new ArrayList<>();

        Run(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year) {
            this.in = in;
            this.catalog = catalog;
            this.cfg = cfg;
            this.year = year;
            this.baseYear = year - cfg.dynamicsYears();
        }

        MonitoringResult run() {
            Map<String, Indicator> byId = catalog.byId();
            for (String id : cfg.statusIndicators().keySet()) {
                requireIndicator(byId, id, "status");
            }
            for (String id : cfg.dynamicsIndicators().keySet()) {
                requireIndicator(byId, id, "dynamics");
            }
            buildAreas();
            String level = analysisLevel();
            int n = areas.size();

            // indicator values with numerator and denominator: the result's year with its breakdowns, the base
            // and history years as the catalog defines them (a release publishes or withholds their counts
            // under the same rules as the release year's, so it needs them)
            List<IndicatorValues> values = new ArrayList<>();
            Map<String, double[]> current = new LinkedHashMap<>();
            Map<String, double[]> deliveredChange = new LinkedHashMap<>();
            Map<String, double[]> base = new LinkedHashMap<>();
            double[] population;
            {
                Counts counts = new Counts(year);
                population = counts.get(new MonitoringInput.SeriesKey(cfg.populationVariable(), ""));
                for (Indicator ind : catalog.indicators()) {
                    IndicatorValues v = evaluate(ind, ind.targetGroup().key(), counts);
                    values.add(v);
                    current.put(ind.id(), v.value());
                    if (v.change() != null) {
                        deliveredChange.put(ind.id(), v.change());
                    }
                }
                values.addAll(breakdowns(counts));
                noteMissingInputs(counts, byId);
            }
            Set<Integer> otherYears = new LinkedHashSet<>();
            otherYears.add(baseYear);
            for (int h : HISTORY) {
                otherYears.add(year - h);
            }
            double[] basePopulation = null;
            for (int y : otherYears) {
                if (!in.hasYear(y)) {
                    continue;
                }
                Counts counts = new Counts(y);
                for (Indicator ind : catalog.indicators()) {
                    IndicatorValues v = evaluate(ind, ind.targetGroup().key(), counts);
                    values.add(v);
                    if (y == baseYear) {
                        base.put(ind.id(), v.value());
                    }
                }
                if (y == baseYear) {
                    basePopulation = counts.get(new MonitoringInput.SeriesKey(cfg.populationVariable(), ""));
                }
            }

            // participation
            int[] analysis = areas.onLevel(level);
            noteUnknownExclusions(analysis);
            String[] excluded = new String[n];
            List<Integer> statusIn = new ArrayList<>();
            for (int a : analysis) {
                String reason = statusExclusion(a, population, current);
                if (reason == null) {
                    statusIn.add(a);
                } else {
                    excluded[a] = reason;
                }
            }
            int[] statusParticipants = toArray(statusIn);
            List<String> statusIds = new ArrayList<>(cfg.statusIndicators().keySet());
            Map<String, double[]> statusInput = new LinkedHashMap<>();
            for (String id : statusIds) {
                double[] v = current.get(id);
                int sign = byId.get(id).polarity().sign();
                double[] x = Standardisation.nanArray(n);
                for (int a : analysis) {
                    x[a] = sign * v[a];
                }
                statusInput.put(id, x);
            }
            ComponentResult status = Standardisation.standardise(ComponentStat.STATUS, statusIds, statusInput,
                    weights(cfg.statusIndicators()), statusParticipants, n, cfg.sampleStandardDeviation());
            noteLeftOut(status);

            List<String> dynIds = new ArrayList<>(cfg.dynamicsIndicators().keySet());
            List<Integer> dynIn = new ArrayList<>();
            // an indicator with a delivered change needs no base year; the others compare with t - k
            boolean needBase = dynIds.stream().anyMatch(id -> !deliveredChange.containsKey(id));
            boolean haveBase = !base.isEmpty();
            if (needBase && !haveBase) {
                notes.add(MethodNotes.of("baseYearMissing", baseYear));
            }
            for (int a : statusParticipants) {
                String reason = null;
                for (String id : dynIds) {
                    if (Double.isNaN(current.get(id)[a])) {
                        reason = MISSING + id;
                        break;
                    }
                }
                for (String id : dynIds) {
                    if (reason == null && deliveredChange.containsKey(id) && Double.isNaN(deliveredChange.get(id)[a])) {
                        reason = MISSING + byId.get(id).change();
                    }
                }
                if (reason == null && needBase && (!haveBase || statusExclusion(a, basePopulation, base) != null)) {
                    reason = NO_BASE_YEAR;
                }
                if (reason == null && needBase) {
                    for (String id : dynIds) {
                        if (!deliveredChange.containsKey(id) && Double.isNaN(base.get(id)[a])) {
                            reason = NO_BASE_YEAR;
                            break;
                        }
                    }
                }
                if (reason == null) {
                    dynIn.add(a);
                } else {
                    excluded[a] = reason;
                }
            }
            int[] dynParticipants = toArray(dynIn);
            Map<String, double[]> dynInput = new LinkedHashMap<>();
            for (String id : dynIds) {
                double[] x = Standardisation.nanArray(n);
                int sign = byId.get(id).polarity().sign();
                if (deliveredChange.containsKey(id)) {
                    double[] change = deliveredChange.get(id);
                    for (int a : analysis) {
                        x[a] = sign * change[a];
                    }
                } else if (haveBase) {
                    double[] now = current.get(id);
                    double[] then = base.get(id);
                    for (int a : analysis) {
                        x[a] = sign * (now[a] - then[a]);
                    }
                }
                dynInput.put(id, x);
            }
            ComponentResult dynamics = Standardisation.standardise(ComponentStat.DYNAMICS, dynIds, dynInput,
                    weights(cfg.dynamicsIndicators()), dynParticipants, n, cfg.sampleStandardDeviation());
            noteLeftOut(dynamics);

            StatusClass[] sc = new StatusClass[n];
            DynamicsClass[] dc = new DynamicsClass[n];
            boolean[] attention = new boolean[n];
            for (int a : statusParticipants) {
                sc[a] = Classification.statusClass(status.index()[a], cfg.statusThresholds());
                if (sc[a] == null) {
                    excluded[a] = TOO_FEW_AREAS;
                }
            }
            for (int a : dynParticipants) {
                dc[a] = Classification.dynamicsClass(dynamics.index()[a], cfg.dynamicsThresholds());
                if (dc[a] == null && excluded[a] == null) {
                    excluded[a] = TOO_FEW_AREAS;
                }
            }
            for (int a : analysis) {
                attention[a] = sc[a] != null && Classification.attention(cfg.attentionRule(), sc[a], dc[a]);
            }
            return new MonitoringResult(year, baseYear, cfg, catalog, level, areas, population, List.copyOf(values),
                    status, dynamics, sc, dc, attention, excluded, List.copyOf(notes), in.provenance());
        }

        private void noteLeftOut(ComponentResult c) {
            if (c.participants() == 0) {
                // the exclusion reasons say why; without base year data a note has been made already
                if (c.component().equals(ComponentStat.STATUS)
                        || notes.stream().noneMatch(n -> MethodNotes.key(n).equals("baseYearMissing"))) {
                    notes.add(MethodNotes.of("noArea", c.component(), year));
                }
                return;
            }
            if (c.participants() < 2) {
                notes.add(MethodNotes.of("fewerThanTwo", c.component(), year));
                return;
            }
            for (ComponentStat s : c.stats()) {
                if (!s.leftOut()) {
                    continue;
                }
                if (s.indicatorId().equals(ComponentStat.INDEX)) {
                    notes.add(MethodNotes.of("indexNotComputable", c.component(), s.n()));
                } else {
                    notes.add(MethodNotes.of("indicatorLeftOut", c.component(), year, s.indicatorId(),
                            s.n() < 2 ? "fewerThanTwo" : "sdZero"));
                }
            }
        }

        /**
         * Names what the index lacks, so that "no area takes part" never stands alone: a variable of a
         * status or dynamics indicator that has no figure for any area of the analysis level in the
         * year, or none for some of them (with examples); and a delivered share without a base, which
         * has no aggregate values.
         */
        private void noteMissingInputs(Counts counts, Map<String, Indicator> byId) {
            int[] analysis = areas.onLevel(analysisLevel());
            Map<String, List<String>> neededBy = new LinkedHashMap<>();
            Set<String> indexIndicators = new LinkedHashSet<>(cfg.statusIndicators().keySet());
            indexIndicators.addAll(cfg.dynamicsIndicators().keySet());
            for (String id : indexIndicators) {
                Indicator ind = byId.get(id);
                Set<String> vars = new LinkedHashSet<>(ind.variables());
                if (ind.change() != null && cfg.dynamicsIndicators().containsKey(id)) {
                    vars.add(ind.change());
                }
                for (String v : vars) {
                    neededBy.computeIfAbsent(v, k -> new ArrayList<>()).add(id);
                }
            }
            if (!neededBy.containsKey(cfg.populationVariable())) {
                neededBy.put(cfg.populationVariable(), List.of(cfg.populationVariable()));
            }
            neededBy.forEach((variable, ids) -> {
                String group = ids.size() == 1 && byId.containsKey(ids.get(0)) ? byId.get(ids.get(0)).targetGroup().key() : "";
                double[] v = counts.get(new MonitoringInput.SeriesKey(variable, group));
                List<String> without = new ArrayList<>();
                for (int a : analysis) {
                    if ((v == null || Double.isNaN(v[a])) && !cfg.exclude().containsKey(areas.code(a))) {
                        without.add(areas.name(a) + " (" + areas.code(a) + ")");
                    }
                }
                if (without.isEmpty()) {
                    return;
                }
                if (without.size() == analysis.length) {
                    notes.add(MethodNotes.of("notDelivered", year, variable, String.join(", ", ids)));
                } else {
                    notes.add(MethodNotes.of("missingVariable", year, variable, String.join(", ", ids), without.size(),
                            analysis.length, String.join(", ", without.subList(0, Math.min(EXAMPLES, without.size())))));
                }
            });
            for (Indicator ind : catalog.indicators()) {
                if (ind.isDelivered() && catalog.variable(ind.delivered()).map(x -> x.base() == null).orElse(true)
                        && areas.size() > analysis.length) {
                    notes.add(MethodNotes.of("noAggregate", ind.id()));
                }
            }
        }

        private void noteUnknownExclusions(int[] analysis) {
            Set<String> codes = new java.util.HashSet<>();
            for (int a : analysis) {
                codes.add(areas.code(a));
            }
            for (String code : cfg.exclude().keySet()) {
                if (!codes.contains(code)) {
                    notes.add(MethodNotes.of("excludeUnknown", code, year));
                }
            }
        }

        private String statusExclusion(int a, double[] population, Map<String, double[]> values) {
            String manual = cfg.exclude().get(areas.code(a));
            if (manual != null) {
                return MANUAL + manual;
            }
            if (population == null || Double.isNaN(population[a])) {
                return MISSING + cfg.populationVariable();
            }
            if (population[a] < cfg.minPopulation()) {
                return POPULATION_BELOW_MINIMUM;
            }
            for (String id : cfg.statusIndicators().keySet()) {
                if (Double.isNaN(values.get(id)[a])) {
                    return MISSING + id;
                }
            }
            return null;
        }

        private static void requireIndicator(Map<String, Indicator> byId, String id, String what) {
            if (!byId.containsKey(id)) {
                throw new MethodInputException("error.unknownIndicator", what, id);
            }
        }

        private static double[] weights(Map<String, Double> m) {
            return m.values().stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static int[] toArray(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }

        private boolean additive(String variable) {
            return catalog.variable(variable).map(v -> v.kind().additive()).orElse(true);
        }

        /** The areas valid on 31 December of the result's year: the boundary version everything is computed on. */
        private void buildAreas() {
            int codes = in.codeCount();
            int[] versionOf = new int[codes];
            Arrays.fill(versionOf, -1);
            long ref = LocalDate.of(year, 12, 31).toEpochDay();
            for (int v = 0; v < in.versionCount(); v++) {
                if (in.versionValidOn(v, ref)) {
                    versionOf[in.versionCode(v)] = v; // a later version of the same code wins
                }
            }
            int count = 0;
            for (int c = 0; c < codes; c++) {
                if (versionOf[c] >= 0) {
                    count++;
                }
            }
            if (count == 0) {
                throw new MethodInputException("error.noArea", year);
            }
            resultToCode = new int[count];
            codeToResult = new int[codes];
            Arrays.fill(codeToResult, -1);
            String[] c = new String[count];
            String[] names = new String[count];
            String[] levels = new String[count];
            String[] parents = new String[count];
            int r = 0;
            for (int code = 0; code < codes; code++) {
                int v = versionOf[code];
                if (v < 0) {
                    continue;
                }
                resultToCode[r] = code;
                codeToResult[code] = r;
                c[r] = in.code(code);
                names[r] = in.versionName(v);
                levels[r] = in.versionLevel(v);
                parents[r] = in.versionParent(v);
                r++;
            }
            areas = AreaTable.of(c, names, levels, parents);
            hasChildren = new boolean[count];
            for (int i = 0; i < count; i++) {
                if (areas.parent(i) >= 0) {
                    hasChildren[areas.parent(i)] = true;
                }
            }
            deepestFirst = areas.deepestFirst();
        }

        /** The configured level, else the lowest level present (by the level order, else by depth). */
        private String analysisLevel() {
            Set<String> present = new LinkedHashSet<>();
            for (int i = 0; i < areas.size(); i++) {
                present.add(areas.level(i));
            }
            if (cfg.analysisLevel() != null && !cfg.analysisLevel().isBlank()) {
                if (!present.contains(cfg.analysisLevel())) {
                    throw new MethodInputException("error.noLevel", cfg.analysisLevel(), year, String.join(", ", present));
                }
                return cfg.analysisLevel();
            }
            List<String> order = in.levels();
            for (int i = order.size() - 1; i >= 0; i--) {
                if (present.contains(order.get(i))) {
                    return order.get(i);
                }
            }
            int best = 0;
            for (int i = 1; i < areas.size(); i++) {
                if (areas.depth(i) > areas.depth(best)) {
                    best = i;
                }
            }
            return areas.level(best);
        }

        private IndicatorValues evaluate(Indicator ind, String group, Counts counts) {
            if (ind.isDelivered()) {
                return delivered(ind, group, counts);
            }
            int n = areas.size();
            double[] num = combine(ind.numerator(), group, counts);
            double[] den = combine(ind.denominator(), group, counts);
            double[] value = new double[n];
            double scale = ind.scale();
            double minDen = ind.minDenominator();
            for (int a = 0; a < n; a++) {
                double d = den[a];
                // a denominator of 0 (or below the indicator's minimum) makes the value missing, never 0
                value[a] = d > 0 && d >= minDen ? scale * num[a] / d : Double.NaN;
            }
            return new IndicatorValues(ind.id(), group, counts.year, num, den, value, deliveredChange(ind, group, counts));
        }

        /**
         * An indicator over a delivered share: the share itself where an area has one; for an area
         * without (a municipality, the county) the mean of its parts' shares weighted by the share's base
         * variable (what the ratio of sums would be), and nothing without a base. One part without a
         * share makes the aggregate missing, as with counts. No counts: numerator and denominator NaN.
         */
        private IndicatorValues delivered(Indicator ind, String group, Counts counts) {
            int n = areas.size();
            double[] own = counts.get(new MonitoringInput.SeriesKey(ind.delivered(), group));
            double[] value = Standardisation.nanArray(n);
            if (own != null) {
                System.arraycopy(own, 0, value, 0, n);
                String baseName = catalog.variable(ind.delivered()).map(de.sozialmonitor.model.Variable::base).orElse(null);
                double[] base = baseName == null ? null : counts.get(new MonitoringInput.SeriesKey(baseName, group));
                if (base != null) {
                    double[] weighted = new double[n];
                    double[] weight = new double[n];
                    boolean[] summed = new boolean[n];
                    for (int a = 0; a < n; a++) {
                        if (!Double.isNaN(own[a])) {
                            weighted[a] = own[a] * base[a];
                            weight[a] = base[a];
                        } else if (hasChildren[a]) {
                            summed[a] = true;
                        } else {
                            weighted[a] = Double.NaN;
                            weight[a] = Double.NaN;
                        }
                    }
                    for (int a : deepestFirst) {
                        int p = areas.parent(a);
                        if (p >= 0 && summed[p]) {
                            weighted[p] += weighted[a];
                            weight[p] += weight[a];
                        }
                    }
                    for (int a = 0; a < n; a++) {
                        if (summed[a]) {
                            value[a] = weight[a] > 0 ? weighted[a] / weight[a] : Double.NaN;
                        }
                    }
                }
            }
            double[] none = Standardisation.nanArray(n);
            return new IndicatorValues(ind.id(), group, counts.year, none, none, value, deliveredChange(ind, group, counts));
        }

        /** The delivered change of an indicator that names one, in its own values' areas only (changes are never summed). */
        private double[] deliveredChange(Indicator ind, String group, Counts counts) {
            if (ind.change() == null || counts.year != year) {
                return null;
            }
            double[] c = counts.get(new MonitoringInput.SeriesKey(ind.change(), group));
            return c != null ? c : Standardisation.nanArray(areas.size());
        }

        private double[] combine(LinearExpression e, String group, Counts counts) {
            if (e.terms().size() == 1 && e.terms().get(0).sign() > 0) {
                // a single variable: the prepared counts themselves (never modified afterwards), no copy
                double[] v = counts.get(new MonitoringInput.SeriesKey(e.terms().get(0).variable(), group));
                if (v != null) {
                    return v;
                }
            }
            double[] out = new double[areas.size()];
            for (LinearExpression.Term t : e.terms()) {
                double[] v = counts.get(new MonitoringInput.SeriesKey(t.variable(), group));
                if (v == null) {
                    Arrays.fill(out, Double.NaN);
                    return out;
                }
                for (int a = 0; a < out.length; a++) {
                    out[a] += t.sign() * v[a];
                }
            }
            return out;
        }

        /** Every target group delivered for all variables of an indicator, within the indicator's own filter. */
        private List<IndicatorValues> breakdowns(Counts counts) {
            Map<String, Set<String>> groupsByVariable = new HashMap<>();
            for (MonitoringInput.SeriesKey k : in.seriesKeys()) {
                if (!k.targetGroup().isEmpty() && in.counts(k, year) != null) {
                    groupsByVariable.computeIfAbsent(k.variable(), x -> new LinkedHashSet<>()).add(k.targetGroup());
                }
            }
            List<IndicatorValues> out = new ArrayList<>();
            for (Indicator ind : catalog.indicators()) {
                Set<String> common = null;
                for (String var : ind.variables()) {
                    Set<String> g = groupsByVariable.getOrDefault(var, Set.of());
                    if (common == null) {
                        common = new LinkedHashSet<>(g);
                    } else {
                        common.retainAll(g);
                    }
                }
                if (common == null) {
                    continue;
                }
                common.stream().sorted().forEach(g -> {
                    if (!g.equals(ind.targetGroup().key()) && TargetGroup.parse(g).matches(ind.targetGroup())) {
                        out.add(evaluate(ind, g, counts));
                    }
                });
            }
            return out;
        }

        /**
         * The counts of one year on the result's boundary version: predecessor counts carried to their
         * successors by the change table, then summed up the area hierarchy where an area has no count
         * of its own (ratio of sums). Prepared lazily per series.
         */
        private final class Counts {
            final int year;
            final Map<MonitoringInput.SeriesKey, double[]> cache = new HashMap<>();
            final List<BoundaryChange> changes;

            Counts(int year) {
                this.year = year;
                LocalDate ref = LocalDate.of(year, 12, 31);
                LocalDate resultRef = LocalDate.of(Run.this.year, 12, 31);
                List<BoundaryChange> c = new ArrayList<>();
                for (BoundaryChange bc : in.boundaryChanges()) {
                    // only changes between this year and the result's year: the result's boundary version
                    if (ref.isBefore(bc.changeDate()) && !bc.changeDate().isAfter(resultRef)) {
                        c.add(bc);
                    }
                }
                c.sort(Comparator.comparing(BoundaryChange::changeDate));
                this.changes = c;
            }

            double[] get(MonitoringInput.SeriesKey key) {
                if (cache.containsKey(key)) {
                    return cache.get(key);
                }
                double[] v = prepare(key);
                cache.put(key, v);
                return v;
            }

            private double[] prepare(MonitoringInput.SeriesKey key) {
                double[] raw = in.counts(key, year);
                if (raw == null) {
                    return null;
                }
                int n = areas.size();
                double[] out = new double[n];
                for (int r = 0; r < n; r++) {
                    out[r] = raw[resultToCode[r]];
                }
                if (!additive(key.variable())) {
                    return out; // a share, rate or change is neither carried across boundary changes nor summed
                }
                if (!changes.isEmpty()) {
                    carry(raw, out);
                }
                // an area without a count of its own and with children gets the sum of its children
                boolean[] summed = new boolean[n];
                for (int a = 0; a < n; a++) {
                    if (hasChildren[a] && Double.isNaN(out[a])) {
                        summed[a] = true;
                        out[a] = 0;
                    }
                }
                for (int a : deepestFirst) {
                    int p = areas.parent(a);
                    if (p >= 0 && summed[p]) {
                        out[p] += out[a]; // NaN of a child with a missing count makes the sum missing
                    }
                }
                return out;
            }

            /**
             * A successor receives weight x the predecessor's count; changes are applied in date order, so
             * that chains (A into B, later B into C) carry through. A predecessor keeps 1 - (sum of its
             * weights to other areas): nothing after a merger, the rest after a partial split. A successor
             * without a count of its own in that year starts from 0 (it did not exist yet); a missing count of
             * a predecessor that existed in that year makes the successor's count missing.
             */
            private void carry(double[] raw, double[] own) {
                Map<Integer, Double> temp = new HashMap<>();
                int i = 0;
                while (i < changes.size()) {
                    LocalDate date = changes.get(i).changeDate();
                    int j = i;
                    while (j < changes.size() && changes.get(j).changeDate().equals(date)) {
                        j++;
                    }
                    Map<Integer, Double> before = new HashMap<>();
                    Map<Integer, Double> outgoing = new HashMap<>();
                    for (BoundaryChange bc : changes.subList(i, j)) {
                        int p = in.indexOf(bc.predecessorCode());
                        int s = in.indexOf(bc.successorCode());
                        before.computeIfAbsent(p, c -> temp.containsKey(c) ? temp.get(c) : initial(raw, c, true));
                        before.computeIfAbsent(s, c -> temp.containsKey(c) ? temp.get(c) : initial(raw, c, false));
                        if (p != s) {
                            outgoing.merge(p, bc.weight(), Double::sum);
                        }
                    }
                    Map<Integer, Double> after = new HashMap<>(before);
                    outgoing.forEach((p, w) -> after.put(p, before.get(p) * Math.max(0, 1 - w)));
                    for (BoundaryChange bc : changes.subList(i, j)) {
                        int p = in.indexOf(bc.predecessorCode());
                        int s = in.indexOf(bc.successorCode());
                        if (p != s) {
                            after.merge(s, bc.weight() * before.get(p), Double::sum);
                        }
                    }
                    temp.putAll(after);
                    i = j;
                }
                temp.forEach((code, v) -> {
                    int r = codeToResult[code];
                    if (r >= 0) {
                        own[r] = v;
                    }
                });
            }

            private double initial(double[] raw, int code, boolean predecessor) {
                double v = code < raw.length ? raw[code] : Double.NaN;
                if (!Double.isNaN(v)) {
                    return v;
                }
                if (!predecessor) {
                    return 0;
                }
                for (int ver = 0; ver < in.versionCount(); ver++) {
                    if (in.versionCode(ver) == code && in.versionValid(ver, year)) {
                        return Double.NaN;
                    }
                }
                return 0;
            }
        }
    }
}
