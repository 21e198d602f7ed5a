package de.sozialmonitor.method;

import de.sozialmonitor.model.MethodConfig;
import de.sozialmonitor.model.PublishedClasses;
import de.sozialmonitor.model.PublishedClassComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares computed classes with a published classification, area by area: the evidence that the
 * method, given what someone else published, arrives where they did (docs/method.md).
 */
public final class PublishedClassCheck {

    /** What was computed for one area: index values and classes (class codes; nulls where it took no part). */
    public record Computed(String areaName, Double statusIndex, String statusClass, Double dynamicsIndex, String dynamicsClass) {
    }

    private PublishedClassCheck() {
    }

    /**
     * Compares every area of {@code reference} with {@code computed} (area code to result; an area
     * missing there was not computed at all). Class bounds are the method's.
     */
    public static PublishedClassComparison compare(PublishedClasses reference, Map<String, Computed> computed, MethodConfig method) {
        int areas = 0;
        int areasAgreeing = 0;
        int[] status = new int[2];
        int[] dynamics = new int[2];
        List<PublishedClassComparison.Difference> differences = new ArrayList<>();
        double[] statusBounds = {method.statusThresholds().high(), method.statusThresholds().low(), method.statusThresholds().veryLow()};
        double[] dynamicsBounds = {method.dynamicsThresholds().positive(), method.dynamicsThresholds().negative()};
        for (Map.Entry<String, PublishedClasses.Published> e : reference.classes().entrySet()) {
            String code = e.getKey();
            PublishedClasses.Published published = e.getValue();
            Computed ours = computed.getOrDefault(code, new Computed(null, null, null, null, null));
            boolean any = false;
            boolean agree = true;
            if (ours.statusClass() != null || published.statusClass() != null) {
                any = true;
                agree &= count(status, differences, code, ours.areaName(), PublishedClassComparison.STATUS, ours.statusClass(),
                        published.statusClass(), ours.statusIndex(), statusBounds);
            }
            if (ours.dynamicsClass() != null || published.dynamicsClass() != null) {
                any = true;
                agree &= count(dynamics, differences, code, ours.areaName(), PublishedClassComparison.DYNAMICS, ours.dynamicsClass(),
                        published.dynamicsClass(), ours.dynamicsIndex(), dynamicsBounds);
            }
            if (any) {
                areas++;
                areasAgreeing += agree ? 1 : 0;
            }
        }
        return new PublishedClassComparison(reference.name(), areas, areasAgreeing, status[0], status[1], dynamics[0], dynamics[1],
                differences);
    }

    private static boolean count(int[] tally, List<PublishedClassComparison.Difference> differences, String code, String name,
                                 String component, String computed, String published, Double index, double[] bounds) {
        tally[0]++;
        if (Objects.equals(computed, published)) {
            tally[1]++;
            return true;
        }
        differences.add(new PublishedClassComparison.Difference(code, name, component, computed, published, index,
                index == null ? null : nearest(index, bounds)));
        return false;
    }

    static double nearest(double value, double[] bounds) {
        double best = bounds[0];
        for (double b : bounds) {
            if (Math.abs(value - b) < Math.abs(value - best)) {
                best = b;
            }
        }
        return best;
    }
}
