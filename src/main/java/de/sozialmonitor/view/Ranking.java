package de.sozialmonitor.view;

import java.util.Arrays;

/**
 * The shown values of one indicator on one level in one year, ascending: where an area stands
 * among its peers. Counting with {@code <} and {@code >} as a scan of the values would, so that
 * -0.0 and 0.0 count as equal.
 */
public final class Ranking {
    private final double[] ascending;

    Ranking(double[] values) {
        this.ascending = values.clone();
        Arrays.sort(ascending);
    }

    /** How many values there are. */
    public int size() {
        return ascending.length;
    }

    /** How many values are below {@code v}. */
    public int below(double v) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) { // the first index whose value is not below v
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** How many values are above {@code v}. */
    public int above(double v) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) { // the first index whose value is above v
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return ascending.length - lo;
    }
}
