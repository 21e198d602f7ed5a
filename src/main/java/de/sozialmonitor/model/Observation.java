package de.sozialmonitor.model;

import java.util.Objects;

/**
 * One base count: variable x area x year x target group. {@code value} is null exactly when
 * the status carries no number (see {@link ValueStatus#hasValue()}); {@code BELOW_BOUND} keeps
 * its bound in {@code value} (for "&lt;3", 3) but is never used as a count.
 */
public record Observation(String areaCode, int year, String variable, TargetGroup targetGroup,
                          Double value, ValueStatus status) {
    public Observation {
        Objects.requireNonNull(areaCode, "areaCode");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(targetGroup, "targetGroup");
        Objects.requireNonNull(status, "status");
    }

    public static Observation of(String areaCode, int year, String variable, double value) {
        return new Observation(areaCode, year, variable, TargetGroup.TOTAL, value, ValueStatus.OK);
    }

    /** The value to compute with, or null if there is none. */
    public Double usableValue() {
        return status.hasValue() ? value : null;
    }
}
