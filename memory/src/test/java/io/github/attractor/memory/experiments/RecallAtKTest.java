package io.github.attractor.memory.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecallAtKTest {

    static MemoryStore store(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] a = new double[n * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
        }
        return MemoryStore.ofDouble(a, n, d);
    }

    @ParameterizedTest
    @EnumSource(Similarity.class)
    void noiselessQueriesAtLargeBetaRecallEverything(Similarity sim) {
        RecallAtK.Result r = RecallAtK.run(store(80, 12, 1), 4, 0, 1e6, sim, 2);
        assertEquals(1.0, r.hopfieldRecall(), 0.0);
        assertEquals(1.0, r.bruteForceRecall(), 0.0);
        assertEquals(1.0, r.distinctFraction(), 0.0);
        assertEquals(80, r.queries());
    }

    @Test
    void hardenedRetrievalAtLargeBetaMatchesBruteForceAndNoiseHurts() {
        MemoryStore s = store(120, 10, 3);
        double previous = 1.0;
        for (double noise : new double[] {0.05, 0.2, 0.5}) {
            RecallAtK.Result r = RecallAtK.run(s, 5, noise, 1e6, Similarity.NEGATIVE_SQUARED_EUCLIDEAN, 4);
            assertEquals(r.bruteForceRecall(), r.hopfieldRecall(), 0.0, "noise " + noise);
            assertTrue(r.hopfieldRecall() <= previous + 0.02, "recall falls with noise");
            previous = r.hopfieldRecall();
        }
        assertTrue(previous < 0.9, "at σ = 0.5 the neighbours are mixed up: " + previous);
    }

    @Test
    void countingHelpers() {
        assertEquals(2, RecallAtK.hits(new int[] {3, 3, 5, 9}, new int[] {5, 3, 1, 2}));
        assertEquals(3, RecallAtK.distinctCount(new int[] {3, 3, 5, 9}));
        assertThrows(InvalidInputException.class, () -> RecallAtK.run(store(5, 2, 1), 2, -1, 1,
                Similarity.DOT, 1));
        assertThrows(InvalidInputException.class, () -> RecallAtK.run(store(5, 2, 1), 6, 0.1, 1,
                Similarity.DOT, 1));
    }
}
