package de.sozialmonitor.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-step standardisation of METHOD.md sections 3 and 4: z-scores per indicator with the
 * population SD (divisor n, the default) or the sample SD (divisor n - 1), the weighted mean of the
 * z-scores as raw index, and the raw index standardised again over the same areas with the same SD.
 */
public final class Standardisation {
    private Standardisation() {
    }

    /**
     * @param inputs       per indicator, the value of every area (already sign-flipped for polarity); only
     *                     the participants' entries are read
     * @param weights      per indicator, in the order of {@code indicatorIds}
     * @param participants indices of the areas that take part; each has a number for every indicator
     * @param size         number of areas (length of the returned arrays)
     * @param sample       true: sample SD (divisor n - 1); false: population SD (divisor n)
     */
    public static ComponentResult standardise(String component, List<String> indicatorIds, Map<String, double[]> inputs,
                                              double[] weights, int[] participants, int size, boolean sample) {
        int n = participants.length;
        List<ComponentStat> stats = new ArrayList<>();
        Map<String, double[]> zs = new LinkedHashMap<>();
        double[] raw = nanArray(size);
        double[] index = nanArray(size);
        double weightSum = 0;
        double[] sum = new double[size];
        for (int k = 0; k < indicatorIds.size(); k++) {
            String id = indicatorIds.get(k);
            double[] x = inputs.get(id);
            double mean = mean(x, participants);
            double sd = sd(x, participants, mean, sample);
            boolean leftOut = !(sd > 0);
            stats.add(new ComponentStat(component, id, n, mean, sd, leftOut, weights[k]));
            double[] z = nanArray(size);
            if (!leftOut) {
                for (int a : participants) {
                    z[a] = (x[a] - mean) / sd;
                    sum[a] += weights[k] * z[a];
                }
                weightSum += weights[k];
            }
            zs.put(id, z);
        }
        if (weightSum > 0) {
            for (int a : participants) {
                raw[a] = sum[a] / weightSum;
            }
            double mean = mean(raw, participants);
            double sd = sd(raw, participants, mean, sample);
            boolean leftOut = !(sd > 0);
            stats.add(new ComponentStat(component, ComponentStat.INDEX, n, mean, sd, leftOut, 0));
            if (!leftOut) {
                for (int a : participants) {
                    index[a] = (raw[a] - mean) / sd;
                }
            }
        } else {
            stats.add(new ComponentStat(component, ComponentStat.INDEX, n, Double.NaN, Double.NaN, true, 0));
        }
        return new ComponentResult(component, List.copyOf(indicatorIds), inputs, zs, raw, index, List.copyOf(stats), n);
    }

    static double mean(double[] x, int[] idx) {
        if (idx.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int a : idx) {
            s += x[a];
        }
        return s / idx.length;
    }

    /**
     * Population SD (divisor n) or sample SD (divisor n - 1), two-pass for accuracy. Exactly 0 when all
     * values are equal (the one-pass mean of equal values may carry rounding noise, which must not turn
     * into an SD of 1e-17); NaN below two values, with either divisor: one area is no comparison.
     */
    static double sd(double[] x, int[] idx, double mean, boolean sample) {
        if (idx.length < 2) {
            return Double.NaN;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double ss = 0;
        for (int a : idx) {
            double d = x[a] - mean;
            ss += d * d;
            min = Math.min(min, x[a]);
            max = Math.max(max, x[a]);
        }
        if (min == max) {
            return 0;
        }
        return Math.sqrt(ss / (sample ? idx.length - 1 : idx.length));
    }

    static double[] nanArray(int size) {
        double[] a = new double[size];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
