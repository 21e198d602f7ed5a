package de.sozialmonitor.ingest;

import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.store.ObservationStore;
import de.sozialmonitor.model.VariableKind;
import de.sozialmonitor.store.ObservationColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where every loader of observations puts its rows: checks the key (known area, declared
 * variable, sensible year, well-formed target group, no duplicate) and keeps accepted rows in the
 * import's {@link ObservationColumns} (per series a column indexed by area), which the database
 * writer encodes as blocks at the end. Duplicates, jumps, parts above their whole and totals
 * against their parts are looked up in those columns by area number, in area order.
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
    /** The canonical target group of each group index. */
    private final List<String> groupKeys = new ArrayList<>(List.of(""));
    /** The known area codes, ascending: area numbers follow the codes, as the stored blocks do. */
    private final String[] areaCodes;
    /** Areas whose versions do not cover every year: only these need the per-year validity check. */
    private final boolean[] limitedValidity;
    private final boolean checkValidity;
    private final TreeSet<Integer> years = new TreeSet<>();
    private final TreeSet<String> variables = new TreeSet<>();
    /** Which years and variable indices are in {@link #years} and {@link #variables} already (checked per row, cheaper than the sets). */
    private final boolean[] yearSeen = new boolean[MAX_YEAR - MIN_YEAR + 1];
    private final boolean[] variableSeen;
    private ObservationStore.Writer writer;
    /** Every accepted figure, by series and area number: the duplicate check and the plausibility checks read it. */
    private final ObservationColumns columns;
    /** The columns' series numbers: [target group][variable][year - MIN_YEAR], -1 where none yet. */
    private final List<int[][]> seriesByGroup = new ArrayList<>();
    /** The area code of the previous row and its number: files list an area's rows together. */
    private String lastArea;
    private int lastAreaIndex = -1;
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
        areaCodes = ctx.knownAreas().keySet().toArray(new String[0]);
        Arrays.sort(areaCodes);
        limitedValidity = new boolean[areaCodes.length];
        for (int i = 0; i < areaCodes.length; i++) {
            limitedValidity[i] = ctx.validity().limited(areaCodes[i]);
            areaIndex.put(areaCodes[i], i);
        }
        List<Variable> vars = ctx.ws.catalog().variables();
        variableDefs = vars.toArray(new Variable[0]);
        variableSeen = new boolean[variableDefs.length];
        for (int v = 0; v < vars.size(); v++) {
            variableIndex.put(vars.get(v).name(), v);
        }
        groupIndex.put("", 0);
        groupCanonical.put("", "");
        seriesByGroup.add(new int[variableDefs.length][]);
        writer = ObservationStore.writer(ctx.handle, ctx.importId, areaCodes);
        columns = writer.columns();
    }

    /**
     * Offers one observation. {@code where} names the cell for problems: sheet, row, and the
     * columns of area, year, variable and value.
     */
    void accept(String sheet, long row, String area, String areaCol, String yearText, String yearCol,
                String variable, String variableCol, String group, ParsedValue value, String rawValue, String valueCol) {
        boolean ok = true;
        int a = areaNumber(area);
        if (a < 0) {
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
                seriesByGroup.add(new int[variableDefs.length][]);
            }
            Double number = value.value();
            int s = series(v, year, gi, variable, canonicalGroup);
            if (!columns.put(s, a, number == null ? Double.NaN : number, value.status())) {
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
    }

    /** The number of a known area code, or -1. */
    private int areaNumber(String area) {
        if (area.equals(lastArea)) {
            return lastAreaIndex;
        }
        Integer a = areaIndex.get(area);
        lastArea = area;
        lastAreaIndex = a == null ? -1 : a;
        return lastAreaIndex;
    }

    private int series(int v, int year, int g, String variable, String group) {
        int[] byYear = seriesByGroup.get(g)[v];
        if (byYear == null) {
            byYear = new int[MAX_YEAR - MIN_YEAR + 1];
            Arrays.fill(byYear, -1);
            seriesByGroup.get(g)[v] = byYear;
        }
        int s = byYear[year - MIN_YEAR];
        if (s < 0) {
            s = columns.series(variable, year, group);
            byYear[year - MIN_YEAR] = s;
        }
        return s;
    }

    /** The series of this import for a variable, year and group index, or -1 if it has none. */
    private int seriesIfAny(int v, int year, int g) {
        if (year < MIN_YEAR || year > MAX_YEAR || g < 0 || g >= seriesByGroup.size()) {
            return -1;
        }
        int[] byYear = seriesByGroup.get(g)[v];
        return byYear == null ? -1 : byYear[year - MIN_YEAR];
    }

    /** What the plausibility checks compare: the figure where its status carries a number, else NaN; as a float as ever. */
    private float checked(int series, int area) {
        return series < 0 ? Float.NaN : (float) columns.usableValue(series, area);
    }

    /**
     * Plausibility warnings, computed in memory over this import's rows and, streamed from the
     * database, the rows of the active imports {@code otherImports} for the same variables:
     * a value changing by more than {@code factor} against the previous year (both below
     * {@code minCount}: ignored), and a part larger than its whole ({@code pairs}: part, whole).
     */
    void plausibility(double factor, double minCount, java.util.Collection<String[]> pairs, java.util.List<Long> otherImports) {
        List<int[]> pairIdx = new ArrayList<>();
        for (String[] p : pairs) {
            Integer part = variableIndex.get(p[0]);
            Integer whole = variableIndex.get(p[1]);
            if (part != null && whole != null && (variables.contains(p[0]) || variables.contains(p[1]))) {
                pairIdx.add(new int[] {part, whole});
            }
        }
        for (int g = 0; g < seriesByGroup.size(); g++) {
            int[][] byVariable = seriesByGroup.get(g);
            for (int v = 0; v < byVariable.length; v++) {
                if (byVariable[v] == null) {
                    continue;
                }
                for (int y = MIN_YEAR; y <= MAX_YEAR; y++) {
                    int s = byVariable[v][y - MIN_YEAR];
                    if (s < 0) {
                        continue;
                    }
                    int prevSeries = factor > 1 && y > MIN_YEAR && variableDefs[v].kind() == VariableKind.COUNT ? seriesIfAny(v, y - 1, g) : -1;
                    int[] wholes = new int[pairIdx.size()];
                    boolean anyWhole = false;
                    for (int k = 0; k < pairIdx.size(); k++) {
                        wholes[k] = pairIdx.get(k)[0] == v ? seriesIfAny(pairIdx.get(k)[1], y, g) : -1;
                        anyWhole |= wholes[k] >= 0;
                    }
                    if (prevSeries >= 0 || anyWhole) {
                        checkPages(s, v, y, g, prevSeries, wholes, pairIdx, factor, minCount);
                    }
                }
            }
        }
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
                    if (factor > 1 && y < MAX_YEAR) {
                        int next = seriesIfAny(v, y + 1, g);
                        float newValue = checked(next, a);
                        if (!Float.isNaN(newValue)) {
                            jump(a, v, y + 1, g, newValue, y, dbValue, factor, minCount);
                        }
                    }
                    for (int[] pw : pairIdx) {
                        if (v == pw[1]) {
                            float part = checked(seriesIfAny(pw[0], y, g), a);
                            if (!Float.isNaN(part)) {
                                partWhole(a, pw[0], y, g, part, pw[1], dbValue);
                            }
                        } else if (v == pw[0]) {
                            partWhole(a, v, y, g, dbValue, pw[1], checked(seriesIfAny(pw[1], y, g), a));
                        }
                    }
                });
    }

    /** Jumps and parts above their whole of one series, a page of areas at a time: this year, the previous one and the wholes side by side. */
    private void checkPages(int s, int v, int y, int g, int prevSeries, int[] wholes, List<int[]> pairIdx, double factor, double minCount) {
        float[] value = new float[ObservationColumns.PAGE_SIZE];
        float[] prev = new float[ObservationColumns.PAGE_SIZE];
        float[][] whole = new float[wholes.length][ObservationColumns.PAGE_SIZE];
        boolean[] hasWhole = new boolean[wholes.length];
        for (int p = 0; p < columns.pageCount(s); p++) {
            if (!columns.usablePage(s, p, value)) {
                continue;
            }
            boolean hasPrev = prevSeries >= 0 && columns.usablePage(prevSeries, p, prev);
            for (int k = 0; k < wholes.length; k++) {
                hasWhole[k] = wholes[k] >= 0 && columns.usablePage(wholes[k], p, whole[k]);
            }
            for (int i = 0; i < ObservationColumns.PAGE_SIZE; i++) {
                if (Float.isNaN(value[i])) {
                    continue;
                }
                int a = p * ObservationColumns.PAGE_SIZE + i;
                if (hasPrev) {
                    jump(a, v, y, g, value[i], y - 1, prev[i], factor, minCount);
                }
                for (int k = 0; k < wholes.length; k++) {
                    if (hasWhole[k]) {
                        partWhole(a, v, y, g, value[i], pairIdx.get(k)[1], whole[k][i]);
                    }
                }
            }
        }
    }

    /**
     * A delivered total against the sum of its parts, for counts and balances of this import: where an
     * area and all its child areas have a figure for the same year, variable and target group, a total
     * that differs from the parts' sum by more than rounding can explain (half a unit for each of
     * the figures) is a warning naming both figures and the parts.
     */
    void totalsAgainstParts() {
        int[][] children = children();
        if (children == null) {
            return;
        }
        for (int s = 0; s < columns.seriesCount(); s++) {
            int v = variableIndex.get(columns.variable(s));
            if (!variableDefs[v].kind().additive()) {
                continue;
            }
            int year = columns.year(s);
            int g = groupIndex.get(columns.targetGroup(s));
            for (int a = columns.next(s, 0); a >= 0; a = columns.next(s, a + 1)) {
                int[] parts = children[a];
                float value;
                if (parts == null || Float.isNaN(value = checked(s, a))) {
                    continue;
                }
                double sum = 0;
                boolean complete = true;
                for (int part : parts) {
                    float pv = checked(s, part);
                    if (Float.isNaN(pv)) {
                        complete = false; // a part without a figure: nothing to compare
                        break;
                    }
                    sum += pv;
                }
                double tolerance = 0.5 * (parts.length + 1);
                if (complete && Math.abs(value - sum) > tolerance) {
                    String area = areaCodes[a];
                    List<String> named = new ArrayList<>();
                    for (int part : parts) {
                        String code = areaCodes[part];
                        named.add(ctx.knownAreas().get(code).name() + " (" + code + ") " + fmt(checked(s, part)));
                    }
                    ctx.warn("total_differs_from_parts", null, 0, variableDefs[v].name(),
                            area + " " + year + ": " + fmt(value), "plaus.totalVsParts",
                            ctx.knownAreas().get(area).name() + " (" + area + ")" + group(g), year,
                            variableDefs[v].name(), fmt(value), parts.length, fmt((float) sum), fmt((float) (value - sum)),
                            String.join(", ", named));
                }
            }
        }
    }

    /** Per area number its child areas' numbers in code order (null: none); null if no area has children. */
    private int[][] children() {
        int[] childCount = new int[areaCodes.length];
        int[] parentOf = new int[areaCodes.length];
        boolean any = false;
        for (int i = 0; i < areaCodes.length; i++) {
            String parent = ctx.knownAreas().get(areaCodes[i]).parentCode();
            Integer p = parent == null ? null : areaIndex.get(parent);
            parentOf[i] = p == null ? -1 : p;
            if (p != null) {
                childCount[p]++;
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        int[][] children = new int[areaCodes.length][];
        int[] filled = new int[areaCodes.length];
        for (int i = 0; i < areaCodes.length; i++) { // ascending numbers: the children come in code order
            int p = parentOf[i];
            if (p >= 0) {
                if (children[p] == null) {
                    children[p] = new int[childCount[p]];
                }
                children[p][filled[p]++] = i;
            }
        }
        return children;
    }

    private void jump(int area, int variable, int year, int g, float value, int prevYear, float prev, double factor, double minCount) {
        if (variableDefs[variable].kind() != VariableKind.COUNT) {
            return; // a factor between two shares, balances or changes says nothing about the delivery
        }
        if (Float.isNaN(prev) || (value < minCount && prev < minCount)) {
            return;
        }
        if (value > prev * factor || prev > value * factor) {
            String code = areaCodes[area];
            String var = variableDefs[variable].name();
            ctx.warn("jump", null, 0, var, code + " " + year + ": " + fmt(value), "plaus.jump",
                    code + group(g), var, prevYear, fmt(prev), year, fmt(value), factor);
        }
    }

    private void partWhole(int area, int partVar, int year, int g, float part, int wholeVar, float whole) {
        if (Float.isNaN(whole) || !(part > whole)) {
            return;
        }
        String code = areaCodes[area];
        String var = variableDefs[partVar].name();
        ctx.warn("part_above_whole", null, 0, var, code + " " + year + ": " + fmt(part),
                "plaus.partAboveWhole", code + group(g), year, var, fmt(part), variableDefs[wholeVar].name(), fmt(whole));
    }

    /** The target group of a group index as the warnings name it: empty for the total. */
    private String group(int g) {
        String key = groupKeys.get(g);
        return key.isEmpty() ? "" : " [" + key + "]";
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
