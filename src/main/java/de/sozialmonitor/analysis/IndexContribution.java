package de.sozialmonitor.analysis;

import de.sozialmonitor.method.ComponentResult;
import de.sozialmonitor.method.ComponentStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each indicator contributes to an index the method computed: its share of the variance of the
 * raw index, and its loading on the first principal component of the indicators' z-scores.
 *
 * <p>The raw index is {@code S = Σ w_i z_i / W}. Its variance splits exactly into
 * {@code Var(S) = Σ_i (w_i / W) Cov(z_i, S)}, so {@code share_i = (w_i / W) Cov(z_i, S) / Var(S)} sums to 1
 * (a share can be negative when an indicator runs against the others).
 *
 * @param ids            the indicators that entered the index (those left out for SD = 0 are not here)
 * @param participants   areas over which the figures are computed
 * @param varianceShare  per indicator, in {@code ids} order
 * @param correlation    Pearson correlations of the z-scores over the participants
 * @param pc1            first principal component of {@code correlation}
 */
public record IndexContribution(List<String> ids, int participants, double[] varianceShare, double[][] correlation,
                                Pca.Component pc1) {

    public Map<String, Double> varianceShares() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), varianceShare[i]);
        }
        return m;
    }

    public Map<String, Double> loadings() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), pc1.loadings()[i]);
        }
        return m;
    }

    /** Mean |r| over the pairs of indicators: how much they overlap on average. */
    public double meanAbsCorrelation() {
        double s = 0;
        int n = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (!Double.isNaN(correlation[i][j])) {
                    s += Math.abs(correlation[i][j]);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public static IndexContribution of(ComponentResult c) {
        List<String> ids = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String id : c.indicatorIds()) {
            ComponentStat s = c.stat(id);
            if (s != null && !s.leftOut()) {
                ids.add(id);
                weights.add(s.weight());
            }
        }
        double[] raw = c.raw();
        int[] part = java.util.stream.IntStream.range(0, raw.length).filter(a -> !Double.isNaN(raw[a])).toArray();
        int k = ids.size();
        int n = part.length;
        double[][] z = new double[k][n];
        for (int i = 0; i < k; i++) {
            double[] zi = c.z().get(ids.get(i));
            for (int p = 0; p < n; p++) {
                z[i][p] = zi[part[p]];
            }
        }
        double w = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] s = new double[n];
        for (int p = 0; p < n; p++) {
            s[p] = raw[part[p]];
        }
        double varS = covariance(s, s);
        double[] share = new double[k];
        for (int i = 0; i < k; i++) {
            share[i] = varS > 0 ? weights.get(i) / w * covariance(z[i], s) / varS : Double.NaN;
        }
        double[][] corr = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                corr[i][j] = i == j ? 1 : Correlations.pearsonComplete(z[i], z[j]);
            }
        }
        Pca.Component pc1 = k == 0 || n < 3 ? new Pca.Component(Double.NaN, Double.NaN, new double[k], new double[0])
                : Pca.first(nanToZero(corr));
        return new IndexContribution(List.copyOf(ids), n, share, corr, pc1);
    }

    private static double[][] nanToZero(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                if (Double.isNaN(out[i][j])) {
                    out[i][j] = 0;
                }
            }
        }
        return out;
    }

    /** Covariance with divisor n (the divisor cancels in every ratio it is used in). */
    static double covariance(double[] x, double[] y) {
        int n = x.length;
        if (n == 0) {
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
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / n;
    }
}
