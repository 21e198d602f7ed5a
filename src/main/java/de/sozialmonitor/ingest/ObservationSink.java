package de.sozialmonitor.ingest;

import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.store.ObservationStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where every loader of observations puts its rows: checks the key (known area, declared
 * variable, sensible year, well-formed target group, no duplicate) and streams accepted rows to
 * the database. Keys are packed into one long (area index, year, variable index, target-group
 * index) so that duplicate detection over 20 million rows fits in a few hundred megabytes.
 * After the first error nothing more is written (the transaction is lost anyway), but checking
 * goes on so that every problem is reported.
 */
final class ObservationSink implements AutoCloseable {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;

    private final LoadContext ctx;
    private final Map<String, Integer> areaIndex = new HashMap<>();
    private final Map<String, Integer> variableIndex = new HashMap<>();
    /** Per variable index: what its numbers are, which decides what is a delivery error. */
    private final Variable[] variableDefs;
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, String> groupCanonical = new HashMap<>();
    private final LongFloatMap keys = new LongFloatMap();
    private final String[] areaCodes;
    /** Areas whose versions do not cover every year: only these need the per-year validity check. */
    private final boolean[] limitedValidity;
    private final boolean checkValidity;
    private final java.util.List<String> groupKeys = new java.util.ArrayList<>(java.util.List.of(""));
    private final TreeSet<Integer> years = new TreeSet<>();
    private final TreeSet<String> variables = new TreeSet<>();
    /** Which years and variable indices are in {@link #years} and {@link #variables} already (checked per row, cheaper than the sets). */
    private final boolean[] yearSeen = new boolean[MAX_YEAR - MIN_YEAR + 1];
    private final boolean[] variableSeen;
    private ObservationStore.Writer writer;
    /** The writer's series numbers: [variable][year - MIN_YEAR] for the total, by packed key for target groups. */
    private final int[][] totalSeries;
    private final Map<Long, Integer> groupSeries = new HashMap<>();
    private long accepted;
    private long rejected;

    ObservationSink(LoadContext ctx) {
        this(ctx, true);
    }

    /**
     * {@code checkValidity} false: the loader checks area validity per year itself, at the rows
     * of the file (microdata, whose counts no longer have rows).
     */
    ObservationSink(LoadContext ctx, boolean checkValidity) {
        this.ctx = ctx;
        this.checkValidity = checkValidity;
        int i = 0;
        areaCodes = new String[ctx.knownAreas().size()];
        limitedValidity = new boolean[areaCodes.length];
        for (String code : ctx.knownAreas().keySet()) {
            areaCodes[i] = code;
            limitedValidity[i] = ctx.validity().limited(code);
            areaIndex.put(code, i++);
        }
        List<Variable> vars = ctx.ws.catalog().variables();
        variableDefs = vars.toArray(new Variable[0]);
        variableSeen = new boolean[variableDefs.length];
        for (int v = 0; v < vars.size(); v++) {
            variableIndex.put(vars.get(v).name(), v);
        }
        groupIndex.put("", 0);
        groupCanonical.put("", "");
        writer = ObservationStore.writer(ctx.handle, ctx.importId, areaCodes);
        totalSeries = new int[variableDefs.length][];
    }

    /**
     * Offers one observation. {@code where} names the cell for problems: sheet, row, and the
     * columns of area, year, variable and value.
     */
    void accept(String sheet, long row, String area, String areaCol, String yearText, String yearCol,
                String variable, String variableCol, String group, ParsedValue value, String rawValue, String valueCol) {
        boolean ok = true;
        Integer a = areaIndex.get(area);
        if (a == null) {
            ctx.error("unknown_area", sheet, row, areaCol, area, area.isEmpty() ? "area.empty" : "area.unknown");
            ok = false;
        }
        int year = parseYear(yearText);
        if (year < 0) {
            ctx.error("bad_period", sheet, row, yearCol, yearText, "period.bad", MIN_YEAR, MAX_YEAR);
            ok = false;
        }
        if (ok && year >= 0 && checkValidity && limitedValidity[a] && !ctx.checkValidity(sheet, row, areaCol, area, year)) {
            ok = false;
        }
        Integer v = variableIndex.get(variable);
        if (v == null) {
            ctx.error("unknown_variable", sheet, row, variableCol, variable, "variable.unknown");
            ok = false;
        }
        String canonicalGroup = groupCanonical.get(group);
        if (canonicalGroup == null) {
            try {
                canonicalGroup = TargetGroup.parse(group).key();
                groupCanonical.put(group, canonicalGroup);
            } catch (IllegalArgumentException e) {
                ctx.error("bad_target_group", sheet, row, "target_group", group, "group.bad", e.getMessage());
                ok = false;
            }
        }
        if (!value.ok()) {
            ctx.error("bad_number", sheet, row, valueCol, rawValue, "value.prefix", value.error().in(ctx.texts));
            ok = false;
        } else if (v != null && value.value() != null && !ValueRules.plausible(variableDefs[v], value.value())) {
            ValueRules.report(ctx, variableDefs[v], value.value(), sheet, row, valueCol, rawValue);
            ok = false;
        }
        if (ok) {
            Integer gi = groupIndex.get(canonicalGroup);
            if (gi == null) {
                gi = groupIndex.size();
                groupIndex.put(canonicalGroup, gi);
                groupKeys.add(canonicalGroup);
            }
            int g = gi;
            if (a >= (1 << 26) || g >= (1 << 18) || v >= (1 << 11)) {
                throw new IllegalStateException("too many distinct keys for one import");
            }
            long key = key(a, year, v, g);
            float stored = value.value() == null || !value.status().hasValue() ? Float.NaN : value.value().floatValue();
            if (!keys.putIfAbsent(key, stored)) {
                ctx.error("duplicate_key", sheet, row, valueCol, rawValue, "key.duplicate", area, year, variable,
                        canonicalGroup.isEmpty() ? "total" : canonicalGroup);
                ok = false;
            }
        }
        if (!ok) {
            rejected++;
            return;
        }
        accepted++;
        if (!yearSeen[year - MIN_YEAR]) {
            yearSeen[year - MIN_YEAR] = true;
            years.add(year);
        }
        if (!variableSeen[v]) {
            variableSeen[v] = true;
            variables.add(variable);
        }
        if (!ctx.report.hasErrors()) {
            Double number = value.value();
            writer.add(series(v, year, groupIndex.get(canonicalGroup), variable, canonicalGroup), a,
                    number == null ? Double.NaN : number, value.status());
        }
    }

