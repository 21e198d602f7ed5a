package de.sozialmonitor.privacy;

import de.sozialmonitor.model.LinearExpression;
import de.sozialmonitor.model.TargetGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All counts a release publishes, with the margins that link them: sub-areas adding up to their
 * parent area, target groups adding up to the group above (sex=f + sex=m = total), and composite
 * measures adding up from their terms (pop_total - pop_65plus). A margin is recorded as exact only
 * where the true values really add up; where the children cover only part of the parent it is an
 * inequality (children &lt;= parent). Counts of different years are not linked: the release
 * publishes no count differences (rate changes are handled in {@link ReleaseTableBuilder}).
 */
public final class CountTable {
    /** Margin tokens written into the download, so that anyone can set up the same equations. */
    public static final String AREAS = "areas";
    public static final String TERMS = "terms";
    public static final String PARTIAL = "<=";

    private final List<CountCell> cells;
    private final double[] values;
    private final int[] depth;
    private final int[] dimensions;
    private final Map<CountCell, Integer> index;
    private final List<LinearConstraint> constraints = new ArrayList<>();
    /** For a parent cell: which margins end in it (tokens such as "areas", "sex", "nationality<="). */
    private final Map<Integer, TreeSet<String>> margins = new TreeMap<>();

    private CountTable(List<CountCell> cells, double[] values, int[] depth, int[] dimensions) {
        this.cells = cells;
        this.values = values;
        this.depth = depth;
        this.dimensions = dimensions;
        this.index = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            index.put(cells.get(i), i);
        }
    }

    /**
     * Builds the table and its margins. {@code values} maps each cell to its true count (NaN where
     * the count is not available); {@code areas} gives the hierarchy.
     */
    public static CountTable build(Map<CountCell, Double> values, Map<String, AreaInfo> areas) {
        return build(values, areas, false);
    }

    /**
     * As {@link #build(Map, Map)}; with {@code complements}, every breakdown that lacks exactly one
     * group is completed first ({@link #withComplements}), so that the release shows (or withholds)
     * what anyone can compute as the total minus its published parts.
     */
    public static CountTable build(Map<CountCell, Double> values, Map<String, AreaInfo> areas, boolean complements) {
        if (complements) {
            values = withComplements(values);
        }
        List<CountCell> cells = new ArrayList<>(new TreeMap<>(values).keySet());
        double[] v = new double[cells.size()];
        int[] depth = new int[cells.size()];
        int[] dims = new int[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            Double value = values.get(c);
            v[i] = value == null ? Double.NaN : value;
            AreaInfo a = areas.get(c.areaCode());
            depth[i] = a == null ? 0 : a.depth();
            dims[i] = TargetGroup.parse(c.targetGroup()).dimensions().size();
        }
        CountTable t = new CountTable(Collections.unmodifiableList(cells), v, depth, dims);
        t.addAreaMargins(areas);
        t.addGroupMargins();
        t.addTermMargins();
        return t;
    }

    /**
     * The counts completed by the group each breakdown lacks. A release carries some years only in
     * part (the earlier years of a release: the total and the women of a measure, not the men); but
     * the same download shows, for other years or areas, that the total is exactly women plus men, so
     * anyone gets the men as total minus women. Such a count is added here as the cell it is (value:
     * parent minus the parts shown) and goes through disclosure control like any other: withheld if
     * small, and with partners. Added only where the measure proves the dimension complete (an exact
     * breakdown along it with the same groups, somewhere in the table) and exactly one group is
     * missing. Found by the demo's release for 2022 after those for 2023 and 2024: the 2023 release
     * showed 2022's total 7 and women 5 of a locality, so the 2 men were public, unprotected.
     */
    public static Map<CountCell, Double> withComplements(Map<CountCell, Double> values) {
        // measure|area|year -> target group -> value
        Map<String, Map<TargetGroup, Double>> byKey = new TreeMap<>();
        Map<String, CountCell> sample = new HashMap<>();
        values.forEach((c, v) -> {
            String k = c.measure() + "\u0000" + c.areaCode() + "\u0000" + c.year();
            byKey.computeIfAbsent(k, x -> new java.util.LinkedHashMap<>()).put(TargetGroup.parse(c.targetGroup()), v);
            sample.putIfAbsent(k, c);
        });
        // measure|dimension -> the groups of that dimension that an exact breakdown shows complete
        Map<String, TreeSet<String>> complete = new HashMap<>();
        Map<String, List<Object[]>> partial = new TreeMap<>(); // measure|dimension -> {key, parent, dimension, present, missingSum}
        byKey.forEach((k, groups) -> {
            String measure = sample.get(k).measure();
            groups.forEach((parent, pv) -> {
                Map<String, Map<String, Double>> children = new TreeMap<>();
                groups.forEach((child, cv) -> {
                    if (child.dimensions().size() == parent.dimensions().size() + 1 && child.matches(parent)) {
                        String d = child.dimensions().keySet().stream().filter(x -> !parent.dimensions().containsKey(x))
                                .findFirst().orElseThrow();
                        children.computeIfAbsent(d, x -> new TreeMap<>()).put(child.dimensions().get(d), cv);
                    }
                });
                children.forEach((d, parts) -> {
                    if (pv == null || Double.isNaN(pv) || parts.values().stream().anyMatch(x -> x == null || Double.isNaN(x))) {
                        return;
                    }
                    double sum = parts.values().stream().mapToDouble(Double::doubleValue).sum();
                    if (close(sum, pv)) {
                        complete.computeIfAbsent(measure + "|" + d, x -> new TreeSet<>()).addAll(parts.keySet());
                    } else if (sum < pv) {
                        partial.computeIfAbsent(measure + "|" + d, x -> new ArrayList<>())
                                .add(new Object[] {k, parent, d, parts.keySet(), pv - sum});
                    }
                });
            });
        });
        Map<CountCell, Double> out = new TreeMap<>(values);
        partial.forEach((md, list) -> {
            TreeSet<String> groups = complete.get(md);
            if (groups == null) {
                return;
            }
            for (Object[] p : list) {
                @SuppressWarnings("unchecked")
                java.util.Set<String> present = (java.util.Set<String>) p[3];
                if (!groups.containsAll(present) || groups.size() != present.size() + 1) {
                    continue;
                }
                String missing = groups.stream().filter(g -> !present.contains(g)).findFirst().orElseThrow();
                TargetGroup parent = (TargetGroup) p[1];
                Map<String, String> dims = new TreeMap<>(parent.dimensions());
                dims.put((String) p[2], missing);
                CountCell any = sample.get((String) p[0]);
                out.putIfAbsent(new CountCell(any.measure(), any.areaCode(), any.year(), TargetGroup.of(dims).key()),
                        (Double) p[4]);
            }
        });
        return out;
    }

    private void addAreaMargins(Map<String, AreaInfo> areas) {
        Map<CountCell, List<Integer>> childrenOf = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            AreaInfo a = areas.get(c.areaCode());
            if (a == null || a.parentCode() == null || a.parentCode().isBlank()) {
                continue;
            }
            CountCell parent = new CountCell(c.measure(), a.parentCode(), c.year(), c.targetGroup());
            if (index.containsKey(parent)) {
                childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
            }
        }
        childrenOf.forEach((parent, children) -> addMargin(index.get(parent), children, AREAS));
    }

    private void addGroupMargins() {
        // group the cells of one measure, area and year by target group
        Map<String, List<Integer>> byKey = new TreeMap<>();
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            byKey.computeIfAbsent(c.measure() + "\u0000" + c.areaCode() + "\u0000" + c.year(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byKey.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (int p : group) {
                TargetGroup parent = TargetGroup.parse(cells.get(p).targetGroup());
                Map<String, List<Integer>> childrenByDimension = new TreeMap<>();
                for (int c : group) {
                    TargetGroup child = TargetGroup.parse(cells.get(c).targetGroup());
                    if (child.dimensions().size() == parent.dimensions().size() + 1 && child.matches(parent)) {
                        String extra = child.dimensions().keySet().stream()
                                .filter(d -> !parent.dimensions().containsKey(d)).findFirst().orElseThrow();
                        childrenByDimension.computeIfAbsent(extra, k -> new ArrayList<>()).add(c);
                    }
                }
                childrenByDimension.forEach((dimension, children) -> addMargin(p, children, dimension));
            }
        }
    }

    private void addTermMargins() {
        for (int i = 0; i < cells.size(); i++) {
            CountCell c = cells.get(i);
            if (isPlaceholder(c.measure())) {
                continue; // a count of an indicator the catalog no longer holds: one opaque number, no terms
            }
            LinearExpression e;
            try {
                e = LinearExpression.parse(c.measure());
            } catch (IllegalArgumentException ex) {
                // never skipped quietly: a measure that is no expression would lose the margins that protect its terms
                throw new IllegalArgumentException("count " + c + ": measure is no sum or difference of variables: "
                        + ex.getMessage(), ex);
            }
            if (e.terms().size() < 2) {
                continue;
            }
            int[] cs = new int[e.terms().size() + 1];
            double[] coefs = new double[cs.length];
            cs[0] = i;
            coefs[0] = -1;
            double sum = 0;
            boolean complete = true;
            for (int k = 0; k < e.terms().size(); k++) {
                var term = e.terms().get(k);
                Integer j = index.get(new CountCell(term.variable(), c.areaCode(), c.year(), c.targetGroup()));
                if (j == null || Double.isNaN(values[j])) {
                    complete = false;
                    break;
                }
                cs[k + 1] = j;
                coefs[k + 1] = term.sign();
                sum += term.sign() * values[j];
            }
            if (complete && !Double.isNaN(values[i]) && close(sum, values[i])) {
                constraints.add(LinearConstraint.equality(cs, coefs, 0));
                margins.computeIfAbsent(i, k -> new TreeSet<>()).add(TERMS);
            }
        }
    }

    /**
     * Whether a measure is the placeholder {@code id:numerator} / {@code id:denominator} that
     * {@link ReleaseTableBuilder} writes for the counts of an indicator the catalog does not hold
     * (values computed under an older catalog): a single number, not an expression of variables.
     */
    static boolean isPlaceholder(String measure) {
        return measure.endsWith(ReleaseTableBuilder.NUMERATOR_PLACEHOLDER) || measure.endsWith(ReleaseTableBuilder.DENOMINATOR_PLACEHOLDER);
    }

    private void addMargin(int parent, List<Integer> children, String token) {
        if (Double.isNaN(values[parent])) {
            return;
        }
        double sum = 0;
        for (int c : children) {
            if (Double.isNaN(values[c])) {
                return;
            }
            sum += values[c];
        }
        int[] ch = children.stream().mapToInt(Integer::intValue).toArray();
        if (close(sum, values[parent])) {
            constraints.add(LinearConstraint.margin(parent, ch, true));
            margins.computeIfAbsent(parent, k -> new TreeSet<>()).add(token);
        } else if (sum < values[parent]) {
            constraints.add(LinearConstraint.margin(parent, ch, false));
            margins.computeIfAbsent(parent, k -> new TreeSet<>()).add(token + PARTIAL);
        }
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    public int size() {
        return cells.size();
    }

    public List<CountCell> cells() {
        return cells;
    }

    public CountCell cell(int i) {
        return cells.get(i);
    }

    public double value(int i) {
        return values[i];
    }

    public Integer indexOf(CountCell cell) {
        return index.get(cell);
    }

    /** Depth of the cell's area in the hierarchy (county 0, municipality 1, locality 2, ...). */
    public int depth(int i) {
        return depth[i];
    }

    /** Number of target-group dimensions (total = 0). */
    public int dimensions(int i) {
        return dimensions[i];
    }

    public List<LinearConstraint> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    /** The margin tokens of a cell, joined with ',' (empty if no margin ends in it). */
    public String marginTokens(int i) {
        TreeSet<String> t = margins.get(i);
        return t == null ? "" : String.join(",", t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CountTable t && cells.equals(t.cells) && java.util.Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cells, java.util.Arrays.hashCode(values));
    }
}
