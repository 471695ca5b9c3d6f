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

    /**
     * The rows {@code r0..r1-1} of the packed upper triangle of {@link PackedSymmetric}, four rows at a time so
     * that each loaded {@code x[j:j+L]} and {@code acc[j:j+L]} serves four rows and the four row sums are
     * independent chains of fused multiply-adds: for {@code j} past the block's corner,
     * {@code c_r += A[i+r, j:j+L] ∘ x[j:j+L]} (the rows) and {@code acc[j:j+L] += sum_r x_{i+r} A[i+r, j:j+L]}
     * (the same entries as columns); the 4×4 corner and the last rows are scalar.
     */
    static void packedSymmetricRows(double[] packed, int n, int r0, int r1, double[] x, double[] acc) {
        int lanes = S.length();
        int i = r0;
        for (; i + 3 < r1; i += 4) {
            int b0 = PackedSymmetric.rowStart(n, i) - i;
            int b1 = b0 + n - i - 1;
            int b2 = b1 + n - i - 2;
            int b3 = b2 + n - i - 3;
            double x0 = x[i];
            double x1 = x[i + 1];
            double x2 = x[i + 2];
            double x3 = x[i + 3];
            DoubleVector v0 = DoubleVector.broadcast(S, x0);
            DoubleVector v1 = DoubleVector.broadcast(S, x1);
            DoubleVector v2 = DoubleVector.broadcast(S, x2);
            DoubleVector v3 = DoubleVector.broadcast(S, x3);
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            int j = i + 4;
            for (; j + lanes <= n; j += lanes) {
                DoubleVector a0 = DoubleVector.fromArray(S, packed, b0 + j);
                DoubleVector a1 = DoubleVector.fromArray(S, packed, b1 + j);
                DoubleVector a2 = DoubleVector.fromArray(S, packed, b2 + j);
                DoubleVector a3 = DoubleVector.fromArray(S, packed, b3 + j);
                DoubleVector xv = DoubleVector.fromArray(S, x, j);
                c0 = a0.fma(xv, c0);
                c1 = a1.fma(xv, c1);
                c2 = a2.fma(xv, c2);
                c3 = a3.fma(xv, c3);
                a0.fma(v0, a1.mul(v1)).add(a2.fma(v2, a3.fma(v3, DoubleVector.fromArray(S, acc, j)))).intoArray(acc, j);
            }
            double s0 = c0.reduceLanes(VectorOperators.ADD);
            double s1 = c1.reduceLanes(VectorOperators.ADD);
            double s2 = c2.reduceLanes(VectorOperators.ADD);
            double s3 = c3.reduceLanes(VectorOperators.ADD);
            for (; j < n; j++) {
                double a0 = packed[b0 + j];
                double a1 = packed[b1 + j];
                double a2 = packed[b2 + j];
                double a3 = packed[b3 + j];
                double xj = x[j];
                s0 += a0 * xj;
                s1 += a1 * xj;
                s2 += a2 * xj;
                s3 += a3 * xj;
                acc[j] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
            }
            // The corner: the diagonal entries and the six above it.
            double a01 = packed[b0 + i + 1];
            double a02 = packed[b0 + i + 2];
            double a03 = packed[b0 + i + 3];
            double a12 = packed[b1 + i + 2];
            double a13 = packed[b1 + i + 3];
            double a23 = packed[b2 + i + 3];
            acc[i] += s0 + packed[b0 + i] * x0 + a01 * x1 + a02 * x2 + a03 * x3;
            acc[i + 1] += s1 + a01 * x0 + packed[b1 + i + 1] * x1 + a12 * x2 + a13 * x3;
            acc[i + 2] += s2 + a02 * x0 + a12 * x1 + packed[b2 + i + 2] * x2 + a23 * x3;
            acc[i + 3] += s3 + a03 * x0 + a13 * x1 + a23 * x2 + packed[b3 + i + 3] * x3;
        }
        PackedSymmetric.scalarRows(packed, n, i, r1, x, acc);
    }
}
