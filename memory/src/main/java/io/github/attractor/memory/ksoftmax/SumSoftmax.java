package io.github.attractor.memory.ksoftmax;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The sum-softmax function of Definition 3.2.1 (eq. (3.2); the limited multi-label projection of Amos et
 * al.):
 * <pre>
 *   ssm(x; k) = argmin_{y ∈ [0,1]^n}  -xᵀy - H_b(y)   s.t.  1ᵀy = k,
 *   H_b(y) = -Σ_i (y_i log y_i + (1 - y_i) log(1 - y_i)).
 * </pre>
 * Its solution is {@code y = σ(x + ν)} (eq. (3.10)) with the scalar dual ν solving
 * {@code Σ_i σ(x_i + ν) = k} (eq. (3.11)); ν is found by the safeguarded Newton iteration described in
 * {@link SsmSolver} (a handful of evaluations; bisection only as a fallback) and
 * {@code |Σ y - k| <= }{@value #TOLERANCE}{@code ·k} on return (the solver aims at 1e-12·k and usually
 * gets there). Inputs up to {@code |x| = 1e6} and beyond
 * are handled without overflow: the scores are shifted by their maximum and the logistic is evaluated in a
 * stable form.
 *
 * <p><b>k.</b> Any real {@code k ∈ [0, n]} is accepted (the problem is well posed for fractional k; the
 * k-softmax of {@link KSoftmax} uses integers). {@code k = 0} gives {@code y = 0} exactly and
 * {@code ν = -∞}; {@code k = n} gives {@code y = 1} exactly and {@code ν = +∞}. Other k, NaN or infinite
 * scores raise {@link InvalidInputException} subclasses naming the argument.
 *
 * <p><b>float32.</b> The {@code float[]} overloads compute in double and round y to float at the end, so the
 * constraint holds to {@code 1e-10·k} before and to about {@code 2^-24·k ≈ 6e-8·k} after rounding (well
 * within {@code 1e-6·k}).
 *
 * <p><b>Derivative.</b> Eq. (3.16): {@code J = ∂y/∂x = diag(a) - a aᵀ / Σa} with
 * {@code a_i = σ'(x_i + ν) = y_i (1 - y_i)}; symmetric, a Laplacian (rows sum to zero), positive
 * semidefinite. {@link #backward} applies it in O(n); {@code Σa = 0} (k = 0, k = n, or fully saturated y)
 * gives {@code J = 0}.
 */
public final class SumSoftmax {
    /** Relative tolerance on the constraint: {@code |Σ y - k| <= TOLERANCE · k}. */
    public static final double TOLERANCE = SsmSolver.TOLERANCE;

    /** Batches with fewer entries than this run on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private SumSoftmax() {
    }

    /**
     * {@code y[yOff .. yOff+n) = ssm(x[off .. off+n); k)}.
     *
     * @return the dual variable ν of eq. (3.10) ({@code -∞} for k = 0, {@code +∞} for k = n)
     */
    public static double solve(double[] x, int off, int n, double k, double[] y, int yOff) {
        checkRange("x", x.length, off, n);
        checkRange("y", y.length, yOff, n);
        checkK(k, n);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, off, n, "x");
            double nu = run(w, k);
            System.arraycopy(w.values(), 0, y, yOff, n);
            return nu;
        } finally {
            w.release();
        }
    }

    /** float32 scores: {@code y = ssm(x; k)} rounded to float (see the class notes); returns ν. */
    public static double solve(float[] x, int off, int n, double k, float[] y, int yOff) {
        checkRange("x", x.length, off, n);
        checkRange("y", y.length, yOff, n);
        checkK(k, n);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, off, n, "x");
            double nu = run(w, k);
            double[] s = w.values();
            for (int i = 0; i < n; i++) {
                y[yOff + i] = (float) s[i];
            }
            return nu;
        } finally {
            w.release();
        }
    }

    /** {@code ssm(x; k)} as a new array. */
    public static double[] of(double[] x, double k) {
        double[] y = new double[x.length];
        solve(x, 0, x.length, k, y, 0);
        return y;
    }

    /** {@code ssm(x; k)} of float32 scores as a new array. */
    public static float[] of(float[] x, double k) {
        float[] y = new float[x.length];
        solve(x, 0, x.length, k, y, 0);
        return y;
    }

    /**
     * Row by row of a row-major {@code rows×n} matrix: {@code y_r = ssm(x_r; k)}, the duals into
     * {@code nuOut[r]} ({@code nuOut} may be null). Large batches are split over the common fork/join pool.
     */
    public static void rows(double[] x, int rows, int n, double k, double[] y, double[] nuOut) {
        checkBatch(x.length, y.length, nuOut, rows, n);
        checkK(k, n);
        forRows(rows, n, r -> {
            double nu = solve(x, r * n, n, k, y, r * n);
            if (nuOut != null) {
                nuOut[r] = nu;
            }
        });
    }

    /** {@link #rows(double[], int, int, double, double[], double[])} for float32 scores. */
    public static void rows(float[] x, int rows, int n, double k, float[] y, double[] nuOut) {
        checkBatch(x.length, y.length, nuOut, rows, n);
        checkK(k, n);
        forRows(rows, n, r -> {
            double nu = solve(x, r * n, n, k, y, r * n);
            if (nuOut != null) {
                nuOut[r] = nu;
            }
        });
    }

    /**
     * Vector–Jacobian product of eq. (3.16) in O(n): {@code gradX = J gradY = a∘gradY - a (aᵀgradY)/Σa} with
     * {@code a_i = y_i(1 - y_i)} (J is symmetric, so this is also {@code Jᵀ gradY}). {@code y}, {@code gradY}
     * and {@code gradX} are read and written at the same offset {@code off} (rows of a batch);
     * {@code gradX} may be {@code gradY}.
     */
    public static void backward(double[] y, int off, int n, double[] gradY, double[] gradX) {
        checkRange("y", y.length, off, n);
        checkRange("gradY", gradY.length, off, n);
        checkRange("gradX", gradX.length, off, n);
        double sa = 0;
        double dot = 0;
        for (int i = off; i < off + n; i++) {
            double a = y[i] * (1 - y[i]);
            sa += a;
            dot += a * gradY[i];
        }
        if (!(sa > 0)) {
            java.util.Arrays.fill(gradX, off, off + n, 0.0);
            return;
        }
        double mean = dot / sa;
        for (int i = off; i < off + n; i++) {
            double a = y[i] * (1 - y[i]);
            gradX[i] = a * (gradY[i] - mean);
        }
    }

    /** {@code J gradY} for {@code y = ssm(x; k)} as a new array. */
    public static double[] backward(double[] y, double[] gradY) {
        if (gradY.length != y.length) {
            throw new ShapeMismatchException("gradY: expected length " + y.length + ", got " + gradY.length);
        }
        double[] out = new double[y.length];
        backward(y, 0, y.length, gradY, out);
        return out;
    }

    /**
     * The dense Jacobian (3.16) {@code J = diag(a) - a aᵀ/Σa} at x, with {@code a_i = σ(x_i+ν)(1-σ(x_i+ν))}
     * computed from both logistic tails (full relative accuracy); zero for k = 0 and k = n.
     */
    public static DMatrixRMaj jacobian(double[] x, double k) {
        int n = x.length;
        checkK(k, n);
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, 0, n, "x");
            if (k == 0 || k == n) {
                return jac;
            }
            double nu = w.solve(k, Double.NEGATIVE_INFINITY, Double.NaN);
            double[] r = new double[n];
            w.complement(nu, r);
            double[] s = w.values();
            double[] a = new double[n];
            double sa = 0;
            for (int i = 0; i < n; i++) {
                a[i] = s[i] * r[i];
                sa += a[i];
            }
            if (!(sa > 0)) {
                return jac;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    jac.data[i * n + j] = (i == j ? a[i] : 0) - a[i] * a[j] / sa;
                }
            }
            return jac;
        } finally {
            w.release();
        }
    }

    /**
     * The potential {@code V_k(x) = ∫₀¹ xᵀ ssm(tx; k) dt} of eq. (3.13), whose gradient is
     * {@code ssm(x; k)} (Proposition 3.6.1), in closed form: {@code V_k(x) = Φ(x) - Φ(0)} with the dual function
     * {@code Φ(x) = min_ν Σ_i softplus(x_i + ν) - kν} and {@code Φ(0) = n H_b(k/n)}. (The paper gives V_k only
     * as the integral; the closed form follows from ssm being the maximiser in the conjugate of the
     * objective of (3.2).) {@code V_0 = 0} and {@code V_n(x) = Σ x_i}.
     */
    public static double potential(double[] x, double k) {
        int n = x.length;
        checkK(k, n);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, 0, n, "x");
            if (k == 0) {
                return 0;
            }
            if (k == n) {
                double sum = 0;
                for (double v : x) {
                    sum += v;
                }
                return sum;
            }
            double nu = w.solve(k, Double.NEGATIVE_INFINITY, Double.NaN);
            return w.potential(nu, k);
        } finally {
            w.release();
        }
    }

    /** Solves a prepared row; the values are left in the solver; returns the unshifted ν. */
    static double run(SsmSolver w, double k) {
        int n = w.size();
        if (k == 0) {
            w.fill(0.0);
            return Double.NEGATIVE_INFINITY;
        }
        if (k == n) {
            w.fill(1.0);
            return Double.POSITIVE_INFINITY;
        }
        return w.unshift(w.solve(k, Double.NEGATIVE_INFINITY, Double.NaN));
    }

    static void checkK(double k, int n) {
        if (!(k >= 0 && k <= n)) {
            throw new InvalidInputException("k: the sum constraint of ssm(x; k) needs 0 <= k <= n = " + n + ", got "
                    + k);
        }
    }

    static void checkRange(String what, int length, int off, int n) {
        if (off < 0 || n < 0 || (long) off + n > length) {
            throw new ShapeMismatchException(what + ": entries [" + off + ", " + ((long) off + n)
                    + ") do not fit in an array of length " + length);
        }
    }

    private static void checkBatch(int xLen, int yLen, double[] nuOut, int rows, int n) {
        if (rows < 0 || n < 0) {
            throw new ShapeMismatchException("x: negative shape " + rows + "x" + n);
        }
        long size = (long) rows * n;
        if (xLen < size) {
            throw new ShapeMismatchException("x: a " + rows + "x" + n + " batch needs " + size + " entries, got "
                    + xLen);
        }
        if (yLen < size) {
            throw new ShapeMismatchException("y: a " + rows + "x" + n + " batch needs " + size + " entries, got "
                    + yLen);
        }
        if (nuOut != null && nuOut.length < rows) {
            throw new ShapeMismatchException("nuOut: needs length " + rows + ", got " + nuOut.length);
        }
    }

    /** Runs {@code body} for every row, in parallel when the batch is large. */
    static void forRows(int rows, int n, java.util.function.IntConsumer body) {
        if (rows > 1 && (long) rows * n >= PARALLEL_THRESHOLD) {
            IntStream.range(0, rows).parallel().forEach(body);
        } else {
            for (int r = 0; r < rows; r++) {
                body.accept(r);
            }
        }
    }
}
