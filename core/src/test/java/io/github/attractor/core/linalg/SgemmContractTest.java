package io.github.attractor.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The contract of {@link Sgemm} that the memory store relies on, against double-precision loops. */
class SgemmContractTest {

    static float[] random(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[len];
        for (int i = 0; i < len; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    @Test
    void productsMatchDoubleLoops() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {17, 33, 9}, {64, 100, 65}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = random(m * k, 1);
            float[] bt = random(n * k, 2);
            float[] b = random(k * n, 3);
            float[] c = new float[m * n];
            Sgemm.multiplyTransposedB(a, m, k, bt, n, c);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        ref += (double) a[i * k + p] * bt[j * k + p];
                        abs += Math.abs((double) a[i * k + p] * bt[j * k + p]);
                    }
                    assertEquals(ref, c[i * n + j], 1e-6 * abs + 1e-7);
                }
            }
            java.util.Arrays.fill(c, Float.NaN);
            Sgemm.multiply(a, m, k, b, n, c);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double ref = 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        ref += (double) a[i * k + p] * b[p * n + j];
                        abs += Math.abs((double) a[i * k + p] * b[p * n + j]);
                    }
                    assertEquals(ref, c[i * n + j], 1e-6 * abs + 1e-7);
                }
            }
        }
    }

    @Test
    void shapesAreChecked() {
        float[] a = new float[6];
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiplyTransposedB(a, 2, 3, new float[5], 2, new float[4]));
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, 2, 3, new float[6], 2, new float[3]));
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, 3, 3, new float[6], 2, new float[6]));
        assertThrows(InvalidInputException.class, () -> Sgemm.multiply(a, 2, 3, new float[9], 3, a));
    }
}
