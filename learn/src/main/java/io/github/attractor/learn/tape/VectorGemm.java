package io.github.attractor.learn.tape;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the JDK's Vector API ({@code jdk.incubator.vector}, an incubator module in Java 17), loaded
 * only when that module is present ({@link DenseKernels#VECTOR_API}).
 *
 * <p>{@link #gemm}: {@code C[i, j] += Σ_r A(i, r) B[r, j]} with {@code A(i, r) = a[ao + i·ars + r·acs]}, so one
 * kernel serves {@code A B} ({@code ars = k, acs = 1}) and {@code A^T B} ({@code ars = 1, acs = rows of A}). A
 * register block of 4 rows × 2 vectors of {@code C} accumulates with fused multiply-adds over the whole
 * reduction: per step two loads of {@code B}, four broadcasts of {@code A} and eight FMAs, so the kernel is
 * bound by arithmetic rather than by the load/store traffic of an axpy loop.
 */
final class VectorGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = S.length();

    private VectorGemm() {
    }

    static void gemm(double[] a, int ao, int ars, int acs, double[] b, int bo, double[] c, int co, int m, int k,
            int n) {
        final int l = LANES;
        int j = 0;
        for (; j + 2 * l <= n; j += 2 * l) {
            int i = 0;
            for (; i + 3 < m; i += 4) {
                DoubleVector c00 = DoubleVector.zero(S);
                DoubleVector c01 = c00;
                DoubleVector c10 = c00;
                DoubleVector c11 = c00;
                DoubleVector c20 = c00;
                DoubleVector c21 = c00;
                DoubleVector c30 = c00;
                DoubleVector c31 = c00;
                int a0 = ao + i * ars;
                int a1 = a0 + ars;
                int a2 = a1 + ars;
                int a3 = a2 + ars;
                for (int r = 0; r < k; r++) {
                    int br = bo + r * n + j;
                    DoubleVector b0 = DoubleVector.fromArray(S, b, br);
                    DoubleVector b1 = DoubleVector.fromArray(S, b, br + l);
                    int ar = r * acs;
                    DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ar]);
                    DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ar]);
                    DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ar]);
                    DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ar]);
                    c00 = b0.fma(x0, c00);
                    c01 = b1.fma(x0, c01);
                    c10 = b0.fma(x1, c10);
                    c11 = b1.fma(x1, c11);
                    c20 = b0.fma(x2, c20);
                    c21 = b1.fma(x2, c21);
                    c30 = b0.fma(x3, c30);
                    c31 = b1.fma(x3, c31);
                }
                int ci = co + i * n + j;
                addTo(c, ci, c00);
                addTo(c, ci + l, c01);
                addTo(c, ci + n, c10);
                addTo(c, ci + n + l, c11);
                addTo(c, ci + 2 * n, c20);
                addTo(c, ci + 2 * n + l, c21);
                addTo(c, ci + 3 * n, c30);
                addTo(c, ci + 3 * n + l, c31);
            }
            for (; i < m; i++) {
                DoubleVector c00 = DoubleVector.zero(S);
                DoubleVector c01 = c00;
                int a0 = ao + i * ars;
                for (int r = 0; r < k; r++) {
                    int br = bo + r * n + j;
                    DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + r * acs]);
                    c00 = DoubleVector.fromArray(S, b, br).fma(x0, c00);
                    c01 = DoubleVector.fromArray(S, b, br + l).fma(x0, c01);
                }
                int ci = co + i * n + j;
                addTo(c, ci, c00);
                addTo(c, ci + l, c01);
            }
        }
        for (; j + l <= n; j += l) {
            for (int i = 0; i < m; i++) {
                DoubleVector c00 = DoubleVector.zero(S);
                int a0 = ao + i * ars;
                for (int r = 0; r < k; r++) {
                    c00 = DoubleVector.fromArray(S, b, bo + r * n + j).fma(DoubleVector.broadcast(S, a[a0 + r * acs]), c00);
                }
                addTo(c, co + i * n + j, c00);
            }
        }
        if (j < n) {
            for (int i = 0; i < m; i++) {
                int a0 = ao + i * ars;
                int ci = co + i * n;
                for (int r = 0; r < k; r++) {
                    double x = a[a0 + r * acs];
                    int br = bo + r * n;
                    for (int jj = j; jj < n; jj++) {
                        c[ci + jj] += x * b[br + jj];
                    }
                }
            }
        }
    }

    private static void addTo(double[] c, int o, DoubleVector v) {
        DoubleVector.fromArray(S, c, o).add(v).intoArray(c, o);
    }

    /** {@code y[i] = tanh(x[i])} for {@code 0 ≤ i < n}, SIMD where whole vectors fit. */
    static void tanh(double[] x, double[] y, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }
}
