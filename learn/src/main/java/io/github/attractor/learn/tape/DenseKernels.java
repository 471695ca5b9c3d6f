package io.github.attractor.learn.tape;

/**
 * Row-major matrix-product kernels on flat arrays with offsets, accumulating into the output:
 * {@code C += A B}, {@code C += A^T B} and {@code C += A B^T}. Each inner loop is a contiguous
 * {@code c[i, :] += Σ_r a_r b[r, :]} that the JIT vectorises, with four rows of {@code B} per pass so that
 * each load and store of {@code C} serves four multiply-adds. For the shapes of training (a batch of 100
 * rows times a 64–128 wide layer) this is faster than a call into a general library per op, and it needs no
 * wrapping of the tape's arrays.
 */
public final class DenseKernels {
    /**
     * Whether the SIMD kernels of {@link VectorGemm} run: the JVM was started with
     * {@code --add-modules jdk.incubator.vector} (as {@code ./attractor}, the tests and the benchmarks do) and the
     * system property {@code attractor.scalar} is not set. Otherwise the scalar loops below run.
     */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("attractor.scalar");

    private DenseKernels() {
    }

    private static boolean simd(int n, int k, int m) {
        return VECTOR_API && n >= VectorGemm.LANES && (long) m * k * n >= 512;
    }

    /** {@code C[m×n] += A[m×k] · B[k×n]}. */
    public static void mm(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
        if (simd(n, k, m)) {
            VectorGemm.gemm(a, ao, k, 1, b, bo, c, co, m, k, n);
            return;
        }
        scalarMm(a, ao, b, bo, c, co, m, k, n);
    }

    /** The scalar form of {@link #mm} (the fallback, and the reference in tests). */
    public static void scalarMm(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ai = ao + i * k;
            int ci = co + i * n;
            int r = 0;
            for (; r + 3 < k; r += 4) {
                double a0 = a[ai + r];
                double a1 = a[ai + r + 1];
                double a2 = a[ai + r + 2];
                double a3 = a[ai + r + 3];
                int b0 = bo + r * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; r < k; r++) {
                double a0 = a[ai + r];
                int b0 = bo + r * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /** {@code C[k×n] += A[m×k]^T · B[m×n]}. */
    public static void mmTransA(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
        if (simd(n, m, k)) {
            VectorGemm.gemm(a, ao, 1, k, b, bo, c, co, k, m, n);
            return;
        }
        scalarMmTransA(a, ao, b, bo, c, co, m, k, n);
    }

    /** The scalar form of {@link #mmTransA}. */
    public static void scalarMmTransA(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int k, int n) {
        int r = 0;
        for (; r + 3 < m; r += 4) {
            int a0 = ao + r * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int b0 = bo + r * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int i = 0; i < k; i++) {
                double x0 = a[a0 + i];
                double x1 = a[a1 + i];
                double x2 = a[a2 + i];
                double x3 = a[a3 + i];
                int ci = co + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
                }
            }
        }
        for (; r < m; r++) {
            int a0 = ao + r * k;
            int b0 = bo + r * n;
            for (int i = 0; i < k; i++) {
                double x0 = a[a0 + i];
                int ci = co + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x0 * b[b0 + j];
                }
            }
        }
    }

    /**
     * {@code C[m×k] += A[m×n] · B[k×n]^T}, through {@code scratch} (length at least {@code k·n}) that receives
     * {@code B^T} so that the product runs as {@link #mm}.
     */
    public static void mmTransB(double[] a, int ao, double[] b, int bo, double[] c, int co, int m, int n, int k,
            double[] scratch) {
        transpose(b, bo, scratch, 0, k, n);
        mm(a, ao, scratch, 0, c, co, m, n, k);
    }

    /** {@code y[i] = tanh(x[i])}, SIMD when available. */
    public static void tanh(double[] x, double[] y, int n) {
        if (VECTOR_API) {
            VectorGemm.tanh(x, y, n);
        } else {
            for (int i = 0; i < n; i++) {
                y[i] = Math.tanh(x[i]);
            }
        }
    }

    /** {@code T[n×m] = S[m×n]^T}. */
    public static void transpose(double[] s, int so, double[] t, int to, int m, int n) {
        for (int i = 0; i < m; i++) {
            int si = so + i * n;
            for (int j = 0; j < n; j++) {
                t[to + j * m + i] = s[si + j];
            }
        }
    }
}
