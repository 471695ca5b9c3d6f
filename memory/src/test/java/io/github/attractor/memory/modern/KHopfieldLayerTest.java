package io.github.attractor.memory.modern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KHopfieldLayerTest {

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void retrieveIsXiTimesKSoftmaxColumns(Similarity sim) {
        int n = 40;
        int d = 7;
        int k = 4;
        double beta = 2.5;
        double[] mem = ModernHopfieldTest.gaussian(n * d, 1, 1);
        MemoryStore store = MemoryStore.ofDouble(mem, n, d);
        KHopfieldLayer layer = new KHopfieldLayer(store, sim, beta, k);
        int b = 5;
        double[] q = ModernHopfieldTest.gaussian(b * d, 1, 2);
        double[] out = new double[b * k * d];
        layer.retrieve(q, b, out);
        double[] w = new double[b * n * k];
        layer.weights(q, b, w);
        for (int r = 0; r < b; r++) {
            double[] x = Arrays.copyOfRange(q, r * d, (r + 1) * d);
            double[] s = store.scores(sim, x);
            for (int i = 0; i < n; i++) {
                s[i] *= beta;
            }
            double[] ks = KSoftmax.of(s, k);
            double[] single = layer.retrieve(x);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        e += mem[i * d + j] * ks[i * k + c];
                    }
                    assertEquals(e, out[(r * k + c) * d + j], 1e-12);
                    assertEquals(e, single[c * d + j], 1e-12);
                }
            }
            for (int i = 0; i < n * k; i++) {
                assertEquals(ks[i], w[r * n * k + i], 0.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void hardenedRetrievalAtLargeBetaIsTheExactTopK(Similarity sim) {
        int n = 300;
        int d = 16;
        int k = 6;
        MemoryStore store = MemoryStore.ofDouble(ModernHopfieldTest.gaussian(n * d, 1, 3), n, d);
        int b = 12;
        double[] q = ModernHopfieldTest.gaussian(b * d, 1, 4);
        KHopfieldLayer layer = new KHopfieldLayer(store, sim, 1e6, k);
        KHopfieldLayer.Retrieval hard = layer.harden(q, b);
        TopK exact = store.topK(sim, q, b, k);
        double[] x = new double[b * k * d];
        layer.retrieve(q, b, x);
        for (int r = 0; r < b; r++) {
            assertArrayEquals(exact.indicesOf(r), hard.indicesOf(r), sim + " query " + r);
            for (int c = 0; c < k; c++) {
                assertEquals(exact.score(r, c), hard.score(r, c), 1e-12 * Math.max(1, Math.abs(exact.score(r, c))));
                // X_c is (numerically) the c-th nearest memory.
                double[] m = store.pattern(exact.index(r, c));
                for (int j = 0; j < d; j++) {
                    assertEquals(m[j], x[(r * k + c) * d + j], 1e-9);
                }
            }
        }
    }

    @Test
    void combinedUpdateIsAModernHopfieldStepOnEachColumn() {
        int n = 30;
        int d = 5;
        int k = 3;
        MemoryStore store = MemoryStore.ofDouble(ModernHopfieldTest.gaussian(n * d, 1, 5), n, d);
        KHopfieldLayer layer = KHopfieldLayer.dot(store, 1.5, k);
        double[] x0 = ModernHopfieldTest.gaussian(d, 1, 6);
        double[] x = layer.retrieve(x0);
        double[] plus = layer.combined(x0, 4.0);
        ModernHopfield mchn = ModernHopfield.ramsauer(store, 4.0);
        for (int c = 0; c < k; c++) {
            double[] step = mchn.update(Arrays.copyOfRange(x, c * d, (c + 1) * d));
            for (int j = 0; j < d; j++) {
                assertEquals(step[j], plus[c * d + j], 1e-13);
            }
        }
    }

    @Test
    void badParametersAreRejected() {
        MemoryStore store = MemoryStore.ofDouble(new double[] {1, 2, 3, 4}, 2, 2);
        assertThrows(InvalidInputException.class, () -> KHopfieldLayer.dot(store, 1, 3));
        assertThrows(InvalidInputException.class, () -> KHopfieldLayer.dot(store, 0, 1));
        assertThrows(InvalidInputException.class, () -> KHopfieldLayer.dot(store, Double.NaN, 1));
        assertThrows(InvalidInputException.class, () -> KHopfieldLayer.dot(store, 1, 1).retrieve(new double[3]));
    }
}
