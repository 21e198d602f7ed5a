package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Primary and secondary suppression of a {@link CountTable}, against the whole public record.
 *
 * <p>Primary: every count of at least 1 and below the minimum count of its variable.
 *
 * <p>The public record: the counts of the new release are linked with the same counts of every
 * published release (as {@link AttackModel} links them for the attacker). A count that a published
 * release withholds is withheld again ("inherited": what was protected stays protected); a count a
 * published release shows with the same value is known anyway and is never chosen to protect
 * another. The relations of the published releases take part in the audit.
 *
 * <p>Secondary, in two stages (a minimum-loss heuristic with an exact audit, in the spirit of
 * tau-ARGUS's modular approach):
 * <ol>
 *   <li><b>Margin heuristic.</b> For every exact margin (parent = sum of children) of the new
 *   release that contains suppressed cells: if only one cell is suppressed it could be recovered by
 *   subtraction, so a partner is suppressed as well; if several children are suppressed but together
 *   sum to less than the protection width, another one is added. The partner is the cheapest cell
 *   in that margin that is large enough to give the protection needed, where the cost is the
 *   information lost: its value plus one, weighted up for higher levels (a municipality total is
 *   worth more than a locality) and for broader target groups (the total is worth more than
 *   "foreign women"). A zero is never chosen: zeros are always published, so that "withheld" never
 *   means "zero". Repeat until no margin changes, since a new suppression can open another.</li>
 *   <li><b>Audit.</b> The attacker's programs ({@link IntervalSolver}) over all relations of the
 *   public record compute each withheld cell's feasible interval, twice: with counts ≥ 0 (the
 *   interval must be at least the protection width wide) and with every withheld count ≥ 1 (what an
 *   attacker who knows that zeros are published may assume; no count may be pinned to one value).
 *   Any cell that fails gets one more partner from its relations (chosen as above); then stage 1
 *   and the audit run again, until the audit finds nothing.</li>
 * </ol>
 * The audit is what guarantees protection; the heuristic only makes it converge fast and cheaply.
 */
public final class CellSuppression {

