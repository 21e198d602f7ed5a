package de.sozialmonitor.ingest;

import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.Variable;
import de.sozialmonitor.store.ReferenceRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the figures of reference regions from a reference file (the reference long format, or
 * a mapped public table with {@code reference: true}), checks each, and stores them all at the end
 * if the file has no error. A row for an area of the territory other than the territory itself (its code in sozialmonitor.yaml) is skipped with
 * a warning: the territory's own figures come through the ordinary import.
 */
final class ReferenceSink {
    /** The marker of an indicator's value in the variable column: {@code indicator:unemployed} (German {@code Indikator:}). */
    private static final Pattern INDICATOR_MARKER = Pattern.compile("(?i)\\s*(indicator|indikator)\\s*:\\s*(.*)");

    private final LoadContext ctx;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> indicators = new HashSet<>();
    private final String root;
    private final Map<String, ReferenceRegion> regions = new LinkedHashMap<>();
    private final Map<String, Long> firstRow = new HashMap<>();
    private final List<ReferenceFigure> figures = new ArrayList<>();
    private final Set<String> skippedRows = new HashSet<>();

    ReferenceSink(LoadContext ctx) {
        this.ctx = ctx;
        ctx.ws.catalog().variables().stream().map(Variable::name).forEach(variables::add);
        ctx.ws.catalog().indicators().stream().map(Indicator::id).forEach(indicators::add);
        this.root = ReferenceRegion.normalizeCode(ctx.ws.config().territoryCode());
    }

    /**
     * Offers one figure named as a file names it: {@code indicator:ID} (or {@code Indikator:ID}) is
     * the indicator's value; an unmarked name is a variable of the catalog if there is one of that
     * name, else an indicator's value. So a name that is both ({@code unemployed}) is the variable,
     * the count, and the rate needs the marker. {@code name} may be empty (a region already stored
     * keeps its name, a new one is named by its code).
     */
    void accept(String sheet, long row, String codeText, String codeCol, String name, String yearText, String yearCol,
                String variable, String variableCol, ParsedValue value, String rawValue, String valueCol) {
        String v = variable == null ? "" : variable.strip();
        Matcher marked = INDICATOR_MARKER.matcher(v);
        if (marked.matches()) {
            String id = marked.group(2).strip();
            if (!indicators.contains(id)) {
                ctx.error("unknown_variable", sheet, row, variableCol, variable, "reference.unknownIndicator");
                return;
            }
            accept(sheet, row, codeText, codeCol, name, yearText, yearCol, ReferenceFigure.Kind.INDICATOR, id, variableCol, value,
                    rawValue, valueCol);
        } else {
            accept(sheet, row, codeText, codeCol, name, yearText, yearCol,
                    !variables.contains(v) && indicators.contains(v) ? ReferenceFigure.Kind.INDICATOR : ReferenceFigure.Kind.VARIABLE,
                    v, variableCol, value, rawValue, valueCol);
        }
    }

    /** Offers one figure of a known kind (a package says whether a row is a count or a rate). */
    void accept(String sheet, long row, String codeText, String codeCol, String name, String yearText, String yearCol,
                ReferenceFigure.Kind kind, String variable, String variableCol, ParsedValue value, String rawValue, String valueCol) {
        String code = ReferenceRegion.normalizeCode(codeText);
        if (code == null) {
            ctx.error("bad_region", sheet, row, codeCol, codeText, codeText.isBlank() ? "reference.noCode" : "reference.badCode");
            return;
        }
        if (!code.equals(root) && ctx.knownAreas().containsKey(code)) {
            if (skippedRows.add(sheet + "|" + row)) { // one warning per row, not one per column of a wide table
                ctx.warn("inside_territory", sheet, row, codeCol, codeText, "reference.insideTerritory");
            }
            return;
        }
        boolean ok = true;
        int year = Periods.year(yearText);
        if (year < 0) {
            ctx.error("bad_period", sheet, row, yearCol, yearText, "period.bad", Periods.MIN_YEAR, Periods.MAX_YEAR);
            ok = false;
        }
        if (!(kind == ReferenceFigure.Kind.INDICATOR ? indicators : variables).contains(variable)) {
            ctx.error("unknown_variable", sheet, row, variableCol, variable, "reference.unknownVariable");
            ok = false;
        }
        if (!value.ok()) {
            ctx.error("bad_number", sheet, row, valueCol, rawValue, "value.prefix", value.error().in(ctx.texts));
            ok = false;
        }
        if (!ok) {
            return;
        }
        String key = code + "|" + year + "|" + kind + "|" + variable;
        Long first = firstRow.putIfAbsent(key, row);
        if (first != null) {
            ctx.error("duplicate_key", sheet, row, valueCol, rawValue, "reference.duplicate", code, String.valueOf(year),
                    kind == ReferenceFigure.Kind.INDICATOR ? "indicator:" + variable : variable, String.valueOf(first));
            return;
        }
        String n = name == null ? "" : name.strip();
        ReferenceRegion had = regions.get(code);
        if (had == null || had.name().equals(code) && !n.isEmpty()) {
            regions.put(code, new ReferenceRegion(code, n.isEmpty() ? code : n, ReferenceRegion.kindOf(code)));
        }
        figures.add(new ReferenceFigure(code, year, kind, variable, value.value(), value.status()));
    }

    long accepted() {
        return figures.size();
    }

    /** Stores everything if the file has no error; the caller's transaction decides. */
    void save() {
        if (ctx.report.hasErrors()) {
            return;
        }
        if (figures.isEmpty()) {
            ctx.fileError("empty_file", "file.noRows");
            return;
        }
        // a region named only by its code keeps the name an earlier import gave it
        Map<String, String> stored = new HashMap<>();
        ReferenceRepository.regions(ctx.handle).forEach(r -> stored.put(r.code(), r.name()));
        List<ReferenceRegion> out = regions.values().stream().map(r -> r.name().equals(r.code()) && stored.containsKey(r.code())
                ? new ReferenceRegion(r.code(), stored.get(r.code()), r.kind()) : r).toList();
        ReferenceRepository.save(ctx.handle, ctx.importId, out, figures);
    }
}
