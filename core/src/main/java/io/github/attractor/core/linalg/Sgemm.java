package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;

/**
 * Single-precision general matrix products on row-major {@code float[]} storage
 * ({@code a[i * cols + j] = A_ij}), with the output overwritten:
 * <ul>
 *   <li>{@link #multiplyTransposedB}: {@code C = A Bᵀ}, A m×k, B n×k, C m×n — scores of m queries against n
 *       stored rows;</li>
 *   <li>{@link #multiply}: {@code C = A B}, A m×k, B k×n, C m×n — weighted sums of stored rows.</li>
 * </ul>
 * This is the straightforward reference implementation (loops in cache-friendly order, sums accumulated in
 * double and rounded once to float); every caller goes through these two signatures so that a blocked SIMD
 * kernel can replace the bodies without touching them. Arrays may be longer than needed; C must not alias
 * A or B.
 */
public final class Sgemm {
    private Sgemm() {
    }

    /** {@code C[m×n] = A[m×k] · B[n×k]ᵀ}. */
    public static void multiplyTransposedB(float[] a, int m, int k, float[] b, int n, float[] c) {
        check("multiplyTransposedB", a, m, k, b, n, k, c);
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            int ci = i * n;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[ai + p] * b[bj + p];
                }
                c[ci + j] = (float) s;
            }
        }
    }

    /** {@code C[m×n] = A[m×k] · B[k×n]}. */
    public static void multiply(float[] a, int m, int k, float[] b, int n, float[] c) {
        check("multiply", a, m, k, b, k, n, c);
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0.0);
            int ai = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p];
                if (aip == 0) {
                    continue;
                }
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    row[j] += aip * b[bp + j];
                }
            }
            int ci = i * n;
            for (int j = 0; j < n; j++) {
                c[ci + j] = (float) row[j];
            }
        }
    }

    private static void check(String op, float[] a, int m, int k, float[] b, int bRows, int bCols, float[] c) {
        if (m < 0 || k < 0 || bRows < 0 || bCols < 0) {
            throw new ShapeMismatchException("sgemm " + op + ": negative dimension (m=" + m + ", k=" + k + ", B "
                    + bRows + "x" + bCols + ")");
        }
        int n = op.equals("multiply") ? bCols : bRows;
        if ((long) m * k > a.length) {
            throw new ShapeMismatchException("sgemm " + op + ": A is " + m + "x" + k + " but has " + a.length
                    + " entries");
        }
        if ((long) bRows * bCols > b.length) {
            throw new ShapeMismatchException("sgemm " + op + ": B is " + bRows + "x" + bCols + " but has " + b.length
                    + " entries");
        }
        if ((long) m * n > c.length) {
            throw new ShapeMismatchException("sgemm " + op + ": C is " + m + "x" + n + " but has " + c.length
                    + " entries");
        }
        if ((c == a || c == b) && (long) m * n > 0) {
            throw new InvalidInputException("sgemm " + op + ": C must not be the same array as A or B");
        }
    }
}
