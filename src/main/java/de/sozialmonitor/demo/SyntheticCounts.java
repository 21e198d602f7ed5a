package de.sozialmonitor.demo;

import de.sozialmonitor.demo.DemoGeography.Locality;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.ValueStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic base counts for every locality and year, shaped like a county's real deliveries.
 *
 * <p>Each locality has a latent deprivation score {@code d} (0 = county average, higher = more
 * disadvantage) that drives every rate multiplicatively; the town centre of Peine and the main
 * places sit higher, villages lower. A few localities worsen and a few improve from 2019 on
 * ({@link PeineTerritory#WORSENING}, {@link PeineTerritory#IMPROVING}); the rest vary only by
 * sampling noise. Year effects follow the broad German pattern (falling unemployment until
 * 2019, COVID-19 in 2020, refugee arrivals in 2015/16 and 2022, an ageing population).
 *
 * <p>Population is generated as a cross-tab of age band x sex x nationality; every population
 * variable and margin is summed from it, and every other count is drawn from the cells it belongs
 * to, so parts never exceed wholes and target groups add up to totals exactly.
 */
public final class SyntheticCounts {
    public static final List<String> AGE_BANDS = List.of("0-5", "6-14", "15-17", "18-24", "25-64", "65-79", "80+");
    public static final List<String> SEXES = List.of("f", "m");
    public static final List<String> NATIONALITIES = List.of("foreign", "german");

    private static final double[] AGE_SHARES = {5.0, 8.0, 3.0, 7.5, 54.5, 15.5, 6.5};
    private static final double[] FEMALE_SHARE = {0.487, 0.487, 0.485, 0.48, 0.495, 0.53, 0.63};
    private static final double[] FOREIGN_BY_AGE = {1.25, 1.15, 1.05, 1.45, 1.15, 0.35, 0.2};
    /** County foreigners' share 2014..2024 (refugees 2015/16, Ukraine 2022). */
    private static final double[] FOREIGN_SHARE = {0.052, 0.062, 0.075, 0.080, 0.083, 0.086, 0.088, 0.091, 0.103, 0.108, 0.111};
    /** Unemployment level against 2014 (falling until 2019, COVID-19 in 2020). */
    private static final double[] UNEMPLOYMENT = {1.0, 0.97, 0.94, 0.9, 0.85, 0.83, 0.97, 0.93, 0.88, 0.92, 0.96};
    /** SGB II level of Germans against 2014. */
    private static final double[] SGB2 = {1.0, 0.99, 0.98, 0.96, 0.94, 0.92, 0.94, 0.93, 0.92, 0.93, 0.94};
    /** SGB II rate of foreigners as a multiple of Germans' (refugees enter SGB II after recognition). */
    private static final double[] SGB2_FOREIGN = {2.5, 2.8, 3.6, 3.8, 3.6, 3.3, 3.2, 3.0, 3.4, 3.3, 3.1};
    /** Change of the deprivation score per year after {@link PeineTerritory#TREND_START}. */
    /** How strongly the foreigners' share follows deprivation. */
    private static final double FOREIGN_DEPRIVATION = 0.55;
    static final double TREND_SLOPE = 0.22;

    private SyntheticCounts() {
    }

    /** Fixed traits of a locality. */
    record Profile(Locality locality, double basePopulation, double deprivation, double trend, double youth,
                   double foreignFactor, double elderly) {
        double deprivationIn(int year, double noise) {
            return deprivation + trend * Math.max(0, year - PeineTerritory.TREND_START) + noise;
        }
    }

    /** All observations of all sources, sorted by area, year, variable and target group. */
    public static List<Observation> generate(DemoGeography geography, long seed) {
        return generate(profiles(geography, seed), seed, PeineTerritory.FIRST_YEAR, PeineTerritory.LAST_YEAR);
    }

    /**
     * The counts of the given localities from {@code firstYear} to {@code lastYear} (within
     * {@link PeineTerritory#FIRST_YEAR}..{@link PeineTerritory#LAST_YEAR}, whose year effects they
     * follow); also used for the demo's second, invented county.
     */
    static List<Observation> generate(List<Profile> profiles, long seed, int firstYear, int lastYear) {
        if (firstYear < PeineTerritory.FIRST_YEAR || lastYear > PeineTerritory.LAST_YEAR) {
            throw new IllegalArgumentException("years " + firstYear + "-" + lastYear + " outside the generator's "
                    + PeineTerritory.FIRST_YEAR + "-" + PeineTerritory.LAST_YEAR);
        }
        List<Observation> out = new ArrayList<>();
        for (Profile profile : profiles) {
            Random random = new Random(seed * 7_919L + profile.locality().name().hashCode());
            Register register = new Register();
            for (int year = firstYear; year <= lastYear; year++) {
                out.addAll(year(profile, year, random, register));
            }
        }
        out.sort(Comparator.comparing(Observation::areaCode).thenComparingInt(Observation::year)
                .thenComparing(Observation::variable).thenComparing(o -> o.targetGroup().key()));
        return out;
    }

    static List<Profile> profiles(DemoGeography geography, long seed) {
        List<Profile> profiles = new ArrayList<>();
        for (PeineTerritory.Municipality m : PeineTerritory.MUNICIPALITIES) {
            Random random = new Random(seed * 104_729L + m.ags().hashCode());
            List<Locality> locs = geography.localities().stream().filter(l -> l.municipalityAgs().equals(m.ags())).toList();
            Map<Locality, Double> weights = new LinkedHashMap<>();
            double small = 0;
            Map<Locality, Double> smallPops = new LinkedHashMap<>();
            for (Locality l : locs) {
                double lognormal = Math.exp(0.55 * random.nextGaussian());
                if (PeineTerritory.SMALL_LOCALITIES.contains(l.name())) {
                    double pop = 140 + random.nextInt(140);
                    smallPops.put(l, pop);
                    small += pop;
                } else if (l.name().equals(m.mainLocality())) {
                    weights.put(l, m.ags().equals("03157006") ? 8.8 : 4.0);
                } else if (PeineTerritory.WORSENING.contains(l.name()) || PeineTerritory.IMPROVING.contains(l.name())) {
                    weights.put(l, 2.5 * Math.max(1, lognormal));
                } else {
                    weights.put(l, lognormal);
                }
            }
            double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            double rest = m.inhabitants() - small;
            for (Locality l : locs) {
                double pop = smallPops.containsKey(l) ? smallPops.get(l) : Math.max(450, rest * weights.get(l) / sum);
                double d = 0.6 * random.nextGaussian();
                double trend = 0;
                if (l.name().equals("Peine-Kernstadt")) {
                    d += 1.4;
                } else if (l.main()) {
                    d += 0.5;
                } else if (smallPops.containsKey(l)) {
                    d -= 0.3;
                }
                if (PeineTerritory.WORSENING.contains(l.name())) {
                    d = 0.3 * random.nextGaussian();
                    trend = TREND_SLOPE;
                } else if (PeineTerritory.IMPROVING.contains(l.name())) {
                    d = 0.9 + 0.2 * random.nextGaussian();
                    trend = -TREND_SLOPE;
                }
                profiles.add(new Profile(l, pop, d, trend, Math.exp(0.08 * random.nextGaussian()),
                        Math.exp(0.25 * random.nextGaussian()), Math.exp(0.12 * random.nextGaussian())));
            }
        }
        // scale the foreigners' factor so that the county's share matches FOREIGN_SHARE
        double weighted = 0;
        double population = 0;
        for (Profile p : profiles) {
            weighted += p.basePopulation() * p.foreignFactor() * Math.exp(FOREIGN_DEPRIVATION * p.deprivation());
            population += p.basePopulation();
        }
        double norm = weighted / population;
        return profiles.stream().map(p -> new Profile(p.locality(), p.basePopulation(), p.deprivation(), p.trend(),
                p.youth(), p.foreignFactor() / norm, p.elderly())).toList();
    }

    /**
     * The population register of one locality from year to year: most people are still there next
     * year, so a cell follows its expected course from last year's count instead of being drawn
     * afresh (which would make small cells jump implausibly).
     */
    private static final class Register {
        double[][][] expected;
        long[][][] cells;

        long next(Random random, int a, int s, int n, double expectedNow) {
            if (cells == null) {
                return Sampling.count(random, expectedNow);
            }
            double before = expected[a][s][n];
            double carried = before > 0 ? cells[a][s][n] * expectedNow / before : expectedNow;
            double target = 0.8 * carried + 0.2 * expectedNow; // moves, people come and go
            return Math.max(0, Math.round(target + 0.4 * Math.sqrt(Math.max(target, 0.25)) * random.nextGaussian()));
        }
    }

    /** One locality's counts in one year. */
    private static List<Observation> year(Profile p, int year, Random random, Register register) {
        int t = year - PeineTerritory.FIRST_YEAR;
        double d = p.deprivationIn(year, 0.06 * random.nextGaussian());
        double population = p.basePopulation() * (1 + 0.002 * t) * Math.exp(0.004 * random.nextGaussian());

        // population cross-tab [age band][sex][nationality]
        double[] shares = AGE_SHARES.clone();
        double young = p.youth() * Math.exp(0.15 * p.deprivation());
        shares[0] *= young * (1 + 0.01 * t);
        shares[1] *= young;
        shares[2] *= young;
        shares[4] *= 1 - 0.004 * t;
        shares[5] *= p.elderly() * (1 + 0.01 * t);
        shares[6] *= p.elderly() * (1 + 0.025 * t);
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double foreignFactor = p.foreignFactor() * Math.exp(FOREIGN_DEPRIVATION * d);
        long[][][] cells = new long[AGE_BANDS.size()][2][2];
        double[][][] expected = new double[AGE_BANDS.size()][2][2];
        for (int a = 0; a < AGE_BANDS.size(); a++) {
            double band = population * shares[a] / total;
            double pForeign = Math.min(0.6, FOREIGN_SHARE[t] * foreignFactor * FOREIGN_BY_AGE[a]);
            for (int s = 0; s < 2; s++) {
                double sexShare = s == 0 ? FEMALE_SHARE[a] : 1 - FEMALE_SHARE[a];
                expected[a][s][0] = band * sexShare * pForeign;
                expected[a][s][1] = band * sexShare * (1 - pForeign);
                for (int n = 0; n < 2; n++) {
                    cells[a][s][n] = register.next(random, a, s, n, expected[a][s][n]);
                }
            }
        }
        register.expected = expected;
        register.cells = cells;
        Population pop = new Population(cells);

        String code = p.locality().codeIn(year);
        Rows rows = new Rows(code, year);

        rows.add("pop_total", "", pop.sum(0, 7, -1, -1));
        for (int a = 0; a < AGE_BANDS.size(); a++) {
            rows.add("pop_total", "age=" + AGE_BANDS.get(a), pop.sum(a, a + 1, -1, -1));
            for (int s = 0; s < 2; s++) {
                for (int n = 0; n < 2; n++) {
                    rows.add("pop_total", "age=" + AGE_BANDS.get(a) + ";nationality=" + NATIONALITIES.get(n)
                            + ";sex=" + SEXES.get(s), cells[a][s][n]);
                }
            }
        }
        rows.margins("pop_total", pop, 0, 7);
        String[] popVars = {"pop_u6", "pop_u15", "pop_u18", "pop_15_24", "pop_15_64", "pop_65plus", "pop_80plus"};
        int[][] bands = {{0, 1}, {0, 2}, {0, 3}, {2, 4}, {2, 5}, {5, 7}, {6, 7}};
        for (int i = 0; i < popVars.length; i++) {
            rows.add(popVars[i], "", pop.sum(bands[i][0], bands[i][1], -1, -1));
            rows.margins(popVars[i], pop, bands[i][0], bands[i][1]);
        }
        long foreign = pop.sum(0, 7, -1, 0);
        rows.add("pop_foreign", "", foreign);
        rows.add("pop_foreign", "sex=f", pop.sum(0, 7, 0, 0));
        rows.add("pop_foreign", "sex=m", pop.sum(0, 7, 1, 0));

        long u18 = pop.sum(0, 3, -1, -1);
        long u18Foreign = pop.sum(0, 3, -1, 0);
        long u18German = u18 - u18Foreign;
        rows.add("migrant_u18", "", u18Foreign
                + Sampling.binomial(random, u18German, clamp(0.13 * Math.exp(0.4 * d) * (1 + 0.01 * t), 0.7)));
        long childrenSingleParent = Sampling.binomial(random, u18, clamp(0.12 * Math.exp(0.3 * d), 0.5));
        rows.add("children_single_parent", "", childrenSingleParent);

        long singleParentHouseholds = childrenSingleParent == 0 ? 0
                : Math.max(1, Math.min(childrenSingleParent, Math.round(childrenSingleParent / 1.5)));
        long householdsChildren = Math.max(singleParentHouseholds,
                Math.min(u18, Math.round(u18 / 1.72 * Math.exp(0.02 * random.nextGaussian()))));
        long pop65 = pop.sum(5, 7, -1, -1);
        long single65 = Sampling.binomial(random, pop65, 0.32);
        long popTotal = pop.sum(0, 7, -1, -1);
        long households = Math.min(popTotal, Math.max(householdsChildren + single65,
                Math.round(popTotal / (2.25 - 0.12 * d))));
        rows.add("households", "", households);
        rows.add("households_children", "", householdsChildren);
        rows.add("households_single_parent", "", singleParentHouseholds);
        rows.add("households_single_65plus", "", single65);

        // Bundesagentur für Arbeit: SGB II by nationality, unemployment by sex x nationality
        double sgb2German = clamp(0.055 * Math.exp(0.5 * d) * SGB2[t], 0.4);
        double sgb2Foreign = clamp(sgb2German * SGB2_FOREIGN[t], 0.6);
        long sgb2F = Sampling.binomial(random, pop.sum(0, 5, -1, 0), sgb2Foreign);
        long sgb2G = Sampling.binomial(random, pop.sum(0, 5, -1, 1), sgb2German);
        rows.add("sgb2_u65", "", sgb2F + sgb2G);
        rows.add("sgb2_u65", "nationality=foreign", sgb2F);
        rows.add("sgb2_u65", "nationality=german", sgb2G);
        long u15 = pop.sum(0, 2, -1, -1);
        rows.add("children_u15_sgb2", "", Math.min(sgb2F + sgb2G,
                Sampling.binomial(random, u15, clamp(0.10 * Math.exp(0.55 * d) * SGB2[t], 0.6))));

        double unemployedMale = clamp(0.042 * Math.exp(0.4 * d) * UNEMPLOYMENT[t], 0.3);
        long[][] unemployed = new long[2][2];
        long unemployedTotal = 0;
        for (int s = 0; s < 2; s++) {
            for (int n = 0; n < 2; n++) {
                double rate = unemployedMale * (s == 0 ? 0.85 : 1.0) * (n == 0 ? 2.0 : 1.0);
                unemployed[s][n] = Sampling.binomial(random, pop.sum(2, 5, s, n), clamp(rate, 0.6));
                unemployedTotal += unemployed[s][n];
            }
        }
        rows.add("unemployed", "", unemployedTotal);
        for (int s = 0; s < 2; s++) {
            rows.add("unemployed", "sex=" + SEXES.get(s), unemployed[s][0] + unemployed[s][1]);
        }
        for (int n = 0; n < 2; n++) {
            rows.add("unemployed", "nationality=" + NATIONALITIES.get(n), unemployed[0][n] + unemployed[1][n]);
            for (int s = 0; s < 2; s++) {
                rows.add("unemployed", "nationality=" + NATIONALITIES.get(n) + ";sex=" + SEXES.get(s), unemployed[s][n]);
            }
        }
        rows.add("unemployed_long_term", "", Sampling.binomial(random, unemployedTotal, clamp(0.35 * Math.exp(0.15 * d), 0.8)));
        rows.add("unemployed_u25", "", Math.min(pop.sum(2, 4, -1, -1), Sampling.binomial(random, unemployedTotal, 0.09)));

        // Fachdienst Soziales, Wohngeldstelle
        rows.add("grusi_65plus", "", Sampling.binomial(random, pop65, clamp(0.022 * Math.exp(0.45 * d) * (1 + 0.03 * t), 0.3)));
        rows.add("eingliederungshilfe", "", Sampling.binomial(random, popTotal,
                clamp(0.008 * Math.exp(0.2 * d) * (1 + 0.025 * t), 0.1)));
        rows.add("wohngeld_households", "", Sampling.binomial(random, households, clamp(0.013 * Math.exp(0.45 * d), 0.3)));

        // Schulstatistik: about a third of the 15-17 cohort leaves school each year
        long cohort = pop.sum(2, 3, -1, -1);
        long leavers = Sampling.binomial(random, cohort, 0.33);
        if (leavers == 0 && cohort > 0 && popTotal >= 300) {
            leavers = 1; // a locality of this size has at least one school leaver a year
        }
        rows.add("school_leavers", "", leavers);
        rows.add("school_leavers_low", "", Sampling.binomial(random, leavers, clamp(0.15 * Math.exp(0.35 * d), 0.7)));

        // Gesundheitsamt: school entry examination of one year of children
        long entrants = Sampling.binomial(random, pop.sum(0, 1, -1, -1), 0.165);
        rows.add("school_entrants", "", entrants);
        rows.add("school_entrants_overweight", "", Sampling.binomial(random, entrants, clamp(0.085 * Math.exp(0.3 * d), 0.5)));
        return rows.list;
    }

    private static double clamp(double p, double max) {
        return Math.max(0, Math.min(max, p));
    }

    /** The age x sex x nationality cross-tab of one locality and year. */
    private record Population(long[][][] cells) {
        /** Sum over age bands [from, to), one sex (or -1 for both), one nationality (or -1). */
        long sum(int from, int to, int sex, int nationality) {
            long s = 0;
            for (int a = from; a < to; a++) {
                for (int x = 0; x < 2; x++) {
                    for (int n = 0; n < 2; n++) {
                        if ((sex < 0 || sex == x) && (nationality < 0 || nationality == n)) {
                            s += cells[a][x][n];
                        }
                    }
                }
            }
            return s;
        }
    }

    private static final class Rows {
        final String code;
        final int year;
        final List<Observation> list = new ArrayList<>();

        Rows(String code, int year) {
            this.code = code;
            this.year = year;
        }

        void add(String variable, String targetGroup, long value) {
            list.add(new Observation(code, year, variable, TargetGroup.parse(targetGroup), (double) value, ValueStatus.OK));
        }

        /** The sex, nationality and sex x nationality margins of a population variable. */
        void margins(String variable, Population pop, int from, int to) {
            for (int s = 0; s < 2; s++) {
                add(variable, "sex=" + SEXES.get(s), pop.sum(from, to, s, -1));
            }
            for (int n = 0; n < 2; n++) {
                add(variable, "nationality=" + NATIONALITIES.get(n), pop.sum(from, to, -1, n));
                for (int s = 0; s < 2; s++) {
                    add(variable, "nationality=" + NATIONALITIES.get(n) + ";sex=" + SEXES.get(s), pop.sum(from, to, s, n));
                }
            }
        }
    }
}
