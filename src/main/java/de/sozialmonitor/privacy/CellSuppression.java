package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary and secondary suppression of a {@link CountTable}.
 *
 * <p>Primary: every count of at least 1 and below the minimum count of its variable.
 *
 * <p>Secondary, in two stages (a minimum-loss heuristic with an exact audit, in the spirit of
 * tau-ARGUS's modular approach):
 * <ol>
 *   <li><b>Margin heuristic.</b> For every exact margin (parent = sum of children) that contains
 *   suppressed cells: if only one cell is suppressed it could be recovered by subtraction, so a
 *   partner is suppressed as well; if several children are suppressed but together sum to less than
 *   the protection width, another one is added. The partner is the cheapest cell in that margin that
 *   is large enough to give the protection needed, where the cost is the information lost: its value
 *   plus one, weighted up for higher levels (a municipality total is worth more than a locality) and
 *   for broader target groups (the total is worth more than "foreign women"). Repeat until no
 *   margin changes, since a new suppression can open another margin.</li>
 *   <li><b>Audit.</b> The attacker's linear programs ({@link IntervalSolver}) over all margins at
 *   once compute each suppressed cell's feasible interval. Any cell whose interval is narrower than
 *   the protection width gets one more partner from one of its margins (chosen as above); then
 *   stage 1 and the audit run again, until the audit finds nothing.</li>
 * </ol>
 * The audit is what guarantees protection; the heuristic only makes it converge fast and cheaply.
 */
public final class CellSuppression {

    /** What was suppressed and why; {@code unprotected} lists cells no further suppression could protect. */
    public record Result(boolean[] suppressed, boolean[] primary, int auditRounds, List<Integer> unprotected) {
        public int primaryCount() {
            return count(primary);
        }

        public int suppressedCount() {
            return count(suppressed);
        }

        private static int count(boolean[] b) {
            int n = 0;
            for (boolean x : b) {
                n += x ? 1 : 0;
            }
            return n;
        }
    }

    private final CountTable table;
    private final DisclosureRules rules;
    private final boolean[] suppressed;
    private final double[] cost;
    private final List<List<LinearConstraint>> constraintsOf;

    private CellSuppression(CountTable table, DisclosureRules rules) {
        this.table = table;
        this.rules = rules;
        this.suppressed = new boolean[table.size()];
        this.cost = new double[table.size()];
        int maxDepth = 0;
        int maxDims = 0;
        for (int i = 0; i < table.size(); i++) {
            maxDepth = Math.max(maxDepth, table.depth(i));
            maxDims = Math.max(maxDims, table.dimensions(i));
        }
        for (int i = 0; i < table.size(); i++) {
            cost[i] = (table.value(i) + 1) * (1 + (maxDepth - table.depth(i))) * (1 + 0.5 * (maxDims - table.dimensions(i)));
        }
        constraintsOf = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            constraintsOf.add(new ArrayList<>());
        }
        for (LinearConstraint c : table.constraints()) {
            for (int cell : c.cells()) {
                constraintsOf.get(cell).add(c);
            }
        }
    }

    public static Result suppress(CountTable table, DisclosureRules rules) {
        return new CellSuppression(table, rules).run();
    }

    private Result run() {
        boolean[] primary = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) {
            primary[i] = rules.isPrimary(table.cell(i).measure(), table.value(i));
            suppressed[i] = primary[i];
        }
        int rounds = 0;
        List<Integer> unprotected = new ArrayList<>();
        while (true) {
            marginHeuristic();
            rounds++;
            Map<Integer, Interval> intervals = audit();
            List<Integer> risky = new ArrayList<>();
            intervals.forEach((cell, interval) -> {
                if (!isProtected(cell, interval)) {
                    risky.add(cell);
                }
            });
            if (risky.isEmpty()) {
                break;
            }
            Set<LinearConstraint> touched = new HashSet<>();
            boolean repaired = false;
            unprotected.clear();
            for (int cell : risky) {
                if (constraintsOf.get(cell).stream().anyMatch(touched::contains)) {
                    repaired = true; // its margins changed this round; look again next round
                    continue;
                }
                Interval iv = intervals.get(cell);
                double need = iv == null || iv.isUnbounded() ? rules.protectionWidth(table.cell(cell).measure())
                        : rules.protectionWidth(table.cell(cell).measure()) - iv.width();
                int partner = choosePartnerNear(cell, need);
                if (partner < 0) {
                    unprotected.add(cell);
                    continue;
                }
                suppressed[partner] = true;
                touched.addAll(constraintsOf.get(partner));
                repaired = true;
            }
            if (!repaired || rounds > table.size()) {
                break;
            }
        }
        return new Result(suppressed.clone(), primary, rounds, List.copyOf(unprotected));
    }

    boolean isProtected(int cell, Interval interval) {
        return interval != null && interval.width() >= rules.protectionWidth(table.cell(cell).measure()) - 1e-9;
    }

    /** Stage 1: make every exact margin safe on its own. */
    private void marginHeuristic() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinearConstraint c : table.constraints()) {
                if (!c.isEquality()) {
                    continue;
                }
                int parent = c.cells()[0];
                List<Integer> hidden = new ArrayList<>();
                for (int cell : c.cells()) {
                    if (suppressed[cell]) {
                        hidden.add(cell);
                    }
                }
                if (hidden.isEmpty()) {
                    continue;
                }
                double need;
                if (hidden.size() == 1) {
                    int only = hidden.get(0);
                    double p = rules.protectionWidth(table.cell(only).measure());
                    need = only == parent ? p : p - table.value(only);
                    need = Math.max(need, 1e-9);
                } else if (!hidden.contains(parent)) {
                    double sum = 0;
                    double p = 0;
                    for (int h : hidden) {
                        sum += table.value(h);
                        p = Math.max(p, rules.protectionWidth(table.cell(h).measure()));
                    }
                    need = p - sum;
                    if (need <= 1e-9) {
                        continue;
                    }
                } else {
                    continue;
                }
                int partner = choosePartner(List.of(c), need);
                if (partner >= 0) {
                    suppressed[partner] = true;
                    changed = true;
                }
            }
        }
    }

    /** The cheapest published cell of these margins that gives {@code need} more protection, else the largest. */
    private int choosePartner(List<LinearConstraint> constraints, double need) {
        int best = -1;
        int largest = -1;
        for (LinearConstraint c : constraints) {
            for (int cell : c.cells()) {
                double v = table.value(cell);
                if (suppressed[cell] || Double.isNaN(v)) {
                    continue;
                }
                if (v >= need - 1e-9 && (best < 0 || cost[cell] < cost[best] || cost[cell] == cost[best] && cell < best)) {
                    best = cell;
                }
                if (largest < 0 || v > table.value(largest) || v == table.value(largest) && cost[cell] < cost[largest]) {
                    largest = cell;
                }
            }
        }
        return best >= 0 ? best : largest;
    }

    /**
     * A partner from the cell's own margins or, if all of those are already hidden, from the
     * margins of the hidden cells next to it, moving outwards one margin at a time.
     */
    private int choosePartnerNear(int cell, double need) {
        Set<Integer> reached = new HashSet<>(List.of(cell));
        List<Integer> frontier = List.of(cell);
        Set<LinearConstraint> seen = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<LinearConstraint> layer = new ArrayList<>();
            for (int f : frontier) {
                for (LinearConstraint c : constraintsOf.get(f)) {
                    if (seen.add(c)) {
                        layer.add(c);
                    }
                }
            }
            int partner = choosePartner(layer, need);
            if (partner >= 0) {
                return partner;
            }
            List<Integer> next = new ArrayList<>();
            for (LinearConstraint c : layer) {
                for (int x : c.cells()) {
                    if (suppressed[x] && reached.add(x)) {
                        next.add(x);
                    }
                }
            }
            frontier = next;
        }
        return -1;
    }

    /** The attacker's intervals for every suppressed cell, given the current suppression. */
    private Map<Integer, Interval> audit() {
        double[] known = new double[table.size()];
        Set<Integer> targets = new HashSet<>();
        boolean integral = true;
        for (int i = 0; i < table.size(); i++) {
            double v = table.value(i);
            known[i] = suppressed[i] ? Double.NaN : v;
            if (suppressed[i]) {
                targets.add(i);
            }
            if (!Double.isNaN(v) && v != Math.rint(v)) {
                integral = false;
            }
        }
        double[] required = new double[table.size()];
        for (int i = 0; i < table.size(); i++) {
            required[i] = rules.protectionWidth(table.cell(i).measure());
        }
        return IntervalSolver.intervals(new IntervalSolver.Problem(known, table.constraints(), null, null, integral, required), targets);
    }
}
