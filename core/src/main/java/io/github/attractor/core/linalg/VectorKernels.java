package io.github.attractor.core.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD row kernels of {@link MatVec} on the JDK's Vector API ({@code jdk.incubator.vector}, an incubator
 * module in Java 17): four rows at a time, each with a vector of partial sums updated by fused
 * multiply-adds, {@code acc_r += A[r, j:j+L] ∘ x[j:j+L]}, then one lane reduction per row. Written by hand
 * because the JIT does not vectorise floating-point reductions and EJML's mat-vec is scalar; at
 * n = 1000 it is about twice as fast as the best scalar kernel (it is bounded by memory bandwidth).
 * Only loaded when the module is in the boot layer ({@link MatVec#VECTOR_API}).
 */
final class VectorKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** {@code y_i = (A x)_i} for {@code r0 <= i < r1}. */
    static void rowRange(double[] a, int r0, int r1, int cols, double[] x, double[] y) {
        int lanes = S.length();
        int bound = S.loopBound(cols);
        int i = r0;
        for (; i + 3 < r1; i += 4) {
            int p0 = i * cols;
            int p1 = p0 + cols;
            int p2 = p1 + cols;
            int p3 = p2 + cols;
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            int k = 0;
            for (; k < bound; k += lanes) {
                DoubleVector xv = DoubleVector.fromArray(S, x, k);
                c0 = DoubleVector.fromArray(S, a, p0 + k).fma(xv, c0);
                c1 = DoubleVector.fromArray(S, a, p1 + k).fma(xv, c1);
                c2 = DoubleVector.fromArray(S, a, p2 + k).fma(xv, c2);
                c3 = DoubleVector.fromArray(S, a, p3 + k).fma(xv, c3);
            }
            double s0 = c0.reduceLanes(VectorOperators.ADD);
            double s1 = c1.reduceLanes(VectorOperators.ADD);
            double s2 = c2.reduceLanes(VectorOperators.ADD);
            double s3 = c3.reduceLanes(VectorOperators.ADD);
            for (; k < cols; k++) {
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
        }
        for (; i < r1; i++) {
            int p = i * cols;
            DoubleVector c = DoubleVector.zero(S);
            int k = 0;
            for (; k < bound; k += lanes) {
                c = DoubleVector.fromArray(S, a, p + k).fma(DoubleVector.fromArray(S, x, k), c);
            }
            double s = c.reduceLanes(VectorOperators.ADD);
            for (; k < cols; k++) {
                s += a[p + k] * x[k];
            }
            y[i] = s;
        }
    }
}
