package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;

/**
 * Allocation-free dense kernels on row-major {@code double[]} storage ({@code a[i * cols + j] = A_ij}) with
 * caller-owned buffers, for the hot loops of simulations:
 * <ul>
 *   <li>{@link #multiply}: {@code y_i = sum_j A_ij x_j}, {@code i = 0..rows-1};</li>
 *   <li>{@link #multiplyParallel}: the same product with the rows split between the caller and the
 *       {@link SpinningWorkers};</li>
 *   <li>{@link #dot}: {@code a . b = sum_{k<n} a_k b_k}.</li>
 * </ul>
 *
 * <p>With the Vector API module present ({@link #VECTOR_API}) the row kernels are the SIMD ones of
 * {@link VectorKernels}. Without it: the Java 17 JIT does not vectorise floating-point sum reductions
 * (their order is fixed by the language), so a plain dot-product loop is bound by the latency of one
 * chain of additions, and the scalar kernels keep several independent partial sums: {@link #multiply} walks 8 rows at once (8 accumulators,
 * and every {@code x_j} loaded once per 8 rows), then a block of 4 rows, then single rows; {@link #dot}
 * uses 8 accumulators. Summation order thus differs from the naive left-to-right loop, so results may
 * differ from it in the last bits (the usual {@code O(n eps sum|a_k b_k|)} bound holds).
 *
 * <p>Buffers may be longer than needed; {@code y} must not be {@code x}.
 */
public final class MatVec {
    /** Below this many matrix entries {@link #multiplyParallel} runs single-threaded. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private MatVec() {
    }

    /** {@code y = A x} for the rows×cols row-major matrix {@code a}, on the calling thread. */
    public static void multiply(double[] a, int rows, int cols, double[] x, double[] y) {
        check(a, rows, cols, x, y);
        rowRange(a, 0, rows, cols, x, y);
    }

    /**
     * {@code y = A x}, with the rows split between the calling thread and the {@link SpinningWorkers} when
     * the matrix has at least {@value #PARALLEL_THRESHOLD} entries (otherwise, or when another thread holds
     * the workers, exactly {@link #multiply}). Each {@code y_i} is computed by one thread with the same
     * arithmetic as {@link #multiply}, so both give identical results.
     */
    public static void multiplyParallel(double[] a, int rows, int cols, double[] x, double[] y) {
        check(a, rows, cols, x, y);
        SpinningWorkers workers = SpinningWorkers.SHARED;
        int parts = workers.size() + 1;
        if ((long) rows * cols < PARALLEL_THRESHOLD || parts < 2 || rows < 8 * parts) {
            rowRange(a, 0, rows, cols, x, y);
            return;
        }
        // Parts of a multiple of 4 rows, for the 4-row kernels.
        int per = ((rows + parts - 1) / parts + 3) & ~3;
        boolean shared = workers.tryRun(p -> {
            int r0 = Math.min(rows, p * per);
            rowRange(a, r0, Math.min(rows, r0 + per), cols, x, y);
        });
        if (!shared) {
            rowRange(a, 0, rows, cols, x, y);
        }
    }

    /** {@code sum_{k<n} a_k b_k}. */
    public static double dot(double[] a, double[] b, int n) {
        if (n < 0 || n > a.length || n > b.length) {
            throw new ShapeMismatchException("dot: n = " + n + " but the vectors have lengths " + a.length + " and "
                    + b.length);
        }
        return dot(a, 0, b, n);
    }

    private static void check(double[] a, int rows, int cols, double[] x, double[] y) {
        if (rows < 0 || cols < 0) {
            throw new ShapeMismatchException("matvec: negative shape " + rows + "x" + cols);
        }
        if ((long) rows * cols > a.length) {
            throw new ShapeMismatchException("matvec: a " + rows + "x" + cols + " matrix needs " + ((long) rows * cols)
                    + " entries, the array has " + a.length);
        }
        if (x.length < cols) {
            throw new ShapeMismatchException("matvec: x needs length " + cols + ", got " + x.length);
        }
        if (y.length < rows) {
            throw new ShapeMismatchException("matvec: y needs length " + rows + ", got " + y.length);
        }
        if (x == y && rows > 0 && cols > 0) {
            throw new InvalidInputException("matvec: y must not be the same array as x");
        }
    }

