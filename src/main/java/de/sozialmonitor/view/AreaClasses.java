package de.sozialmonitor.view;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;

/**
 * An area's place in the method's classes in the view's year: index values (null where missing or
 * withheld by disclosure control), classes, attention flag and, for an area that did not take part,
 * the exclusion reason ({@code population_below_minimum}, {@code missing:<id>}, {@code no_base_year}, …).
 */
public record AreaClasses(Double statusIndex, StatusClass statusClass, Double dynamicsIndex, DynamicsClass dynamicsClass,
                          boolean attention, String excluded) {
    /** Low status by the method's classes: {@code niedrig} or {@code sehr_niedrig}. */
    public boolean lowStatus() {
        return statusClass == StatusClass.NIEDRIG || statusClass == StatusClass.SEHR_NIEDRIG;
    }
}
