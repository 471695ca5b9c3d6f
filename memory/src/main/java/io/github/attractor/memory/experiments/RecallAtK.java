package io.github.attractor.memory.experiments;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.memory.modern.KHopfieldLayer;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.util.SplittableRandom;

/**
 * The retrieval experiment of Section 3.3 (Figure 3.7): every stored memory is given with added Gaussian
 * noise {@code N(0, σ²)} per entry, and the k-Hopfield layer with hardened assignments (3.8) returns k memory
 * indices. An index is <em>relevant</em> when it is among the true k nearest memories of the un-noised input
 * (exact brute force under the same similarity; for the Euclidean and Manhattan similarities this includes
 * the memory itself). Recall@k is the fraction of the k retrieved indices that are relevant (duplicates count
 * once), averaged over queries. The same number for the exact brute-force top-k of the noisy query is the
 * ceiling any retriever can reach from that query.
 */
public final class RecallAtK {
    private RecallAtK() {
    }

    /**
     * Recall@k of hardened k-Hopfield retrieval and of exact brute force on the noisy queries, and the mean
     * fraction of distinct indices among the k hardened ones (below 1 when columns pick the same memory).
     */
    public record Result(int k, double noise, double beta, int queries, double hopfieldRecall,
            double bruteForceRecall, double distinctFraction) {
    }

    /**
     * Runs the experiment with every stored memory as a query, noise seeded by {@code seed}.
     *
     * @param noise standard deviation σ ≥ 0 of the Gaussian noise added to each entry
     */
    public static Result run(MemoryStore store, int k, double noise, double beta, Similarity sim, long seed) {
        int[] all = new int[store.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return run(store, all, k, noise, beta, sim, seed);
    }

    /** As {@link #run(MemoryStore, int, double, double, Similarity, long)} for the given memories only. */
    public static Result run(MemoryStore store, int[] queryIndices, int k, double noise, double beta, Similarity sim,
            long seed) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new InvalidInputException("noise: the standard deviation must be finite and >= 0, got " + noise);
        }
        if (queryIndices.length == 0) {
            throw new InvalidInputException("queries: at least one memory index is needed");
        }
        int d = store.dimension();
        int b = queryIndices.length;
        double[] clean = new double[b * d];
        double[] noisy = new double[b * d];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int q = 0; q < b; q++) {
            double[] m = store.pattern(queryIndices[q]);
            System.arraycopy(m, 0, clean, q * d, d);
            for (int j = 0; j < d; j++) {
                noisy[q * d + j] = m[j] + noise * rng.nextGaussian();
            }
        }
        KHopfieldLayer layer = new KHopfieldLayer(store, sim, beta, k);
        TopK relevant = store.topK(sim, clean, b, k);
        TopK brute = store.topK(sim, noisy, b, k);
        KHopfieldLayer.Retrieval hard = layer.harden(noisy, b);
        double hopfield = 0;
        double exact = 0;
        double distinct = 0;
        for (int q = 0; q < b; q++) {
            int[] rel = relevant.indicesOf(q);
            int[] got = hard.indicesOf(q);
            hopfield += hits(got, rel) / (double) k;
            exact += hits(brute.indicesOf(q), rel) / (double) k;
            distinct += distinctCount(got) / (double) k;
        }
        return new Result(k, noise, beta, b, hopfield / b, exact / b, distinct / b);
    }

    /** Distinct entries of {@code got} that occur in {@code relevant}. */
    static int hits(int[] got, int[] relevant) {
        int h = 0;
        for (int i = 0; i < got.length; i++) {
            boolean seen = false;
            for (int j = 0; j < i; j++) {
                if (got[j] == got[i]) {
                    seen = true;
                    break;
                }
            }
            if (seen) {
                continue;
            }
            for (int r : relevant) {
                if (r == got[i]) {
                    h++;
                    break;
                }
            }
        }
        return h;
    }

    static int distinctCount(int[] got) {
        int c = 0;
        for (int i = 0; i < got.length; i++) {
            boolean seen = false;
            for (int j = 0; j < i; j++) {
                if (got[j] == got[i]) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                c++;
            }
        }
        return c;
    }
}
