package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;

/**
 * Shared argument checks and small helpers of the linear-algebra package. A matrix counts as symmetric when
 * {@code |a_ij - a_ji| <= SYMMETRY_TOLERANCE * max(1, max|a|)} (see {@link Require#symmetric}); symmetric
 * inputs are then replaced by their exact symmetric part {@code (A + A^T) / 2} before decomposition.
 */
final class Checks {
    /** Relative tolerance of the symmetry test. */
    static final double SYMMETRY_TOLERANCE = 1e-9;

    private Checks() {
    }

    /** Square with finite entries. */
    static DMatrixRMaj squareFinite(String what, DMatrixRMaj a) {
        Require.square(what, a);
        return Require.finite(what, a);
    }

    /** Symmetric (within tolerance) with finite entries. */
    static DMatrixRMaj symmetricFinite(String what, DMatrixRMaj a) {
        Require.finite(what, a);
        return Require.symmetric(what, a, SYMMETRY_TOLERANCE);
    }

    /** A fresh matrix holding {@code (A + A^T) / 2}; {@code a} is left unchanged. */
    static DMatrixRMaj symmetricPart(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            s.unsafe_set(i, i, a.unsafe_get(i, i));
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a.unsafe_get(i, j) + a.unsafe_get(j, i));
                s.unsafe_set(i, j, v);
                s.unsafe_set(j, i, v);
            }
        }
        return s;
    }

    /** Replaces {@code a} in place by {@code (A + A^T) / 2}. */
    static void symmetrizeInPlace(DMatrixRMaj a) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (a.unsafe_get(i, j) + a.unsafe_get(j, i));
                a.unsafe_set(i, j, v);
                a.unsafe_set(j, i, v);
            }
        }
    }

    /** A relative tolerance: finite and non-negative. */
    static void relativeTolerance(double relTol) {
        if (!(relTol >= 0.0) || Double.isInfinite(relTol)) {
            throw new InvalidInputException("relTol: must be finite and >= 0, got " + relTol);
        }
    }

    /** Columns {@code cols[0..count-1]} of {@code m}, in that order, as a new matrix. */
    static DMatrixRMaj columns(DMatrixRMaj m, int[] cols, int count) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, count);
        for (int c = 0; c < count; c++) {
            int src = cols[c];
            for (int i = 0; i < m.numRows; i++) {
                out.unsafe_set(i, c, m.unsafe_get(i, src));
            }
        }
        return out;
    }

    /** Columns {@code c0 .. c1-1} of {@code m} as a new matrix (possibly with no columns). */
    static DMatrixRMaj columnRange(DMatrixRMaj m, int c0, int c1) {
        DMatrixRMaj out = new DMatrixRMaj(m.numRows, c1 - c0);
        for (int i = 0; i < m.numRows; i++) {
            for (int c = c0; c < c1; c++) {
                out.unsafe_set(i, c - c0, m.unsafe_get(i, c));
            }
        }
        return out;
    }
}
