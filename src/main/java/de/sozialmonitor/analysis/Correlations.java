package de.sozialmonitor.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.ranking.NaturalRanking;

/**
 * Pearson's r and Spearman's ρ over the areas where both values are present (pairwise complete).
 * Spearman's ρ is Pearson's r of the ranks, ties sharing their mean rank.
 */
public final class Correlations {
    private static final NaturalRanking RANKING = new NaturalRanking();

    private Correlations() {
    }

    /** Pearson's r of the pairs where both are numbers; NaN below three pairs or without variation. */
    public static double pearson(double[] x, double[] y) {
        double[][] p = complete(x, y);
        return pearsonComplete(p[0], p[1]);
    }

    /** Spearman's ρ of the pairs where both are numbers; NaN below three pairs or without variation. */
    public static double spearman(double[] x, double[] y) {
        double[][] p = complete(x, y);
        if (p[0].length < 3) {
            return Double.NaN;
        }
        return pearsonComplete(RANKING.apply(p[0]), RANKING.apply(p[1]));
    }

    /** Number of pairs where both are numbers. */
    public static int pairs(double[] x, double[] y) {
        return complete(x, y)[0].length;
    }

    static double pearsonComplete(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (!(sxx > 0 && syy > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static double[][] complete(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("different lengths: " + x.length + " and " + y.length);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[] a = new double[n];
        double[] b = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[k] = x[i];
                b[k] = y[i];
                k++;
            }
        }
        return new double[][] {a, b};
    }

    /**
     * Both matrices over the given indicators; {@code values.get(i)} holds indicator i over the same areas.
     */
    public static CorrelationMatrix matrix(List<String> ids, List<double[]> values) {
        int k = ids.size();
        double[][] r = new double[k][k];
        double[][] rho = new double[k][k];
        int[][] n = new int[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double[] x = values.get(i);
                double[] y = values.get(j);
                n[i][j] = n[j][i] = pairs(x, y);
                if (i == j) {
                    r[i][i] = rho[i][i] = n[i][i] >= 3 ? 1 : Double.NaN;
                } else {
                    r[i][j] = r[j][i] = pearson(x, y);
                    rho[i][j] = rho[j][i] = spearman(x, y);
                }
            }
        }
        return new CorrelationMatrix(List.copyOf(ids), r, rho, n);
    }

    /**
     * Pearson and Spearman correlations of a set of indicators, with the number of pairs behind each.
     */
    public record CorrelationMatrix(List<String> ids, double[][] pearson, double[][] spearman, int[][] pairs) {
        /** Pairs whose |ρ| (Spearman) is at least {@code threshold}: they measure nearly the same thing. */
        public List<RedundantPair> redundant(double threshold) {
            List<RedundantPair> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (Math.abs(spearman[i][j]) >= threshold) {
                        out.add(new RedundantPair(ids.get(i), ids.get(j), pearson[i][j], spearman[i][j]));
                    }
                }
            }
            return out;
        }

        public double spearman(String a, String b) {
            return spearman[ids.indexOf(a)][ids.indexOf(b)];
        }

        public double pearson(String a, String b) {
            return pearson[ids.indexOf(a)][ids.indexOf(b)];
        }
    }

    public record RedundantPair(String first, String second, double pearson, double spearman) {
    }
}
