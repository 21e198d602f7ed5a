package de.sozialmonitor.privacy;

import java.util.Optional;

/**
 * How close to a class threshold the public may see an area: its status or dynamics index as a
 * band of {@value #WIDTH} index units ("zwischen +1,0 und +1,5"), open below {@code -}{@value #OUTER}
 * and above {@code +}{@value #OUTER}. Staff see the exact value.
 *
 * <p>Why a band and not the value: the index is a function of every entering rate of every area
 * (through the means and standard deviations the method standardises with). The exact value,
 * together with an area's other published rates, would bound one of its withheld rates closely.
 * A band of half a standard deviation leaves an interval of about {@code WIDTH × sd(S) × Σw / w_i}
 * z-units for a single entering indicator (with seven equally weighted indicators more than two
 * standard deviations of that indicator), and is published only for an area all of whose entering
 * figures the release publishes anyway: an area with a withheld entering figure shows its class
 * alone. The default class thresholds (−1,0; +1,0; +1,5) lie on the band edges, so a band never
 * straddles a class.
 */
public record IndexBand(double lower, double upper) {
    /** Width of a band in index units (standard deviations of the index). */
    public static final double WIDTH = 0.5;
    /** Beyond ±OUTER the band is open: the outermost values are the ones most easily recognised. */
    public static final double OUTER = 2.0;

    /** The band holding {@code index}: [k·WIDTH, (k+1)·WIDTH), open beyond ±{@value #OUTER}. */
    public static IndexBand of(double index) {
        if (Double.isNaN(index) || Double.isInfinite(index)) {
            throw new IllegalArgumentException("no band for index " + index);
        }
        if (index < -OUTER) {
            return new IndexBand(Double.NEGATIVE_INFINITY, -OUTER);
        }
        if (index >= OUTER) {
            return new IndexBand(OUTER, Double.POSITIVE_INFINITY);
        }
        double lower = Math.floor(index / WIDTH) * WIDTH;
        return new IndexBand(lower + 0.0, lower + WIDTH);
    }

    /**
     * The band the public may see: only where every figure entering the area's index is
     * published (else the class alone), and never for a missing index.
     */
    public static Optional<IndexBand> published(Double index, boolean everyEnteringFigurePublished) {
        return index == null || !everyEnteringFigurePublished || index.isNaN() ? Optional.empty() : Optional.of(of(index));
    }

    /** The middle of the band (the edge for an open band), for ordering. */
    public double middle() {
        return Double.isInfinite(lower) ? upper : Double.isInfinite(upper) ? lower : (lower + upper) / 2;
    }

    public boolean contains(double index) {
        return index >= lower && index < upper;
    }
}
