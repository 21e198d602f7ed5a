package de.sozialmonitor.method;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.model.StatusClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The socio-structural profile of an area ("Gebietssteckbrief"): every indicator of the catalog
 * against each ancestor area (municipality, county: ratio of sums, computed by {@link Monitoring}),
 * its rank and percentile among the areas of its level, its change over 1, 3 and 5 years and its
 * target-group breakdowns. Pure functions over a {@link MonitoringResult}.
 */
public final class Profiles {
    private Profiles() {
    }

    /** The value of the same indicator in an ancestor area (parent first, root last). */
    public record Comparison(String areaCode, String areaName, String level, double value) {
    }

    /** The indicator for one target group other than the indicator's own. */
    public record Breakdown(String targetGroup, double numerator, double denominator, double value) {
    }

    /**
     * @param rank       1 for the highest value among the {@code rankedAreas} areas of the level that have a
     *                   value (ties share the better rank); 0 when the area has no value
     * @param percentile share (0-100) of those areas whose value is at most this one's; NaN without value
     * @param change1    change in the indicator's unit since one year before (NaN if unknown); likewise 3 and 5
     * @param zStatus    z-score in the status index, NaN unless the area took part; likewise dynamics
     */
    public record IndicatorProfile(String indicatorId, String unit, double numerator, double denominator, double value,
                                   List<Comparison> comparisons, int rank, int rankedAreas, double percentile,
                                   double change1, double change3, double change5, double zStatus, double zDynamics,
                                   List<Breakdown> breakdowns) {
    }

    public record AreaProfile(String areaCode, String areaName, String level, int year, double population,
                              Double statusIndex, StatusClass statusClass, Double dynamicsIndex,
                              DynamicsClass dynamicsClass, boolean attention, String excluded,
                              List<IndicatorProfile> indicators) {
    }

    /** The profile of one area, or IllegalArgumentException for a code not in the result. */
    public static AreaProfile of(MonitoringResult r, String areaCode) {
        AreaTable areas = r.areas();
        int a = areas.indexOf(areaCode);
        if (a < 0) {
            throw new IllegalArgumentException("area '" + areaCode + "' is not in the result of " + r.year());
        }
        int[] peers = areas.onLevel(areas.level(a));
        List<Integer> ancestors = areas.ancestors(a);
        List<IndicatorProfile> list = new ArrayList<>();
        for (Indicator ind : r.catalog().indicators()) {
            IndicatorValues v = r.current(ind.id());
            if (v == null) {
                continue;
            }
            double value = v.value()[a];
            List<Comparison> comps = new ArrayList<>();
            for (int anc : ancestors) {
                comps.add(new Comparison(areas.code(anc), areas.name(anc), areas.level(anc), v.value()[anc]));
            }
            int ranked = 0;
            int higher = 0;
            int atMost = 0;
            for (int p : peers) {
                double x = v.value()[p];
                if (Double.isNaN(x)) {
                    continue;
                }
                ranked++;
                if (x > value) {
                    higher++;
                } else {
                    atMost++;
                }
            }
            boolean has = !Double.isNaN(value);
            List<Breakdown> bd = new ArrayList<>();
            for (IndicatorValues g : r.breakdowns(ind.id())) {
                bd.add(new Breakdown(g.targetGroup(), at(g.numerator(), a), at(g.denominator(), a), g.value()[a]));
            }
            list.add(new IndicatorProfile(ind.id(), ind.unit(), at(v.numerator(), a), at(v.denominator(), a), value,
                    comps, has ? higher + 1 : 0, ranked, has && ranked > 0 ? 100.0 * atMost / ranked : Double.NaN,
                    r.change(ind.id(), a, 1), r.change(ind.id(), a, 3), r.change(ind.id(), a, 5),
                    zOf(r.status(), ind.id(), a), zOf(r.dynamics(), ind.id(), a), bd));
        }
        double si = r.status().index()[a];
        double di = r.dynamics().index()[a];
        return new AreaProfile(areaCode, areas.name(a), areas.level(a), r.year(), r.population() == null ? Double.NaN : r.population()[a],
                Double.isNaN(si) ? null : si, r.statusClass()[a], Double.isNaN(di) ? null : di, r.dynamicsClass()[a],
                r.attention()[a], r.excluded()[a], list);
    }

    private static double at(double[] arr, int a) {
        return arr == null ? Double.NaN : arr[a];
    }

    private static double zOf(ComponentResult c, String id, int a) {
        double[] z = c.z().get(id);
        return z == null ? Double.NaN : z[a];
    }
}
