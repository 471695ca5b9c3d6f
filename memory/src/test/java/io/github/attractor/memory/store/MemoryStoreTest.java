package io.github.attractor.memory.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryStoreTest {

    static double[] gaussian(int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    @Test
    void parseAcceptsNamesAndListsThemOtherwise() {
        assertEquals(Similarity.DOT, Similarity.parse("dot"));
        assertEquals(Similarity.NEGATIVE_SQUARED_EUCLIDEAN, Similarity.parse(" Euclidean "));
        assertEquals(Similarity.NEGATIVE_MANHATTAN, Similarity.parse("manhattan"));
        assertEquals(Similarity.NEGATIVE_MANHATTAN, Similarity.parse("NEGATIVE_MANHATTAN"));
        assertEquals(Similarity.COSINE, Similarity.parse("cosine"));
        for (Similarity s : Similarity.values()) {
            assertEquals(s, Similarity.parse(s.key()));
            assertEquals(s, Similarity.parse(s.name()));
        }
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Similarity.parse("hamming"));
        assertTrue(e.getMessage().contains("dot, euclidean, manhattan, cosine"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void batchedScoresEqualTheDirectFormula(Similarity sim) {
        int n = 300;
        int d = 37;
        double[] mem = gaussian(n * d, 1);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        MemoryStore fstore = MemoryStore.ofFloat(toFloat(mem), n, d);
        for (int b : new int[] {1, 3, 64}) {
            double[] q = gaussian(b * d, 2 + b);
            double[] out = new double[b * n];
            double[] fout = new double[b * n];
            store.scores(sim, q, b, out);
            fstore.scores(sim, q, b, fout);
            float[] ffout = new float[b * n];
            fstore.scores(sim, toFloat(q), b, ffout);
            for (int r = 0; r < b; r++) {
                for (int i = 0; i < n; i++) {
                    double ref = sim.of(mem, i * d, q, r * d, d);
                    double scale = 1e-12 * Math.max(1, Math.abs(ref)) * d;
                    assertEquals(ref, out[r * n + i], scale, sim + " b=" + b);
                    assertEquals(ref, fout[r * n + i], 1e-4 * Math.max(1, Math.abs(ref)), sim + " float");
                    assertEquals(fout[r * n + i], ffout[r * n + i], 1e-6 * Math.max(1, Math.abs(ref)));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void largeBatchesUseTheParallelPathsWithTheSameResults(Similarity sim) {
        int n = 2000;
        int d = 64;
        double[] mem = gaussian(n * d, 3);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        MemoryStore fstore = MemoryStore.ofFloat(toFloat(mem), n, d);
        for (int b : new int[] {1, 40}) {
            double[] q = gaussian(b * d, 4);
            double[] out = new double[b * n];
            float[] fout = new float[b * n];
            store.scores(sim, q, b, out);
            fstore.scores(sim, toFloat(q), b, fout);
            for (int r = 0; r < b; r += 7) {
                for (int i = 0; i < n; i += 3) {
                    double ref = sim.of(mem, i * d, q, r * d, d);
                    assertEquals(ref, out[r * n + i], 1e-11 * Math.max(1, Math.abs(ref)));
                    assertEquals(ref, fout[r * n + i], 1e-4 * Math.max(1, Math.abs(ref)));
                }
            }
        }
    }

    @Test
    void combineIsTheWeightedSumOfMemories() {
        int n = 50;
        int d = 20;
        int b = 6;
        double[] mem = gaussian(n * d, 5);
        double[] w = gaussian(b * n, 6);
        for (MemoryStore store : new MemoryStore[] {MemoryStore.ofDouble(mem, n, d),
                MemoryStore.ofFloat(toFloat(mem), n, d)}) {
            double[] out = new double[b * d];
            store.combine(w, b, out);
            float[] fout = new float[b * d];
            store.combine(toFloat(w), b, fout);
            double tol = store.isFloat() ? 1e-4 : 1e-12;
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < d; j++) {
                    double ref = 0;
                    for (int i = 0; i < n; i++) {
                        ref += w[r * n + i] * mem[i * d + j];
                    }
                    assertEquals(ref, out[r * d + j], tol * 10);
                    assertEquals(ref, fout[r * d + j], 1e-4 * 10);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void topKIsTheSortedPrefix(Similarity sim) {
        int n = 500;
        int d = 10;
        double[] mem = gaussian(n * d, 7);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        int b = 9;
        double[] q = gaussian(b * d, 8);
        for (int k : new int[] {1, 5, 17, n}) {
            TopK top = store.topK(sim, q, b, k);
            for (int r = 0; r < b; r++) {
                double[] s = store.scores(sim, Arrays.copyOfRange(q, r * d, (r + 1) * d));
                int[] order = IntStream.range(0, n).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                        .mapToInt(Integer::intValue).limit(k).toArray();
                assertArrayEquals(order, top.indicesOf(r), sim + " k=" + k);
                for (int i = 0; i < k; i++) {
                    assertEquals(s[order[i]], top.score(r, i), 0.0);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void floatTopKOnAFloatStoreIsTheSortedPrefixOfTheFloatScores(Similarity sim) {
        int n = 700;
        int d = 12;
        MemoryStore store = MemoryStore.ofFloat(toFloat(gaussian(n * d, 17)), n, d);
        int b = 6;
        float[] q = toFloat(gaussian(b * d, 18));
        float[] all = new float[b * n];
        store.scores(sim, q, b, all);
        for (int k : new int[] {1, 8, n}) {
            TopK top = store.topK(sim, q, b, k);
            double[] qd = new double[q.length];
            for (int i = 0; i < q.length; i++) {
                qd[i] = q[i];
            }
            TopK fromDouble = store.topK(sim, qd, b, k);
            for (int r = 0; r < b; r++) {
                int row = r;
                int[] order = IntStream.range(0, n).boxed()
                        .sorted(Comparator.<Integer>comparingDouble(i -> -all[row * n + i]).thenComparingInt(i -> i))
                        .mapToInt(Integer::intValue).limit(k).toArray();
                assertArrayEquals(order, top.indicesOf(r), sim + " k=" + k);
                assertArrayEquals(order, fromDouble.indicesOf(r), sim + " k=" + k + " (double queries)");
                for (int i = 0; i < k; i++) {
                    assertEquals(all[r * n + order[i]], top.score(r, i), 0.0);
                }
            }
        }
        float[] bad = q.clone();
        bad[3] = Float.NaN;
        assertThrows(NonFiniteValueException.class, () -> store.topK(sim, bad, b, 2));
    }

    @Test
    void topKBreaksTiesByIndex() {
        double[] mem = {1, 0, 0, 1, 1, 0, 0, 1, 1, 0};
        MemoryStore store = MemoryStore.ofDouble(mem, 5, 2);
        TopK top = store.topK(Similarity.DOT, new double[] {1, 0}, 1, 3);
        assertArrayEquals(new int[] {0, 2, 4}, top.indicesOf(0));
    }

    @Test
    void badShapesAndValuesAreNamed() {
        assertThrows(ShapeMismatchException.class, () -> MemoryStore.ofDouble(new double[5], 2, 3));
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> MemoryStore.ofDouble(new double[] {1, Double.NaN}, 1, 2));
        assertTrue(e.getMessage().startsWith("memories: entry (0,1)"), e.getMessage());
        assertThrows(NonFiniteValueException.class, () -> MemoryStore.ofFloat(new float[] {Float.NaN}, 1, 1));
        MemoryStore store = MemoryStore.ofDouble(new double[] {1, 2, 3, 4}, 2, 2);
        assertThrows(ShapeMismatchException.class, () -> store.scores(Similarity.DOT, new double[3], 2,
                new double[4]));
        assertThrows(ShapeMismatchException.class, () -> store.scores(Similarity.DOT, new double[4], 2,
                new double[3]));
        assertThrows(NonFiniteValueException.class, () -> store.scores(Similarity.DOT,
                new double[] {1, Double.POSITIVE_INFINITY}, 1, new double[2]));
        assertThrows(InvalidInputException.class, () -> store.topK(Similarity.DOT, new double[2], 1, 3));
        assertThrows(InvalidInputException.class, () -> store.pattern(2));
        MemoryStore fromMatrix = MemoryStore.of(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(3.0, fromMatrix.get(1, 0), 0.0);
        assertEquals(25.0, fromMatrix.squaredNorm(1), 0.0);
        assertArrayEquals(new double[] {3, 4}, fromMatrix.subset(new int[] {1}).pattern(0), 0.0);
    }

    @Test
    void cosineOfZeroVectorIsZero() {
        MemoryStore store = MemoryStore.ofDouble(new double[] {0, 0, 1, 1}, 2, 2);
        double[] s = store.scores(Similarity.COSINE, new double[] {1, 1});
        assertEquals(0.0, s[0], 0.0);
        assertEquals(1.0, s[1], 1e-15);
    }
}