    private int series(int v, int year, int g, String variable, String group) {
        if (g == 0) {
            int[] byYear = totalSeries[v];
            if (byYear == null) {
                byYear = new int[MAX_YEAR - MIN_YEAR + 1];
                java.util.Arrays.fill(byYear, -1);
                totalSeries[v] = byYear;
            }
            int s = byYear[year - MIN_YEAR];
            if (s < 0) {
                s = writer.series(variable, year, group);
                byYear[year - MIN_YEAR] = s;
            }
            return s;
        }
        return groupSeries.computeIfAbsent(key(0, year, v, g), k -> writer.series(variable, year, group));
    }

    static long key(int area, int year, int variable, int group) {
        return ((long) area << 38) | ((long) (year - MIN_YEAR) << 29) | ((long) variable << 18) | group;
    }

    private static int areaOf(long key) {
        return (int) (key >>> 38);
    }

    private static int yearOf(long key) {
        return (int) ((key >>> 29) & 0x1FF) + MIN_YEAR;
    }

    private static int variableOf(long key) {
        return (int) ((key >>> 18) & 0x7FF);
    }

    private static int groupOf(long key) {
        return (int) (key & 0x3FFFF);
    }

    private static long withYear(long key, int year) {
        return key(areaOf(key), year, variableOf(key), groupOf(key));
    }

    private static long withVariable(long key, int variable) {
        return key(areaOf(key), yearOf(key), variable, groupOf(key));
    }

    /**
     * Plausibility warnings, computed in memory over this import's rows and, streamed from the
     * database, the rows of the active imports {@code otherImports} for the same variables:
     * a value changing by more than {@code factor} against the previous year (both below
     * {@code minCount}: ignored), and a part larger than its whole ({@code pairs}: part, whole).
     */
    void plausibility(double factor, double minCount, java.util.Collection<String[]> pairs, java.util.List<Long> otherImports) {
        java.util.List<String> varNames = ctx.ws.catalog().variables().stream().map(de.sozialmonitor.model.Variable::name).toList();
        java.util.List<int[]> pairIdx = new java.util.ArrayList<>();
        for (String[] p : pairs) {
            Integer part = variableIndex.get(p[0]);
            Integer whole = variableIndex.get(p[1]);
            if (part != null && whole != null && (variables.contains(p[0]) || variables.contains(p[1]))) {
                pairIdx.add(new int[] {part, whole});
            }
        }
        keys.forEach((key, value) -> {
            if (Float.isNaN(value)) {
                return;
            }
            if (factor > 1 && yearOf(key) > MIN_YEAR) {
                float prev = keys.get(withYear(key, yearOf(key) - 1));
                jump(key, value, yearOf(key) - 1, prev, factor, minCount, varNames);
            }
            for (int[] pw : pairIdx) {
                if (variableOf(key) == pw[0]) {
                    float whole = keys.get(withVariable(key, pw[1]));
                    partWhole(key, value, pw[1], whole, varNames);
                }
            }
        });
        if (otherImports.isEmpty()) {
            return;
        }
        java.util.Set<Integer> wantedYears = new java.util.HashSet<>();
        for (int y : years) {
            wantedYears.add(y - 1);
            wantedYears.add(y);
            wantedYears.add(y + 1);
        }
        ObservationStore.forEachValue(ctx.handle, otherImports, row -> {
                    Integer a = areaIndex.get(row.areaCode());
                    Integer v = variableIndex.get(row.variable());
                    Integer g = groupIndex.get(row.targetGroup());
                    int y = row.year();
                    if (a == null || v == null || g == null || !wantedYears.contains(y)) {
                        return;
                    }
                    float dbValue = (float) row.value();
                    long dbKey = key(a, y, v, g);
                    if (factor > 1 && y < MAX_YEAR) {
                        long next = withYear(dbKey, y + 1);
                        float newValue = keys.get(next);
                        if (!Float.isNaN(newValue)) {
                            jump(next, newValue, y, dbValue, factor, minCount, varNames);
                        }
                    }
                    for (int[] pw : pairIdx) {
                        if (v == pw[1]) {
                            long partKey = withVariable(dbKey, pw[0]);
                            float part = keys.get(partKey);
                            if (!Float.isNaN(part)) {
                                partWhole(partKey, part, pw[1], dbValue, varNames);
                            }
                        } else if (v == pw[0]) {
                            float whole = keys.get(withVariable(dbKey, pw[1]));
                            partWhole(dbKey, dbValue, pw[1], whole, varNames);
                        }
                    }
                });
    }

