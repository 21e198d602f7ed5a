package de.sozialmonitor.view;

import de.sozialmonitor.method.ComponentStat;
import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.Indicator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * "Why" an area needs attention, the one definition that the attention list, the area profile and
 * the committee report print: the status indicators whose z-score is above {@value #MIN_Z}, the
 * highest first, at most {@value #LIMIT}; and, where the dynamics are {@code negativ}, the dynamics
 * indicators whose change has a z-score above {@value #MIN_Z}. The z-scores come from the shown
 * figures and the mean and SD the method standardised with (frozen with the release), with the
 * sign turned where a higher value is better: a withheld figure has no z-score and so is never a
 * reason that could give it away.
 */
public final class Drivers {
    /** Clearly above the average: more than one standard deviation. */
    public static final double MIN_Z = 1.0;
    public static final int LIMIT = 3;

    private Drivers() {
    }

    /** One reason: an indicator of the status ({@code status}) or dynamics ({@code dynamics}) with its z-score. */
    public record Driver(String indicatorId, String component, double z) {
    }

    /** The reasons for an area in the view's year, status first. */
    public static List<Driver> of(ResultView view, String areaCode) {
        List<Driver> out = new ArrayList<>(top(view, areaCode, ComponentStat.STATUS, view.method().statusIndicators().keySet()));
        boolean negative = view.classes(areaCode).map(c -> c.dynamicsClass() == DynamicsClass.NEGATIV).orElse(false);
        if (negative) {
            out.addAll(top(view, areaCode, ComponentStat.DYNAMICS, view.method().dynamicsIndicators().keySet()));
        }
        return List.copyOf(out);
    }

    /** The z-score of a shown figure of an area, or null if the figure or the statistics are not there. */
    public static Double z(ResultView view, String areaCode, String component, String indicatorId) {
        Indicator indicator = view.catalog().indicator(indicatorId).orElse(null);
        ComponentStat stat = view.stat(component, indicatorId).orElse(null);
        if (indicator == null || stat == null || stat.leftOut() || !(stat.sd() > 0)) {
            return null;
        }
        Figure f = ComponentStat.STATUS.equals(component) ? view.rate(indicatorId, areaCode, view.year())
                : view.change(indicatorId, areaCode, view.year());
        return f.shown() ? (indicator.polarity().sign() * f.value() - stat.mean()) / stat.sd() : null;
    }

    private static List<Driver> top(ResultView view, String areaCode, String component, Set<String> indicators) {
        List<Driver> found = new ArrayList<>();
        for (String id : indicators) {
            Double z = z(view, areaCode, component, id);
            if (z != null && z > MIN_Z) {
                found.add(new Driver(id, component, z));
            }
        }
        found.sort(Comparator.comparingDouble(Driver::z).reversed().thenComparing(Driver::indicatorId));
        return found.size() > LIMIT ? found.subList(0, LIMIT) : found;
    }
}
