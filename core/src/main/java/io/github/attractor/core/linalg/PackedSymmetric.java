package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;

/**
 * A symmetric n×n matrix stored as its upper triangle, row after row ({@code n(n+1)/2} entries: row i holds
 * {@code A_ii, A_i,i+1, ..., A_i,n-1}), and the product {@code y = A x} that reads each stored entry once:
 * <pre>
 *   y_i = A_ii x_i + sum_{j>i} A_ij x_j        (the row, a dot product)
 *   y_j += A_ij x_i            for j > i       (the same entries as column i, an axpy)
 * </pre>
 * This is BLAS' {@code dspmv}. For an n in the thousands the dense product is bound by the bandwidth of the
 * cache the matrix lives in, so reading half the bytes makes it up to twice as fast as the dense row
 * kernel of {@link MatVec} (and as a general {@code dgemv}, which is what numpy's {@code W @ x} calls):
 * written by hand because neither EJML nor the JDK has a packed symmetric product. The symmetric models
 * (Krotov–Hopfield with symmetric W) use it.
 *
 * <p>{@link #multiplyParallel} splits the rows into parts of equal triangle area; each part accumulates into
 * its own buffer, and the buffers are summed at the end, so the result does not depend on the number of
 * threads' timing (but, as a different summation order, may differ from the dense product in the last bits).
 */
public final class PackedSymmetric {
    private final int n;
    private final double[] packed;

    private PackedSymmetric(int n, double[] packed) {
        this.n = n;
        this.packed = packed;
    }

    /**
     * Packs the upper triangle of the row-major n×n matrix {@code a} ({@code a[i * n + j] = A_ij}); the strict
     * lower triangle is not read, so the caller is responsible for {@code A} being symmetric.
     */
    public static PackedSymmetric ofUpper(double[] a, int n) {
        if (n < 0 || (long) n * n > a.length) {
            throw new ShapeMismatchException("packed symmetric: a " + n + "x" + n + " matrix needs " + ((long) n * n)
                    + " entries, the array has " + a.length);
        }
        double[] p = new double[Math.toIntExact((long) n * (n + 1) / 2)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a, i * n + i, p, rowStart(n, i), n - i);
        }
        return new PackedSymmetric(n, p);
    }

    /** The dimension n. */
    public int size() {
        return n;
    }

    /** {@code A_ij} for any i, j. */
    public double get(int i, int j) {
        return i <= j ? packed[rowStart(n, i) + j - i] : packed[rowStart(n, j) + i - j];
    }

    /** The packed entries (for the kernels' tests). */
    double[] packed() {
        return packed;
    }

    /** Offset of {@code A_ii} in the packed array: {@code sum_{r<i} (n - r)}. */
    static int rowStart(int n, int i) {
        return (int) ((long) i * n - (long) i * (i - 1) / 2);
    }

    /** {@code y = A x} on the calling thread. */
    public void multiply(double[] x, double[] y) {
        check(x, y);
        java.util.Arrays.fill(y, 0, n, 0.0);
        rowRange(0, n, x, y);
    }

    /**
     * {@code y = A x}, with the rows split between the calling thread and the {@link SpinningWorkers} when the
     * triangle has at least {@link MatVec#PARALLEL_THRESHOLD} / 2 entries (otherwise, or when another thread
     * holds the workers, exactly {@link #multiply}).
     */
    public void multiplyParallel(double[] x, double[] y) {
        check(x, y);
        SpinningWorkers workers = SpinningWorkers.SHARED;
        int parts = workers.size() + 1;
        java.util.Arrays.fill(y, 0, n, 0.0);
        if (packed.length < MatVec.PARALLEL_THRESHOLD / 2 || parts < 2 || n < 16 * parts) {
            rowRange(0, n, x, y);
            return;
        }
        int[] bounds = equalAreaBounds(parts);
        double[][] acc = new double[parts][];
        acc[0] = y;
        for (int p = 1; p < parts; p++) {
            acc[p] = new double[n];
        }
        boolean shared = workers.tryRun(p -> rowRange(bounds[p], bounds[p + 1], x, acc[p]));
        if (!shared) {
            rowRange(0, n, x, y);
            return;
        }
        for (int p = 1; p < parts; p++) {
            double[] a = acc[p];
            for (int j = bounds[p]; j < n; j++) {
                y[j] += a[j];
            }
        }
    }

    /** Row bounds {@code 0 = r_0 < r_1 < ... < r_parts = n} with about equal triangle area between them. */
    private int[] equalAreaBounds(int parts) {
        int[] b = new int[parts + 1];
        double total = (double) n * (n + 1) / 2;
        for (int p = 1; p < parts; p++) {
            // Rows [0, r) hold r n - r(r-1)/2 entries; solve for p/parts of the total.
            double target = total * p / parts;
            double r = (2 * n + 1 - Math.sqrt((2.0 * n + 1) * (2.0 * n + 1) - 8 * target)) / 2;
            b[p] = Math.max(b[p - 1], Math.min(n, (int) Math.round(r)));
        }
        b[parts] = n;
        return b;
    }

    /** {@code acc += (rows r0..r1-1 of A, and their transposes) x}: the part of {@code A x} these rows store. */
    private void rowRange(int r0, int r1, double[] x, double[] acc) {
        if (MatVec.VECTOR_API && n >= 16) {
            VectorKernels.packedSymmetricRows(packed, n, r0, r1, x, acc);
        } else {
            scalarRows(packed, n, r0, r1, x, acc);
        }
    }

    static void scalarRows(double[] packed, int n, int r0, int r1, double[] x, double[] acc) {
        for (int i = r0; i < r1; i++) {
            int base = rowStart(n, i) - i; // packed[base + j] = A_ij for j >= i
            double xi = x[i];
            double s = packed[base + i] * xi;
            for (int j = i + 1; j < n; j++) {
                double a = packed[base + j];
                s += a * x[j];
                acc[j] += a * xi;
            }
            acc[i] += s;
        }
    }

    private void check(double[] x, double[] y) {
        if (x.length < n) {
            throw new ShapeMismatchException("packed symmetric matvec: x needs length " + n + ", got " + x.length);
        }
        if (y.length < n) {
            throw new ShapeMismatchException("packed symmetric matvec: y needs length " + n + ", got " + y.length);
        }
        if (x == y && n > 0) {
            throw new InvalidInputException("packed symmetric matvec: y must not be the same array as x");
        }
    }
}