    /**
     * A delivered total against the sum of its parts, for counts and balances of this import: where an
     * area and all its child areas have a figure for the same year, variable and target group, a total
     * that differs from the parts' sum by more than rounding can explain (half a unit for each of
     * the figures) is a warning naming both figures and the parts.
     */
    void totalsAgainstParts() {
        Map<String, List<Integer>> children = new HashMap<>();
        for (int i = 0; i < areaCodes.length; i++) {
            String parent = ctx.knownAreas().get(areaCodes[i]).parentCode();
            if (parent != null && areaIndex.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(i);
            }
        }
        if (children.isEmpty()) {
            return;
        }
        children.values().forEach(list -> list.sort(java.util.Comparator.comparing(i -> areaCodes[i])));
        keys.forEach((key, value) -> {
            List<Integer> parts = children.get(areaCodes[areaOf(key)]);
            if (parts == null || Float.isNaN(value) || !variableDefs[variableOf(key)].kind().additive()) {
                return;
            }
            double sum = 0;
            for (int part : parts) {
                float v = keys.get(key(part, yearOf(key), variableOf(key), groupOf(key)));
                if (Float.isNaN(v)) {
                    return; // a part without a figure: nothing to compare
                }
                sum += v;
            }
            double tolerance = 0.5 * (parts.size() + 1);
            if (Math.abs(value - sum) > tolerance) {
                String area = areaCodes[areaOf(key)];
                List<String> named = new java.util.ArrayList<>();
                for (int part : parts) {
                    String code = areaCodes[part];
                    named.add(ctx.knownAreas().get(code).name() + " (" + code + ") "
                            + fmt(keys.get(key(part, yearOf(key), variableOf(key), groupOf(key)))));
                }
                ctx.warn("total_differs_from_parts", null, 0, variableDefs[variableOf(key)].name(),
                        area + " " + yearOf(key) + ": " + fmt(value), "plaus.totalVsParts",
                        ctx.knownAreas().get(area).name() + " (" + area + ")" + group(key), yearOf(key),
                        variableDefs[variableOf(key)].name(), fmt(value), parts.size(), fmt((float) sum), fmt((float) (value - sum)),
                        String.join(", ", named));
            }
        });
    }

    private void jump(long key, float value, int prevYear, float prev, double factor, double minCount, java.util.List<String> varNames) {
        if (variableDefs[variableOf(key)].kind() != de.sozialmonitor.model.VariableKind.COUNT) {
            return; // a factor between two shares, balances or changes says nothing about the delivery
        }
        if (Float.isNaN(prev) || (value < minCount && prev < minCount)) {
            return;
        }
        if (value > prev * factor || prev > value * factor) {
            String area = areaCodes[areaOf(key)];
            String var = varNames.get(variableOf(key));
            ctx.warn("jump", null, 0, var, area + " " + yearOf(key) + ": " + fmt(value), "plaus.jump",
                    area + group(key), var, prevYear, fmt(prev), yearOf(key), fmt(value), factor);
        }
    }

    private void partWhole(long partKey, float part, int wholeVar, float whole, java.util.List<String> varNames) {
        if (Float.isNaN(whole) || !(part > whole)) {
            return;
        }
        String area = areaCodes[areaOf(partKey)];
        ctx.warn("part_above_whole", null, 0, varNames.get(variableOf(partKey)), area + " " + yearOf(partKey) + ": " + fmt(part),
                "plaus.partAboveWhole", area + group(partKey), yearOf(partKey), varNames.get(variableOf(partKey)), fmt(part),
                varNames.get(wholeVar), fmt(whole));
    }

    private String group(long key) {
        String g = groupKeys.get(groupOf(key));
        return g.isEmpty() ? "" : " [" + g + "]";
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The year of a period (see {@link Periods#year}), or -1. */
    static int parseYear(String s) {
        return Periods.year(s);
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }

    TreeSet<Integer> years() {
        return years;
    }

    TreeSet<String> variables() {
        return variables;
    }

    @Override
    public void close() {
        if (writer != null && !ctx.report.hasErrors()) {
            writer.close(); // writes the blocks; after an error the transaction is rolled back anyway
        }
        writer = null;
    }
}
