package io.github.attractor.learn.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD kernels (when the Vector API module is present) against the scalar loops, over edge-case sizes. */
class DenseKernelsTest {
    private final SplittableRandom rng = new SplittableRandom(21);

    private double[] rand(int n) {
        return rng.doubles(n, -1, 1).toArray();
    }

    @Test
    void productsAgreeWithTheScalarKernelsOnAllBlockShapes() {
        int[][] sizes = {{1, 1, 1}, {3, 5, 7}, {4, 8, 8}, {5, 3, 16}, {7, 9, 19}, {13, 11, 35}, {100, 64, 128},
            {9, 2, 128}, {6, 17, 24}};
        for (int[] s : sizes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            double[] a = rand(m * k);
            double[] b = rand(k * n);
            double[] c0 = rand(m * n);
            double[] c1 = c0.clone();
            DenseKernels.mm(a, 0, b, 0, c0, 0, m, k, n);
            DenseKernels.scalarMm(a, 0, b, 0, c1, 0, m, k, n);
            assertClose(c1, c0, "mm " + m + "x" + k + "x" + n);
            double[] g = rand(m * n);
            double[] d0 = rand(k * n);
            double[] d1 = d0.clone();
            DenseKernels.mmTransA(a, 0, g, 0, d0, 0, m, k, n);
            DenseKernels.scalarMmTransA(a, 0, g, 0, d1, 0, m, k, n);
            assertClose(d1, d0, "mmTransA " + m + "x" + k + "x" + n);
            // A·B^T against the definition
            double[] bt = rand(n * k);
            double[] e0 = new double[m * n];
            DenseKernels.mmTransB(a, 0, bt, 0, e0, 0, m, k, n, new double[n * k]);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int r = 0; r < k; r++) {
                        sum += a[i * k + r] * bt[j * k + r];
                    }
                    assertEquals(sum, e0[i * n + j], 1e-13);
                }
            }
        }
    }

    @Test
    void tanhAgreesWithMath() {
        double[] x = rng.doubles(1003, -20, 20).toArray();
        x[0] = 0.0;
        x[1] = 1e-300;
        x[2] = -1e-9;
        double[] y = new double[x.length];
        DenseKernels.tanh(x, y, x.length);
        for (int i = 0; i < x.length; i++) {
            double t = Math.tanh(x[i]);
            assertTrue(Math.abs(y[i] - t) <= 4 * Math.ulp(t), "tanh(" + x[i] + ") = " + y[i] + " vs " + t);
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-13 * Math.max(1, Math.abs(expected[i])), what + " entry " + i);
        }
    }
}