    /** {@code sum_{k<n} a[off + k] * b[k]} with 8 partial sums. */
    private static double dot(double[] a, int off, double[] b, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            int p = off + k;
            s0 += a[p] * b[k];
            s1 += a[p + 1] * b[k + 1];
            s2 += a[p + 2] * b[k + 2];
            s3 += a[p + 3] * b[k + 3];
            s4 += a[p + 4] * b[k + 4];
            s5 += a[p + 5] * b[k + 5];
            s6 += a[p + 6] * b[k + 6];
            s7 += a[p + 7] * b[k + 7];
        }
        for (; k < n; k++) {
            s0 += a[off + k] * b[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * Whether the SIMD kernels of {@link VectorKernels} are used: the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (as {@code ./attractor}, the tests and the benchmarks do) and
     * the system property {@code attractor.scalar} is not set. Otherwise the scalar kernels below run.
     */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("attractor.scalar");

    /** Rows shorter than this stay on the scalar kernel (too few lanes to fill). */
    private static final int VECTOR_MIN_COLS = 16;

    /** {@code y_i = (A x)_i} for {@code r0 <= i < r1}, on the SIMD kernel when it is available. */
    static void rowRange(double[] a, int r0, int r1, int cols, double[] x, double[] y) {
        if (VECTOR_API && cols >= VECTOR_MIN_COLS) {
            VectorKernels.rowRange(a, r0, r1, cols, x, y);
        } else {
            scalarRowRange(a, r0, r1, cols, x, y);
        }
    }

    /** Scalar {@code y_i = (A x)_i} for {@code r0 <= i < r1}: 8, then 4, then single rows. */
    static void scalarRowRange(double[] a, int r0, int r1, int cols, double[] x, double[] y) {
        int i = r0;
        for (; i + 7 < r1; i += 8) {
            int p0 = i * cols;
            int p1 = p0 + cols;
            int p2 = p1 + cols;
            int p3 = p2 + cols;
            int p4 = p3 + cols;
            int p5 = p4 + cols;
            int p6 = p5 + cols;
            int p7 = p6 + cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int k = 0; k < cols; k++) {
                double xk = x[k];
                s0 += a[p0 + k] * xk;
                s1 += a[p1 + k] * xk;
                s2 += a[p2 + k] * xk;
                s3 += a[p3 + k] * xk;
                s4 += a[p4 + k] * xk;
                s5 += a[p5 + k] * xk;
                s6 += a[p6 + k] * xk;
                s7 += a[p7 + k] * xk;
            }
            y[i] = s0;
            y[i + 1] = s1;
            y[i + 2] = s2;
            y[i + 3] = s3;
            y[i + 4] = s4;
            y[i + 5] = s5;
            y[i + 6] = s6;
            y[i + 7] = s7;
        }
        if (i + 3 < r1) {
            int p0 = i * cols;
            int p1 = p0 + cols;
            int p2 = p1 + cols;
            int p3 = p2 + cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int k = 0; k < cols; k++) {
                double xk = x[k];
                s0 += a[p0 + k] * xk;
                s1 += a[p1 + k] * xk;
                s2 += a[p2 + k] * xk;
                s3 += a[p3 + k] * xk;
            }
            y[i] = s0;
            y[i + 1] = s1;
            y[i + 2] = s2;
            y[i + 3] = s3;
            i += 4;
        }
        for (; i < r1; i++) {
            y[i] = dot(a, i * cols, x, cols);
        }
    }
}
