package io.github.attractor.memory.store;

import io.github.attractor.core.error.InvalidInputException;

/**
 * The k best stored rows for each of a batch of queries: {@code indices[q*k + i]} is the row with the
 * (i+1)-th largest similarity to query q and {@code scores[q*k + i]} that similarity (descending; ties go to
 * the smaller index). Produced by {@link MemoryStore#topK} by exact brute force — the ceiling for retrieval
 * experiments.
 */
public record TopK(int queries, int k, int[] indices, double[] scores) {

    public TopK {
        if (indices.length != queries * k || scores.length != queries * k) {
            throw new InvalidInputException("TopK: " + queries + " queries x k = " + k + " need arrays of length "
                    + queries * k);
        }
    }

    /** Index of the (i+1)-th best row for query q. */
    public int index(int q, int i) {
        return indices[q * k + i];
    }

    /** Similarity of the (i+1)-th best row for query q. */
    public double score(int q, int i) {
        return scores[q * k + i];
    }

    /** The k indices of query q, best first. */
    public int[] indicesOf(int q) {
        int[] out = new int[k];
        System.arraycopy(indices, q * k, out, 0, k);
        return out;
    }

    /**
     * Writes the k largest of {@code s[off .. off+n)} (descending, ties to the smaller index) into
     * {@code idx/val[outOff ..]} by a bounded min-heap: O(n log k), no full sort.
     */
    static void select(double[] s, int off, int n, int k, int[] idx, double[] val, int outOff) {
        int[] hi = new int[k];
        double[] hv = new double[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double v = s[off + i];
            if (size < k) {
                // sift up
                int c = size++;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (worse(v, i, hv[p], hi[p])) {
                        hv[c] = hv[p];
                        hi[c] = hi[p];
                        c = p;
                    } else {
                        break;
                    }
                }
                hv[c] = v;
                hi[c] = i;
            } else if (worse(hv[0], hi[0], v, i)) {
                siftDown(hv, hi, size, v, i);
            }
        }
        // Pop the heap from the worst: fills the output from the back.
        for (int pos = size - 1; pos >= 0; pos--) {
            idx[outOff + pos] = hi[0];
            val[outOff + pos] = hv[0];
            int last = pos;
            if (last > 0) {
                siftDown(hv, hi, last, hv[last], hi[last]);
            }
        }
    }

    /** Replaces the root by (v, i) and restores the heap of the given size. */
    private static void siftDown(double[] hv, int[] hi, int size, double v, int i) {
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && worse(hv[r], hi[r], hv[l], hi[l]) ? r : l;
            if (worse(hv[m], hi[m], v, i)) {
                hv[c] = hv[m];
                hi[c] = hi[m];
                c = m;
            } else {
                break;
            }
        }
        hv[c] = v;
        hi[c] = i;
    }

    /** Whether (a, ia) ranks below (b, ib): smaller score, or equal score and larger index. */
    private static boolean worse(double a, int ia, double b, int ib) {
        return a < b || (a == b && ia > ib);
    }
}
