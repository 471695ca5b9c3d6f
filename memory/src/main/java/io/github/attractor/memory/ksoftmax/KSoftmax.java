package io.github.attractor.memory.ksoftmax;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;

/**
 * The k-softmax of Definition 3.2.2, eq. (3.3): {@code ksoftmax : R^n → R^{n×k}}, one column at a time,
 * <pre>
 *   ksoftmax_1(x) = ssm(x; 1),    ksoftmax_i(x) = ssm(x; i) - ssm(x; i - 1),   i = 2..k,
 * </pre>
 * a smooth version of the n×k matrix whose column i is the indicator of the i-th largest entry of x
 * (Proposition 3.5.1 applied to i and i−1). Every column is non-negative (Proposition 3.5.2: the duals
 * increase with i) and sums to 1.
 *
 * <p><b>Layout.</b> The result is row-major n×k: entry {@code (i, j)} — score index i, column j (0-based,
 * i.e. ksoftmax_{j+1}) — is at {@code out[outOff + i*k + j]}. Batches of query rows are stored one n×k block
 * after another.
 *
 * <p><b>Cost.</b> The k duals are solved in order on one prepared row ({@link SsmSolver}: the scores are
 * exponentiated once), each starting from the previous one: {@code ν_{i-1}} is a lower bound of
 * {@code ν_i}, and the start is the model prediction of the solver from the previous root ({@code
 * ν_{i-1} + log(i/(i-1))} when all entries are in the exponential tail). Typically two O(n) evaluations per
 * column.
 *
 * <p><b>Backward.</b> For an upstream gradient G (n×k), {@code ∂L/∂x = Σ_i (J_i - J_{i-1}) G_i}
 * (J_i the Jacobian (3.16) of {@code ssm(·; i)}, {@code J_0 = 0}), computed by summation by parts as
 * {@code Σ_i J_i (G_i - G_{i+1})} with the O(n) product of {@link SumSoftmax#backward}.
 */
public final class KSoftmax {
    private KSoftmax() {
    }