    /**
     * What was suppressed and why; {@code unprotected} lists cells no further suppression could
     * protect (cells of the new release, or of a published release the new one would expose).
     */
    public record Result(boolean[] suppressed, boolean[] primary, boolean[] inherited, int auditRounds,
                         List<String> unprotected) {
        public int primaryCount() {
            return count(primary);
        }

        public int suppressedCount() {
            return count(suppressed);
        }

        public int inheritedCount() {
            int n = 0;
            for (int i = 0; i < suppressed.length; i++) {
                n += inherited[i] && !primary[i] ? 1 : 0;
            }
            return n;
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
    private final boolean record;
    /** Criterion (b) counts pins to wrong values too, and exposed partners are avoided (scheme 3). */
    private final boolean everyPin;
    /** Unknowns of the union: published releases' unknowns first, then the new release's own. */
    private final int size;
    /** The new release's cell i is union unknown {@code unionOf[i]}. */
    private final int[] unionOf;
    /** Union unknown to the new release's cell, or -1 for unknowns of published releases only. */
    private final int[] cellOf;
    private final double[] knownBefore;
    private final double[] truthBefore;
    private final boolean[] withheldBefore;
    private final List<LinearConstraint> constraints;
    private final List<LinearConstraint> ownConstraints;
    private final List<List<LinearConstraint>> constraintsOf;
    private final List<String> names;
    private final boolean[] suppressed;
    private final boolean[] inherited;
    private final double[] cost;
    /**
     * Unknowns the published releases already give, whatever this release withholds: known from a
     * published release, or the last unknown of an exact relation whose other unknowns all are
     * (repeated until nothing changes). Withholding one protects nothing.
     */
    private final boolean[] given;

    private CellSuppression(CountTable table, DisclosureRules rules, PublicRecord published) {
        this.table = table;
        this.rules = rules;
        this.record = !rules.singleRelease();
        this.everyPin = rules.scheme() >= DisclosureRules.PUBLIC_RECORD_AS_SEEN_OUTSIDE;
        AttackModel before = AttackModel.of(record ? published : PublicRecord.empty(), Set.of());
        int n = before.size();
        unionOf = new int[table.size()];
        inherited = new boolean[table.size()];
        names = new ArrayList<>();
        before.cells.forEach(c -> names.add(c.toString()));
        for (int i = 0; i < table.size(); i++) {
            CountCell cell = table.cell(i);
            Integer v = before.variableFor(cell, table.value(i));
            if (v != null) {
                unionOf[i] = v;
            } else {
                unionOf[i] = n++;
                names.add(cell.toString());
            }
            inherited[i] = !Double.isNaN(table.value(i)) && before.withheldAnywhere(cell)
                    && (v == null || Double.isNaN(before.knownValues.get(v)));
        }
        size = n;
        cellOf = new int[size];
        Arrays.fill(cellOf, -1);
        for (int i = 0; i < table.size(); i++) {
            cellOf[unionOf[i]] = i;
        }
        knownBefore = new double[size];
        truthBefore = new double[size];
        withheldBefore = new boolean[size];
        Arrays.fill(knownBefore, Double.NaN);
        Arrays.fill(truthBefore, Double.NaN);
        for (int v = 0; v < before.size(); v++) {
            knownBefore[v] = before.knownValues.get(v);
            truthBefore[v] = before.number(v);
            withheldBefore[v] = before.withheldFlags.get(v);
        }
        ownConstraints = new ArrayList<>();
        for (LinearConstraint c : table.constraints()) {
            int[] cells = new int[c.cells().length];
            for (int k = 0; k < cells.length; k++) {
                cells[k] = unionOf[c.cells()[k]];
            }
            ownConstraints.add(new LinearConstraint(cells, c.coefficients(), c.lower(), c.upper()));
        }
        constraints = new ArrayList<>(before.constraints);
        constraints.addAll(ownConstraints);
        constraintsOf = new ArrayList<>();
        for (int u = 0; u < size; u++) {
            constraintsOf.add(new ArrayList<>());
        }
        for (LinearConstraint c : constraints) {
            for (int cell : c.cells()) {
                constraintsOf.get(cell).add(c);
            }
        }
        given = rules.scheme() >= DisclosureRules.GIVEN_COUNTS_NOT_PARTNERS ? given(size, knownBefore, constraints)
                : knownBefore();
        suppressed = new boolean[size];
        for (int u = 0; u < before.size(); u++) {
            suppressed[u] = Double.isNaN(knownBefore[u]) && withheldBefore[u];
        }
        cost = new double[size];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        int maxDepth = 0;
        int maxDims = 0;
        for (int i = 0; i < table.size(); i++) {
            maxDepth = Math.max(maxDepth, table.depth(i));
            maxDims = Math.max(maxDims, table.dimensions(i));
        }
        for (int i = 0; i < table.size(); i++) {
            cost[unionOf[i]] = (table.value(i) + 1) * (1 + (maxDepth - table.depth(i))) * (1 + 0.5 * (maxDims - table.dimensions(i)));
        }
    }

    /**
     * The unknowns the published releases give by subtraction: those they publish, and, in turn, the
     * one unknown left in an exact relation (of a published release or of the new one, whose margins
     * are declared in its download) whose other unknowns are given. Example (a release for 2022 after
     * one for 2023 that carried 2022's totals and women as its earlier year): the men of 2022 are the
     * published total minus the published women as soon as the new release declares the sex margin,
     * so withholding them protects nothing, and choosing them as partners made the repair spread over
     * every breakdown near them.
     */
    /** Before {@link DisclosureRules#GIVEN_COUNTS_NOT_PARTNERS}: only what a published release shows. */
    private boolean[] knownBefore() {
        boolean[] known = new boolean[size];
        for (int u = 0; u < size; u++) {
            known[u] = !Double.isNaN(knownBefore[u]);
        }
        return known;
    }

    static boolean[] given(int size, double[] knownBefore, List<LinearConstraint> constraints) {
        boolean[] given = new boolean[size];
        for (int u = 0; u < size; u++) {
            given[u] = !Double.isNaN(knownBefore[u]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinearConstraint c : constraints) {
                if (!c.isEquality()) {
                    continue;
                }
                int open = -1;
                int opens = 0;
                for (int k = 0; k < c.cells().length && opens < 2; k++) {
                    if (!given[c.cells()[k]] && c.coefficients()[k] != 0) {
                        open = c.cells()[k];
                        opens++;
                    }
                }
                if (opens == 1) {
                    given[open] = true;
                    changed = true;
                }
            }
        }
        return given;
    }

    /** Suppression of one release on its own (no release published before it). */
    public static Result suppress(CountTable table, DisclosureRules rules) {
        return suppress(table, rules, PublicRecord.empty());
    }

    /** Suppression of a new release, protecting the public record it joins ({@code published}). */
    public static Result suppress(CountTable table, DisclosureRules rules, PublicRecord published) {
        return new CellSuppression(table, rules, published).run();
    }

    /**
     * The value the defender knows for a union unknown: the new release's count, else the published
     * or true value a published release holds (NaN where it came without its truth).
     */
    private double value(int u) {
        return cellOf[u] >= 0 ? table.value(cellOf[u]) : !Double.isNaN(knownBefore[u]) ? knownBefore[u] : truthBefore[u];
    }

    /**
     * May this unknown be withheld to protect another? Only the new release's own published counts
     * not known from a published release; zeros only while {@link #zerosAllowed} (the last resort).
     */
    private boolean choosable(int u) {
        if (suppressed[u] || cellOf[u] < 0 || given[u]) {
            return false;
        }
        double v = table.value(cellOf[u]);
        return !Double.isNaN(v) && (!record || v > 0 || zerosAllowed);
    }

    /**
     * Zeros are published, so that "withheld" almost always means "at least 1". Where a count can be
     * protected by nothing else (a published release already shows the total above it, and its
     * siblings are zeros), a zero is withheld like any other partner.
     */
    private boolean zerosAllowed;

    private Result run() {
        boolean[] primary = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) {
            primary[i] = rules.isPrimary(table.cell(i).measure(), table.value(i));
            if ((primary[i] || inherited[i]) && Double.isNaN(knownBefore[unionOf[i]])) {
                suppressed[unionOf[i]] = true;
            }
        }
        int rounds = 0;
        List<Integer> unprotected = new ArrayList<>();
        while (true) {
            marginHeuristic();
            rounds++;
            Map<Integer, Double> risky = audit();
            if (risky.isEmpty()) {
                unprotected.clear();
                break;
            }
            Set<LinearConstraint> touched = new HashSet<>();
            boolean repaired = false;
            unprotected.clear();
            if (rules.scheme() >= DisclosureRules.GIVEN_COUNTS_NOT_PARTNERS) {
                beyondRepair(risky.keySet());
            }
            for (var e : risky.entrySet()) {
                int cell = e.getKey();
                if (hopeless.contains(cell)) {
                    unprotected.add(cell); // no partner can protect it: withholding more would only cost
                    continue;
                }
                if (constraintsOf.get(cell).stream().anyMatch(touched::contains)) {
                    repaired = true; // its relations changed this round; look again next round
                    continue;
                }
                int partner = choosePartnerNear(cell, e.getValue());
                if (partner < 0 && record) {
                    zerosAllowed = true;
                    partner = choosePartnerNear(cell, e.getValue());
                    zerosAllowed = false;
                }
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
        boolean[] out = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) {
            out[i] = suppressed[unionOf[i]] && Double.isNaN(knownBefore[unionOf[i]]);
        }
        return new Result(out, primary, inherited.clone(), rounds, unprotected.stream().map(names::get).toList());
    }

    /** Cells found {@link #beyondRepair}; each is looked at once. */
    private final Set<Integer> hopeless = new HashSet<>();
    private final Set<Integer> judged = new HashSet<>();

    /**
     * Which of these cells no partner can protect: given by the published releases, or confined too
     * closely (counts ≥ 0) even if every count of the new release that they do not give were withheld.
     * Repairing such a cell would withhold one breakdown after another around it and still fail.
     */
    private void beyondRepair(Set<Integer> cells) {
        Set<Integer> targets = new TreeSet<>();
        for (int cell : cells) {
            if (given[cell]) {
                hopeless.add(cell);
            } else if (judged.add(cell)) {
                targets.add(cell);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        double[] known = new double[size];
        double[] required = new double[size];
        boolean integral = true;
        for (int u = 0; u < size; u++) {
            double v = value(u);
            known[u] = given[u] ? v : Double.NaN;
            required[u] = width(u);
            integral &= Double.isNaN(v) || v == Math.rint(v);
        }
        IntervalSolver.Problem most = new IntervalSolver.Problem(known, constraints, null, null, integral, required, null, true);
        IntervalSolver.intervals(most, targets).forEach((cell, iv) -> {
            if (iv != null && iv.width() < required[cell] - 1e-9 && iv.upper() > 0) {
                hopeless.add(cell);
            }
        });
    }

    private double width(int u) {
        return rules.protectionWidth(cellOf[u] >= 0 ? table.cell(cellOf[u]).measure() : measureOf(u));
    }

    private String measureOf(int u) {
        String n = names.get(u);
        return n.substring(0, n.indexOf('@'));
    }

    /** Stage 1: make every exact margin of the new release safe on its own. */
    private void marginHeuristic() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LinearConstraint c : ownConstraints) {
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
                    double p = width(only);
                    need = only == parent ? p : p - value(only);
                    need = Math.max(need, 1e-9);
                } else if (!hidden.contains(parent)) {
                    double sum = 0;
                    double p = 0;
                    for (int h : hidden) {
                        sum += value(h);
                        p = Math.max(p, width(h));
                    }
                    need = p - sum;
                    if (record) {
                        // knowing each is at least 1, the hidden parts are pinned when they sum to their number
                        need = Math.max(need, hidden.size() + 1 - sum);
                    }
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

    /**
     * The cheapest choosable cell of these relations that gives {@code need} more protection, else the
     * largest. Under {@link DisclosureRules#PUBLIC_RECORD_AS_SEEN_OUTSIDE}, cells {@link #exposed} by
     * another relation are taken only where no other cell can be.
     */
    private int choosePartner(List<LinearConstraint> constraints, double need) {
        int partner = choosePartner(constraints, need, !everyPin);
        return partner >= 0 ? partner : choosePartner(constraints, need, true);
    }

    /**
     * Whether withholding this cell would give it back through another exact relation: every other
     * cell there is known (published – zeros included – or known from a published release) and none
     * of them can be withheld but a zero. Such a partner protects nothing; keeping it hidden takes
     * withholding zeros, and around withheld zeros an attacker who reads "." as at least 1 pins the
     * other withheld counts (to wrong values, but he cannot tell). Found by the jqwik seed
     * 524852724784322225: a municipality's count was protected by a locality's, whose total a
     * published release shows and whose other nationality is a published 0.
     */
    private boolean exposed(int cell) {
        for (LinearConstraint c : constraintsOf.get(cell)) {
            if (!c.isEquality()) {
                continue;
            }
            boolean open = false;
            for (int other : c.cells()) {
                if (other != cell && (suppressed[other] || Double.isNaN(value(other))
                        || choosable(other) && value(other) > 0)) {
                    open = true;
                    break;
                }
            }
            if (!open) {
                return true;
            }
        }
        return false;
    }

    private int choosePartner(List<LinearConstraint> constraints, double need, boolean exposedToo) {
        int best = -1;
        int largest = -1;
        for (LinearConstraint c : constraints) {
            for (int cell : c.cells()) {
                if (!choosable(cell) || !exposedToo && exposed(cell)) {
                    continue;
                }
                double v = value(cell);
                if (v >= need - 1e-9 && (best < 0 || cost[cell] < cost[best] || cost[cell] == cost[best] && cell < best)) {
                    best = cell;
                }
                if (largest < 0 || v > value(largest) || v == value(largest) && cost[cell] < cost[largest]) {
                    largest = cell;
                }
            }
        }
        return best >= 0 ? best : largest;
    }

    /**
     * A partner from the cell's own relations or, if none there can be chosen, from the relations
     * of the hidden cells next to it, moving outwards one relation at a time.
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
                    if ((suppressed[x] || Double.isNaN(value(x)) || !Double.isNaN(knownBefore[x]) && cellOf[x] < 0)
                            && reached.add(x)) {
                        next.add(x);
                    }
                }
            }
            frontier = next;
        }
        return -1;
    }

    /**
     * The attacker's two audits over the union, for the hidden cells the new release can affect;
     * returns the cells that fail and the protection they still need.
     */
    private Map<Integer, Double> audit() {
        double[] known = new double[size];
        double[] truth = new double[size];
        boolean integral = true;
        for (int u = 0; u < size; u++) {
            double v = value(u);
            known[u] = suppressed[u] ? Double.NaN : v;
            truth[u] = v;
            if (!Double.isNaN(v) && v != Math.rint(v)) {
                integral = false;
            }
        }
        double[] required = new double[size];
        for (int u = 0; u < size; u++) {
            required[u] = width(u);
        }
        IntervalSolver.Problem widthProblem = new IntervalSolver.Problem(known, constraints, null, null, integral, required,
                truth, record);
        // only groups that hold a cell of the new release: the rest of the public record is as audited before
        Set<Integer> targets = new TreeSet<>();
        for (IntervalSolver.Group g : IntervalSolver.groups(widthProblem)) {
            if (g.members().stream().anyMatch(m -> cellOf[m] >= 0)) {
                g.members().stream().filter(m -> suppressed[m]).forEach(targets::add);
            }
        }
        Map<Integer, Double> risky = new java.util.TreeMap<>();
        Map<Integer, Interval> intervals = IntervalSolver.intervals(widthProblem, targets);
        intervals.forEach((cell, iv) -> {
            // a count the published facts force to 0 is a zero: nobody is there, as with a published 0
            if (iv == null || iv.width() < required[cell] - 1e-9 && (!record || iv.upper() > 0)) {
                risky.put(cell, iv == null || iv.isUnbounded() ? required[cell] : required[cell] - iv.width());
            }
        });
        if (!record) {
            return risky;
        }
        double[] atLeastOne = new double[size];
        double[] single = new double[size];
        for (int u = 0; u < size; u++) {
            // the attacker takes every withheld count as at least 1 (zeros are published)
            atLeastOne[u] = suppressed[u] ? 1 : 0;
            single[u] = integral ? 1 : 1e-3;
        }
        Map<Integer, Interval> pinned = IntervalSolver.intervals(new IntervalSolver.Problem(known, constraints, atLeastOne,
                null, integral, single, truth, true), targets);
        pinned.forEach((cell, iv) -> {
            // no solution: a zero withheld as a last resort, the attacker learns no more than under (a). Pinned
            // to a wrong value (his premise is false there): nothing disclosed, but an outside attacker cannot
            // tell and reports it; since PUBLIC_RECORD_AS_SEEN_OUTSIDE every pin counts
            if (iv != null && iv.width() < single[cell] - 1e-9 && !risky.containsKey(cell)
                    && (everyPin || Double.isNaN(truth[cell]) || CountTable.close(iv.lower(), truth[cell]))) {
                risky.put(cell, 2.0); // a partner of at least 2 breaks "all parts are 1"
            }
        });
        return risky;
    }
}
