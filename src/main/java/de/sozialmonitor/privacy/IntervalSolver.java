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
 * all known cells and all linear relations between cells, solved with ojAlgo. Known cells are
 * substituted as constants, so each program only has the unknown cells of one connected group of
 * relations as variables; that keeps them small.
 *
 * <p>Counts are never negative (or not below {@code lowerBounds}). When they are whole numbers
 * ({@code integral}) the intervals are those of the <em>integer</em> program: a bound is taken from
 * the linear program where its optimal solution is whole (then no integer solution can do better),
 * else from the mixed-integer program (branch and bound). So no attacker, with linear or integer
 * programming, can confine a cell more closely than the interval reported.
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
     * {@code lowerBounds} (null: 0 for all) are the least values the attacker knows unknown cells to
     * have. {@code required}, if given, is the width each cell's interval must have: as soon as two
     * feasible solutions found on the way (whole-numbered ones, if {@code integral}) are that far apart
     * in a cell, the cell is protected and its own programs are skipped (its reported interval is then
     * only a part of the true one). Cells that are not protected are always solved exactly. Null:
     * every interval exact. {@code truth}, if given, is a solution the defender knows (the true
     * table); it is used as such only where it satisfies every relation of its group.
     * {@code integerPrograms} false gives the bounds of the linear programs rounded inwards, as
     * releases frozen under {@link DisclosureRules#SINGLE_RELEASE} were audited (kept to rebuild them).
     */
    public record Problem(double[] known, List<LinearConstraint> constraints, double[] lowerBounds,
                          double[] upperBounds, boolean integral, double[] required, double[] truth,
                          boolean integerPrograms) {
        public Problem(double[] known, List<LinearConstraint> constraints, double[] lowerBounds,
                       double[] upperBounds, boolean integral, double[] required) {
            this(known, constraints, lowerBounds, upperBounds, integral, required, null, true);
        }

        public Problem(double[] known, List<LinearConstraint> constraints, double[] lowerBounds,
                       double[] upperBounds, boolean integral) {
            this(known, constraints, lowerBounds, upperBounds, integral, null, null, true);
        }

        /** Whether bounds must be those of the integer program (whole counts, not the single-release scheme). */
        boolean exactIntegers() {
            return integral && integerPrograms;
        }
    }

    /** Intervals of the {@code targets} (unknown cells); a value of null means the program had no solution. */
    public static Map<Integer, Interval> intervals(Problem p, Set<Integer> targets) {
        double[] known = p.known();
        for (int target : new TreeSet<>(targets)) {
            if (!Double.isNaN(known[target])) {
                throw new IllegalArgumentException("cell " + target + " is known, not a target");
            }
        }
        double big = 1000;
        for (double v : known) {
            if (!Double.isNaN(v)) {
                big = Math.max(big, 10 * Math.abs(v) + 1000);
            }
        }
        Map<Integer, Interval> out = new LinkedHashMap<>();
        for (Group g : groups(p)) {
            List<Integer> targetsHere = new ArrayList<>();
            for (int m : g.members()) {
                if (targets.contains(m)) {
                    targetsHere.add(m);
                }
            }
            if (!targetsHere.isEmpty()) {
                new GroupSolver(p, g, big).solve(targetsHere, out);
            }
        }
        return out;
    }

    /** A connected group of unknown cells and the relations among them. */
    record Group(TreeSet<Integer> members, List<LinearConstraint> constraints) {
    }

    /** The connected groups of unknown cells (linked by relations they share). */
    static List<Group> groups(Problem p) {
        double[] known = p.known();
        int n = known.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
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
        List<Group> out = new ArrayList<>();
        members.forEach((root, m) -> out.add(new Group(m, constraintsByRoot.getOrDefault(root, List.of()))));
        return out;
    }

    /** The programs of one group: a linear model reused for every cell, a mixed-integer one built when needed. */
    private static final class GroupSolver {
        private final Problem p;
        private final Group g;
        private final double big;
        private final Map<Integer, Variable> vars = new HashMap<>();
        private final List<Integer> order = new ArrayList<>();
        private final ExpressionsBasedModel model;
        private Map<Integer, Variable> intVars;
        private ExpressionsBasedModel intModel;
        /** cell to {smallest, largest} value in any solution that counts as proof (whole if integral) */
        private final Map<Integer, double[]> seen = new HashMap<>();

        GroupSolver(Problem p, Group g, double big) {
            this.p = p;
            this.g = g;
            this.big = big;
            this.model = model(false, vars);
        }

        void solve(List<Integer> targets, Map<Integer, Interval> out) {
            if (p.truth() != null) {
                double[] t = new double[order.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = p.truth()[order.get(i)];
                }
                if (feasible(t)) {
                    record(t);
                }
            }
            if (p.required() != null && targets.size() > 1) {
                // two cheap sweeps that push all cells to their extremes at once
                targets.forEach(t -> vars.get(t).weight(1));
                record(model.minimise());
                record(model.maximise());
                targets.forEach(t -> vars.get(t).weight(0));
            }
            for (int t : targets) {
                if (p.required() != null && wideEnough(seen.get(t), p.required()[t])) {
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
                boolean minWhole = record(min);
                boolean maxWhole = record(max);
                double l = min.getValue();
                double h = max.getValue() >= big * 0.999 ? Double.POSITIVE_INFINITY : max.getValue();
                if (p.integral()) {
                    l = Math.ceil(l - EPS);
                    h = Double.isInfinite(h) ? h : Math.floor(h + EPS);
                }
                if (p.exactIntegers()) {
                    if (p.required() != null && wideEnough(seen.get(t), p.required()[t])) {
                        // whole solutions found on the way already prove the width
                        double[] s = seen.get(t);
                        out.put(t, new Interval(s[0] + 0.0, s[1]));
                        continue;
                    }
                    if (!minWhole) {
                        l = integerBound(t, false, l);
                    }
                    if (!maxWhole && !Double.isInfinite(h)) {
                        h = integerBound(t, true, h);
                    }
                    if (Double.isNaN(l) || Double.isNaN(h)) {
                        out.put(t, null);
                        continue;
                    }
                }
                out.put(t, new Interval(l + 0.0, h));
            }
        }

        /** The exact bound of the integer program; {@code fallback} (the rounded linear bound) if it has no proven optimum. */
        private double integerBound(int cell, boolean maximise, double fallback) {
            if (intModel == null) {
                intVars = new HashMap<>();
                intModel = model(true, intVars);
            }
            Variable v = intVars.get(cell);
            v.weight(1);
            Optimisation.Result r = maximise ? intModel.maximise() : intModel.minimise();
            v.weight(0);
            if (!r.getState().isFeasible()) {
                return Double.NaN; // no whole-numbered solution: the published facts contradict each other
            }
            if (!r.getState().isOptimal()) {
                return fallback;
            }
            record(r);
            return maximise ? Math.floor(r.getValue() + EPS) : Math.ceil(r.getValue() - EPS);
        }

        private ExpressionsBasedModel model(boolean integer, Map<Integer, Variable> into) {
            ExpressionsBasedModel m = new ExpressionsBasedModel();
            boolean fillOrder = order.isEmpty();
            for (int u : g.members()) {
                double lo = p.lowerBounds() == null || Double.isNaN(p.lowerBounds()[u]) ? 0 : Math.max(0, p.lowerBounds()[u]);
                double hi = p.upperBounds() == null || Double.isInfinite(p.upperBounds()[u]) ? big : Math.min(big, p.upperBounds()[u]);
                Variable v = m.addVariable("x" + u).lower(lo).upper(hi);
                if (integer) {
                    v.integer(true);
                }
                into.put(u, v);
                if (fillOrder) {
                    order.add(u);
                }
            }
            int k = 0;
            for (LinearConstraint c : g.constraints()) {
                double constant = 0;
                Expression e = m.addExpression("c" + k++);
                for (int i = 0; i < c.cells().length; i++) {
                    int cell = c.cells()[i];
                    double known = p.known()[cell];
                    if (Double.isNaN(known)) {
                        e.set(into.get(cell), c.coefficients()[i]);
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
            return m;
        }

        /** Records a solution as proof if it counts as one; returns whether it is whole-numbered (or need not be). */
        private boolean record(Optimisation.Result r) {
            if (!r.getState().isFeasible()) {
                return false;
            }
            double[] x = new double[order.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.doubleValue(i);
            }
            return record(x);
        }

        private boolean record(double[] x) {
            if (p.exactIntegers()) {
                for (double v : x) {
                    if (Math.abs(v - Math.rint(v)) > EPS) {
                        return false;
                    }
                }
            }
            for (int i = 0; i < x.length; i++) {
                double v = p.exactIntegers() ? Math.rint(x[i]) : x[i];
                double[] s = seen.computeIfAbsent(order.get(i), k -> new double[] {v, v});
                s[0] = Math.min(s[0], v);
                s[1] = Math.max(s[1], v);
            }
            return true;
        }

        /** Whether x (in {@code order}) satisfies the group's bounds and relations. */
        private boolean feasible(double[] x) {
            Map<Integer, Double> value = new HashMap<>();
            for (int i = 0; i < x.length; i++) {
                int u = order.get(i);
                double lo = p.lowerBounds() == null || Double.isNaN(p.lowerBounds()[u]) ? 0 : Math.max(0, p.lowerBounds()[u]);
                if (Double.isNaN(x[i]) || x[i] < lo - EPS || x[i] > big) {
                    return false;
                }
                value.put(u, x[i]);
            }
            for (LinearConstraint c : g.constraints()) {
                double sum = 0;
                for (int i = 0; i < c.cells().length; i++) {
                    int cell = c.cells()[i];
                    double k = p.known()[cell];
                    sum += c.coefficients()[i] * (Double.isNaN(k) ? value.get(cell) : k);
                }
                double tol = EPS * Math.max(1, Math.abs(sum));
                if (sum < c.lower() - tol || sum > c.upper() + tol) {
                    return false;
                }
            }
            return true;
        }

        /** Two proving solutions this far apart prove the width (linear solutions of whole counts rounded inwards). */
        private boolean wideEnough(double[] s, double required) {
            if (s == null) {
                return false;
            }
            double width = p.integral() && !p.exactIntegers() ? Math.floor(s[1] + EPS) - Math.ceil(s[0] - EPS) : s[1] - s[0];
            return width >= required - EPS;
        }
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
