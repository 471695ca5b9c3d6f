package io.github.attractor.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedSymmetricTest {
    /** Sizes around the 4-row blocks, the 8-lane vectors, the SIMD cut-off and the parallel threshold. */
    private static final int[] SIZES = {0, 1, 2, 3, 5, 8, 15, 16, 17, 31, 33, 100, 257, 700, 1001};

    private static double[] symmetric(int n, SplittableRandom rng) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = rng.nextGaussian();
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        return a;
    }

    @Test
    void productEqualsTheDenseProductWithinTheSummationBound() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int n : SIZES) {
            double[] a = symmetric(n, rng);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
            }
            PackedSymmetric p = PackedSymmetric.ofUpper(a, n);
            double[] seq = new double[n];
            double[] par = new double[n];
            double[] scalar = new double[n];
            p.multiply(x, seq);
            p.multiplyParallel(x, par);
            PackedSymmetric.scalarRows(p.packed(), n, 0, n, x, scalar);
            for (int i = 0; i < n; i++) {
                double exact = 0;
                double abs = 0;
                for (int j = 0; j < n; j++) {
                    exact += a[i * n + j] * x[j];
                    abs += Math.abs(a[i * n + j] * x[j]);
                }
                double bound = 2 * (n + 1) * Math.ulp(1.0) * abs + Double.MIN_NORMAL;
                assertTrue(Math.abs(seq[i] - exact) <= bound, "n = " + n + ", row " + i + ": " + seq[i] + " vs " + exact);
                assertTrue(Math.abs(par[i] - exact) <= bound, "n = " + n + ", parallel row " + i);
                assertTrue(Math.abs(scalar[i] - exact) <= bound, "n = " + n + ", scalar row " + i);
            }
        }
    }

    @Test
    void packsTheUpperTriangleOnly() {
        int n = 4;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = i <= j ? 10 * i + j : Double.NaN; // the lower triangle is never read
            }
        }
        PackedSymmetric p = PackedSymmetric.ofUpper(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(10 * Math.min(i, j) + Math.max(i, j), p.get(i, j));
            }
        }
        double[] y = new double[n];
        p.multiply(new double[] {1, 0, 0, 0}, y);
        assertArrayEquals(new double[] {0, 1, 2, 3}, y, 0.0); // A e_0 = column 0
    }

    @Test
    void badShapesAreNamedErrors() {
        assertThrows(ShapeMismatchException.class, () -> PackedSymmetric.ofUpper(new double[3], 2));
        PackedSymmetric p = PackedSymmetric.ofUpper(new double[9], 3);
        assertThrows(ShapeMismatchException.class, () -> p.multiply(new double[2], new double[3]));
        assertThrows(ShapeMismatchException.class, () -> p.multiply(new double[3], new double[2]));
        double[] same = new double[3];
        assertThrows(InvalidInputException.class, () -> p.multiplyParallel(same, same));
    }
}
