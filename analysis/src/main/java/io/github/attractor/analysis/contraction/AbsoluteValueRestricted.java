package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.MatrixMeasure;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 1 (absolute-value restricted weights) of Kozachkov et al.: the RNN (1)
 * {@code τ dx/dt = -x + W φ(x) + u}, {@code 0 ≤ φ' ≤ g}, is contracting in a positive diagonal metric P if
 * <pre>
 *   P (g|W|' - I) + (g|W|' - I)ᵀ P ≺ 0,
 * </pre>
 * where {@code |W|'} is the entrywise absolute value with the diagonal entries zeroed where {@code W_ii ≤ 0}.
 *
 * <p><b>Decision.</b> {@code A = g|W|' - I} is Metzler, and a Metzler matrix is diagonally stable iff it is
 * Hurwitz (Narendra &amp; Shorten 2010) iff {@code -A = I - g|W|'} (a Z-matrix) is a nonsingular M-matrix iff
 * all its leading principal minors are positive (Plemmons' condition K33) iff Gaussian elimination without
 * pivoting on it meets only positive pivots (pivot k = minor k / minor k-1; eliminating with a positive pivot
 * keeps the Schur complement a Z-matrix). {@link #holds} does exactly that: about n³/3 flops on a caller-owned
 * scratch array, no eigenvalues — the hot path of module sampling. {@link #holds} first tries the cheaper
 * Collatz–Wielandt bounds of the Perron root of {@code g|W|'} (A is Hurwitz iff that root is below 1), which
 * decide most random modules in a few matrix–vector products, and eliminates only when they do not.
 *
 * <p><b>Metric.</b> With the left and right Perron vectors v, w of A ({@code vᵀA = λvᵀ}, {@code Aw = λw},
 * λ < 0 the spectral abscissa), {@code P = diag(v_i / w_i)} gives {@code PA + AᵀP ≺ 0} when v, w > 0, which
 * holds when A is irreducible (Rantzer 2015). For reducible A the Perron vectors can have zero entries; the same
 * construction with the positive vectors {@code ξ = -A⁻¹1} and {@code ζ = -A⁻ᵀ1} ({@code Aξ = -1 < 0},
 * {@code Aᵀζ = -1 < 0}; positive because {@code -A⁻¹ ≥ 0} has a positive diagonal) works for every Hurwitz
 * Metzler A, and is used then. Either way the inequality is verified numerically, and the rate is
 * {@code c = -μ_P(A)} (the proof bounds {@code d/dt ‖δx‖_P² ≤ 2 μ_P(A) ‖δx‖_P²}).
 */
public final class AbsoluteValueRestricted {
    static final String NAME = "Theorem 1";
    private static final int POWER_ITERATIONS = 2000;

    private AbsoluteValueRestricted() {
    }

    /** {@code A = g|W|' - I}. */
    public static DMatrixRMaj metzler(DMatrixRMaj w, double g) {
        int n = Require.square("W", w).numRows;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = w.unsafe_get(i, j);
                a.unsafe_set(i, j, (i == j ? (v > 0 ? g * v : 0) - 1 : g * Math.abs(v)));
            }
        }
        return a;
    }

    /**
     * Whether Theorem 1 holds for the row-major n×n W and slope bound g. {@code scratch} needs n² entries; W is not
     * modified. From {@value #BOUNDS_MIN_UNITS} units on, first the Collatz–Wielandt bounds (see {@link #perronBounds}) of the Perron root
     * ρ of {@code B = g|W|'} — A = B - I is Hurwitz iff ρ(B) &lt; 1 — are tried for up to max(8, n/4) iterations,
     * each costing n² multiply-adds (against about n³/3 for the elimination); a clear verdict (bound 1e-12 away from 1) ends the check. Otherwise the
     * elimination decides (all pivots of {@code I - B} positive).
     */
    public static boolean holds(double[] w, int n, double g, double[] scratch) {
        if (n >= BOUNDS_MIN_UNITS) {
            int verdict = perronBounds(w, n, g, scratch, Math.max(8, n / 4));
            if (verdict != 0) {
                return verdict > 0;
            }
        }
        return minPivot(w, n, g, scratch) > 0;
    }

    /** Below this size the elimination alone is cheapest (n³/3 ≤ a few n² products, measured). */
    static final int BOUNDS_MIN_UNITS = 48;

    /**
     * Collatz–Wielandt bounds of the Perron root of the nonnegative {@code B = g|W|'}: for every x > 0,
     * {@code min_i (Bx)_i/x_i ≤ ρ(B) ≤ max_i (Bx)_i/x_i} (no irreducibility needed). Starting from x = 1 and
     * iterating {@code x ← (B + I)x} (which keeps x > 0 and is the power iteration of the primitive B + I, so the
     * bounds tighten), returns +1 once the upper bound is below 1 - 1e-12 (ρ &lt; 1: holds), -1 once the lower
     * bound is above 1 + 1e-12 (ρ > 1: fails), 0 if undecided after {@code iterations}. The matrix-vector products
     * run on the non-zero entries of B (stored as (column, value) pairs in the scratch after x, y and n + 1 row
     * pointers) when they fit there, else on the dense W.
     */
    static int perronBounds(double[] w, int n, double g, double[] scratch, int iterations) {
        if (n < 2) {
            return 0;
        }
        // sparse rows of B when they fit in the scratch after x, y and the row pointers: (column, value) pairs
        int rowPtr = 2 * n;
        int pairs = 3 * n + 1;
        int capacity = Math.min((scratch.length - pairs) / 2, n * n / 4); // sparse pays below 25 % density
        int nnz = 0;
        boolean sparse = true;
        for (int i = 0; i < n && sparse; i++) {
            scratch[rowPtr + i] = nnz;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double v = w[row + j];
                double b = j == i ? (v > 0 ? g * v : 0) : g * Math.abs(v);
                if (b != 0) {
                    if (nnz == capacity) {
                        sparse = false;
                        break;
                    }
                    scratch[pairs + 2 * nnz] = j;
                    scratch[pairs + 2 * nnz + 1] = b;
                    nnz++;
                }
            }
        }
        scratch[rowPtr + n] = nnz;
        int y = n; // x in scratch[0, n), y in scratch[n, 2n)
        java.util.Arrays.fill(scratch, 0, n, 1.0);
        for (int it = 0; it < iterations; it++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double top = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                if (sparse) {
                    int end = (int) scratch[rowPtr + i + 1];
                    for (int k = (int) scratch[rowPtr + i]; k < end; k++) {
                        s += scratch[pairs + 2 * k + 1] * scratch[(int) scratch[pairs + 2 * k]];
                    }
                } else {
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        double v = w[row + j];
                        s += (j == i ? (v > 0 ? v : 0) : Math.abs(v)) * scratch[j];
                    }
                    s *= g;
                }
                double r = s / scratch[i];
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
                scratch[y + i] = s + scratch[i];
                top = Math.max(top, scratch[y + i]);
            }
            if (hi < 1 - 1e-12) {
                return 1;
            }
            if (lo > 1 + 1e-12) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                scratch[i] = scratch[y + i] / top;
            }
        }
        return 0;
    }

    /** The smallest pivot of the elimination (stops at the first non-positive one and returns it). */
    static double minPivot(double[] w, int n, double g, double[] b) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double v = w[row + j];
                b[row + j] = i == j ? 1 - (v > 0 ? g * v : 0) : -g * Math.abs(v);
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double pivot = b[k * n + k];
            min = Math.min(min, pivot);
            if (!(pivot > 0)) {
                return pivot;
            }
            double inv = 1 / pivot;
            for (int i = k + 1; i < n; i++) {
                double f = b[i * n + k] * inv;
                if (f == 0) {
                    continue;
                }
                int ri = i * n;
                int rk = k * n;
                for (int j = k + 1; j < n; j++) {
                    b[ri + j] -= f * b[rk + j];
                }
            }
        }
        return min;
    }

    /** The full certificate: the decision, and when it holds the diagonal metric P, verified, with its rate. */
    public static Certificate check(DMatrixRMaj w, double g) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        if (!(g > 0) || !Double.isFinite(g)) {
            throw new InvalidInputException("gain: the slope bound g must be finite and > 0, got " + g);
        }
        double pivot = minPivot(w.data, n, g, new double[n * n]);
        if (!(pivot > 0)) {
            return Certificate.fails(NAME, pivot, String.format(
                    "g|W|' - I is not Hurwitz: I - g|W|' is not a nonsingular M-matrix (an elimination pivot is %.3g)",
                    pivot));
        }
        DMatrixRMaj a = metzler(w, g);
        double[] p = perronMetric(a);
        String construction = "left/right Perron vectors";
        if (p == null) {
            p = inverseMetric(a);
            construction = "ξ = -A⁻¹1, ζ = -A⁻ᵀ1 (A reducible)";
        }
        DMatrixRMaj metric = CommonOps_DDRM.diag(p);
        double lmi = lmiMax(a, p);
        if (!(lmi < 0)) {
            return Certificate.fails(NAME, -lmi, String.format("g|W|' - I is Hurwitz but the metric from the %s "
                    + "failed the numerical check (λ_max(PA + AᵀP) = %.3g): too close to the boundary", construction, lmi));
        }
        double rate = -MatrixMeasure.mu2(a, metric);
        return new Certificate(true, NAME, metric, rate, rate, String.format(
                "g|W|' - I is Metzler and Hurwitz; diagonal metric P from the %s, λ_max(PA + AᵀP) = %.3g", construction,
                lmi));
    }

    /** {@code λ_max(PA + AᵀP)} for diagonal P. */
    static double lmiMax(DMatrixRMaj a, double[] p) {
        int n = a.numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s.unsafe_set(i, j, p[i] * a.unsafe_get(i, j) + a.unsafe_get(j, i) * p[j]);
            }
        }
        return io.github.attractor.core.linalg.Eigen.maxSymmetric(s);
    }

    /** {@code v_i / w_i} from the Perron vectors of A (power iteration on A + (1 + max|a_ii|) I), or null. */
    private static double[] perronMetric(DMatrixRMaj a) {
        int n = a.numRows;
        double shift = 1;
        for (int i = 0; i < n; i++) {
            shift = Math.max(shift, 1 + Math.abs(a.unsafe_get(i, i)));
        }
        double[] right = perron(a, shift, false);
        double[] left = perron(a, shift, true);
        if (right == null || left == null) {
            return null;
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = left[i] / right[i];
        }
        return normalised(p);
    }

    /** Power iteration on the nonnegative, primitive-if-irreducible matrix A + shift·I; null if not positive. */
    private static double[] perron(DMatrixRMaj a, double shift, boolean transpose) {
        int n = a.numRows;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1.0 / Math.sqrt(n));
        double[] y = new double[n];
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double s = shift * x[i];
                for (int j = 0; j < n; j++) {
                    s += (transpose ? a.unsafe_get(j, i) : a.unsafe_get(i, j)) * x[j];
                }
                y[i] = s;
                norm += s * s;
            }
            norm = Math.sqrt(norm);
            double change = 0;
            for (int i = 0; i < n; i++) {
                double v = y[i] / norm;
                change = Math.max(change, Math.abs(v - x[i]));
                x[i] = v;
            }
            if (change < 1e-14) {
                break;
            }
        }
        double max = 0;
        for (double v : x) {
            max = Math.max(max, v);
        }
        for (double v : x) {
            if (!(v > 1e-9 * max)) {
                return null;
            }
        }
        return x;
    }

    private static double[] inverseMetric(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(a, inv)) {
            throw new InvalidInputException("Theorem 1: g|W|' - I is singular");
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double xi = 0;
            double zeta = 0;
            for (int j = 0; j < n; j++) {
                xi -= inv.unsafe_get(i, j);
                zeta -= inv.unsafe_get(j, i);
            }
            p[i] = zeta / xi;
        }
        return normalised(p);
    }

    /** Scaled so that max p_i = 1. */
    private static double[] normalised(double[] p) {
        double max = 0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= max;
        }
        return p;
    }
}
