package de.sozialmonitor.demo;

import java.util.Random;

/**
 * Random counts for the synthetic data: exact for small numbers (where the tiny counts that
 * disclosure control must catch come from), normal approximations for large ones. Only
 * {@link java.util.Random}, whose sequence is fixed by its specification, so a seed gives the same
 * numbers on every JVM.
 */
final class Sampling {
    private Sampling() {
    }

    /** A Poisson-like count with the given expectation. */
    static long count(Random random, double expected) {
        if (expected <= 0) {
            return 0;
        }
        if (expected < 30) {
            // Knuth's multiplication method
            double limit = Math.exp(-expected);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        return Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
    }

    /** A binomial draw: successes among {@code n} trials of probability {@code p}; always in [0, n]. */
    static long binomial(Random random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n <= 200) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (random.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        double sd = Math.sqrt(mean * (1 - p));
        long k = mean < 15 ? count(random, mean) : Math.round(mean + sd * random.nextGaussian());
        return Math.max(0, Math.min(n, k));
    }
}
