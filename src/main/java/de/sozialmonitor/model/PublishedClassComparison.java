package de.sozialmonitor.model;

import java.util.List;

/**
 * The classes of a release compared with a published classification ({@link PublishedClasses}):
 * how many agree, and every difference with the index value and the class bound nearest to it
 * (a difference an index lying within rounding of a bound explains is another story than one far
 * from any bound). Frozen with the release; the method page and the report show it.
 *
 * @param reference        what was compared with (its name)
 * @param areas            areas that have a class on at least one side
 * @param areasAgreeing    of them, areas whose status and dynamics classes both agree
 * @param statusCompared   areas with a status class on at least one side; {@code statusAgreeing} of them agree
 * @param dynamicsCompared likewise for the dynamics class
 */
public record PublishedClassComparison(String reference, int areas, int areasAgreeing, int statusCompared, int statusAgreeing,
                                  int dynamicsCompared, int dynamicsAgreeing, List<Difference> differences) {

    public static final String STATUS = "status";
    public static final String DYNAMICS = "dynamics";

    /**
     * One class that differs. {@code computed} or {@code published} is null where that side has no
     * class (the area took no part there); {@code index} is the computed index value (null without
     * one), {@code bound} the class bound nearest to it.
     */
    public record Difference(String areaCode, String areaName, String component, String computed, String published,
                             Double index, Double bound) {
    }

    public PublishedClassComparison {
        differences = List.copyOf(differences);
    }

    /** True when every class agrees. */
    public boolean reproduced() {
        return differences.isEmpty();
    }
}
