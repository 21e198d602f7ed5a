package de.sozialmonitor.privacy;

import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.TargetGroup;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an attacker can set up from the public record: one unknown per count, the published
 * values, and every equation and inequality the published rows give.
 *
 * <p><b>Linking releases.</b> The same count (measure, area, year, target group) in several
 * releases is taken to be one number, as anyone comparing the releases would: a count withheld in
 * one release and published in another is then known, and the margins and rates of all releases
 * constrain the same unknowns. Where the releases publish different values for the same count (a
 * correction, or a count carried to another boundary version), each value is a number of its own,
 * and a withheld row joins the published value if there is only one. Where a release comes with
 * its true counts (the county's own audit), rows are the same number exactly when their true
 * values are equal. Keys in {@code separate} are kept apart as well (the attacker found that taking
 * them as equal contradicts the published facts).
 *
 * <p><b>Equations.</b> Every margin a release declares (column {@code margin}) over that release's
 * rows; every published rate {@code (r − h)·den ≤ scale·num ≤ (r + h)·den} (h: half a unit of the
 * last digit); every published change with one published year gives the other year's rate, which
 * ties its numerator and denominator the same way. Rates and changes are read from all releases.
 */
final class AttackModel {
    final List<CountCell> cells = new ArrayList<>();
    final List<BitSet> releasesOf = new ArrayList<>();
    final List<Double> knownValues = new ArrayList<>();
    final List<Boolean> withheldFlags = new ArrayList<>();
    final List<LinearConstraint> constraints = new ArrayList<>();
    /** Per release (index into the record), per row index: the unknown of a count row, else -1. */
    final List<int[]> rowVariable = new ArrayList<>();
    /** Keys linked over all their releases: key to unknown. */
    private final Map<CountCell, Integer> linked = new HashMap<>();
    /** Every unknown of a key (several where releases hold different numbers for it). */
    private final Map<CountCell, List<Integer>> variablesOfKey = new HashMap<>();
    /** Per unknown: the number it stands for if known (true or published value), else NaN. */
    private final List<Double> classValue = new ArrayList<>();
    private final Set<CountCell> withheldKeys = new java.util.HashSet<>();
    boolean integral = true;

    private AttackModel() {
    }

    static AttackModel of(PublicRecord record, Set<CountCell> separate) {
        AttackModel m = new AttackModel();
        m.link(record, separate);
        for (int r = 0; r < record.releases().size(); r++) {
            m.addDeclaredMargins(record.releases().get(r).rows(), m.rowVariable.get(r));
        }
        m.addRateTies(record);
        return m;
    }

    int size() {
        return cells.size();
    }

    double[] known() {
        return knownValues.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Unknowns that some release withholds and none publishes: what must stay protected. */
    Set<Integer> targets() {
        Set<Integer> t = new TreeSet<>();
        for (int i = 0; i < cells.size(); i++) {
            if (withheldFlags.get(i) && Double.isNaN(knownValues.get(i))) {
                t.add(i);
            }
        }
        return t;
    }

    /** The unknown a key is linked to over all releases, if it is. */
    Integer linkedVariable(CountCell key) {
        return linked.get(key);
    }

    private int addVariable(CountCell cell, double known, boolean withheld, double number) {
        classValue.add(number);
        cells.add(cell);
        knownValues.add(known);
        withheldFlags.add(withheld);
        releasesOf.add(new BitSet());
        if (!Double.isNaN(known) && known != Math.rint(known)) {
            integral = false;
        }
        return cells.size() - 1;
    }

    private void link(PublicRecord record, Set<CountCell> separate) {
        // every count row of every release, grouped by key
        Map<CountCell, List<int[]>> rowsByKey = new LinkedHashMap<>();
        for (int r = 0; r < record.releases().size(); r++) {
            List<PublishedRow> rows = record.releases().get(r).rows();
            int[] vars = new int[rows.size()];
            java.util.Arrays.fill(vars, -1);
            rowVariable.add(vars);
            for (int i = 0; i < rows.size(); i++) {
                PublishedRow row = rows.get(i);
                if (PublishedRow.COUNT.equals(row.kind())) {
                    rowsByKey.computeIfAbsent(key(row), k -> new ArrayList<>()).add(new int[] {r, i});
                }
            }
        }
        for (var e : rowsByKey.entrySet()) {
            CountCell key = e.getKey();
            // the number each row stands for: its true value where known, else its published value
            List<Double> classes = new ArrayList<>();
            List<Double> distinct = new ArrayList<>();
            for (int[] ri : e.getValue()) {
                PublicRecord.Release rel = record.releases().get(ri[0]);
                PublishedRow row = rel.rows().get(ri[1]);
                Double truth = rel.truth() == null ? null : rel.truth().get(key);
                double c = truth != null ? truth : row.isPublished() ? Numbers.parse(row.value()) : Double.NaN;
                classes.add(c);
                if (!Double.isNaN(c) && distinct.stream().noneMatch(d -> CountTable.close(d, c))) {
                    distinct.add(c);
                }
            }
            boolean apart = separate.contains(key);
            Map<Integer, Integer> varOfClass = new HashMap<>();
            List<Integer> vars = new ArrayList<>();
            for (int k = 0; k < e.getValue().size(); k++) {
                int[] ri = e.getValue().get(k);
                PublishedRow row = record.releases().get(ri[0]).rows().get(ri[1]);
                double v = row.isPublished() ? Numbers.parse(row.value()) : Double.NaN;
                boolean withheld = PublishedRow.SUPPRESSED.equals(row.status());
                double c = classes.get(k);
                // rows of the same number share one unknown; a row of unknown number joins the only number there is
                int cls = apart ? -1 - k : Double.isNaN(c) ? (distinct.size() <= 1 ? 0 : -1 - k) : indexOf(distinct, c);
                Integer var = varOfClass.get(cls);
                if (var == null) {
                    var = addVariable(key, v, withheld, cls >= 0 && cls < distinct.size() ? distinct.get(cls) : Double.NaN);
                    varOfClass.put(cls, var);
                    vars.add(var);
                } else {
                    if (!Double.isNaN(v)) {
                        knownValues.set(var, v);
                    }
                    withheldFlags.set(var, withheldFlags.get(var) || withheld);
                }
                if (withheld) {
                    withheldKeys.add(key);
                }
                if (!Double.isNaN(v) && v != Math.rint(v)) {
                    integral = false;
                }
                releasesOf.get(var).set(ri[0]);
                rowVariable.get(ri[0])[ri[1]] = var;
            }
            variablesOfKey.put(key, vars);
            if (vars.size() == 1) {
                linked.put(key, vars.get(0));
            }
        }
    }

    private static int indexOf(List<Double> distinct, double c) {
        for (int i = 0; i < distinct.size(); i++) {
            if (CountTable.close(distinct.get(i), c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The unknown a new release's count joins: the one of the same key standing for the same true
     * number, or the key's only unknown if its number is not known (withheld, no truth given).
     */
    Integer variableFor(CountCell key, double truth) {
        List<Integer> vars = variablesOfKey.get(key);
        if (vars == null || Double.isNaN(truth)) {
            return null;
        }
        for (int v : vars) {
            double c = classValue.get(v);
            if (!Double.isNaN(c) && CountTable.close(c, truth)) {
                return v;
            }
        }
        return vars.size() == 1 && Double.isNaN(classValue.get(vars.get(0))) ? vars.get(0) : null;
    }

    /** The number an unknown stands for where known (its true value, given with the release, or its published one), else NaN. */
    double number(int variable) {
        return classValue.get(variable);
    }

    /** Whether some release withholds this count. */
    boolean withheldAnywhere(CountCell key) {
        return withheldKeys.contains(key);
    }

    static CountCell key(PublishedRow r) {
        return new CountCell(r.measure(), r.areaCode(), r.year(), r.targetGroup());
    }

    /** The margins one release declares, over that release's rows. */
    private void addDeclaredMargins(List<PublishedRow> rows, int[] vars) {
        Map<String, List<Integer>> areaChildren = new HashMap<>();
        Map<String, List<Integer>> sameAreaYear = new HashMap<>();
        Map<CountCell, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PublishedRow r = rows.get(i);
            if (vars[i] < 0) {
                continue;
            }
            index.put(key(r), i);
            if (!r.parentCode().isEmpty()) {
                areaChildren.computeIfAbsent(r.measure() + "|" + r.parentCode() + "|" + r.year() + "|" + r.targetGroup(),
                        x -> new ArrayList<>()).add(i);
            }
            sameAreaYear.computeIfAbsent(r.measure() + "|" + r.areaCode() + "|" + r.year(), x -> new ArrayList<>()).add(i);
        }
        for (int i = 0; i < rows.size(); i++) {
            PublishedRow c = rows.get(i);
            if (vars[i] < 0 || c.margin().isEmpty()) {
                continue;
            }
            for (String token : c.margin().split(",")) {
                boolean exact = !token.endsWith(CountTable.PARTIAL);
                String name = exact ? token : token.substring(0, token.length() - CountTable.PARTIAL.length());
                if (name.equals(CountTable.AREAS)) {
                    List<Integer> ch = areaChildren.getOrDefault(c.measure() + "|" + c.areaCode() + "|" + c.year() + "|" + c.targetGroup(), List.of());
                    if (!ch.isEmpty()) {
                        constraints.add(LinearConstraint.margin(vars[i], ch.stream().mapToInt(j -> vars[j]).toArray(), exact));
                    }
                } else if (name.equals(CountTable.TERMS)) {
                    LinearExpression e = LinearExpression.parse(c.measure());
                    int[] cs = new int[e.terms().size() + 1];
                    double[] coefs = new double[cs.length];
                    cs[0] = vars[i];
                    coefs[0] = -1;
                    boolean complete = true;
                    for (int t = 0; t < e.terms().size(); t++) {
                        Integer j = index.get(new CountCell(e.terms().get(t).variable(), c.areaCode(), c.year(), c.targetGroup()));
                        if (j == null) {
                            complete = false;
                            break;
                        }
                        cs[t + 1] = vars[j];
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
                        TargetGroup g = TargetGroup.parse(rows.get(j).targetGroup());
                        if (g.dimensions().size() == parent.dimensions().size() + 1 && g.matches(parent)
                                && g.dimensions().containsKey(name) && !parent.dimensions().containsKey(name)) {
                            ch.add(j);
                        }
                    }
                    if (!ch.isEmpty()) {
                        constraints.add(LinearConstraint.margin(vars[i], ch.stream().mapToInt(j -> vars[j]).toArray(), exact));
                    }
                }
            }
        }
    }

    /** Published rates, and rates derived from published changes, tie numerator and denominator. */
    private void addRateTies(PublicRecord record) {
        // published rates of all releases by key; where releases publish different rates, the release's own
        Map<String, List<PublishedRow>> rates = new HashMap<>();
        for (PublicRecord.Release rel : record.releases()) {
            for (PublishedRow r : rel.rows()) {
                if (PublishedRow.RATE.equals(r.kind()) && r.isPublished()) {
                    rates.computeIfAbsent(rateKey(r, r.year()), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (int ri = 0; ri < record.releases().size(); ri++) {
            List<PublishedRow> rows = record.releases().get(ri).rows();
            Map<CountCell, Integer> local = new HashMap<>();
            int[] vars = rowVariable.get(ri);
            for (int i = 0; i < rows.size(); i++) {
                if (vars[i] >= 0) {
                    local.put(key(rows.get(i)), vars[i]);
                }
            }
            Map<String, PublishedRow> ownRates = new HashMap<>();
            for (PublishedRow r : rows) {
                if (PublishedRow.RATE.equals(r.kind()) && r.isPublished()) {
                    ownRates.put(rateKey(r, r.year()), r);
                }
            }
            for (PublishedRow r : rows) {
                if (PublishedRow.RATE.equals(r.kind()) && r.isPublished()) {
                    tie(r, r.year(), Numbers.parse(r.value()), DisclosureAudit.halfUnit(r.value()), local);
                }
                if (PublishedRow.CHANGE.equals(r.kind()) && r.isPublished() && !r.baseYear().isEmpty()) {
                    int base = Integer.parseInt(r.baseYear());
                    PublishedRow now = rate(ownRates, rates, rateKey(r, r.year()));
                    PublishedRow then = rate(ownRates, rates, rateKey(r, base));
                    double change = Numbers.parse(r.value());
                    double hc = DisclosureAudit.halfUnit(r.value());
                    if (then != null && now == null) {
                        tie(r, r.year(), Numbers.parse(then.value()) + change, DisclosureAudit.halfUnit(then.value()) + hc, local);
                    }
                    if (now != null && then == null) {
                        tie(r, base, Numbers.parse(now.value()) - change, DisclosureAudit.halfUnit(now.value()) + hc, local);
                    }
                }
            }
        }
    }

    /** The release's own published rate, else one all releases agree on. */
    private static PublishedRow rate(Map<String, PublishedRow> own, Map<String, List<PublishedRow>> all, String key) {
        PublishedRow r = own.get(key);
        if (r != null) {
            return r;
        }
        List<PublishedRow> rs = all.get(key);
        if (rs == null || rs.stream().map(PublishedRow::value).distinct().count() != 1) {
            return null;
        }
        return rs.get(0);
    }

    private static String rateKey(PublishedRow r, int year) {
        return r.measure() + "|" + r.areaCode() + "|" + year + "|" + r.targetGroup();
    }

    /** {@code (rate − h)·den ≤ scale·num ≤ (rate + h)·den}, numerator and denominator of this release or linked. */
    private void tie(PublishedRow r, int year, double rate, double h, Map<CountCell, Integer> local) {
        if (r.scale().isEmpty()) {
            return;
        }
        Integer num = variable(new CountCell(r.numerator(), r.areaCode(), year, r.targetGroup()), local);
        Integer den = variable(new CountCell(r.denominator(), r.areaCode(), year, r.targetGroup()), local);
        if (num == null || den == null) {
            return;
        }
        double scale = Numbers.parse(r.scale());
        constraints.add(new LinearConstraint(new int[] {num, den}, new double[] {scale, -(rate + h)}, Double.NEGATIVE_INFINITY, 0));
        constraints.add(new LinearConstraint(new int[] {num, den}, new double[] {scale, -(rate - h)}, 0, Double.POSITIVE_INFINITY));
    }

    private Integer variable(CountCell key, Map<CountCell, Integer> local) {
        Integer v = local.get(key);
        return v != null ? v : linked.get(key);
    }
}
