package de.sozialmonitor.privacy;

import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.TargetGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The attacker. It reads nothing but the published rows of a release download and tries to narrow
 * down every suppressed count:
 * <ul>
 *   <li>every margin the download declares (column {@code margin}): sub-areas add up to their
 *   area, target groups add up to the group above, composite measures to their terms;</li>
 *   <li>counts are never negative and, if every published count is whole, are whole numbers;</li>
 *   <li>every published rate ties its numerator to its denominator:
 *   {@code (r - h) * den <= scale * num <= (r + h) * den}, h = half the last published digit;</li>
 *   <li>every published change between two years, together with one published year, gives the
 *   other year's rate, which again ties numerator and denominator.</li>
 * </ul>
 * Then, per suppressed count, two linear programs find the smallest and largest value consistent
 * with all of that. A finding is a count whose interval is narrower than the protection width.
 */
public final class DisclosureAudit {

    /** A suppressed count the attacker pins down too closely (interval null: the equations were contradictory). */
    public record Finding(CountCell cell, Interval interval, double required) {
        @Override
        public String toString() {
            return cell + " confined to " + (interval == null ? "(contradictory equations)"
                    : "[" + interval.lower() + ", " + interval.upper() + "]") + ", needs width " + required;
        }
    }

    /** What the attacker learnt: every suppressed count's interval, and the findings among them. */
    public record Report(Map<CountCell, Interval> intervals, List<Finding> findings, int constraints) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    private DisclosureAudit() {
    }

    /**
     * Attacks the rows; {@code rules} only says how wide an interval must be. Intervals of cells
     * found unprotected are exact; of protected cells they may be a part of the true interval
     * (enough to prove the width), which saves most of the linear programs.
     */
    public static Report attack(List<PublishedRow> rows, DisclosureRules rules) {
        return attack(rows, rules, false);
    }

    /** As {@link #attack(List, DisclosureRules)}, with every interval exact (slower). */
    public static Report attackExactly(List<PublishedRow> rows, DisclosureRules rules) {
        return attack(rows, rules, true);
    }

    private static Report attack(List<PublishedRow> rows, DisclosureRules rules, boolean exact) {
        List<CountCell> cells = new ArrayList<>();
        Map<CountCell, Integer> index = new HashMap<>();
        List<Double> known = new ArrayList<>();
        Map<CountCell, PublishedRow> rowOf = new HashMap<>();
        boolean integral = true;
        for (PublishedRow r : rows) {
            if (!PublishedRow.COUNT.equals(r.kind())) {
                continue;
            }
            CountCell c = new CountCell(r.measure(), r.areaCode(), r.year(), r.targetGroup());
            index.put(c, cells.size());
            cells.add(c);
            rowOf.put(c, r);
            double v = r.isPublished() ? Numbers.parse(r.value()) : Double.NaN;
            known.add(v);
            if (!Double.isNaN(v) && v != Math.rint(v)) {
                integral = false;
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        addDeclaredMargins(rows, cells, index, rowOf, constraints);
        addRateTies(rows, index, constraints);

        double[] k = known.stream().mapToDouble(Double::doubleValue).toArray();
        Set<Integer> targets = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if (PublishedRow.SUPPRESSED.equals(rowOf.get(cells.get(i)).status())) {
                targets.add(i);
            }
        }
        double[] required = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            required[i] = rules.protectionWidth(cells.get(i).measure());
        }
        Map<Integer, Interval> intervals = IntervalSolver.intervals(
                new IntervalSolver.Problem(k, constraints, null, null, integral, exact ? null : required), targets);
        Map<CountCell, Interval> out = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (int t : new java.util.TreeSet<>(targets)) {
            Interval iv = intervals.get(t);
            CountCell c = cells.get(t);
            out.put(c, iv);
            double need = rules.protectionWidth(c.measure());
            if (iv == null || iv.width() < need - 1e-9) {
                findings.add(new Finding(c, iv, need));
            }
        }
        return new Report(out, List.copyOf(findings), constraints.size());
    }

