package io.github.attractor.memory.classical;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import org.ejml.data.DMatrixRMaj;

/**
 * Helpers for binary (±1) states and patterns: validation, the overlap {@code m = (1/N) ξ·s}, and the
 * update sign with the convention {@code sign(0) = keep the current value}.
 */
public final class Spins {
    private Spins() {
    }

    /** Checks that every entry is exactly +1 or -1. */
    public static double[] require(String what, double[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 1.0 && s[i] != -1.0) {
                throw new InvalidInputException(what + ": entry " + i + " is " + s[i] + "; expected +1 or -1");
            }
        }
        return s;
    }

    /** Checks a {@code P × N} pattern matrix (one pattern per row): at least one row and every entry ±1. */
    public static DMatrixRMaj requirePatterns(String what, DMatrixRMaj patterns) {
        Require.that(patterns.numRows >= 1 && patterns.numCols >= 1, what + ": need at least one pattern of at "
                + "least one neuron, got " + patterns.numRows + "x" + patterns.numCols);
        int n = patterns.numCols;
        for (int i = 0; i < patterns.getNumElements(); i++) {
            double v = patterns.data[i];
            if (v != 1.0 && v != -1.0) {
                throw new InvalidInputException(what + ": entry (" + i / n + "," + i % n + ") is " + v
                        + "; expected +1 or -1");
            }
        }
        return patterns;
    }

    /** Overlap {@code m = (1/N) Σ_i ξ_i s_i}; 1 when {@code s = ξ}, -1 when {@code s = -ξ}. */
    public static double overlap(double[] xi, double[] s) {
        if (xi.length != s.length) {
            throw new ShapeMismatchException("overlap: pattern has " + xi.length + " entries, state " + s.length);
        }
        double d = 0;
        for (int i = 0; i < xi.length; i++) {
            d += xi[i] * s[i];
        }
        return d / xi.length;
    }

    /** Overlap of row {@code mu} of a {@code P × N} pattern matrix with {@code s}. */
    public static double overlap(DMatrixRMaj patterns, int mu, double[] s) {
        int n = patterns.numCols;
        Require.length("state", s, n);
        double d = 0;
        int base = mu * n;
        for (int i = 0; i < n; i++) {
            d += patterns.data[base + i] * s[i];
        }
        return d / n;
    }

    /** {@code sign(h)}, with {@code sign(0) = current}: a zero field leaves the unit as it is. */
    static double sign(double h, double current) {
        return h > 0 ? 1.0 : h < 0 ? -1.0 : current;
    }

    /** A uniformly random ±1 pattern matrix, {@code p × n}. */
    public static DMatrixRMaj random(int p, int n, java.util.random.RandomGenerator rng) {
        Require.that(p >= 1 && n >= 1, "random patterns: need p, n >= 1, got " + p + ", " + n);
        DMatrixRMaj m = new DMatrixRMaj(p, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return m;
    }

    /** Row {@code mu} of a matrix as a new vector. */
    public static double[] row(DMatrixRMaj m, int mu) {
        double[] r = new double[m.numCols];
        System.arraycopy(m.data, mu * m.numCols, r, 0, m.numCols);
        return r;
    }

    /** In-place Fisher–Yates shuffle of {@code 0..n-1} into {@code order}. */
    static void shuffle(int[] order, java.util.random.RandomGenerator rng) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
