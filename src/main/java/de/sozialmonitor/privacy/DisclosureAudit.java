package de.sozialmonitor.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The attacker. It reads nothing but published rows (of one release download or of every release
 * in the public record, see {@link AttackModel} for the equations it sets up) and tries to narrow
 * down every withheld count, by two criteria:
 * <ol>
 *   <li>{@link Criterion#WIDTH}: with counts ≥ 0 and every published fact, the smallest and largest
 *   value each withheld count can take (linear and integer programming); a finding is an interval
 *   narrower than the protection width (3 by default);</li>
 *   <li>{@link Criterion#PINNED}: knowing how zero is shown (a zero is always published, so every
 *   withheld count is at least 1), the same; a finding is a count that can take only one value.</li>
 * </ol>
 * Where taking a count as the same number in several releases contradicts the published facts (a
 * correction changed it), the attacker drops that link and tries again.
 */
public final class DisclosureAudit {

    /** How a withheld count was narrowed down. */
    public enum Criterion {
        /** counts ≥ 0: interval narrower than the protection width */
        WIDTH,
        /** every withheld count ≥ 1 (zeros are published): only one value possible */
        PINNED,
        /** withheld in one release, published with a value in a later one */
        REVEALED
    }

    /**
     * A withheld count the attacker pins down too closely (interval null: the equations were
     * contradictory). {@code releases}: the numbers of the releases holding the count.
     */
    public record Finding(CountCell cell, Interval interval, double required, Criterion criterion, List<Integer> releases) {
        @Override
        public String toString() {
            return cell + (releases.isEmpty() ? "" : " " + releases) + " confined to "
                    + (interval == null ? "(contradictory equations)" : "[" + fmt(interval.lower()) + ", " + fmt(interval.upper()) + "]")
                    + (criterion == Criterion.PINNED ? " (pinned, knowing that zeros are published)"
                    : criterion == Criterion.REVEALED ? " (withheld in an earlier release, published in a later one)"
                    : ", needs width " + fmt(required));
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** What the attacker learnt: every withheld count's interval (counts ≥ 0), and the findings among them. */
    public record Report(Map<CountCell, Interval> intervals, List<Finding> findings, int constraints) {
        public boolean passed() {
            return findings.isEmpty();
        }

        public long count(Criterion c) {
            return findings.stream().filter(f -> f.criterion() == c).map(Finding::cell).distinct().count();
        }
    }

    private DisclosureAudit() {
    }

    /**
     * Attacks the rows of one release; {@code rules} only says how wide an interval must be.
     * Intervals of cells found unprotected are exact; of protected cells they may be a part of the
     * true interval (enough to prove the width), which saves most of the programs.
     */
    public static Report attack(List<PublishedRow> rows, DisclosureRules rules) {
        return attack(PublicRecord.of(0, rows), rules, null, false);
    }

    /** As {@link #attack(List, DisclosureRules)}, with every interval exact (slower). */
    public static Report attackExactly(List<PublishedRow> rows, DisclosureRules rules) {
        return attack(PublicRecord.of(0, rows), rules, null, true);
    }

    /** Attacks the whole public record: every release in it, combined. */
    public static Report attack(PublicRecord record, DisclosureRules rules) {
        return attack(record, rules, null, false);
    }

    /** As {@link #attack(PublicRecord, DisclosureRules)}, with every interval exact (slower). */
    public static Report attackExactly(PublicRecord record, DisclosureRules rules) {
        return attack(record, rules, null, true);
    }

    /**
     * Attacks the public record, looking only at the withheld counts that release {@code focus}
     * can affect: those linked through some relation with a count of that release. (Counts of the
     * other releases alone were audited when those were published.)
     */
    public static Report attackAround(PublicRecord record, int focus, DisclosureRules rules) {
        return attack(record, rules, focus, false);
    }

    private static Report attack(PublicRecord record, DisclosureRules rules, Integer focus, boolean exact) {
        Set<CountCell> separate = new HashSet<>();
        AttackModel model;
        Map<Integer, Interval> width;
        Set<Integer> targets;
        double[] known;
        while (true) {
            model = AttackModel.of(record, separate);
            known = model.known();
            double[] required = required(model, rules);
            IntervalSolver.Problem problem = new IntervalSolver.Problem(known, model.constraints, null, null, model.integral,
                    exact ? null : required);
            targets = focus == null ? model.targets() : targetsAround(model, problem, focus, record);
            width = IntervalSolver.intervals(problem, targets);
            Set<CountCell> contradicted = contradictedLinks(model, problem, width);
            if (!separate.addAll(contradicted)) {
                break;
            }
        }

        // criterion b: zeros are published, so every withheld count is at least 1
        double[] atLeastOne = new double[model.size()];
        for (int t : model.targets()) {
            atLeastOne[t] = 1;
        }
        double[] single = new double[model.size()];
        java.util.Arrays.fill(single, model.integral ? 1 : 1e-3);
        Map<Integer, Interval> pinned = IntervalSolver.intervals(new IntervalSolver.Problem(known, model.constraints,
                atLeastOne, null, model.integral, exact ? null : single), targets);

        Map<CountCell, Interval> out = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (int t : targets) {
            CountCell c = model.cells.get(t);
            Interval iv = width.get(t);
            out.merge(c, iv == null ? new Interval(Double.NaN, Double.NaN) : iv,
                    (a, b) -> Double.isNaN(a.width()) || b.width() < a.width() ? b : a);
            double need = rules.protectionWidth(c.measure());
            List<Integer> releases = releases(model.releasesOf.get(t), record);
            // a count the published facts force to 0 is a zero (a zero withheld as a last resort): nobody is
            // there, as with a published 0
            if (iv == null || iv.width() < need - 1e-9 && iv.upper() > 0) {
                findings.add(new Finding(c, iv, need, Criterion.WIDTH, releases));
            }
            Interval ivb = pinned.get(t);
            // no solution with every withheld count ≥ 1: a zero withheld as a last resort, the attacker learns no
            // more than under (a). Pinned to a value the county knows is wrong: his premise is false, nothing is
            // disclosed, but an outside attacker cannot tell and reports it (scripts/attack-releases.py does); since
            // scheme 3 the protection avoids every pin, and the audit counts every pin as that attacker does
            double truth = model.number(t);
            boolean everyPin = rules.scheme() >= DisclosureRules.PUBLIC_RECORD_AS_SEEN_OUTSIDE;
            if (ivb != null && iv != null && ivb.width() < single[t] - 1e-9
                    && (everyPin || Double.isNaN(truth) || CountTable.close(ivb.lower(), truth))) {
                findings.add(new Finding(c, ivb, 0, Criterion.PINNED, releases));
            }
        }
        findings.addAll(revealed(record, focus));
        return new Report(out, List.copyOf(findings), model.constraints.size());
    }

    /**
     * Counts one release withholds and a later one (later in the record) publishes, whatever value
     * it shows: what was withheld stays withheld, corrected or not. (A count published first and
     * withheld later, after a correction, reveals nothing.) With a focus, those the focus release
     * takes part in.
     */
    private static List<Finding> revealed(PublicRecord record, Integer focus) {
        Map<CountCell, Integer> firstWithheld = new TreeMap<>();
        Map<CountCell, int[]> shownAfter = new TreeMap<>(); // key -> {release index, row index}
        for (int r = 0; r < record.releases().size(); r++) {
            List<PublishedRow> rows = record.releases().get(r).rows();
            for (int i = 0; i < rows.size(); i++) {
                PublishedRow row = rows.get(i);
                if (!PublishedRow.COUNT.equals(row.kind())) {
                    continue;
                }
                CountCell key = AttackModel.key(row);
                if (PublishedRow.SUPPRESSED.equals(row.status())) {
                    firstWithheld.putIfAbsent(key, r);
                } else if (row.isPublished() && firstWithheld.containsKey(key)) {
                    shownAfter.putIfAbsent(key, new int[] {r, i});
                }
            }
        }
        int index = focus == null ? -1 : record.numbers().indexOf(focus);
        List<Finding> out = new ArrayList<>();
        shownAfter.forEach((key, at) -> {
            int withheldIn = firstWithheld.get(key);
            if (index < 0 || withheldIn == index || at[0] == index) {
                BitSet both = new BitSet();
                both.set(withheldIn);
                both.set(at[0]);
                double v = Numbers.parse(record.releases().get(at[0]).rows().get(at[1]).value());
                out.add(new Finding(key, new Interval(v, v), 0, Criterion.REVEALED, releases(both, record)));
            }
        });
        return out;
    }

    private static double[] required(AttackModel model, DisclosureRules rules) {
        double[] required = new double[model.size()];
        for (int i = 0; i < model.size(); i++) {
            required[i] = rules.protectionWidth(model.cells.get(i).measure());
        }
        return required;
    }

    /** The withheld counts in every group of relations that holds a count of release {@code focus}. */
    private static Set<Integer> targetsAround(AttackModel model, IntervalSolver.Problem problem, int focus, PublicRecord record) {
        int index = record.numbers().indexOf(focus);
        Set<Integer> all = model.targets();
        Set<Integer> out = new TreeSet<>();
        for (IntervalSolver.Group g : IntervalSolver.groups(problem)) {
            boolean touches = index < 0 || g.members().stream().anyMatch(m -> model.releasesOf.get(m).get(index));
            if (touches) {
                g.members().stream().filter(all::contains).forEach(out::add);
            }
        }
        return out;
    }

    /** Keys linked over several releases inside a group without solution: taking them as equal contradicts the facts. */
    private static Set<CountCell> contradictedLinks(AttackModel model, IntervalSolver.Problem problem, Map<Integer, Interval> intervals) {
        Set<CountCell> out = new HashSet<>();
        Set<Integer> infeasible = new HashSet<>();
        intervals.forEach((t, iv) -> {
            if (iv == null) {
                infeasible.add(t);
            }
        });
        if (infeasible.isEmpty()) {
            return out;
        }
        for (IntervalSolver.Group g : IntervalSolver.groups(problem)) {
            if (g.members().stream().anyMatch(infeasible::contains)) {
                for (int m : g.members()) {
                    if (model.releasesOf.get(m).cardinality() > 1) {
                        out.add(model.cells.get(m));
                    }
                }
                // known counts linked into the group's relations may be what contradicts
                for (LinearConstraint c : g.constraints()) {
                    for (int cell : c.cells()) {
                        if (model.releasesOf.get(cell).cardinality() > 1) {
                            out.add(model.cells.get(cell));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Integer> releases(BitSet bits, PublicRecord record) {
        List<Integer> out = new ArrayList<>();
        bits.stream().forEach(i -> out.add(record.releases().get(i).number()));
        return out;
    }

    /** Half a unit of the last published digit: "12.3" was rounded from [12.25, 12.35]. */
    static double halfUnit(String value) {
        int dot = value.indexOf('.');
        int decimals = dot < 0 ? 0 : value.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }
}
