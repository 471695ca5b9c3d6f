package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Allocation-free dense kernels on row-major {@code double[]} storage ({@code a[i * cols + j] = A_ij}) with
 * caller-owned buffers, for the hot loops of simulations:
 * <ul>
 *   <li>{@link #multiply}: {@code y_i = sum_j A_ij x_j}, {@code i = 0..rows-1};</li>
 *   <li>{@link #multiplyParallel}: the same product with the rows split over the common
 *       {@link ForkJoinPool};</li>
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
    /**
     * Rows per work unit of {@link #multiplyParallel} are chosen so one unit has about this many entries
     * (at least 8 rows): small units let the caller and a late-starting pool thread share the work evenly.
     */
    static final int CHUNK_ENTRIES = 1 << 11;

    private MatVec() {
    }

    /** {@code y = A x} for the rows×cols row-major matrix {@code a}, on the calling thread. */
    public static void multiply(double[] a, int rows, int cols, double[] x, double[] y) {
        check(a, rows, cols, x, y);
        rowRange(a, 0, rows, cols, x, y);
    }

    /**
     * {@code y = A x}, with row blocks shared between the calling thread and the common
     * {@link ForkJoinPool} when the matrix has at least {@value #PARALLEL_THRESHOLD} entries (otherwise
     * exactly {@link #multiply}). The caller works through the blocks itself, so it never waits for an idle
     * pool thread to start, only for blocks already under way; each {@code y_i} is computed by one thread with
     * the same arithmetic as {@link #multiply}, so both give identical results.
     */
    public static void multiplyParallel(double[] a, int rows, int cols, double[] x, double[] y) {
        check(a, rows, cols, x, y);
        int helpers = ForkJoinPool.getCommonPoolParallelism();
        if ((long) rows * cols < PARALLEL_THRESHOLD || helpers < 1 || rows < 16) {
            rowRange(a, 0, rows, cols, x, y);
            return;
        }
        int chunkRows = Math.max(8, ((CHUNK_ENTRIES / Math.max(cols, 1)) + 7) & ~7);
        RowBlocks job = new RowBlocks(a, rows, cols, x, y, chunkRows);
        int extra = Math.min(helpers, job.blocks - 1);
        ForkJoinPool pool = ForkJoinPool.commonPool();
        for (int h = 0; h < extra; h++) {
            pool.execute(new Helper(job));
        }
        job.work();
        job.awaitCompletion();
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

    /**
     * Self-scheduled row blocks: threads claim block indices from {@code next} until none are left and count
     * finished blocks in {@code done}. The volatile write in {@code done} publishes the rows of {@code y};
     * a failure in a pool thread still counts its block and is rethrown to the caller.
     */
    private static final class RowBlocks {
        final double[] a;
        final double[] x;
        final double[] y;
        final int rows;
        final int cols;
        final int chunkRows;
        final int blocks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        RowBlocks(double[] a, int rows, int cols, double[] x, double[] y, int chunkRows) {
            this.a = a;
            this.rows = rows;
            this.cols = cols;
            this.x = x;
            this.y = y;
            this.chunkRows = chunkRows;
            this.blocks = (rows + chunkRows - 1) / chunkRows;
        }

        void work() {
            int finished = 0;
            int b;
            try {
                while ((b = next.getAndIncrement()) < blocks) {
                    int r0 = b * chunkRows;
                    finished++;
                    rowRange(a, r0, Math.min(rows, r0 + chunkRows), cols, x, y);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                if (finished > 0) {
                    done.addAndGet(finished);
                }
            }
        }

        void awaitCompletion() {
            int spins = 0;
            while (done.get() < blocks) {
                if (++spins < 1 << 12) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable f = failure;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
        }
    }

    /** A pool task that joins the work on a {@link RowBlocks}; it does nothing if the blocks are all taken. */
    private static final class Helper extends ForkJoinTask<Void> {
        private static final long serialVersionUID = 1L;
        private final transient RowBlocks job;

        Helper(RowBlocks job) {
            this.job = job;
        }

        @Override
        public Void getRawResult() {
            return null;
        }

        @Override
        protected void setRawResult(Void value) {
        }

        @Override
        protected boolean exec() {
            job.work();
            return true;
        }
    }
}
