package io.github.attractor.data.corrupt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CorruptionsTest {

    static double[] ramp(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    static double[] spins(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextBoolean() ? 1 : -1;
        }
        return s;
    }

    @Test
    void occlusionSetsExactlyTheTopRowsOnACopy() {
        double[] img = ramp(12); // 4 x 3
        double[] orig = img.clone();
        double[] o = Corruptions.occludeTop(img, 4, 3, 1, -1.0);
        assertArrayEquals(orig, img, 0.0);
        assertArrayEquals(new double[] {-1, -1, -1, 4, 5, 6, 7, 8, 9, 10, 11, 12}, o, 0.0);
        double[] h = Corruptions.occludeTopHalf(img, 4, 3);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 7, 8, 9, 10, 11, 12}, h, 0.0);
        double[] odd = Corruptions.occludeTopHalf(ramp(15), 5, 3); // floor(5/2) = 2 rows
        assertEquals(0.0, odd[5], 0.0);
        assertEquals(7.0, odd[6], 0.0);
        assertArrayEquals(img, Corruptions.occludeTop(img, 4, 3, 0), 0.0);
        DMatrixRMaj batch = new DMatrixRMaj(2, 12);
        System.arraycopy(img, 0, batch.data, 0, 12);
        System.arraycopy(img, 0, batch.data, 12, 12);
        DMatrixRMaj ob = Corruptions.occludeTopHalf(batch, 4, 3, 0.5);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 12; c++) {
                assertEquals(c < 6 ? 0.5 : img[c], ob.get(r, c), 0.0);
            }
        }
        assertEquals(1.0, batch.get(0, 0), 0.0);
        assertThrows(ShapeMismatchException.class, () -> Corruptions.occludeTop(img, 5, 3, 1));
        assertThrows(InvalidInputException.class, () -> Corruptions.occludeTop(img, 4, 3, 5));
    }

    @Test
    void gaussianNoiseHasTheRequestedMomentsAndIsSeeded() {
        int n = 200_000;
        double[] x = new double[n];
        double[] y = Corruptions.gaussianNoise(x, 0.3, new SplittableRandom(7));
        double mean = 0;
        double sq = 0;
        for (double v : y) {
            mean += v;
            sq += v * v;
        }
        mean /= n;
        double sd = Math.sqrt(sq / n - mean * mean);
        assertEquals(0.0, mean, 5 * 0.3 / Math.sqrt(n));
        assertEquals(0.3, sd, 5 * 0.3 / Math.sqrt(2.0 * n));
        assertArrayEquals(y, Corruptions.gaussianNoise(x, 0.3, new SplittableRandom(7)), 0.0);
        assertArrayEquals(x, Corruptions.gaussianNoise(x, 0.0, new SplittableRandom(1)), 0.0);
        assertEquals(0.0, x[0], 0.0);
        DMatrixRMaj m = Corruptions.gaussianNoise(new DMatrixRMaj(3, 4), 1.0, new SplittableRandom(2));
        assertNotEquals(0.0, m.get(2, 3));
        assertThrows(InvalidInputException.class, () -> Corruptions.gaussianNoise(x, -1, new SplittableRandom(1)));
    }

    @Test
    void maskHitsAboutAFractionPOfEntries() {
        int n = 100_000;
        double[] x = ramp(n);
        double[] m = Corruptions.randomMask(x, 0.25, -7, new SplittableRandom(3));
        int hit = 0;
        for (int i = 0; i < n; i++) {
            if (m[i] == -7) {
                hit++;
            } else {
                assertEquals(x[i], m[i], 0.0);
            }
        }
        // binomial(n, 0.25): sd = sqrt(n p (1-p)) ~ 137
        assertEquals(0.25 * n, hit, 5 * Math.sqrt(n * 0.25 * 0.75));
        assertArrayEquals(x, Corruptions.randomMask(x, 0.0, -7, new SplittableRandom(3)), 0.0);
        double[] all = Corruptions.randomMask(x, 1.0, 0, new SplittableRandom(3));
        assertEquals(0.0, java.util.Arrays.stream(all).map(Math::abs).max().orElse(1), 0.0);
        assertThrows(InvalidInputException.class, () -> Corruptions.randomMask(x, 1.5, 0, new SplittableRandom(1)));
    }

    @Test
    void signFlipsChangeExactlyRoundFnDistinctEntries() {
        for (int n : new int[] {1, 7, 100, 501}) {
            double[] s = spins(n, n);
            for (double f : new double[] {0, 0.1, 0.25, 0.5, 0.999, 1}) {
                double[] t = Corruptions.flipSigns(s, f, new SplittableRandom(11));
                int changed = 0;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    assertEquals(1.0, Math.abs(t[i]), 0.0);
                    if (t[i] != s[i]) {
                        changed++;
                    }
                    dot += t[i] * s[i];
                }
                int k = (int) Math.round(f * n);
                assertEquals(k, changed, "n=" + n + " f=" + f);
                assertEquals(Corruptions.flipCount(n, f), k);
                assertEquals(1 - 2.0 * k / n, dot / n, 1e-15);
            }
        }
        double[] s = spins(50, 1);
        assertArrayEquals(Corruptions.flipSigns(s, 0.3, new SplittableRandom(5)),
                Corruptions.flipSigns(s, 0.3, new SplittableRandom(5)), 0.0);
    }

    @Test
    void flippedPositionsAreUniform() {
        // each position is flipped with probability k/n = 0.3 over many draws
        int n = 10;
        int[] hits = new int[n];
        double[] s = spins(n, 3);
        SplittableRandom rng = new SplittableRandom(17);
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            double[] t = Corruptions.flipSigns(s, 0.3, rng);
            for (int i = 0; i < n; i++) {
                if (t[i] != s[i]) {
                    hits[i]++;
                }
            }
        }
        double sd = Math.sqrt(draws * 0.3 * 0.7);
        for (int h : hits) {
            assertEquals(0.3 * draws, h, 5 * sd);
        }
    }

    @Test
    void batchFlipsEachRowAndRejectsNonSpins() {
        DMatrixRMaj p = new DMatrixRMaj(3, 40);
        for (int r = 0; r < 3; r++) {
            System.arraycopy(spins(40, r), 0, p.data, r * 40, 40);
        }
        DMatrixRMaj q = Corruptions.flipSigns(p, 0.1, new SplittableRandom(9));
        for (int r = 0; r < 3; r++) {
            int changed = 0;
            for (int c = 0; c < 40; c++) {
                if (q.get(r, c) != p.get(r, c)) {
                    changed++;
                }
            }
            assertEquals(4, changed);
        }
        p.set(2, 5, 0.5);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Corruptions.flipSigns(p, 0.1, new SplittableRandom(9)));
        assertTrue(e.getMessage().contains("(2,5)"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> Corruptions.flipSigns(new double[] {1, 0}, 0.1, new SplittableRandom(9)));
        assertThrows(InvalidInputException.class,
                () -> Corruptions.flipSigns(new double[] {1, -1}, 1.1, new SplittableRandom(9)));
    }
}