    /** {@code out[outOff ..] = ksoftmax(x[off .. off+n))}, n×k row-major. Needs integer {@code 1 <= k <= n}. */
    public static void compute(double[] x, int off, int n, int k, double[] out, int outOff) {
        checkShapes(x.length, off, n, k, out.length, outOff);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, off, n, "x");
            columns(w, k, (i, j, v) -> out[outOff + i * k + j] = v);
        } finally {
            w.release();
        }
    }

    /** float32 scores: as {@link #compute(double[], int, int, int, double[], int)}, computed in double. */
    public static void compute(float[] x, int off, int n, int k, float[] out, int outOff) {
        checkShapes(x.length, off, n, k, out.length, outOff);
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, off, n, "x");
            columns(w, k, (i, j, v) -> out[outOff + i * k + j] = (float) v);
        } finally {
            w.release();
        }
    }

    /** {@code ksoftmax(x)} as a new n×k row-major array. */
    public static double[] of(double[] x, int k) {
        double[] out = new double[x.length * Math.max(k, 0)];
        compute(x, 0, x.length, k, out, 0);
        return out;
    }

    /** {@code ksoftmax(x)} of float32 scores as a new n×k row-major array. */
    public static float[] of(float[] x, int k) {
        float[] out = new float[x.length * Math.max(k, 0)];
        compute(x, 0, x.length, k, out, 0);
        return out;
    }

    /** The single column {@code ksoftmax_i(x) = ssm(x; i) - ssm(x; i-1)} ({@code 1 <= i <= n}) as a new array. */
    public static double[] column(double[] x, int i) {
        return column(x, i, SsmSolver.TARGET);
    }

    /**
     * The single column {@code ksoftmax_i(x)} with both duals solved to {@code |Σ y - j| <= tolerance·j}
     * ({@code tolerance} in {@code [1e-14, 1e-10]}; the default aims at 1e-12; tighter values give smoother
     * integrands, e.g. for the quadrature of (3.18), at the price of about one more evaluation; where
     * rounding makes a target unreachable the guarantee {@value SumSoftmax#TOLERANCE} applies).
     */
    public static double[] column(double[] x, int i, double tolerance) {
        int n = x.length;
        checkShapes(n, 0, n, i, Integer.MAX_VALUE, 0);
        if (!(tolerance >= 1e-14 && tolerance <= SumSoftmax.TOLERANCE)) {
            throw new InvalidInputException("tolerance: must be in [1e-14, " + SumSoftmax.TOLERANCE + "], got "
                    + tolerance);
        }
        double[] out = new double[n];
        SsmSolver w = SsmSolver.local();
        try {
            w.prepare(x, 0, n, "x");
            double nuPrev = Double.NEGATIVE_INFINITY;
            if (i > 1) {
                nuPrev = w.solve(i - 1, Double.NEGATIVE_INFINITY, Double.NaN, tolerance);
                System.arraycopy(w.values(), 0, out, 0, n);
            }
            if (i == n) {
                for (int r = 0; r < n; r++) {
                    out[r] = 1 - out[r];
                }
                return out;
            }
            w.solve(i, nuPrev, i > 1 ? w.predict(i) : Double.NaN, tolerance);
            double[] s = w.values();
            for (int r = 0; r < n; r++) {
                out[r] = s[r] - out[r];
            }
            return out;
        } finally {
            w.release();
        }
    }

    /**
     * Row by row of a row-major {@code rows×n} score matrix: block r of {@code out} (n×k, at {@code r*n*k})
     * is {@code ksoftmax(x_r)}. Large batches are split over the common fork/join pool.
     */
    public static void rows(double[] x, int rows, int n, int k, double[] out) {
        checkBatch(x.length, out.length, rows, n, k);
        SumSoftmax.forRows(rows, n * k, r -> compute(x, r * n, n, k, out, r * n * k));
    }

    /** {@link #rows(double[], int, int, int, double[])} for float32 scores. */
    public static void rows(float[] x, int rows, int n, int k, float[] out) {
        checkBatch(x.length, out.length, rows, n, k);
        SumSoftmax.forRows(rows, n * k, r -> compute(x, r * n, n, k, out, r * n * k));
    }

    /**
     * Backward pass: {@code gradX[xOff ..] = Σ_i (J_i - J_{i-1}) G_i} for the forward output
     * {@code ks = ksoftmax(x)} (n×k at {@code off}) and the upstream gradient G (n×k at {@code gOff}). The
     * {@code ssm(x; i)} are recovered as running sums of the columns of ks. O(nk).
     */
    public static void backward(double[] ks, int off, int n, int k, double[] grad, int gOff, double[] gradX,
            int xOff) {
        checkShapes(Integer.MAX_VALUE, 0, n, k, ks.length, off);
        checkShapes(Integer.MAX_VALUE, 0, n, k, grad.length, gOff);
        SumSoftmax.checkRange("gradX", gradX.length, xOff, n);
        double[] y = new double[n];
        double[] acc = new double[n];
        for (int j = 0; j < k; j++) {
            double sa = 0;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                double yi = y[i] + ks[off + i * k + j];
                y[i] = yi;
                double a = yi * (1 - yi);
                double h = grad[gOff + i * k + j] - (j + 1 < k ? grad[gOff + i * k + j + 1] : 0);
                sa += a;
                dot += a * h;
            }
            if (!(sa > 0)) {
                continue;
            }
            double mean = dot / sa;
            for (int i = 0; i < n; i++) {
                double yi = y[i];
                double a = yi * (1 - yi);
                double h = grad[gOff + i * k + j] - (j + 1 < k ? grad[gOff + i * k + j + 1] : 0);
                acc[i] += a * (h - mean);
            }
        }
        System.arraycopy(acc, 0, gradX, xOff, n);
    }

    /** The backward pass as a new array (ks and grad n×k row-major). */
    public static double[] backward(double[] ks, int n, int k, double[] grad) {
        double[] out = new double[n];
        backward(ks, 0, n, k, grad, 0, out, 0);
        return out;
    }

    /** Backward pass over a batch: rows of ks and grad are n×k blocks, rows of gradX have length n. */
    public static void backwardRows(double[] ks, int rows, int n, int k, double[] grad, double[] gradX) {
        if (rows < 0) {
            throw new ShapeMismatchException("rows: must be >= 0, got " + rows);
        }
        SumSoftmax.forRows(rows, n * k, r -> backward(ks, r * n * k, n, k, grad, r * n * k, gradX, r * n));
    }

    /** Receives entry (i, j) of the k-softmax matrix. */
    @FunctionalInterface
    interface Sink {
        void put(int i, int j, double v);
    }

    /** Solves the k duals on a prepared row and hands every entry of the n×k result to {@code sink}. */
    static void columns(SsmSolver w, int k, Sink sink) {
        int n = w.size();
        double nuPrev = Double.NEGATIVE_INFINITY;
        for (int j = 1; j <= k; j++) {
            w.swap();
            if (j == n) {
                w.fill(1.0);
            } else {
                double start = j == 1 ? Double.NaN : w.predict(j);
                nuPrev = w.solve(j, nuPrev, start);
            }
            double[] s = w.values();
            if (j == 1) {
                for (int i = 0; i < n; i++) {
                    sink.put(i, 0, s[i]);
                }
            } else {
                double[] p = w.previous();
                for (int i = 0; i < n; i++) {
                    sink.put(i, j - 1, s[i] - p[i]);
                }
            }
        }
    }

    private static void checkShapes(int xLen, int off, int n, int k, int outLen, int outOff) {
        SumSoftmax.checkRange("x", xLen, off, n);
        if (k < 1 || k > n) {
            throw new InvalidInputException("k: ksoftmax needs 1 <= k <= n = " + n + ", got " + k);
        }
        long need = (long) n * k;
        if (outOff < 0 || outOff + need > outLen) {
            throw new ShapeMismatchException("out: an n×k = " + n + "x" + k + " block at offset " + outOff
                    + " does not fit in an array of length " + outLen);
        }
    }

    private static void checkBatch(int xLen, int outLen, int rows, int n, int k) {
        if (rows < 0 || n < 0) {
            throw new ShapeMismatchException("x: negative shape " + rows + "x" + n);
        }
        if (k < 1 || k > n) {
            throw new InvalidInputException("k: ksoftmax needs 1 <= k <= n = " + n + ", got " + k);
        }
        long size = (long) rows * n;
        if (xLen < size) {
            throw new ShapeMismatchException("x: a " + rows + "x" + n + " batch needs " + size + " entries, got "
                    + xLen);
        }
        if (outLen < size * k) {
            throw new ShapeMismatchException("out: " + rows + " blocks of " + n + "x" + k + " need " + size * k
                    + " entries, got " + outLen);
        }
    }
}
