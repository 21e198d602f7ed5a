package de.sozialmonitor.analysis;

import de.sozialmonitor.method.Classification;
import de.sozialmonitor.method.ComponentResult;
import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.method.Standardisation;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * How certain each area's class is. Every count behind the index (each index indicator's numerator,
 * in the result year and in the dynamics' base year, for every area that takes part) is treated as
 * uncertain ({@link CountModel}) and drawn anew; for each draw the status and dynamics index, the
 * classes and the attention flag are computed again, and the share of draws in which an area lands in
 * each class is its probability. Denominators and populations are held fixed, so the areas that take
 * part are the same in every draw.
 *
 * <p>The draws are made on the counts as the method uses them: on the boundary version of the result
 * year ({@link Monitoring#countsOnBoundaries}). A draw is then recomputed by the method's own
 * {@link Standardisation} and {@link Classification} over only the index indicators, instead of a full
 * {@link Monitoring#compute} (which also forms every profile indicator, history year and target group,
 * and would take 1,000 times as long); {@code CertaintyMatchesMonitoringProperties} proves for random
 * counties that every draw gives exactly the classes {@code Monitoring.compute} gives for the same
 * drawn counts.
 *
 * <p>Each draw has its own generator, seeded from ({@code seed}, draw number), so the result is the
 * same for any number of threads.
 */
public final class Certainty {
    /** Below this share of draws in which its class holds, an area is "knapp" (borderline). */
    public static final double BORDERLINE = 0.8;
    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    /** The resampling: count model, number of draws (at least 1,000 for a report), seed and threads. */
    public record Options(CountModel model, int draws, long seed, int threads) {
        public static final int DEFAULT_DRAWS = 1000;

        public Options {
            if (draws < 1) {
                throw new IllegalArgumentException("draws must be at least 1");
            }
            threads = Math.max(1, threads);
        }

        public static Options defaults() {
            return new Options(CountModel.POISSON, DEFAULT_DRAWS, 1, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * One area of the analysis level that takes part in the status index.
     *
     * @param statusProbability   per {@link StatusClass} (ordinal order), share of draws
     * @param dynamicsProbability per {@link DynamicsClass}; all 0 for an area without dynamics
     * @param attentionProbability share of draws in which the area carries the attention flag
     */
    public record AreaCertainty(String code, String name, StatusClass status, DynamicsClass dynamics, boolean attention,
                                double[] statusProbability, double[] dynamicsProbability, double attentionProbability) {
        /** Share of draws with the computed status class. */
        public double statusCertainty() {
            return status == null ? Double.NaN : statusProbability[status.ordinal()];
        }

        /** Share of draws with the computed dynamics class; NaN without dynamics. */
        public double dynamicsCertainty() {
            return dynamics == null ? Double.NaN : dynamicsProbability[dynamics.ordinal()];
        }

        /** Share of draws with the computed attention flag (set or not set). */
        public double attentionCertainty() {
            return attention ? attentionProbability : 1 - attentionProbability;
        }

        /** "knapp": the status class, the dynamics class or the attention flag holds in fewer than 80 % of draws. */
        public boolean borderline() {
            return below(statusCertainty()) || below(dynamicsCertainty()) || below(attentionCertainty());
        }

        public boolean statusBorderline() {
            return below(statusCertainty());
        }

        public boolean dynamicsBorderline() {
            return below(dynamicsCertainty());
        }

        public boolean attentionBorderline() {
            return below(attentionCertainty());
        }

        private static boolean below(double p) {
            return !Double.isNaN(p) && p < BORDERLINE;
        }
    }

    public record Report(int year, int baseYear, String level, Options options, List<AreaCertainty> areas,
                         List<String> notes) {
        public AreaCertainty area(String code) {
            return areas.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
        }

        public long borderlineCount() {
            return areas.stream().filter(AreaCertainty::borderline).count();
        }
    }

    /** The drawn numerators of one draw, per index indicator, over the areas that take part (status order). */
    public final class Draw {
        /** Numerator group g, participant p at {@code g * m + p}; the base year after all groups of the result year. */
        final double[] counts;

        Draw(double[] counts) {
            this.counts = counts;
        }

        /** Drawn numerator of an index indicator in the result year ({@code baseYear} false) or the base year, per participant. */
        public double[] numerator(String indicatorId, boolean baseYear) {
            int m = statusAreas.length;
            int from = ((baseYear ? groupCount : 0) + group[used.indexOf(indicatorId)]) * m;
            return java.util.Arrays.copyOfRange(counts, from, from + m);
        }
    }

    /** The classes of one draw, per participant (status order); dynamics null where the area has none. */
    public record DrawOutcome(StatusClass[] status, DynamicsClass[] dynamics, boolean[] attention, double[] statusIndex,
                              double[] dynamicsIndex) {
    }

    private final MonitoringResult baseline;
    private final MethodConfig cfg;
    private final Options options;
    private final List<String> notes = new ArrayList<>();
    /** Result-area index of each participant of the status index, ascending. */
    private final int[] statusAreas;
    /** Per participant of the dynamics index, its position among {@link #statusAreas}. */
    private final int[] dynamicsPositions;
    private final List<String> statusIds;
    private final List<String> dynamicsIds;
    private final double[] statusWeights;
    private final double[] dynamicsWeights;
    /** Index indicators (status then dynamics-only), and per indicator: scale, sign, numerator group, denominators. */
    private final List<String> used = new ArrayList<>();
    private final double[] scale;
    private final int[] sign;
    private final int[] group;
    private final double[][] denominatorNow;
    private final double[][] denominatorBase;
    /**
     * Per indicator and participant, the configured computation's status input and (per dynamics
     * participant) dynamics input: used where an indicator has no counts to draw (a delivered share,
     * rate or change), which is then held fixed.
     */
    private final double[][] fixedStatusInput;
    private final double[][] fixedDynamicsInput;
    private final int groupCount;
    /** Per status (dynamics) indicator, its place in {@link #used}. */
    private final int[] statusUsed;
    private final int[] dynamicsUsed;
    /**
     * The cells drawn, ordered by sampler so that each sampler's tables are read in one run (from the
     * cache): {@code cellPosition[c]} is the cell's place in {@link Draw#counts}, {@code cellSampler[c]}
     * its sampler in {@link #keys}.
     */
    private final int[] cellPosition;
    private final int[] cellSampler;
    private final List<SamplerKey> keys = new ArrayList<>();

    /** What a sampler draws from: Poisson(count) or Binomial(trials, count / trials). */
    private record SamplerKey(double count, long trials) {
    }

    private Certainty(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year, Options options) {
        this.cfg = cfg;
        this.options = options;
        this.baseline = Monitoring.compute(in, catalog, cfg, year);
        Map<String, Indicator> byId = catalog.byId();
        statusIds = new ArrayList<>(cfg.statusIndicators().keySet());
        dynamicsIds = new ArrayList<>(cfg.dynamicsIndicators().keySet());
        statusWeights = cfg.statusIndicators().values().stream().mapToDouble(Double::doubleValue).toArray();
        dynamicsWeights = cfg.dynamicsIndicators().values().stream().mapToDouble(Double::doubleValue).toArray();
        used.addAll(statusIds);
        for (String id : dynamicsIds) {
            if (!used.contains(id)) {
                used.add(id);
            }
        }
        statusAreas = participants(baseline.status());
        int[] dynAreas = participants(baseline.dynamics());
        Map<Integer, Integer> position = new HashMap<>();
        for (int p = 0; p < statusAreas.length; p++) {
            position.put(statusAreas[p], p);
        }
        dynamicsPositions = new int[dynAreas.length];
        for (int j = 0; j < dynAreas.length; j++) {
            dynamicsPositions[j] = position.get(dynAreas[j]);
        }
        boolean[] inDynamics = new boolean[statusAreas.length];
        for (int p : dynamicsPositions) {
            inDynamics[p] = true;
        }

        List<IndicatorValues> baseCounts = Monitoring.countsOnBoundaries(in, catalog, cfg, year, baseline.baseYear());
        int k = used.size();
        int m = statusAreas.length;
        scale = new double[k];
        sign = new int[k];
        group = new int[k];
        denominatorNow = new double[k][m];
        denominatorBase = new double[k][m];
        fixedStatusInput = new double[k][];
        fixedDynamicsInput = new double[k][];
        // indicators with the same numerator share one draw of it: one count, one uncertainty. The groups
        // are numbered in the order of their keys, not of the configuration, so that the draws do not
        // depend on how the parameters list the indicators (a release stores them sorted)
        Map<String, Integer> groups = new LinkedHashMap<>();
        used.stream().map(id -> groupKey(byId.get(id))).distinct().sorted().forEach(key -> groups.put(key, groups.size()));
        int groupTotal = groups.size();
        List<double[]> groupNow = new ArrayList<>(java.util.Collections.nCopies(groupTotal, null));
        List<double[]> groupBase = new ArrayList<>(java.util.Collections.nCopies(groupTotal, null));
        List<double[]> trialsNow = new ArrayList<>(java.util.Collections.nCopies(groupTotal, null));
        List<double[]> trialsBase = new ArrayList<>(java.util.Collections.nCopies(groupTotal, null));
        for (int i = 0; i < k; i++) {
            Indicator ind = byId.get(used.get(i));
            scale[i] = ind.scale();
            sign[i] = ind.polarity().sign();
            IndicatorValues now = baseline.current(ind.id());
            IndicatorValues then = baseCounts.stream().filter(v -> v.indicatorId().equals(ind.id())).findFirst().orElse(null);
            int g = groups.get(groupKey(ind));
            if (groupNow.get(g) == null) {
                groupNow.set(g, pick(now.numerator()));
                groupBase.set(g, then == null ? nan(m) : pick(then.numerator()));
                trialsNow.set(g, pick(now.denominator()));
                trialsBase.set(g, then == null ? nan(m) : pick(then.denominator()));
                // counts the method does not have (a delivered share) are not drawn: see fixedStatusInput
            }
            group[i] = g;
            double[] statusIn = baseline.status().input().get(ind.id());
            fixedStatusInput[i] = statusIn == null ? nan(m) : pick(statusIn);
            double[] dynIn = baseline.dynamics().input().get(ind.id());
            fixedDynamicsInput[i] = new double[dynAreas.length];
            for (int j = 0; j < dynAreas.length; j++) {
                fixedDynamicsInput[i][j] = dynIn == null ? Double.NaN : dynIn[dynAreas[j]];
            }
            if (java.util.Arrays.stream(pick(now.numerator())).allMatch(Double::isNaN)) {
                notes.add(ind.id() + ": no counts (a delivered share, rate or change): held fixed in every draw");
            }
            denominatorNow[i] = pick(now.denominator());
            denominatorBase[i] = then == null ? nan(m) : pick(then.denominator());
        }
        groupCount = groups.size();
        statusUsed = statusIds.stream().mapToInt(used::indexOf).toArray();
        dynamicsUsed = dynamicsIds.stream().mapToInt(used::indexOf).toArray();
        Map<SamplerKey, Integer> keyIndex = new HashMap<>();
        List<int[]> cells = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            for (int p = 0; p < m; p++) {
                int now = keyOf(groupNow.get(g)[p], trialsNow.get(g)[p], keyIndex);
                if (now >= 0) {
                    cells.add(new int[] {g * m + p, now});
                }
                int then = inDynamics[p] ? keyOf(groupBase.get(g)[p], trialsBase.get(g)[p], keyIndex) : -1;
                if (then >= 0) {
                    cells.add(new int[] {(groupCount + g) * m + p, then});
                }
            }
        }
        // ordered by sampler, then position: one primitive sort of (sampler, position) packed into a long
        long[] order = new long[cells.size()];
        for (int c = 0; c < order.length; c++) {
            order[c] = ((long) cells.get(c)[1] << 32) | cells.get(c)[0];
        }
        java.util.Arrays.sort(order);
        cellPosition = new int[order.length];
        cellSampler = new int[order.length];
        for (int c = 0; c < order.length; c++) {
            cellSampler[c] = (int) (order[c] >>> 32);
            cellPosition[c] = (int) order[c];
        }
    }

    /**
     * Prepares the resampling of {@code year}: computes the method once as configured, and reads the counts
     * of the result year and the base year on the result's boundaries.
     */
    public static Certainty prepare(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year, Options options) {
        return new Certainty(in, catalog, cfg, year, options);
    }

    /** Prepares and runs all draws. */
    public static Report estimate(MonitoringInput in, IndicatorCatalog catalog, MethodConfig cfg, int year, Options options) {
        return prepare(in, catalog, cfg, year, options).run();
    }

    public MonitoringResult baseline() {
        return baseline;
    }

    /** Area codes of the participants of the status index, in the order of every per-participant array. */
    public List<String> participantCodes() {
        List<String> out = new ArrayList<>();
        for (int a : statusAreas) {
            out.add(baseline.areas().code(a));
        }
        return out;
    }

    /** A generator of draws with its own random generator and samplers; one per thread. */
    public Sampler sampler() {
        return new Sampler();
    }

    public final class Sampler {
        private final RestorableUniformRandomProvider rng = SOURCE.create(0L);
        private final DiscreteSampler[] samplers = new DiscreteSampler[keys.size()];

        private Sampler() {
            for (int i = 0; i < samplers.length; i++) {
                samplers[i] = create(rng, keys.get(i), options.model());
            }
        }

        /** Draw number {@code d} (the same numbers for the same seed and d, whatever the thread). */
        public Draw draw(int d) {
            return new Draw(drawInto(d, nan(2 * groupCount * statusAreas.length)));
        }

        /**
         * Draw number {@code d} into {@code counts}, which holds NaN in every cell that is not drawn: the
         * drawn cells are the same in every draw, so one buffer serves all draws of a thread (no allocation
         * and no refill per draw).
         */
        double[] drawInto(int d, double[] counts) {
            rng.restoreState(SOURCE.create(options.seed() * 0x9E3779B97F4A7C15L + d).saveState());
            int[] position = cellPosition;
            int[] sampler = cellSampler;
            DiscreteSampler[] s = samplers;
            for (int c = 0; c < position.length; c++) {
                counts[position[c]] = s[sampler[c]].sample();
            }
            return counts;
        }
    }

    /** The method's classes for the counts of one draw. */
    public DrawOutcome classify(Draw draw) {
        int m = statusAreas.length;
        double[] counts = draw.counts;
        int[] all = identity(m);
        // the same arithmetic as Monitoring: value = scale * numerator / denominator, input = sign * value
        Map<String, double[]> statusInput = new LinkedHashMap<>();
        for (int k = 0; k < statusIds.size(); k++) {
            String id = statusIds.get(k);
            int i = statusUsed[k];
            int offset = group[i] * m;
            double[] den = denominatorNow[i];
            double[] x = new double[m];
            for (int p = 0; p < m; p++) {
                double num = counts[offset + p];
                x[p] = Double.isNaN(num) ? fixedStatusInput[i][p] : sign[i] * (scale[i] * num / den[p]);
            }
            statusInput.put(id, x);
        }
        ComponentResult status = Standardisation.standardise(ComponentStat.STATUS, statusIds, statusInput, statusWeights, all, m,
                cfg.sampleStandardDeviation());
        int m2 = dynamicsPositions.length;
        Map<String, double[]> dynInput = new LinkedHashMap<>();
        for (int k = 0; k < dynamicsIds.size(); k++) {
            String id = dynamicsIds.get(k);
            int i = dynamicsUsed[k];
            int offsetNow = group[i] * m;
            int offsetBase = (groupCount + group[i]) * m;
            double[] x = new double[m2];
            for (int j = 0; j < m2; j++) {
                int p = dynamicsPositions[j];
                double numNow = counts[offsetNow + p];
                double numThen = counts[offsetBase + p];
                if (Double.isNaN(numNow) || Double.isNaN(numThen)) {
                    x[j] = fixedDynamicsInput[i][j];
                    continue;
                }
                double now = scale[i] * numNow / denominatorNow[i][p];
                double then = scale[i] * numThen / denominatorBase[i][p];
                x[j] = sign[i] * (now - then);
            }
            dynInput.put(id, x);
        }
        ComponentResult dynamics = Standardisation.standardise(ComponentStat.DYNAMICS, dynamicsIds, dynInput, dynamicsWeights,
                identity(m2), m2, cfg.sampleStandardDeviation());
        StatusClass[] sc = new StatusClass[m];
        DynamicsClass[] dc = new DynamicsClass[m];
        boolean[] attention = new boolean[m];
        double[] dynIndex = nan(m);
        for (int p = 0; p < m; p++) {
            sc[p] = Classification.statusClass(status.index()[p], cfg.statusThresholds());
        }
        for (int j = 0; j < m2; j++) {
            int p = dynamicsPositions[j];
            dc[p] = Classification.dynamicsClass(dynamics.index()[j], cfg.dynamicsThresholds());
            dynIndex[p] = dynamics.index()[j];
        }
        for (int p = 0; p < m; p++) {
            attention[p] = sc[p] != null && Classification.attention(cfg.attentionRule(), sc[p], dc[p]);
        }
        return new DrawOutcome(sc, dc, attention, status.index(), dynIndex);
    }

    /** All draws, on {@code options.threads()} threads. */
    public Report run() {
        int m = statusAreas.length;
        int threads = Math.min(options.threads(), options.draws());
        Tally total = new Tally(m);
        if (m > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "certainty");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Tally>> parts = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int from = (int) ((long) options.draws() * w / threads);
                    int to = (int) ((long) options.draws() * (w + 1) / threads);
                    parts.add(pool.submit(() -> {
                        Tally t = new Tally(m);
                        Sampler s = sampler();
                        Draw buffer = new Draw(nan(2 * groupCount * m));
                        for (int d = from; d < to; d++) {
                            s.drawInto(d, buffer.counts);
                            t.add(classify(buffer));
                        }
                        return t;
                    }));
                }
                for (Future<Tally> f : parts) {
                    total.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        } else {
            notes.add("no area takes part in the status index: no certainty");
        }
        double n = options.draws();
        List<AreaCertainty> areas = new ArrayList<>();
        for (int p = 0; p < m; p++) {
            int a = statusAreas[p];
            double[] sp = new double[StatusClass.values().length];
            double[] dp = new double[DynamicsClass.values().length];
            for (int c = 0; c < sp.length; c++) {
                sp[c] = total.status[p][c] / n;
            }
            for (int c = 0; c < dp.length; c++) {
                dp[c] = total.dynamics[p][c] / n;
            }
            areas.add(new AreaCertainty(baseline.areas().code(a), baseline.areas().name(a), baseline.statusClass()[a],
                    baseline.dynamicsClass()[a], baseline.attention()[a], sp, dp, total.attention[p] / n));
        }
        return new Report(baseline.year(), baseline.baseYear(), baseline.analysisLevel(), options, List.copyOf(areas),
                List.copyOf(notes));
    }

    private static final class Tally {
        final int[][] status;
        final int[][] dynamics;
        final int[] attention;

        Tally(int m) {
            status = new int[m][StatusClass.values().length];
            dynamics = new int[m][DynamicsClass.values().length];
            attention = new int[m];
        }

        void add(DrawOutcome o) {
            for (int p = 0; p < attention.length; p++) {
                if (o.status()[p] != null) {
                    status[p][o.status()[p].ordinal()]++;
                }
                if (o.dynamics()[p] != null) {
                    dynamics[p][o.dynamics()[p].ordinal()]++;
                }
                if (o.attention()[p]) {
                    attention[p]++;
                }
            }
        }

        void add(Tally t) {
            for (int p = 0; p < attention.length; p++) {
                for (int c = 0; c < status[p].length; c++) {
                    status[p][c] += t.status[p][c];
                }
                for (int c = 0; c < dynamics[p].length; c++) {
                    dynamics[p][c] += t.dynamics[p][c];
                }
                attention[p] += t.attention[p];
            }
        }
    }

    /** Indicators with the same key draw their numerator once. */
    private static String groupKey(Indicator ind) {
        return ind.numerator() == null ? "delivered:" + ind.id() : ind.numerator() + "|" + ind.targetGroup().key();
    }

    private int keyOf(double count, double trials, Map<SamplerKey, Integer> index) {
        if (Double.isNaN(count)) {
            return -1;
        }
        SamplerKey key = options.model() == CountModel.BINOMIAL
                ? new SamplerKey(count, Math.round(trials)) : new SamplerKey(count, 0);
        return index.computeIfAbsent(key, x -> {
            keys.add(x);
            return keys.size() - 1;
        });
    }

    private static DiscreteSampler create(UniformRandomProvider rng, SamplerKey key, CountModel model) {
        if (!(key.count() > 0)) {
            return () -> 0;
        }
        if (model == CountModel.POISSON) {
            // table look-up (one random int per draw) up to the tables' limit of mean 1,024, rejection beyond
            try {
                return MarsagliaTsangWangDiscreteSampler.Poisson.of(rng, key.count());
            } catch (IllegalArgumentException beyondTables) {
                return PoissonSampler.of(rng, key.count());
            }
        }
        int trials = (int) Math.min(Integer.MAX_VALUE, key.trials());
        double p = Math.min(1, key.count() / key.trials());
        if (trials <= 0) {
            return () -> 0;
        }
        if (p >= 1) {
            return () -> trials;
        }
        try {
            return MarsagliaTsangWangDiscreteSampler.Binomial.of(rng, trials, p);
        } catch (IllegalArgumentException tooLargeForTables) {
            return BinomialDistribution.of(trials, p).createSampler(rng)::sample;
        }
    }

    private double[] pick(double[] byArea) {
        if (byArea == null) {
            return nan(statusAreas.length);
        }
        double[] out = new double[statusAreas.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = byArea[statusAreas[p]];
        }
        return out;
    }

    /**
     * The areas with a raw index, ascending: the participants. The raw index exists for every participant
     * unless no indicator varies at all; then the draws cannot give this index either, and a note says so.
     */
    private int[] participants(ComponentResult c) {
        double[] raw = c.raw();
        int[] out = java.util.stream.IntStream.range(0, raw.length).filter(a -> !Double.isNaN(raw[a])).toArray();
        if (out.length == 0 && c.participants() > 0) {
            notes.add(c.component() + " index: no indicator varies among the " + c.participants()
                    + " areas that take part; no certainty for it");
        }
        return out;
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
