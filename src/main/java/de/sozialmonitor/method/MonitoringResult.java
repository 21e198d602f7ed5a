package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.IndicatorCatalog;
import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Monitoring#compute}: for the result's year, on that year's boundary
 * version, every area of every level with its indicator values (also of the history years
 * t-1, t-3, t-5 and t-k where the data has them, and the target-group breakdowns), and for the
 * areas of the analysis level the status and dynamics index with all intermediate values, classes,
 * attention flag and exclusion reason. All per-area arrays are in {@link AreaTable} order; NaN or
 * null where an area has no value.
 *
 * @param baseYear   t - k, the year the dynamics compare with
 * @param excluded   per area of the analysis level: null if it took part in status and dynamics,
 *                   else the reason ({@code manual:<reason>}, {@code population_below_minimum},
 *                   {@code missing:<id>}, {@code no_base_year}, {@code too_few_areas}); null on other levels
 * @param notes      what a reader of the result must know, e.g. an indicator left out (SD = 0), as
 *                   language-neutral {@link MethodNotes} (key and arguments), rendered in the reader's language
 */
public record MonitoringResult(int year, int baseYear, MethodConfig config, IndicatorCatalog catalog,
                               String analysisLevel, AreaTable areas, double[] population,
                               List<IndicatorValues> values, ComponentResult status, ComponentResult dynamics,
                               StatusClass[] statusClass, DynamicsClass[] dynamicsClass, boolean[] attention,
                               String[] excluded, List<String> notes, Map<String, Object> provenance) {

    /** The values of an indicator (for its own target group, usually the total) in {@code year}, or null if not kept. */
    public IndicatorValues values(String indicatorId, int year) {
        String group = catalog.indicator(indicatorId).map(i -> i.targetGroup().key()).orElse("");
        return values(indicatorId, year, group);
    }

    public IndicatorValues values(String indicatorId, int year, String targetGroup) {
        for (IndicatorValues v : values) {
            if (v.year() == year && v.indicatorId().equals(indicatorId) && v.targetGroup().equals(targetGroup)) {
                return v;
            }
        }
        return null;
    }

    /** The indicator values of the result's year (total), or null for an unknown indicator. */
    public IndicatorValues current(String indicatorId) {
        return values(indicatorId, year);
    }

    /** Target-group breakdowns of an indicator in the result's year (all groups but the indicator's own). */
    public List<IndicatorValues> breakdowns(String indicatorId) {
        String own = catalog.indicator(indicatorId).map(i -> i.targetGroup().key()).orElse("");
        List<IndicatorValues> out = new ArrayList<>();
        for (IndicatorValues v : values) {
            if (v.year() == year && v.indicatorId().equals(indicatorId) && !v.targetGroup().equals(own)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Years for which total values are kept, ascending. */
    public int[] years() {
        return values.stream().mapToInt(IndicatorValues::year).distinct().sorted().toArray();
    }

    /**
     * Change of an indicator in its unit since {@code years} years before the result's year; NaN if unknown.
     * Over {@code dynamics_years} an indicator with a delivered change gives that change.
     */
    public double change(String indicatorId, int area, int years) {
        IndicatorValues now = current(indicatorId);
        if (now != null && now.change() != null && years == config.dynamicsYears()) {
            return now.change()[area];
        }
        IndicatorValues then = values(indicatorId, year - years);
        if (now == null || then == null) {
            return Double.NaN;
        }
        return now.value()[area] - then.value()[area];
    }

    /** The areas of the analysis level. */
    public int[] analysisAreas() {
        return areas.onLevel(analysisLevel);
    }

    public double statusIndex(int area) {
        return status.index()[area];
    }

    public double dynamicsIndex(int area) {
        return dynamics.index()[area];
    }
}
