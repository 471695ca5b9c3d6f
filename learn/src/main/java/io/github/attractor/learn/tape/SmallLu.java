package io.github.attractor.learn.tape;

import io.github.attractor.core.error.SingularProblemException;

/**
 * LU factorisation with partial pivoting, {@code P A = L U} ({@code L} unit lower, {@code U} upper), in place
 * on an {@code n×n} block of a flat array, with solves of {@code A X = B} and {@code A^T X = B}
 * ({@code A^T = U^T L^T P}). Written for the batched small systems of the tape's {@code solve} (one factor per
 * sample, d ≤ a few dozen): it works on offsets into the batch array, keeps the factors for the backward
 * pass's transposed solve {@code B̄ = A^{-T} X̄}, which EJML's LU solver does not offer, and allocates nothing.
 */
public final class SmallLu {
    private SmallLu() {
    }

    /**
     * Factors the {@code n×n} matrix at {@code a[o..]} in place; {@code piv[po + k]} records the row swapped
     * with row {@code k}.
     *
     * @throws SingularProblemException if a pivot is zero or not finite
     */
    public static void factor(double[] a, int o, int n, int[] piv, int po, String what) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(a[o + k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[o + i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (!(best > 0.0) || !Double.isFinite(best)) {
                throw new SingularProblemException(what + ": matrix is singular or not finite (pivot " + k + " is "
                        + best + ")");
            }
            piv[po + k] = p;
            if (p != k) {
                int rk = o + k * n;
                int rp = o + p * n;
                for (int j = 0; j < n; j++) {
                    double t = a[rk + j];
                    a[rk + j] = a[rp + j];
                    a[rp + j] = t;
                }
            }
            double inv = 1.0 / a[o + k * n + k];
            for (int i = k + 1; i < n; i++) {
                int ri = o + i * n;
                double l = a[ri + k] * inv;
                a[ri + k] = l;
                if (l != 0.0) {
                    int rk = o + k * n;
                    for (int j = k + 1; j < n; j++) {
                        a[ri + j] -= l * a[rk + j];
                    }
                }
            }
        }
    }

    /** Solves {@code A X = B} in place on {@code B[n×r]} at {@code b[bo..]}, from the factors of {@link #factor}. */
    public static void solve(double[] lu, int o, int n, int[] piv, int po, double[] b, int bo, int r) {
        for (int k = 0; k < n; k++) {
            int p = piv[po + k];
            if (p != k) {
                swapRows(b, bo, r, k, p);
            }
        }
        for (int i = 1; i < n; i++) {
            int bi = bo + i * r;
            for (int k = 0; k < i; k++) {
                double l = lu[o + i * n + k];
                if (l != 0.0) {
                    int bk = bo + k * r;
                    for (int j = 0; j < r; j++) {
                        b[bi + j] -= l * b[bk + j];
                    }
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int bi = bo + i * r;
            for (int k = i + 1; k < n; k++) {
                double u = lu[o + i * n + k];
                if (u != 0.0) {
                    int bk = bo + k * r;
                    for (int j = 0; j < r; j++) {
                        b[bi + j] -= u * b[bk + j];
                    }
                }
            }
            double inv = 1.0 / lu[o + i * n + i];
            for (int j = 0; j < r; j++) {
                b[bi + j] *= inv;
            }
        }
    }

    /** Solves {@code A^T X = B} in place on {@code B[n×r]}: {@code U^T z = B}, {@code L^T w = z}, {@code X = P^T w}. */
    public static void solveTranspose(double[] lu, int o, int n, int[] piv, int po, double[] b, int bo, int r) {
        for (int i = 0; i < n; i++) {
            int bi = bo + i * r;
            for (int k = 0; k < i; k++) {
                double u = lu[o + k * n + i];
                if (u != 0.0) {
                    int bk = bo + k * r;
                    for (int j = 0; j < r; j++) {
                        b[bi + j] -= u * b[bk + j];
                    }
                }
            }
            double inv = 1.0 / lu[o + i * n + i];
            for (int j = 0; j < r; j++) {
                b[bi + j] *= inv;
            }
        }
        for (int i = n - 2; i >= 0; i--) {
            int bi = bo + i * r;
            for (int k = i + 1; k < n; k++) {
                double l = lu[o + k * n + i];
                if (l != 0.0) {
                    int bk = bo + k * r;
                    for (int j = 0; j < r; j++) {
                        b[bi + j] -= l * b[bk + j];
                    }
                }
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            int p = piv[po + k];
            if (p != k) {
                swapRows(b, bo, r, k, p);
            }
        }
    }

    private static void swapRows(double[] b, int bo, int r, int i, int k) {
        int bi = bo + i * r;
        int bk = bo + k * r;
        for (int j = 0; j < r; j++) {
            double t = b[bi + j];
            b[bi + j] = b[bk + j];
            b[bk + j] = t;
        }
    }
}
