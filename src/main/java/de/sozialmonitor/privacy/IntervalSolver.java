package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's tool: for every unknown cell, the smallest and largest value it can take given
 * all known cells and all linear relations between cells (two linear programs per cell, solved
 * with ojAlgo). Known cells are substituted as constants, so each program only has the unknown
 * cells of one connected group of relations as variables; that keeps them small.
 *
 * <p>Counts are never negative; an attacker who knows the counts are whole numbers rounds the
 * bounds inwards ({@code integral}). Bounds from the linear relaxation are what an attacker with an
 * LP solver gets; an integer program could occasionally be a little tighter (see docs/privacy.md).
 */
public final class IntervalSolver {
    private static final double EPS = 1e-6;

    static {
        // ojAlgo's presolvers work in BigDecimal and cost more than the small programs here; they
        // also rewrite the model, which is reused for every cell of a group. (Global setting: no
        // other part of Sozialmonitor uses ojAlgo.)
        ExpressionsBasedModel.clearPresolvers();
    }

    private IntervalSolver() {
    }

    /**
     * The problem: {@code known[i]} is the published value or NaN if cell i is unknown.
     * {@code required}, if given, is the width each cell's interval must have: as soon as two
     * feasible solutions found on the way are that far apart in a cell, the cell is protected and
     * its own two programs are skipped (its reported interval is then only a part of the true
     * one). Cells that are not protected are always solved exactly. Null: every interval exact.
     */
    public record Problem(double[] known, List<LinearConstraint> constraints, double[] lowerBounds,
                          double[] upperBounds, boolean integral, double[] required) {
        public Problem(double[] known, List<LinearConstraint> constraints, double[] lowerBounds,
                       double[] upperBounds, boolean integral) {
            this(known, constraints, lowerBounds, upperBounds, integral, null);
        }
    }

    /** Intervals of the {@code targets} (unknown cells); a value of null means the program had no solution. */
    public static Map<Integer, Interval> intervals(Problem p, Set<Integer> targets) {
        double[] known = p.known();
        int n = known.length;
        double big = 1000;
        for (double v : known) {
            if (!Double.isNaN(v)) {
                big = Math.max(big, 10 * Math.abs(v) + 1000);
            }
        }
        // connected groups of unknown cells
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<List<LinearConstraint>> byCell = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byCell.add(null);
        }
        for (LinearConstraint c : p.constraints()) {
            int first = -1;
            for (int cell : c.cells()) {
                if (Double.isNaN(known[cell])) {
                    if (first < 0) {
                        first = cell;
                    } else {
                        union(parent, first, cell);
                    }
                }
            }
        }
        Map<Integer, List<LinearConstraint>> constraintsByRoot = new HashMap<>();
        for (LinearConstraint c : p.constraints()) {
            for (int cell : c.cells()) {
                if (Double.isNaN(known[cell])) {
                    constraintsByRoot.computeIfAbsent(find(parent, cell), k -> new ArrayList<>()).add(c);
                    break;
                }
            }
        }
        Map<Integer, TreeSet<Integer>> members = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(known[i])) {
                members.computeIfAbsent(find(parent, i), k -> new TreeSet<>()).add(i);
            }
        }
        Map<Integer, Interval> out = new LinkedHashMap<>();
        for (int target : new TreeSet<>(targets)) {
            if (!Double.isNaN(known[target])) {
                throw new IllegalArgumentException("cell " + target + " is known, not a target");
            }
        }
        for (var group : members.entrySet()) {
            List<Integer> targetsHere = new ArrayList<>();
            for (int m : group.getValue()) {
                if (targets.contains(m)) {
                    targetsHere.add(m);
                }
            }
            if (targetsHere.isEmpty()) {
                continue;
            }
            List<LinearConstraint> cs = constraintsByRoot.getOrDefault(group.getKey(), List.of());
            Map<Integer, Variable> vars = new HashMap<>();
            List<Integer> order = new ArrayList<>();
            ExpressionsBasedModel model = model(p, group.getValue(), cs, big, vars, order);
            Map<Integer, double[]> seen = new HashMap<>(); // cell -> {smallest, largest} value in any solution
            if (p.required() != null && targetsHere.size() > 1) {
                // two cheap sweeps that push all cells to their extremes at once
                targetsHere.forEach(t -> vars.get(t).weight(1));
                record(model.minimise(), order, seen);
                record(model.maximise(), order, seen);
                targetsHere.forEach(t -> vars.get(t).weight(0));
            }
            for (int t : targetsHere) {
                if (p.required() != null && wideEnough(seen.get(t), p.required()[t], p.integral())) {
                    double[] s = seen.get(t);
                    out.put(t, new Interval(s[0] + 0.0, s[1]));
                    continue;
                }
                Variable v = vars.get(t);
                v.weight(1);
                Optimisation.Result min = model.minimise();
                Optimisation.Result max = model.maximise();
                v.weight(0);
                if (!min.getState().isFeasible() || !max.getState().isFeasible()) {
                    out.put(t, null);
                    continue;
                }
                record(min, order, seen);
                record(max, order, seen);
                double l = min.getValue();
                double hi = max.getValue();
                double h = hi >= big * 0.999 ? Double.POSITIVE_INFINITY : hi;
                if (p.integral()) {
                    l = Math.ceil(l - EPS);
                    h = Double.isInfinite(h) ? h : Math.floor(h + EPS);
                }
                out.put(t, new Interval(l + 0.0, h));
            }
        }
        return out;
    }

    /** One model per connected group; the objective is switched from cell to cell. */
    private static ExpressionsBasedModel model(Problem p, Set<Integer> unknowns, List<LinearConstraint> cs, double big,
                                               Map<Integer, Variable> vars, List<Integer> order) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        for (int u : unknowns) {
            double lo = p.lowerBounds() == null ? 0 : Math.max(0, p.lowerBounds()[u]);
            double hi = p.upperBounds() == null || Double.isInfinite(p.upperBounds()[u]) ? big : Math.min(big, p.upperBounds()[u]);
            vars.put(u, model.addVariable("x" + u).lower(lo).upper(hi));
            order.add(u);
        }
        int k = 0;
        for (LinearConstraint c : cs) {
            double constant = 0;
            Expression e = model.addExpression("c" + k++);
            for (int i = 0; i < c.cells().length; i++) {
                int cell = c.cells()[i];
                double known = p.known()[cell];
                if (Double.isNaN(known)) {
                    e.set(vars.get(cell), c.coefficients()[i]);
                } else {
                    constant += c.coefficients()[i] * known;
                }
            }
            if (!Double.isInfinite(c.lower())) {
                e.lower(c.lower() - constant);
            }
            if (!Double.isInfinite(c.upper())) {
                e.upper(c.upper() - constant);
            }
        }
        return model;
    }

    private static void record(Optimisation.Result r, List<Integer> order, Map<Integer, double[]> seen) {
        if (!r.getState().isFeasible()) {
            return;
        }
        for (int i = 0; i < order.size(); i++) {
            double x = r.doubleValue(i);
            double[] s = seen.computeIfAbsent(order.get(i), k -> new double[] {x, x});
            s[0] = Math.min(s[0], x);
            s[1] = Math.max(s[1], x);
        }
    }

    /** Two solutions this far apart prove the width; whole numbers are rounded inwards first. */
    private static boolean wideEnough(double[] s, double required, boolean integral) {
        if (s == null) {
            return false;
        }
        double width = integral ? Math.floor(s[1] + EPS) - Math.ceil(s[0] - EPS) : s[1] - s[0];
        return width >= required - EPS;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
