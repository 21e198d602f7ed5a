package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A generated county for tests: county, municipalities, localities; counts by sex x nationality
 * (and their margins) for a series of years; rates and changes as the method computes them (ratio
 * of sums). Small localities have the small counts that need protecting.
 *
 * <p>{@link #generate} gives one release's data with two years (2020 and 2023, both with every
 * target group). {@link #series} gives a county whose {@link #release} is what the method and the
 * store give a release of one year: that year with every target group, and the earlier year
 * (year − 3) as the catalog defines the indicators (total only), with or without its counts.
 */
public final class SyntheticCounty {
    static final String[] SEX = {"f", "m"};
    static final String[] NAT = {"foreign", "german"};
    static final int DYNAMICS_YEARS = 3;

    /** indicator id, numerator variable, denominator expression, share of the denominator in the numerator */
    record Spec(String id, String numerator, String denominator, double share) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("sgb2", "sgb2_u65", "pop_total - pop_65plus", 0.06),
            new Spec("old_age_min_income", "grusi_65plus", "pop_65plus", 0.02),
            new Spec("pop_65plus_share", "pop_65plus", "pop_total", 0.0));

    private final Map<String, AreaInfo> areas = new LinkedHashMap<>();
    private final List<String> localities = new ArrayList<>();
    private final List<String> allGroups = new ArrayList<>();
    /** var|area|year|group to count, for every area and group */
    private final Map<String, Double> all = new LinkedHashMap<>();
    private final Random rnd;

    private SyntheticCounty(long seed, int municipalities, int maxLocalities, boolean withGroups, int[] years) {
        rnd = new Random(seed);
        areas.put("K", new AreaInfo("K", "Kreis", "kreis", null, 0));
        for (int m = 0; m < municipalities; m++) {
            String mc = "G" + m;
            areas.put(mc, new AreaInfo(mc, "Gemeinde " + m, "gemeinde", "K", 1));
            int n = 1 + rnd.nextInt(maxLocalities);
            for (int l = 0; l < n; l++) {
                String lc = mc + "L" + l;
                areas.put(lc, new AreaInfo(lc, "Ortsteil " + m + "." + l, "ortsteil", mc, 2));
                localities.add(lc);
            }
        }
        List<String> groups = new ArrayList<>();
        if (withGroups) {
            for (String s : SEX) {
                for (String n : NAT) {
                    groups.add("nationality=" + n + ";sex=" + s);
                }
            }
        } else {
            groups.add("");
        }
        // base counts per locality, year, finest group
        Map<String, Double> base = new LinkedHashMap<>(); // var|area|year|group
        for (String lc : localities) {
            int size = rnd.nextInt(10) < 3 ? 20 + rnd.nextInt(250) : 300 + rnd.nextInt(3000);
            for (int y : years) {
                for (String g : groups) {
                    double share = g.contains("foreign") ? 0.12 : 0.88;
                    int pop = (int) Math.round(size * share / (withGroups ? 2 : 1) * (0.95 + 0.1 * rnd.nextDouble()));
                    int old = (int) Math.round(pop * (0.15 + 0.1 * rnd.nextDouble()));
                    int sgb2 = binomial(rnd, pop - old, g.contains("foreign") ? 0.15 : 0.05);
                    int grusi = binomial(rnd, old, 0.03);
                    put(base, "pop_total", lc, y, g, pop);
                    put(base, "pop_65plus", lc, y, g, old);
                    put(base, "sgb2_u65", lc, y, g, sgb2);
                    put(base, "grusi_65plus", lc, y, g, grusi);
                }
            }
        }
        allGroups.addAll(groups);
        if (withGroups) {
            for (String s : SEX) {
                allGroups.add("sex=" + s);
            }
            for (String n : NAT) {
                allGroups.add("nationality=" + n);
            }
            allGroups.add("");
        }
        aggregate(base);
    }

    /** Groups (sex, nationality, total) and areas (municipality, county) as sums of the finest counts. */
    private void aggregate(Map<String, Double> base) {
        all.clear();
        for (var e : base.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            String area = k[1];
            while (area != null) {
                for (String g : allGroups) {
                    if (covers(g, k[3])) {
                        all.merge(k[0] + "|" + area + "|" + k[2] + "|" + g, e.getValue(), Double::sum);
                    }
                }
                area = areas.get(area).parentCode();
            }
        }
    }

    /** One release's data with the years 2020 and 2023, both with every target group. */
    public static FrozenResults generate(long seed, int municipalities, int maxLocalities, boolean withGroups) {
        int[] years = {2020, 2020 + DYNAMICS_YEARS};
        SyntheticCounty c = new SyntheticCounty(seed, municipalities, maxLocalities, withGroups, years);
        return c.data(List.of(new YearPart(years[0], c.allGroups, true), new YearPart(years[1], c.allGroups, true)), years[1], true);
    }

    /** A county with counts for every year from {@code first} to {@code last}. */
    public static SyntheticCounty series(long seed, int municipalities, int maxLocalities, int first, int last) {
        int[] years = new int[last - first + 1];
        for (int i = 0; i < years.length; i++) {
            years[i] = first + i;
        }
        return new SyntheticCounty(seed, municipalities, maxLocalities, true, years);
    }

    /**
     * A release of {@code year} as the store reads it from a result set: the year with every target
     * group and a change against year − 3; year − 3 with the total only, with its counts, or
     * without them ({@code earlierCounts} false: as result sets stored before earlier years kept
     * their counts).
     */
    public FrozenResults release(int year, boolean earlierCounts) {
        return release(year, earlierCounts, List.of(""));
    }

    /**
     * As {@link #release(int, boolean)}, year − 3 with these groups only: e.g. the total and the women,
     * as a release carries the earlier years of an indicator of one target group (the demo's
     * unemployed_women); the men are then the total minus the women.
     */
    public FrozenResults release(int year, boolean earlierCounts, List<String> earlierGroups) {
        return data(List.of(new YearPart(year - DYNAMICS_YEARS, earlierGroups, earlierCounts), new YearPart(year, allGroups, true)),
                year, true);
    }

    /** The same county with some counts changed (a corrected delivery); sums are formed again. */
    public SyntheticCounty corrected(UnaryOperator<Map<String, Double>> change) {
        // recover the finest counts of the localities, change them, aggregate again
        Map<String, Double> finest = new LinkedHashMap<>();
        int finestDims = allGroups.stream().mapToInt(g -> g.isEmpty() ? 0 : g.split(";").length).max().orElse(0);
        all.forEach((k, v) -> {
            String[] p = k.split("\\|", -1);
            int dims = p[3].isEmpty() ? 0 : p[3].split(";").length;
            if (localities.contains(p[1]) && dims == finestDims) {
                finest.put(k, v);
            }
        });
        SyntheticCounty c = copy();
        c.aggregate(change.apply(finest));
        return c;
    }

    /** The true count of a key {@code var|area|year|group}. */
    public double count(String key) {
        return all.get(key);
    }

    public List<String> localities() {
        return List.copyOf(localities);
    }

    private SyntheticCounty copy() {
        SyntheticCounty c = new SyntheticCounty(0, 0, 1, false, new int[0]);
        c.areas.clear();
        c.areas.putAll(areas);
        c.localities.clear();
        c.localities.addAll(localities);
        c.allGroups.clear();
        c.allGroups.addAll(allGroups);
        c.all.putAll(all);
        return c;
    }

    private record YearPart(int year, List<String> groups, boolean withCounts) {
    }

    private FrozenResults data(List<YearPart> parts, int releaseYear, boolean changes) {
        List<FrozenResults.ValueRow> values = new ArrayList<>();
        Map<String, Double> population = new LinkedHashMap<>();
        for (String a : areas.keySet()) {
            for (YearPart part : parts) {
                int y = part.year();
                population.put(FrozenResults.populationKey(a, y), all.get("pop_total|" + a + "|" + y + "|"));
                for (String g : part.groups()) {
                    for (Spec s : SPECS) {
                        double num = all.get(s.numerator() + "|" + a + "|" + y + "|" + g);
                        double den = denominator(all, s.denominator(), a, y, g);
                        Double rate = den == 0 ? null : 100 * num / den;
                        Double change = null;
                        int base = y - DYNAMICS_YEARS;
                        if (changes && y == releaseYear && all.containsKey(s.numerator() + "|" + a + "|" + base + "|" + g)) {
                            double n0 = all.get(s.numerator() + "|" + a + "|" + base + "|" + g);
                            double d0 = denominator(all, s.denominator(), a, base, g);
                            change = rate == null || d0 == 0 ? null : rate - 100 * n0 / d0;
                        }
                        values.add(new FrozenResults.ValueRow(a, y, s.id(), g, part.withCounts() ? num : null,
                                part.withCounts() ? den : null, rate, change));
                    }
                }
            }
        }
        List<FrozenResults.IndicatorInfo> indicators = new ArrayList<>();
        for (Spec s : SPECS) {
            indicators.add(new FrozenResults.IndicatorInfo(s.id(), s.numerator(), s.denominator(), "", 100, 1));
        }
        List<FrozenResults.AreaRow> areaRows = new ArrayList<>();
        Random classes = new Random(releaseYear);
        for (String lc : localities) {
            areaRows.add(new FrozenResults.AreaRow(lc, releaseYear, classes.nextGaussian(), "mittel", classes.nextGaussian(), "stabil", false, null));
        }
        return new FrozenResults(areas, indicators, values, areaRows, population, Set.of("sgb2", "old_age_min_income"),
                Set.of("sgb2", "old_age_min_income"), DYNAMICS_YEARS);
    }

    private static double denominator(Map<String, Double> all, String expr, String a, int y, String g) {
        if (expr.equals("pop_total - pop_65plus")) {
            return all.get("pop_total|" + a + "|" + y + "|" + g) - all.get("pop_65plus|" + a + "|" + y + "|" + g);
        }
        return all.get(expr + "|" + a + "|" + y + "|" + g);
    }

    private static boolean covers(String group, String finest) {
        if (group.isEmpty()) {
            return true;
        }
        for (String part : group.split(";")) {
            if (!finest.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static void put(Map<String, Double> m, String var, String area, int year, String g, double v) {
        m.put(var + "|" + area + "|" + year + "|" + g, v);
    }

    private static int binomial(Random rnd, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
