package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated county for tests: county, municipalities, localities; counts by sex x nationality
 * (and their margins) for two years; rates and changes as the method computes them (ratio of sums).
 * Small localities have the small counts that need protecting.
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

    private SyntheticCounty() {
    }

    public static ReleaseData generate(long seed, int municipalities, int maxLocalities, boolean withGroups) {
        Random rnd = new Random(seed);
        Map<String, AreaInfo> areas = new LinkedHashMap<>();
        areas.put("K", new AreaInfo("K", "Kreis", "kreis", null, 0));
        List<String> localities = new ArrayList<>();
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
        int[] years = {2020, 2020 + DYNAMICS_YEARS};
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
        // aggregate: groups (sex, nationality, total) and areas (municipality, county)
        List<String> allGroups = new ArrayList<>(groups);
        if (withGroups) {
            for (String s : SEX) {
                allGroups.add("sex=" + s);
            }
            for (String n : NAT) {
                allGroups.add("nationality=" + n);
            }
            allGroups.add("");
        }
        Map<String, Double> all = new LinkedHashMap<>();
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
        List<ReleaseData.ValueRow> values = new ArrayList<>();
        Map<String, Double> population = new LinkedHashMap<>();
        for (String a : areas.keySet()) {
            for (int y : years) {
                population.put(ReleaseData.populationKey(a, y), all.get("pop_total|" + a + "|" + y + "|"));
                for (String g : allGroups) {
                    for (Spec s : SPECS) {
                        double num = all.get(s.numerator() + "|" + a + "|" + y + "|" + g);
                        double den = denominator(all, s.denominator(), a, y, g);
                        Double rate = den == 0 ? null : 100 * num / den;
                        Double change = null;
                        if (y == years[1]) {
                            double n0 = all.get(s.numerator() + "|" + a + "|" + years[0] + "|" + g);
                            double d0 = denominator(all, s.denominator(), a, years[0], g);
                            change = rate == null || d0 == 0 ? null : rate - 100 * n0 / d0;
                        }
                        values.add(new ReleaseData.ValueRow(a, y, s.id(), g, num, den, rate, change));
                    }
                }
            }
        }
        List<ReleaseData.IndicatorInfo> indicators = new ArrayList<>();
        for (Spec s : SPECS) {
            indicators.add(new ReleaseData.IndicatorInfo(s.id(), s.numerator(), s.denominator(), "", 100, 1));
        }
        List<ReleaseData.AreaRow> areaRows = new ArrayList<>();
        for (String lc : localities) {
            areaRows.add(new ReleaseData.AreaRow(lc, years[1], rnd.nextGaussian(), "mittel", rnd.nextGaussian(), "stabil", false, null));
        }
        return new ReleaseData(areas, indicators, values, areaRows, population, Set.of("sgb2", "old_age_min_income"),
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
