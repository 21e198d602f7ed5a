package de.sozialmonitor.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Skewness;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * The spread of one indicator over areas: quartiles (Hyndman–Fan type 7, as R's default and the
 * spreadsheet function QUARTILE.INC), mean, sample standard deviation, skewness, outliers beyond
 * Tukey's fences (1.5 interquartile ranges outside the quartiles) and a histogram with Sturges'
 * number of equally wide bins.
 *
 * @param values     the values the figures are computed from, in area order, with their area codes
 * @param binEdges   {@code bins + 1} edges from min to max
 */
public record Distribution(int n, double min, double q1, double median, double q3, double max, double mean, double sd,
                           double skewness, double lowerFence, double upperFence, List<String> lowOutliers,
                           List<String> highOutliers, double[] binEdges, int[] binCounts, List<String> codes,
                           double[] values) {

    private static final Quantile QUARTILES = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    /** The {@code classes - 1} inner class breaks at equal shares of the areas (quintiles for 5), same estimator as the quartiles. */
    public double[] breaks(int classes) {
        if (n == 0 || classes < 2) {
            return new double[0];
        }
        double[] p = new double[classes - 1];
        for (int i = 1; i < classes; i++) {
            p[i - 1] = (double) i / classes;
        }
        return QUARTILES.evaluate(values, p);
    }

    /** The distribution of the numbers among {@code values} (NaN is left out); {@code codes} names each entry. */
    public static Distribution of(double[] values, List<String> codes) {
        List<String> c = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                c.add(codes.get(i));
                v.add(values[i]);
            }
        }
        double[] x = v.stream().mapToDouble(Double::doubleValue).toArray();
        int n = x.length;
        if (n == 0) {
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, List.of(), List.of(), new double[0], new int[0], List.of(), x);
        }
        double[] q = QUARTILES.evaluate(x, 0, 0.25, 0.5, 0.75, 1);
        double iqr = q[3] - q[1];
        double lower = q[1] - 1.5 * iqr;
        double upper = q[3] + 1.5 * iqr;
        List<String> low = new ArrayList<>();
        List<String> high = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (x[i] < lower) {
                low.add(c.get(i));
            } else if (x[i] > upper) {
                high.add(c.get(i));
            }
        }
        int bins = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
        double[] edges = new double[bins + 1];
        int[] counts = new int[bins];
        double width = (q[4] - q[0]) / bins;
        for (int b = 0; b <= bins; b++) {
            edges[b] = b == bins ? q[4] : q[0] + b * width;
        }
        for (double value : x) {
            int b = width > 0 ? (int) Math.floor((value - q[0]) / width) : 0;
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        double sd = n >= 2 ? StandardDeviation.of(x).getAsDouble() : Double.NaN;
        double skew = n >= 3 ? Skewness.of(x).getAsDouble() : Double.NaN;
        return new Distribution(n, q[0], q[1], q[2], q[3], q[4], Mean.of(x).getAsDouble(), sd, skew, lower, upper,
                List.copyOf(low), List.copyOf(high), edges, counts, List.copyOf(c), x);
    }
}
