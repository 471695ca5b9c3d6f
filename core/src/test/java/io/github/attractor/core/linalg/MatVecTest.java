package io.github.attractor.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatVecTest {
    private static final int[] SIZES = {1, 3, 7, 65, 1001};

    private static double[] gaussian(int n, SplittableRandom rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** Reference product and, per row, the bound n * eps * sum_j |a_ij x_j| on the summation-order error. */
    private static void naive(double[] a, int rows, int cols, double[] x, double[] y, double[] bound) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            double abs = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * x[j];
                abs += Math.abs(a[i * cols + j] * x[j]);
            }
            y[i] = s;
            bound[i] = 2 * (cols + 1) * Math.ulp(1.0) * abs + Double.MIN_NORMAL;
        }
    }

    @Test
    void multiplyMatchesNaiveLoopForOddShapes() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int rows : SIZES) {
            for (int cols : SIZES) {
                double[] a = gaussian(rows * cols, rng);
                double[] x = gaussian(cols, rng);
                double[] expected = new double[rows];
                double[] bound = new double[rows];
                naive(a, rows, cols, x, expected, bound);
                double[] aCopy = a.clone();
                double[] xCopy = x.clone();
                double[] y = new double[rows];
                MatVec.multiply(a, rows, cols, x, y);
                double[] yp = new double[rows];
                MatVec.multiplyParallel(a, rows, cols, x, yp);
                for (int i = 0; i < rows; i++) {
                    assertTrue(Math.abs(y[i] - expected[i]) <= bound[i],
                            rows + "x" + cols + " row " + i + ": " + y[i] + " vs " + expected[i]);
                }
                assertArrayEquals(y, yp, 0.0, "parallel result differs for " + rows + "x" + cols);
                assertArrayEquals(aCopy, a, 0.0);
                assertArrayEquals(xCopy, x, 0.0);
            }
        }
    }

    @Test
    void parallelPathAgreesOnLargeMatrixRepeatedly() {
        SplittableRandom rng = new SplittableRandom(12);
        int rows = 1003;
        int cols = 517;
        double[] a = gaussian(rows * cols, rng);
        double[] y = new double[rows];
        double[] yp = new double[rows];
        for (int rep = 0; rep < 50; rep++) {
            double[] x = gaussian(cols, rng);
            MatVec.multiply(a, rows, cols, x, y);
            Arrays.fill(yp, Double.NaN);
            MatVec.multiplyParallel(a, rows, cols, x, yp);
            assertArrayEquals(y, yp, 0.0);
        }
    }

    @Test
    void integerEntriesGiveExactProducts() {
        int rows = 13;
        int cols = 9;
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 7) % 5 - 2;
        }
        double[] x = new double[cols];
        for (int j = 0; j < cols; j++) {
            x[j] = j - 4;
        }
        double[] y = new double[rows];
        MatVec.multiply(a, rows, cols, x, y);
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * x[j];
            }
            assertEquals(s, y[i], 0.0);
        }
    }

    @Test
    void longerBuffersAreAllowedAndOnlyTheirPrefixIsUsed() {
        double[] a = {1, 2, 3, 4, 99, 99};
        double[] x = {1, 1, 99};
        double[] y = {0, 0, -5};
        MatVec.multiply(a, 2, 2, x, y);
        assertArrayEquals(new double[] {3, 7, -5}, y, 0.0);
        MatVec.multiply(a, 0, 2, x, y);
        MatVec.multiply(a, 2, 0, x, y);
        assertArrayEquals(new double[] {0, 0, -5}, y, 0.0);
    }

    @Test
    void dotMatchesNaiveSum() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 65, 1001}) {
            double[] a = gaussian(n + 2, rng);
            double[] b = gaussian(n + 1, rng);
            double s = 0;
            double abs = 0;
            for (int k = 0; k < n; k++) {
                s += a[k] * b[k];
                abs += Math.abs(a[k] * b[k]);
            }
            assertEquals(s, MatVec.dot(a, b, n), 2 * (n + 1) * Math.ulp(1.0) * abs);
        }
        assertEquals(32.0, MatVec.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 3), 0.0);
    }

    @Test
    void rejectsShortBuffersAndAliasing() {
        double[] a = new double[6];
        assertThrows(ShapeMismatchException.class, () -> MatVec.multiply(a, 3, 3, new double[3], new double[3]));
        assertThrows(ShapeMismatchException.class, () -> MatVec.multiply(a, 2, 3, new double[2], new double[2]));
        assertThrows(ShapeMismatchException.class, () -> MatVec.multiply(a, 2, 3, new double[3], new double[1]));
        assertThrows(ShapeMismatchException.class,
                () -> MatVec.multiplyParallel(a, -1, 3, new double[3], new double[3]));
        double[] v = new double[3];
        assertThrows(InvalidInputException.class, () -> MatVec.multiply(new double[9], 3, 3, v, v));
        assertThrows(ShapeMismatchException.class, () -> MatVec.dot(new double[2], new double[3], 3));
    }

    @Test
    void simdAndScalarKernelsAgreeWithTheNaiveProduct() {
        assertTrue(MatVec.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector (see the parent POM)");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int[] shape : new int[][] {{1, 16}, {3, 17}, {7, 31}, {9, 64}, {65, 129}, {13, 1001}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[] a = new double[rows * cols];
            double[] x = new double[cols];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextGaussian();
            }
            for (int j = 0; j < cols; j++) {
                x[j] = rng.nextGaussian();
            }
            double[] simd = new double[rows];
            double[] scalar = new double[rows];
            VectorKernels.rowRange(a, 0, rows, cols, x, simd);
            MatVec.scalarRowRange(a, 0, rows, cols, x, scalar);
            for (int i = 0; i < rows; i++) {
                double naive = 0;
                double scale = 0;
                for (int j = 0; j < cols; j++) {
                    naive += a[i * cols + j] * x[j];
                    scale += Math.abs(a[i * cols + j] * x[j]);
                }
                assertEquals(naive, simd[i], 1e-14 * scale, "SIMD row " + i + " of " + rows + "x" + cols);
                assertEquals(naive, scalar[i], 1e-14 * scale, "scalar row " + i + " of " + rows + "x" + cols);
            }
        }
    }
}