    private static void addDeclaredMargins(List<PublishedRow> rows, List<CountCell> cells, Map<CountCell, Integer> index,
                                           Map<CountCell, PublishedRow> rowOf, List<LinearConstraint> constraints) {
        // children of an area: count rows whose parent_code is that area
        Map<String, List<Integer>> areaChildren = new HashMap<>();
        Map<String, List<Integer>> sameAreaYear = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            PublishedRow r = rowOf.get(c);
            if (!r.parentCode().isEmpty()) {
                areaChildren.computeIfAbsent(c.measure() + "|" + r.parentCode() + "|" + c.year() + "|" + c.targetGroup(),
                        x -> new ArrayList<>()).add(i);
            }
            sameAreaYear.computeIfAbsent(c.measure() + "|" + c.areaCode() + "|" + c.year(), x -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            String margin = rowOf.get(c).margin();
            if (margin.isEmpty()) {
                continue;
            }
            for (String token : margin.split(",")) {
                boolean exact = !token.endsWith(CountTable.PARTIAL);
                String name = exact ? token : token.substring(0, token.length() - CountTable.PARTIAL.length());
                if (name.equals(CountTable.AREAS)) {
                    List<Integer> ch = areaChildren.getOrDefault(c.measure() + "|" + c.areaCode() + "|" + c.year() + "|" + c.targetGroup(), List.of());
                    if (!ch.isEmpty()) {
                        constraints.add(LinearConstraint.margin(i, ch.stream().mapToInt(Integer::intValue).toArray(), exact));
                    }
                } else if (name.equals(CountTable.TERMS)) {
                    LinearExpression e = LinearExpression.parse(c.measure());
                    int[] cs = new int[e.terms().size() + 1];
                    double[] coefs = new double[cs.length];
                    cs[0] = i;
                    coefs[0] = -1;
                    boolean complete = true;
                    for (int t = 0; t < e.terms().size(); t++) {
                        Integer j = index.get(new CountCell(e.terms().get(t).variable(), c.areaCode(), c.year(), c.targetGroup()));
                        if (j == null) {
                            complete = false;
                            break;
                        }
                        cs[t + 1] = j;
                        coefs[t + 1] = e.terms().get(t).sign();
                    }
                    if (complete) {
                        constraints.add(LinearConstraint.equality(cs, coefs, 0));
                    }
                } else {
                    // a target-group dimension: the groups one level finer along that dimension
                    TargetGroup parent = TargetGroup.parse(c.targetGroup());
                    List<Integer> ch = new ArrayList<>();
                    for (int j : sameAreaYear.get(c.measure() + "|" + c.areaCode() + "|" + c.year())) {
                        TargetGroup g = TargetGroup.parse(cells.get(j).targetGroup());
                        if (g.dimensions().size() == parent.dimensions().size() + 1 && g.matches(parent)
                                && g.dimensions().containsKey(name) && !parent.dimensions().containsKey(name)) {
                            ch.add(j);
                        }
                    }
                    if (!ch.isEmpty()) {
                        constraints.add(LinearConstraint.margin(i, ch.stream().mapToInt(Integer::intValue).toArray(), exact));
                    }
                }
            }
        }
    }

    /** Published rates (and rates derived from published changes) tie numerator and denominator. */
    private static void addRateTies(List<PublishedRow> rows, Map<CountCell, Integer> index, List<LinearConstraint> constraints) {
        Map<String, PublishedRow> rates = new HashMap<>();
        for (PublishedRow r : rows) {
            if (PublishedRow.RATE.equals(r.kind())) {
                rates.put(r.measure() + "|" + r.areaCode() + "|" + r.year() + "|" + r.targetGroup(), r);
            }
        }
        for (PublishedRow r : rows) {
            if (PublishedRow.RATE.equals(r.kind()) && r.isPublished()) {
                double h = halfUnit(r.value());
                tie(r, r.year(), Numbers.parse(r.value()), h, index, constraints);
            }
            if (PublishedRow.CHANGE.equals(r.kind()) && r.isPublished() && !r.baseYear().isEmpty()) {
                int base = Integer.parseInt(r.baseYear());
                PublishedRow now = rates.get(r.measure() + "|" + r.areaCode() + "|" + r.year() + "|" + r.targetGroup());
                PublishedRow then = rates.get(r.measure() + "|" + r.areaCode() + "|" + base + "|" + r.targetGroup());
                double change = Numbers.parse(r.value());
                double hc = halfUnit(r.value());
                if (then != null && then.isPublished() && (now == null || !now.isPublished())) {
                    tie(r, r.year(), Numbers.parse(then.value()) + change, halfUnit(then.value()) + hc, index, constraints);
                }
                if (now != null && now.isPublished() && (then == null || !then.isPublished())) {
                    tie(r, base, Numbers.parse(now.value()) - change, halfUnit(now.value()) + hc, index, constraints);
                }
            }
        }
    }

    /** {@code (rate - h) * den <= scale * num <= (rate + h) * den} for the counts of that rate. */
    private static void tie(PublishedRow r, int year, double rate, double h, Map<CountCell, Integer> index,
                            List<LinearConstraint> constraints) {
        if (r.scale().isEmpty()) {
            return;
        }
        Integer num = index.get(new CountCell(r.numerator(), r.areaCode(), year, r.targetGroup()));
        Integer den = index.get(new CountCell(r.denominator(), r.areaCode(), year, r.targetGroup()));
        if (num == null || den == null) {
            return;
        }
        double scale = Numbers.parse(r.scale());
        // scale*num - (rate+h)*den <= 0  and  scale*num - (rate-h)*den >= 0
        constraints.add(new LinearConstraint(new int[] {num, den}, new double[] {scale, -(rate + h)}, Double.NEGATIVE_INFINITY, 0));
        constraints.add(new LinearConstraint(new int[] {num, den}, new double[] {scale, -(rate - h)}, 0, Double.POSITIVE_INFINITY));
    }

    /** Half a unit of the last published digit: "12.3" was rounded from [12.25, 12.35]. */
    static double halfUnit(String value) {
        int dot = value.indexOf('.');
        int decimals = dot < 0 ? 0 : value.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }
}
