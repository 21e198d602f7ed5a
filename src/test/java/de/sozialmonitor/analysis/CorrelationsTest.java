package de.sozialmonitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CorrelationsTest {
    static final double NAN = Double.NaN;

    @Test
    void pearsonAndSpearmanOfAHandComputedExampleWithTies() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 4, 5, 4, 5};
        // dx = -2..2, dy = -2,0,1,0,1: Sxy = 6, Sxx = 10, Syy = 6
        assertThat(Correlations.pearson(x, y)).isCloseTo(6 / Math.sqrt(60), within(1e-12));
        // ranks of y with ties averaged: 1, 2.5, 4.5, 2.5, 4.5: Sxy = 7, Syy = 9
        assertThat(Correlations.spearman(x, y)).isCloseTo(7 / Math.sqrt(90), within(1e-12));
    }

    @Test
    void onlyPairsWithBothValuesCount() {
        double[] x = {1, 2, NAN, 3, 4, 100};
        double[] y = {1, 3, 7, 2, 4, NAN};
        assertThat(Correlations.pairs(x, y)).isEqualTo(4);
        assertThat(Correlations.pearson(x, y)).isCloseTo(Correlations.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}),
                within(1e-15));
        assertThat(Correlations.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4})).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void withoutVariationOrBelowThreePairsThereIsNoCorrelation() {
        assertThat(Correlations.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Correlations.spearman(new double[] {1, 2}, new double[] {1, 2})).isNaN();
    }

    @Test
    void spearmanAgreesWithTheTextbookFormulaWhenThereAreNoTies() {
        Random rnd = new Random(7);
        for (int rep = 0; rep < 20; rep++) {
            int n = 5 + rnd.nextInt(60);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble();
                y[i] = x[i] * rnd.nextDouble() + rnd.nextDouble();
            }
            // independent: rank by counting, rho = 1 - 6 sum d^2 / (n (n^2 - 1))
            double d2 = 0;
            for (int i = 0; i < n; i++) {
                int rx = 1;
                int ry = 1;
                for (int j = 0; j < n; j++) {
                    rx += x[j] < x[i] ? 1 : 0;
                    ry += y[j] < y[i] ? 1 : 0;
                }
                d2 += (rx - ry) * (rx - ry);
            }
            double textbook = 1 - 6 * d2 / (n * ((double) n * n - 1));
            assertThat(Correlations.spearman(x, y)).isCloseTo(textbook, within(1e-12));
        }
    }

    @Test
    void pairsAtOrAboveTheBoundAreRedundant() {
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {2, 4, 6, 8, 10, 13};
        double[] c = {6, 1, 5, 2, 4, 3};
        Correlations.CorrelationMatrix m = Correlations.matrix(List.of("a", "b", "c"), List.of(a, b, c));
        assertThat(m.redundant(0.8)).extracting(Correlations.RedundantPair::first, Correlations.RedundantPair::second)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "b"));
        assertThat(m.spearman("a", "b")).isEqualTo(1.0);
        assertThat(m.pearson("a", "a")).isEqualTo(1.0);
        assertThat(m.pairs()[0][2]).isEqualTo(6);
    }
}
