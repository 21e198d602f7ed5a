package de.sozialmonitor.analysis;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The analyses as named tables of plain values (text, whole numbers, decimals, yes/no; null = empty):
 * the one form that the command line (table, CSV, JSON), the staff pages and the committee template
 * print, so that every output shows the same numbers. Column names are stable identifiers (English,
 * snake case) that scripts may rely on; see docs/analysis.md.
 */
public final class AnalysisTables {
    private AnalysisTables() {
    }

    public record Table(String name, List<String> columns, List<List<Object>> rows) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** Finds a table by name. */
    public static Table named(List<Table> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table '" + name + "'; tables: "
                        + tables.stream().map(Table::name).toList()));
    }

    public static List<Table> of(IndicatorAnalysis.Report r) {
        List<Table> out = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorAnalysis.IndicatorSummary s : r.indicators()) {
            IndicatorAnalysis.Coverage c = s.coverage();
            Distribution d = s.distribution();
            rows.add(row(s.indicator().id(), s.indicator().nameDe(), s.inStatusIndex(), c.areas(), c.withValue(), c.missing(),
                    c.withheld(), c.belowMinPopulation(), d.n(), num(d.min()), num(d.q1()), num(d.median()), num(d.q3()),
                    num(d.max()), num(d.mean()), num(d.sd()), num(d.skewness()), d.lowOutliers().size() + d.highOutliers().size(),
                    num(s.meanStability())));
        }
        out.add(new Table("indicators", List.of("indicator", "name", "in_status_index", "areas", "with_value", "missing",
                "withheld", "below_min_population", "n", "min", "q1", "median", "q3", "max", "mean", "sd", "skewness",
                "outliers", "stability"), rows));
        out.add(matrix("pearson", r.correlations().ids(), r.correlations().pearson()));
        out.add(matrix("spearman", r.correlations().ids(), r.correlations().spearman()));
        rows = new ArrayList<>();
        for (Correlations.RedundantPair p : r.redundant()) {
            rows.add(row(p.first(), p.second(), num(p.pearson()), num(p.spearman())));
        }
        out.add(new Table("redundant", List.of("indicator", "other", "pearson", "spearman"), rows));
        rows = new ArrayList<>();
        for (IndicatorAnalysis.IndicatorSummary s : r.indicators()) {
            for (IndicatorAnalysis.YearStability y : s.stability()) {
                rows.add(row(s.indicator().id(), y.fromYear(), y.toYear(), num(y.spearman()), y.areas()));
            }
        }
        out.add(new Table("stability", List.of("indicator", "from_year", "to_year", "spearman", "areas"), rows));
        rows = new ArrayList<>();
        List<List<Object>> contribution = new ArrayList<>();
        for (IndicatorAnalysis.CandidateSet s : r.sets()) {
            IndexContribution c = s.contribution();
            rows.add(row(s.rank(), s.name(), s.kind(), String.join(",", s.ids()), c.participants(), num(c.pc1().share()),
                    num(c.meanAbsCorrelation()), num(s.classAgreement()), s.statusChanges()));
            Map<String, Double> shares = c.varianceShares();
            Map<String, Double> loadings = c.loadings();
            for (String id : c.ids()) {
                contribution.add(row(s.name(), id, num(shares.get(id)), num(loadings.get(id))));
            }
        }
        out.add(new Table("sets", List.of("rank", "set", "kind", "indicators", "areas", "pc1_share", "mean_abs_correlation",
                "class_agreement", "status_changes"), rows));
        out.add(new Table("contribution", List.of("set", "indicator", "variance_share", "pc1_loading"), contribution));
        return List.copyOf(out);
    }

    public static List<Table> of(Sensitivity.Report r) {
        List<List<Object>> variants = new ArrayList<>();
        List<List<Object>> changes = new ArrayList<>();
        for (Sensitivity.Outcome o : r.outcomes()) {
            variants.add(row(o.variant().kind(), o.variant().parameter(), o.areas(), o.statusChanges(), o.dynamicsChanges(),
                    o.attentionChanges(), o.error()));
            for (Sensitivity.AreaChange c : o.changes()) {
                changes.add(row(o.variant().kind(), o.variant().parameter(), c.code(), c.name(), code(c.statusBefore()),
                        code(c.statusAfter()), code(c.dynamicsBefore()), code(c.dynamicsAfter()), c.attentionBefore(),
                        c.attentionAfter()));
            }
        }
        List<List<Object>> areas = new ArrayList<>();
        r.changesByArea().forEach((code, n) -> areas.add(row(code, r.names().get(code), n)));
        return List.of(
                new Table("variants", List.of("variant", "parameter", "areas", "status_changes", "dynamics_changes",
                        "attention_changes", "error"), variants),
                new Table("changes", List.of("variant", "parameter", "area_code", "area_name", "status_before", "status_after",
                        "dynamics_before", "dynamics_after", "attention_before", "attention_after"), changes),
                new Table("areas", List.of("area_code", "area_name", "variants_changed"), areas));
    }

    public static List<Table> of(Certainty.Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Certainty.AreaCertainty a : r.areas()) {
            List<Object> row = new ArrayList<>(List.of(a.code(), a.name()));
            row.add(code(a.status()));
            for (double p : a.statusProbability()) {
                row.add(num(p));
            }
            row.add(num(a.statusCertainty()));
            row.add(code(a.dynamics()));
            for (double p : a.dynamicsProbability()) {
                row.add(a.dynamics() == null ? null : num(p));
            }
            row.add(num(a.dynamicsCertainty()));
            row.add(a.attention());
            row.add(num(a.attentionProbability()));
            row.add(num(a.attentionCertainty()));
            row.add(a.borderline());
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        List<String> columns = new ArrayList<>(List.of("area_code", "area_name", "status_class"));
        Arrays.stream(StatusClass.values()).forEach(c -> columns.add("p_" + c.code()));
        columns.add("status_certainty");
        columns.add("dynamics_class");
        Arrays.stream(DynamicsClass.values()).forEach(c -> columns.add("p_" + c.code()));
        columns.addAll(List.of("dynamics_certainty", "attention", "p_attention", "attention_certainty", "borderline"));
        return List.of(new Table("certainty", columns, rows));
    }

    private static Table matrix(String name, List<String> ids, double[][] m) {
        List<String> columns = new ArrayList<>();
        columns.add("indicator");
        columns.addAll(ids);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(ids.get(i));
            for (int j = 0; j < ids.size(); j++) {
                row.add(num(m[i][j]));
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return new Table(name, columns, rows);
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }

    private static Double num(Double d) {
        return d == null || Double.isNaN(d) || Double.isInfinite(d) ? null : d;
    }

    private static String code(StatusClass c) {
        return c == null ? null : c.code();
    }

    private static String code(DynamicsClass c) {
        return c == null ? null : c.code();
    }
}
