package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.sozialmonitor.method.Monitoring;
import de.sozialmonitor.method.MonitoringResult;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void twoIndicatorsWithCorrelationRShareTheFirstComponentEqually() {
        double r = 0.6;
        Pca.Component c = Pca.first(new double[][] {{1, r}, {r, 1}});
        // eigenvalues 1 ± r; eigenvector (1, 1) / √2; loadings √((1 + r) / 2)
        assertThat(c.eigenvalue()).isCloseTo(1 + r, within(1e-12));
        assertThat(c.share()).isCloseTo((1 + r) / 2, within(1e-12));
        assertThat(c.loadings()).containsExactly(new double[] {Math.sqrt(0.8), Math.sqrt(0.8)}, within(1e-12));
        assertThat(c.eigenvalues()).containsExactly(new double[] {1.6, 0.4}, within(1e-12));
    }

    @Test
    void equicorrelatedIndicatorsAndAnIndependentOne() {
        double rho = 0.5;
        // a, b, c correlate pairwise 0.5, d with none: eigenvalues 1 + 2 rho = 2, then 1, 1 - rho twice
        double[][] m = {{1, rho, rho, 0}, {rho, 1, rho, 0}, {rho, rho, 1, 0}, {0, 0, 0, 1}};
        Pca.Component c = Pca.first(m);
        assertThat(c.eigenvalue()).isCloseTo(2, within(1e-12));
        assertThat(c.share()).isCloseTo(0.5, within(1e-12));
        double l = Math.sqrt(2.0 / 3);
        assertThat(c.loadings()).containsExactly(new double[] {l, l, l, 0}, within(1e-9));
    }

    @Test
    void aNegativelyRelatedIndicatorLoadsNegatively() {
        Pca.Component c = Pca.first(new double[][] {{1, -0.9}, {-0.9, 1}});
        assertThat(c.loadings()[0] * c.loadings()[1]).isLessThan(0);
        assertThat(c.loadings()[0] + c.loadings()[1]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void agreesWithPowerIterationOnTheZScoresOfAGeneratedCounty() {
        AnalysisCounty county = AnalysisCounty.generate(120, 6, 11);
        MonitoringResult r = Monitoring.compute(county.input(1), county.catalog(), county.config(6), AnalysisCounty.LAST_YEAR);
        IndexContribution contribution = IndexContribution.of(r.status());
        double[][] corr = contribution.correlation();
        // independent: power iteration on the correlation matrix
        int k = corr.length;
        double[] v = new double[k];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 5000; it++) {
            double[] w = new double[k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    w[i] += corr[i][j] * v[j];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                v[i] = w[i] / norm;
            }
        }
        double rayleigh = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rayleigh += v[i] * corr[i][j] * v[j];
            }
        }
        assertThat(contribution.pc1().eigenvalue()).isCloseTo(rayleigh, within(1e-9));
        double sign = Math.signum(java.util.Arrays.stream(v).sum());
        for (int i = 0; i < k; i++) {
            assertThat(contribution.pc1().loadings()[i]).isCloseTo(sign * v[i] * Math.sqrt(rayleigh), within(1e-6));
        }
        assertThat(contribution.pc1().share()).isCloseTo(rayleigh / k, within(1e-9));
    }
}
