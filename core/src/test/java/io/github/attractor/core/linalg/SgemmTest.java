package io.github.attractor.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SgemmTest {
    /** Unit roundoff of float, 2⁻²⁴; the test bound is k · 2u · Σ|a||b| (twice γ_k). */
    private static final double EPS_FLOAT = 0x1.0p-23;

    /** Shapes around the tile (8 × 48, 16 lanes), the K block (256) and the column block (1008). */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 3, 17}, {3, 17, 1}, {17, 1, 3}, {7, 5, 15}, {8, 16, 16}, {9, 33, 47}, {8, 7, 48},
        {16, 100, 49}, {17, 33, 96}, {33, 17, 100}, {100, 100, 33}, {15, 255, 97}, {24, 256, 64},
        {13, 257, 50}, {9, 600, 31}, {11, 40, 1007}, {5, 9, 1008}, {10, 12, 1009}, {3, 20, 2100}, {8, 31, 33},
        {12, 209, 80}, {7, 784, 65}, {5, 1030, 40}, {300, 20, 310}, {17, 2050, 19}, {70, 5, 1500},
        {250, 1000, 260},
    };

    private static float[] uniform(int count, SplittableRandom rng) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return v;
    }

    /** Entry {@code (p, j)} of B for {@code C = A Bᵀ} (B n×k) or {@code C = A B} (B k×n). */
    private static double bEntry(float[] b, int k, int n, int p, int j, boolean transB) {
        return transB ? b[j * k + p] : b[p * n + j];
    }

    /** Asserts {@code |c - A B| <= k · eps_float · Σ|a||b|} entry by entry, with the product in double. */
    private static void assertWithinBound(float[] a, int m, int k, float[] b, int n, float[] c, boolean transB,
            String what) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double t = a[i * k + p] * bEntry(b, k, n, p, j, transB);
                    s += t;
                    abs += Math.abs(t);
                }
                double bound = Math.max(k, 1) * EPS_FLOAT * abs + Float.MIN_NORMAL;
                double got = c[i * n + j];
                if (!(Math.abs(got - s) <= bound)) {
                    throw new AssertionError(what + " " + m + "x" + k + "x" + n + " entry (" + i + ", " + j + "): "
                            + got + " vs " + s + " (bound " + bound + ")");
                }
            }
        }
    }

    private static void run(float[] a, int m, int k, float[] b, int n, float[] c, boolean transB, int threads,
            boolean simd) {
        Arrays.fill(c, Float.NaN); // C is overwritten, never read
        Sgemm.gemm(a, m, k, b, n, c, transB, threads, simd);
    }

    @Test
    void theVectorApiModuleIsPresentInTheTests() {
        // The SIMD kernels additionally need 512-bit vectors (Sgemm.SIMD); elsewhere the scalar kernel is tested alone.
        assertTrue(MatVec.VECTOR_API, "the tests run with --add-modules jdk.incubator.vector (see the parent POM)");
    }

    @Test
    void bothProductsMatchTheDoubleReferenceOnOddShapes() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = uniform(m * k, rng);
            float[] b = uniform(k * n, rng);
            float[] aCopy = a.clone();
            float[] bCopy = b.clone();
            float[] c = new float[m * n];
            for (boolean transB : new boolean[] {true, false}) {
                String op = transB ? "multiplyTransposedB" : "multiply";
                if (transB) {
                    Sgemm.multiplyTransposedB(a, m, k, b, n, c);
                } else {
                    Sgemm.multiply(a, m, k, b, n, c);
                }
                assertWithinBound(a, m, k, b, n, c, transB, op);
                float[] scalar = new float[m * n];
                run(a, m, k, b, n, scalar, transB, 1, false);
                assertWithinBound(a, m, k, b, n, scalar, transB, op + " (scalar kernel)");
                if (Sgemm.SIMD) {
                    float[] simd = new float[m * n];
                    run(a, m, k, b, n, simd, transB, 1, true);
                    assertWithinBound(a, m, k, b, n, simd, transB, op + " (SIMD kernel)");
                }
            }
            assertArrayEquals(aCopy, a, 0f);
            assertArrayEquals(bCopy, b, 0f);
        }
    }

    @Test
    void multiplyTransposedBAgreesWithMultiplyOnTheTransposeStoredExplicitly() {
        SplittableRandom rng = new SplittableRandom(22);
        int m = 37;
        int k = 300;
        int n = 61;
        float[] a = uniform(m * k, rng);
        float[] bt = uniform(n * k, rng); // n×k
        float[] b = new float[k * n]; // the same matrix as k×n
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) {
                b[p * n + j] = bt[j * k + p];
            }
        }
        float[] c1 = new float[m * n];
        float[] c2 = new float[m * n];
        Sgemm.multiplyTransposedB(a, m, k, bt, n, c1);
        Sgemm.multiply(a, m, k, b, n, c2);
        assertWithinBound(a, m, k, b, n, c1, false, "multiplyTransposedB");
        assertWithinBound(a, m, k, b, n, c2, false, "multiply");
        // m > n: B is the packed operand of A Bᵀ, as of A B, and the K blocks are the same, so is the arithmetic.
        float[] c3 = new float[n * m];
        float[] c4 = new float[n * m];
        float[] at = new float[k * m]; // A as k×m
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                at[p * m + i] = a[i * k + p];
            }
        }
        Sgemm.multiplyTransposedB(bt, n, k, a, m, c3); // (n×k)(m×k)ᵀ
        Sgemm.multiply(bt, n, k, at, m, c4);
        assertArrayEquals(c3, c4, 0f);
    }

    @Test
    void anyThreadCountGivesTheSameResultAsOneThread() {
        SplittableRandom rng = new SplittableRandom(23);
        int[][] shapes = {{100, 300, 250}, {9, 70, 1200}, {300, 20, 17}, {1, 50, 400}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = uniform(m * k, rng);
            float[] b = uniform(k * n, rng);
            for (boolean transB : new boolean[] {true, false}) {
                for (boolean simd : Sgemm.SIMD ? new boolean[] {true, false} : new boolean[] {false}) {
                    float[] one = new float[m * n];
                    run(a, m, k, b, n, one, transB, 1, simd);
                    if (m == 100) {
                        assertWithinBound(a, m, k, b, n, one, transB, "one thread");
                    }
                    for (int threads : new int[] {2, 3, 4, 6}) {
                        float[] many = new float[m * n];
                        run(a, m, k, b, n, many, transB, threads, simd);
                        // Every entry goes through the same operations whatever the split: equal bit for bit,
                        // which implies the float error bound.
                        assertArrayEquals(one, many, 0f, m + "x" + k + "x" + n + " transB=" + transB + " simd=" + simd
                                + " on " + threads + " threads");
                    }
                }
            }
        }
    }

    @Test
    void aProductAboveTheParallelThresholdMatchesTheSingleThreadedOne() {
        SplittableRandom rng = new SplittableRandom(24);
        int m = 64;
        int k = 520;
        int n = 1050;
        assertTrue(2.0 * m * n * k >= Sgemm.PARALLEL_FLOPS);
        float[] a = uniform(m * k, rng);
        float[] b = uniform(k * n, rng);
        float[] c = new float[m * n];
        float[] one = new float[m * n];
        Sgemm.multiplyTransposedB(a, m, k, b, n, c);
        run(a, m, k, b, n, one, true, 1, Sgemm.SIMD);
        assertArrayEquals(one, c, 0f);
        Sgemm.multiply(a, m, k, b, n, c);
        run(a, m, k, b, n, one, false, 1, Sgemm.SIMD);
        assertArrayEquals(one, c, 0f);
        // spot-check some entries against the double product
        for (int i = 0; i < m; i += 13) {
            for (int j = 0; j < n; j += 101) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[p * n + j];
                    abs += Math.abs((double) a[i * k + p] * b[p * n + j]);
                }
                assertEquals(s, c[i * n + j], k * EPS_FLOAT * abs);
            }
        }
    }

    @Test
    void theSplitBalancesRowsOrColumns() {
        // wide: the benchmark's scores Q Ξᵀ (256 × 50,000) split by columns
        assertArrayEquals(new int[] {1, 2}, Sgemm.split(256, 784, 50_000, 2));
        // one row of tiles only: columns
        assertArrayEquals(new int[] {1, 2}, Sgemm.split(8, 100, 1000, 2));
        // one vector of columns only: rows
        assertArrayEquals(new int[] {2, 1}, Sgemm.split(1000, 100, 16, 2));
        // more threads than tiles: fewer parts
        int[] tiny = Sgemm.split(8, 10, 16, 4);
        assertEquals(1, tiny[0] * tiny[1]);
        int[] four = Sgemm.split(512, 512, 512, 4);
        assertEquals(4, four[0] * four[1]);
    }

    @Test
    void kBlocksAreEqualMultiplesOf16() {
        assertEquals(208, Sgemm.kcStep(784)); // 208, 208, 208, 160
        assertEquals(256, Sgemm.kcStep(50_000));
        assertEquals(256, Sgemm.kcStep(256));
        assertEquals(144, Sgemm.kcStep(257));
        assertEquals(16, Sgemm.kcStep(5));
    }

    @Test
    void theVectorTransposeTransposes() {
        if (!Sgemm.SIMD) {
            return;
        }
        float[] in = new float[20 * 40];
        for (int i = 0; i < in.length; i++) {
            in[i] = i;
        }
        float[] out = new float[16 * 50 + 3];
        Arrays.fill(out, -1f);
        SgemmKernels.transpose16(in, 2 * 40 + 5, 40, out, 3, 50);
        for (int q = 0; q < 16; q++) {
            for (int r = 0; r < 50; r++) {
                float expected = r < 16 ? in[2 * 40 + 5 + r * 40 + q] : -1f;
                assertEquals(expected, out[3 + q * 50 + r], 0f, "out row " + q + " column " + r);
            }
        }
    }

    @Test
    void integerEntriesGiveExactProducts() {
        int m = 19;
        int k = 70;
        int n = 53;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 7) % 5 - 2;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i * 3) % 7 - 3;
        }
        float[] c = new float[m * n];
        Sgemm.multiply(a, m, k, b, n, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int s = 0;
                for (int p = 0; p < k; p++) {
                    s += (int) a[i * k + p] * (int) b[p * n + j];
                }
                assertEquals(s, c[i * n + j], 0f);
            }
        }
    }

    @Test
    void emptyDimensions() {
        float[] c = {5f, 5f, 5f, 5f, 5f, 5f, 7f};
        Sgemm.multiply(new float[0], 2, 0, new float[0], 3, c);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 7f}, c, 0f);
        Arrays.fill(c, 5f);
        Sgemm.multiplyTransposedB(new float[0], 0, 4, new float[12], 3, c);
        Sgemm.multiply(new float[8], 2, 4, new float[0], 0, c);
        for (float v : c) {
            assertEquals(5f, v, 0f);
        }
    }

    @Test
    void longerArraysAreAllowedAndOnlyTheirPrefixIsUsedOrWritten() {
        float[] a = {1, 2, 3, 4, 99, 99};
        float[] b = {1, 0, 0, 1, 99};
        float[] c = {0, 0, 0, 0, -5};
        Sgemm.multiply(a, 2, 2, b, 2, c);
        assertArrayEquals(new float[] {1, 2, 3, 4, -5}, c, 0f);
        float[] bt = {1, 1, 2, 0, 99}; // rows (1, 1) and (2, 0)
        Sgemm.multiplyTransposedB(a, 2, 2, bt, 2, c);
        assertArrayEquals(new float[] {3, 2, 7, 6, -5}, c, 0f);
    }

    @Test
    void nonFiniteValuesStayInTheirRowAndColumn() {
        // The zero padding of the tiles must not turn an infinity into NaNs elsewhere.
        SplittableRandom rng = new SplittableRandom(25);
        int m = 10;
        int k = 20;
        int n = 50;
        float[] a = uniform(m * k, rng);
        float[] b = uniform(k * n, rng);
        a[9 * k + 3] = Float.POSITIVE_INFINITY; // row 9 of A
        b[5 * n + 49] = Float.NaN; // column 49 of B
        float[] c = new float[m * n];
        Sgemm.multiply(a, m, k, b, n, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean finite = Float.isFinite(c[i * n + j]);
                assertEquals(i != 9 && j != 49, finite, "entry (" + i + ", " + j + ") = " + c[i * n + j]);
            }
        }
    }

    @Test
    void rejectsBadShapesAndAliasing() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Sgemm.multiply(a, 2, 4, b, 2, c));
        assertTrue(e.getMessage().contains("A is 2x4"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Sgemm.multiplyTransposedB(a, 2, 3, b, 3, c));
        assertTrue(e.getMessage().contains("B is 3x3"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, 2, 3, b, 3, c));
        assertTrue(e.getMessage().contains("B is 3x3"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, 3, 2, b, 3, c));
        assertTrue(e.getMessage().contains("C is 3x3"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, -1, 2, b, 2, c));
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiplyTransposedB(a, 2, -2, b, 2, c));
        assertThrows(ShapeMismatchException.class, () -> Sgemm.multiply(a, 2, 2, b, -3, c));
        float[] big = new float[16];
        assertThrows(InvalidInputException.class, () -> Sgemm.multiply(big, 2, 2, b, 2, big));
        assertThrows(InvalidInputException.class, () -> Sgemm.multiplyTransposedB(a, 2, 2, big, 2, big));
        assertFalse(Sgemm.defaultThreads(8, 8, 8) > 1, "tiny products run on the calling thread");
    }
}
