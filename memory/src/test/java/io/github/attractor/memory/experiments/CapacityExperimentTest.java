package io.github.attractor.memory.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.modern.Separation;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CapacityExperimentTest {
    static final int W = 28;
    static final int H = 28;
    static final int D = W * H;

    static double[] randomImages(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[count * D];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble() < 0.8 ? 0 : rng.nextDouble();
        }
        return a;
    }

    @Test
    void secondNearestMemoryIsRecoveredOnlyWithKAtLeastTwo() {
        // A and B share the bottom half. A's top has 200 lit pixels, B's top the other 192, so the occluded A
        // is closer to B (Manhattan 192 < 200): one step of the modern network returns B (squared error 392 to
        // A), column 1 of the k-softmax also points at B, column 2 at A (error ≈ 0). Three random images are
        // far from both and from each other.
        int count = 5;
        double[] mem = randomImages(count, 2);
        int top = (H / 2) * W;
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < D; i++) {
            double v = i < top ? 0 : rng.nextDouble();
            mem[i] = i < top ? (i < 200 ? 1 : 0) : v;
            mem[D + i] = i < top ? (i < 200 ? 0 : 1) : v;
        }
        MemoryStore store = MemoryStore.ofDouble(mem, count, D);
        CapacityExperiment.Result r = CapacityExperiment.evaluate(store, W, H, new int[] {1, 2, 3}, 3,
                Similarity.NEGATIVE_MANHATTAN, 50);
        assertEquals(4.0 / 5, r.modern(), 1e-15);
        assertEquals(4.0 / 5, r.kHopfield()[0], 1e-15);
        assertEquals(1.0, r.kHopfield()[1], 1e-15);
        assertEquals(1.0, r.kHopfield()[2], 1e-15);
    }

    @Test
    void fractionsAgreeWithADirectComputation() {
        int count = 30;
        double[] mem = randomImages(count, 4);
        MemoryStore store = MemoryStore.ofDouble(mem, count, D);
        int[] ks = {1, 2, 5};
        double beta = 0.05;
        CapacityExperiment.Result r = CapacityExperiment.evaluate(store, W, H, ks, beta,
                Similarity.NEGATIVE_MANHATTAN, 40);
        int[] ok = new int[ks.length];
        int okModern = 0;
        for (int q = 0; q < count; q++) {
            double[] clean = java.util.Arrays.copyOfRange(mem, q * D, (q + 1) * D);
            double[] x = io.github.attractor.data.corrupt.Corruptions.occludeTopHalf(clean, H, W);
            double[] s = new double[count];
            for (int i = 0; i < count; i++) {
                s[i] = beta * Similarity.NEGATIVE_MANHATTAN.of(mem, i * D, x, 0, D);
            }
            double[] ksm = KSoftmax.of(s, 5);
            double[] soft = Separation.softmax(1).apply(s);
            double[] best = new double[5];
            double running = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 5; c++) {
                double[] w = new double[count];
                for (int i = 0; i < count; i++) {
                    w[i] = ksm[i * 5 + c];
                }
                running = Math.min(running, sse(combine(mem, w), clean));
                best[c] = running;
            }
            for (int j = 0; j < ks.length; j++) {
                if (best[ks[j] - 1] < 40) {
                    ok[j]++;
                }
            }
            if (sse(combine(mem, soft), clean) < 40) {
                okModern++;
            }
        }
        for (int j = 0; j < ks.length; j++) {
            assertEquals((double) ok[j] / count, r.kHopfield()[j], 1e-15);
            if (j > 0) {
                assertTrue(r.kHopfield()[j] >= r.kHopfield()[j - 1], "non-decreasing in k");
            }
        }
        assertEquals((double) okModern / count, r.modern(), 1e-15);
    }

    static double[] combine(double[] mem, double[] w) {
        double[] out = new double[D];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < D; j++) {
                out[j] += w[i] * mem[i * D + j];
            }
        }
        return out;
    }

    static double sse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void curveAveragesTrialsOverRandomSubsets() {
        int pool = 60;
        double[] images = randomImages(pool, 5);
        int[] counts = {5, 20};
        int[] ks = {1, 3};
        CapacityExperiment.Curve c = CapacityExperiment.curve(images, pool, W, H, counts, ks, 3,
                CapacityExperiment.BETA, Similarity.NEGATIVE_MANHATTAN, CapacityExperiment.THRESHOLD, 6);
        CapacityExperiment.Curve again = CapacityExperiment.curve(images, pool, W, H, counts, ks, 3,
                CapacityExperiment.BETA, Similarity.NEGATIVE_MANHATTAN, CapacityExperiment.THRESHOLD, 6);
        for (int i = 0; i < counts.length; i++) {
            assertArrayEquals(c.kMean()[i], again.kMean()[i], 0.0);
            for (int j = 0; j < ks.length; j++) {
                assertTrue(c.kMean()[i][j] >= 0 && c.kMean()[i][j] <= 1);
                assertTrue(c.kSd()[i][j] >= 0);
            }
            assertTrue(c.kMean()[i][1] >= c.kMean()[i][0]);
            assertTrue(c.modernMean()[i] >= 0 && c.modernMean()[i] <= 1);
        }
        assertThrows(InvalidInputException.class, () -> CapacityExperiment.curve(images, pool, W, H,
                new int[] {pool + 1}, ks, 1, 3, Similarity.NEGATIVE_MANHATTAN, 50, 1));
        assertThrows(InvalidInputException.class, () -> CapacityExperiment.evaluate(
                MemoryStore.ofDouble(images, pool, D), W, H, new int[] {0}, 3, Similarity.NEGATIVE_MANHATTAN, 50));
    }
}
