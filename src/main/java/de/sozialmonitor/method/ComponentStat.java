package de.sozialmonitor.method;

/**
 * Mean and SD (population or sample, as configured) of one indicator (or, with id {@link #INDEX}, of the raw index) over the
 * participating areas of one component ({@code status} or {@code dynamics}). {@code leftOut} is true
 * when the indicator could not be standardised (SD = 0 or fewer than two areas) and so did not enter
 * the index that year.
 */
public record ComponentStat(String component, String indicatorId, int n, double mean, double sd, boolean leftOut,
                            double weight) {
    /** The pseudo indicator id under which the raw index's mean and SD are kept. */
    public static final String INDEX = "_index";
    public static final String STATUS = "status";
    public static final String DYNAMICS = "dynamics";
}
