package io.github.attractor.memory.modern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ModernHopfieldTest {

    static double[] gaussian(int len, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = scale * rng.nextGaussian();
        }
        return a;
    }

    @Test
    void updateIsXiTimesSoftmax() {
        int n = 30;
        int d = 8;
        double beta = 0.7;
        double[] mem = gaussian(n * d, 1, 1);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        ModernHopfield m = ModernHopfield.ramsauer(store, beta);
        double[] x = gaussian(d, 1, 2);
        double[] s = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                s[i] += mem[i * d + j] * x[j];
            }
            max = Math.max(max, s[i]);
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
            z += Math.exp(beta * (s[i] - max));
        }
        double[] expected = new double[d];
        for (int i = 0; i < n; i++) {
            double p = Math.exp(beta * (s[i] - max)) / z;
            for (int j = 0; j < d; j++) {
                expected[j] += p * mem[i * d + j];
            }
        }
        double[] got = m.update(x);
        for (int j = 0; j < d; j++) {
            assertEquals(expected[j], got[j], 1e-13);
        }
    }

    @Test
    void universalUpdateWithAnySimilarityAndSeparation() {
        int n = 25;
        int d = 6;
        double[] mem = gaussian(n * d, 1, 3);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        double[] x = gaussian(d, 1, 4);
        for (Similarity sim : Similarity.values()) {
            for (Separation sep : new Separation[] {Separation.softmax(2), Separation.hardMax(),
                    Separation.polynomial(2), Separation.softmax(0.1)}) {
                ModernHopfield m = new ModernHopfield(store, sim, sep);
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = sim.of(mem, i * d, x, 0, d);
                }
                double[] w = sep.apply(s);
                double[] got = m.update(x);
                for (int j = 0; j < d; j++) {
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        e += w[i] * mem[i * d + j];
                    }
                    assertEquals(e, got[j], 1e-12, sim + " " + sep.name());
                }
                assertEquals(sim == Similarity.DOT && sep instanceof Separation.Softmax, m.hasEnergy());
            }
        }
    }

    @Test
    void floatUpdateOnAFloatStoreMatchesTheDoubleUpdate() {
        int n = 3000;
        int d = 40;
        int b = 5;
        double[] mem = gaussian(n * d, 1, 9);
        float[] memF = new float[mem.length];
        for (int i = 0; i < mem.length; i++) {
            memF[i] = (float) mem[i];
            mem[i] = memF[i];
        }
        double[] q = gaussian(b * d, 1, 10);
        float[] qf = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            qf[i] = (float) q[i];
            q[i] = qf[i];
        }
        double beta = 0.4;
        ModernHopfield exact = ModernHopfield.ramsauer(MemoryStore.ofDouble(mem, n, d), beta);
        ModernHopfield fast = ModernHopfield.ramsauer(MemoryStore.ofFloat(memF, n, d), beta);
        double[] ref = new double[b * d];
        exact.update(q, b, ref);
        float[] out = new float[b * d];
        fast.update(qf, b, out);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], out[i], 2e-4 * (1 + Math.abs(ref[i])), "entry " + i);
        }
        assertThrows(InvalidInputException.class, () -> fast.update(qf, b, qf));
    }

    @Test
    void batchEqualsSingleQueries() {
        int n = 40;
        int d = 5;
        int b = 7;
        MemoryStore store = MemoryStore.ofDouble(gaussian(n * d, 1, 5), n, d);
        ModernHopfield m = new ModernHopfield(store, Similarity.NEGATIVE_SQUARED_EUCLIDEAN, Separation.softmax(3));
        double[] q = gaussian(b * d, 1, 6);
        double[] out = new double[b * d];
        m.update(q, b, out);
        for (int r = 0; r < b; r++) {
            double[] single = m.update(java.util.Arrays.copyOfRange(q, r * d, (r + 1) * d));
            for (int j = 0; j < d; j++) {
                assertEquals(single[j], out[r * d + j], 1e-14);
            }
        }
    }

    @Property(tries = 40)
    void energyNeverIncreasesAlongTheIteration(@ForAll @IntRange(min = 2, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 20) int d, @ForAll @DoubleRange(min = 0.05, max = 20) double beta,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        // CCCP (Ramsauer et al., Theorem 1): E(x_{t+1}) <= E(x_t).
        MemoryStore store = MemoryStore.ofDouble(gaussian(n * d, 1, seed), n, d);
        ModernHopfield m = ModernHopfield.ramsauer(store, beta);
        ModernHopfield.Iteration it = m.iterate(gaussian(d, 2, seed + 1), 1e-9, 100_000);
        double[] e = it.energies();
        assertEquals(it.steps() + 1, e.length);
        for (int t = 1; t < e.length; t++) {
            assertTrue(e[t] <= e[t - 1] + 1e-12 * Math.max(1, Math.abs(e[t - 1])),
                    "step " + t + ": " + e[t - 1] + " -> " + e[t]);
        }
        // E >= 0 with the constants of Ramsauer et al. (their Lemma: 0 <= E <= 2M²).
        assertTrue(e[e.length - 1] >= -1e-12);
    }

    @Test
    void energyGradientMatchesFiniteDifferencesAndFixedPointsAreStationary() {
        int n = 20;
        int d = 6;
        MemoryStore store = MemoryStore.ofDouble(gaussian(n * d, 1, 7), n, d);
        ModernHopfield m = ModernHopfield.ramsauer(store, 1.3);
        Energy e = m.energy();
        double[] x = gaussian(d, 1, 8);
        double[] g = new double[d];
        e.gradient(x, g);
        double h = 1e-6;
        for (int j = 0; j < d; j++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            assertEquals((e.value(xp) - e.value(xm)) / (2 * h), g[j], 1e-7);
        }
        ModernHopfield.Iteration it = m.iterate(x, 1e-12, 10_000);
        e.gradient(it.state(), g);
        for (double v : g) {
            assertEquals(0.0, v, 1e-11);
        }
    }

    @Test
    void wellSeparatedMemoriesAreRetrievedInOneStep() {
        int n = 10;
        int d = 64;
        double[] mem = gaussian(n * d, 1, 9);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        ModernHopfield m = ModernHopfield.ramsauer(store, 1);
        double[] x = java.util.Arrays.copyOfRange(mem, 3 * d, 4 * d);
        double[] noise = gaussian(d, 0.3, 10);
        for (int j = 0; j < d; j++) {
            x[j] += noise[j];
        }
        double[] next = m.update(x);
        for (int j = 0; j < d; j++) {
            assertEquals(mem[3 * d + j], next[j], 1e-6);
        }
    }

    @Test
    void failuresAreNamed() {
        MemoryStore store = MemoryStore.ofDouble(gaussian(20, 1, 11), 5, 4);
        ModernHopfield m = ModernHopfield.ramsauer(store, 0.01);
        assertThrows(NonConvergenceException.class, () -> m.iterate(gaussian(4, 5, 12), 0, 2));
        ModernHopfield manhattan = new ModernHopfield(store, Similarity.NEGATIVE_MANHATTAN, Separation.softmax(1));
        assertFalse(manhattan.hasEnergy());
        assertThrows(InvalidInputException.class, manhattan::energy);
        assertEquals(0, manhattan.iterate(gaussian(4, 1, 13), 1e-9, 10_000).energies().length);
        assertThrows(InvalidInputException.class, () -> m.update(new double[3]));
    }
}
