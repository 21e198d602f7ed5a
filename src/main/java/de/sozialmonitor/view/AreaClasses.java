package de.sozialmonitor.view;

import de.sozialmonitor.model.DynamicsClass;
import de.sozialmonitor.model.StatusClass;
import de.sozialmonitor.privacy.IndexBand;

/**
 * An area's place in the method's classes in the view's year: index values (null where missing or
 * withheld by disclosure control), classes, attention flag and, for an area that did not take part,
 * the exclusion reason ({@code population_below_minimum}, {@code missing:<id>}, {@code no_base_year}, …);
 * and the bands of the index values a reader may see ({@link IndexBand}; null where not published).
 */
public record AreaClasses(Double statusIndex, StatusClass statusClass, Double dynamicsIndex, DynamicsClass dynamicsClass,
                          boolean attention, String excluded, IndexBand statusBand, IndexBand dynamicsBand) {
    /** Classes without bands. */
    public AreaClasses(Double statusIndex, StatusClass statusClass, Double dynamicsIndex, DynamicsClass dynamicsClass,
                       boolean attention, String excluded) {
        this(statusIndex, statusClass, dynamicsIndex, dynamicsClass, attention, excluded, null, null);
    }

    /** Low status by the method's classes: {@code niedrig} or {@code sehr_niedrig}. */
    public boolean lowStatus() {
        return statusClass == StatusClass.NIEDRIG || statusClass == StatusClass.SEHR_NIEDRIG;
    }

    AreaClasses withBands(IndexBand status, IndexBand dynamics) {
        return new AreaClasses(statusIndex, statusClass, dynamicsIndex, dynamicsClass, attention, excluded, status, dynamics);
    }

    /** The status index where shown, else the middle of its band, else null: how far along the scale the area is. */
    public Double statusPosition() {
        return statusIndex != null ? statusIndex : statusBand != null ? statusBand.middle() : null;
    }
}
