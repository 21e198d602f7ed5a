package de.sozialmonitor.privacy;

import java.util.Arrays;

/**
 * {@code lower <= sum(coefficients[i] * x[cells[i]]) <= upper} over the cells of a table. A margin
 * "parent = sum of children" is {@code parent - children = 0}; a partial margin (children do not
 * cover the whole parent) is {@code children - parent <= 0}.
 */
public record LinearConstraint(int[] cells, double[] coefficients, double lower, double upper) {
    public LinearConstraint {
        if (cells.length != coefficients.length) {
            throw new IllegalArgumentException("cells and coefficients differ in length");
        }
        cells = cells.clone();
        coefficients = coefficients.clone();
    }

    public static LinearConstraint equality(int[] cells, double[] coefficients, double level) {
        return new LinearConstraint(cells, coefficients, level, level);
    }

    /** {@code parent = sum(children)} or, if not exact, {@code sum(children) <= parent}. */
    public static LinearConstraint margin(int parent, int[] children, boolean exact) {
        int[] cells = new int[children.length + 1];
        double[] coefs = new double[children.length + 1];
        cells[0] = parent;
        coefs[0] = -1;
        for (int i = 0; i < children.length; i++) {
            cells[i + 1] = children[i];
            coefs[i + 1] = 1;
        }
        return new LinearConstraint(cells, coefs, exact ? 0 : Double.NEGATIVE_INFINITY, 0);
    }

    public boolean isEquality() {
        return lower == upper;
    }

    public boolean contains(int cell) {
        for (int c : cells) {
            if (c == cell) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return lower + " <= " + Arrays.toString(coefficients) + "·" + Arrays.toString(cells) + " <= " + upper;
    }
}
