package de.sozialmonitor.model;

import java.time.LocalDate;

/**
 * A row of the boundary-change table: from {@code changeDate} on, the share {@code weight}
 * of the predecessor's counts belongs to the successor (a merger: weight 1).
 */
public record BoundaryChange(String predecessorCode, String successorCode, double weight, LocalDate changeDate) {
    public BoundaryChange {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], was " + weight);
        }
    }
}
