package de.sozialmonitor.analysis;

import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * The first principal component of a correlation matrix, by ojAlgo's symmetric eigen decomposition.
 * On a correlation matrix (standardised indicators) the eigenvalues sum to the number of indicators,
 * so {@code eigenvalue / k} is the share of the total variance that the component explains, and
 * {@code eigenvector × √eigenvalue} are the loadings: the correlation of each indicator with the
 * component.
 */
public final class Pca {
    private Pca() {
    }

    /**
     * @param eigenvalue the largest eigenvalue
     * @param share      its share of the sum of all eigenvalues (= of k for a correlation matrix)
     * @param loadings   per indicator; the sign is chosen so that the loadings sum to a positive number
     *                   (an eigenvector's sign is arbitrary; positive = "more disadvantage")
     * @param eigenvalues all eigenvalues, largest first
     */
    public record Component(double eigenvalue, double share, double[] loadings, double[] eigenvalues) {
    }

    public static Component first(double[][] correlation) {
        int k = correlation.length;
        if (k == 0) {
            return new Component(Double.NaN, Double.NaN, new double[0], new double[0]);
        }
        R064Store m = R064Store.FACTORY.make(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m.set(i, j, correlation[i][j]);
            }
        }
        Eigenvalue<Double> evd = Eigenvalue.R064.make(m, true);
        if (!evd.decompose(m)) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        double[] values = new double[k];
        evd.getEigenvalues(values, java.util.Optional.empty());
        MatrixStore<Double> v = evd.getV();
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        double lambda = values[best];
        double sum = 0;
        for (double x : values) {
            sum += x;
        }
        double[] loadings = new double[k];
        double sign = 0;
        for (int i = 0; i < k; i++) {
            loadings[i] = v.doubleValue(i, best) * Math.sqrt(Math.max(0, lambda));
            sign += loadings[i];
        }
        if (sign < 0) {
            for (int i = 0; i < k; i++) {
                loadings[i] = -loadings[i];
            }
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double[] desc = new double[k];
        for (int i = 0; i < k; i++) {
            desc[i] = sorted[k - 1 - i];
        }
        return new Component(lambda, lambda / sum, loadings, desc);
    }
}
