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
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, String> groupCanonical = new HashMap<>();
    private final LongHashSet keys = new LongHashSet();
    private final TreeSet<Integer> years = new TreeSet<>();
    private final TreeSet<String> variables = new TreeSet<>();
    private ObservationStore.Writer writer;
    private long accepted;
    private long rejected;

    ObservationSink(LoadContext ctx) {
        this.ctx = ctx;
        int i = 0;
        for (String code : ctx.knownAreas().keySet()) {
            areaIndex.put(code, i++);
        }
        List<Variable> vars = ctx.ws.catalog().variables();
        for (int v = 0; v < vars.size(); v++) {
            variableIndex.put(vars.get(v).name(), v);
        }
        groupIndex.put("", 0);
        groupCanonical.put("", "");
        writer = ObservationStore.writer(ctx.handle, ctx.importId, ctx.postgres);
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
            ctx.error("bad_number", sheet, row, valueCol, rawValue, "value.prefix", value.error());
            ok = false;
        } else if (value.value() != null && value.value() < 0) {
            ctx.error("negative_count", sheet, row, valueCol, rawValue, "value.negative");
            ok = false;
        }
        if (ok) {
            int g = groupIndex.computeIfAbsent(canonicalGroup, k -> groupIndex.size());
            if (a >= (1 << 26) || g >= (1 << 18) || v >= (1 << 11)) {
                throw new IllegalStateException("too many distinct keys for one import");
            }
            long key = ((long) a << 38) | ((long) (year - MIN_YEAR) << 29) | ((long) v << 18) | g;
            if (!keys.add(key)) {
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
        years.add(year);
        variables.add(variable);
        if (!ctx.report.hasErrors()) {
            writer.add(area, year, variable, canonicalGroup, value.value(), value.status().name());
        }
    }

    static int parseYear(String s) {
        String t = s.trim();
        if (t.length() == 10 && t.charAt(4) == '-') {
            t = t.substring(0, 4); // ISO date of the reference day: 2023-12-31
        } else if (t.length() == 10 && t.charAt(2) == '.' && t.charAt(5) == '.') {
            t = t.substring(6); // German date: 31.12.2023
        }
        if (t.length() != 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            y = y * 10 + (c - '0');
        }
        return y < MIN_YEAR || y > MAX_YEAR ? -1 : y;
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
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
