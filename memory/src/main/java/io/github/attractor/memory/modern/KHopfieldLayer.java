package io.github.attractor.memory.modern;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;

/**
 * The k-Hopfield layer of Chapter 3: one step that retrieves the k memories nearest to a query,
 * <pre>
 *   X = Ξ ksoftmax(β sim(Ξ, x))                              (3.4) with DOT, (3.5) in general
 *   X⁺_i = Ξ softmax(β₂ Ξᵀ X_i),  i = 1..k                   (3.6), the combined update
 *   index_i = argmax_j ksoftmax(β sim(Ξ, x))_{j,i}           (3.8), hardened retrieval
 * </pre>
 * with the k-softmax of eq. (3.3) ({@link KSoftmax}) and the memories the rows of a {@link MemoryStore}.
 *
 * <p><b>Layout.</b> The paper's X is d×k with one retrieved memory per column. Here X is returned as k×d
 * (row-major, row i = the paper's column X_{i+1} = Ξ ksoftmax_{i+1}), and a batch of B queries gives B such
 * blocks one after another (B×k×d). The k-softmax weights of a batch are B blocks of N×k
 * ({@link #weights}).
 *
 * <p>As β grows, column i of the k-softmax tends to the indicator of the i-th largest similarity
 * (Proposition 3.5.1), so X_i tends to the i-th nearest memory and the hardened indices (3.8) to the exact
 * top-k by similarity; at small β the hardened indices may repeat.
 */
public final class KHopfieldLayer {
    /** Entries of k-softmax weights computed at once (queries are processed in chunks of this size). */
    private static final int CHUNK_ENTRIES = 1 << 22;

    private final MemoryStore store;
    private final Similarity similarity;
    private final double beta;
    private final int k;

    /** The layer (3.5) with the given similarity, inverse temperature {@code β > 0} and {@code 1 <= k <= N}. */
    public KHopfieldLayer(MemoryStore store, Similarity similarity, double beta, int k) {
        if (store == null || similarity == null) {
            throw new InvalidInputException("k-Hopfield layer: store and similarity are required");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta: the inverse temperature must be finite and > 0, got " + beta);
        }
        if (k < 1 || k > store.size()) {
            throw new InvalidInputException("k: the k-Hopfield layer needs 1 <= k <= N = " + store.size() + ", got "
                    + k);
        }
        this.store = store;
        this.similarity = similarity;
        this.beta = beta;
        this.k = k;
    }

    /** Eq. (3.4): the dot similarity {@code Ξᵀx}. */
    public static KHopfieldLayer dot(MemoryStore store, double beta, int k) {
        return new KHopfieldLayer(store, Similarity.DOT, beta, k);
    }

    public MemoryStore store() {
        return store;
    }

    public Similarity similarity() {
        return similarity;
    }

    public double beta() {
        return beta;
    }

    public int k() {
        return k;
    }

    private int chunk(int b) {
        return Math.max(1, Math.min(b, CHUNK_ENTRIES / (store.size() * k)));
    }

    /** The scores {@code β sim(Ξ, x_q)} of rows [q0, q0+c) of the queries into {@code buf} (c×N). */
    private void scaledScores(double[] queries, int q0, int c, double[] qbuf, double[] buf) {
        int d = store.dimension();
        System.arraycopy(queries, q0 * d, qbuf, 0, c * d);
        store.scores(similarity, qbuf, c, buf);
        int len = c * store.size();
        for (int i = 0; i < len; i++) {
            buf[i] *= beta;
        }
    }

    private void checkQueries(double[] queries, int b) {
        if (b < 0 || (long) b * store.dimension() > queries.length) {
            throw new ShapeMismatchException("queries: " + b + " queries of dimension " + store.dimension()
                    + " need " + ((long) b * store.dimension()) + " entries, the array has " + queries.length);
        }
    }

    /** {@code ksoftmax(β sim(Ξ, x_q))} for each query: out B×N×k (block q is N×k row-major). */
    public void weights(double[] queries, int b, double[] out) {
        checkQueries(queries, b);
        int n = store.size();
        if ((long) b * n * k > out.length) {
            throw new ShapeMismatchException("out: needs " + ((long) b * n * k) + " entries, got " + out.length);
        }
        int c = chunk(b);
        double[] qbuf = new double[c * store.dimension()];
        double[] buf = new double[c * n];
        double[] ks = new double[c * n * k];
        for (int q0 = 0; q0 < b; q0 += c) {
            int rows = Math.min(c, b - q0);
            scaledScores(queries, q0, rows, qbuf, buf);
            KSoftmax.rows(buf, rows, n, k, ks);
            System.arraycopy(ks, 0, out, q0 * n * k, rows * n * k);
        }
    }

    /** Eq. (3.4)/(3.5) for a batch: out B×k×d, row i of block q is {@code Ξ ksoftmax_{i+1}(β sim(Ξ, x_q))}. */
    public void retrieve(double[] queries, int b, double[] out) {
        checkQueries(queries, b);
        int n = store.size();
        int d = store.dimension();
        if ((long) b * k * d > out.length) {
            throw new ShapeMismatchException("out: needs " + ((long) b * k * d) + " entries, got " + out.length);
        }
        int c = chunk(b);
        double[] qbuf = new double[c * d];
        double[] buf = new double[c * n];
        double[] ks = new double[c * n * k];
        double[] wt = new double[c * k * n];
        double[] xbuf = new double[c * k * d];
        for (int q0 = 0; q0 < b; q0 += c) {
            int rows = Math.min(c, b - q0);
            scaledScores(queries, q0, rows, qbuf, buf);
            KSoftmax.rows(buf, rows, n, k, ks);
            // Transpose every N×k block to k×N: the weights of one retrieved memory per row.
            for (int q = 0; q < rows; q++) {
                int base = q * n * k;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        wt[(q * k + j) * n + i] = ks[base + i * k + j];
                    }
                }
            }
            store.combine(wt, rows * k, xbuf);
            System.arraycopy(xbuf, 0, out, q0 * k * d, rows * k * d);
        }
    }

    /** Eq. (3.4)/(3.5) for one query: the k×d matrix of retrieved memories (row i = X_{i+1}). */
    public double[] retrieve(double[] query) {
        checkSingle(query);
        double[] out = new double[k * store.dimension()];
        retrieve(query, 1, out);
        return out;
    }

    /**
     * The combined update (3.6): {@code X⁺_i = Ξ softmax(β₂ sim₂(Ξ, X_i))} for every retrieved row
     * {@code X_i} of {@link #retrieve} (the paper uses {@code sim₂ = DOT}); out B×k×d.
     */
    public void combined(double[] queries, int b, double beta2, Similarity sim2, double[] out) {
        int d = store.dimension();
        double[] x = new double[b * k * d];
        retrieve(queries, b, x);
        if ((long) b * k * d > out.length) {
            throw new ShapeMismatchException("out: needs " + ((long) b * k * d) + " entries, got " + out.length);
        }
        new ModernHopfield(store, sim2, Separation.softmax(beta2)).update(x, b * k, out);
    }

    /** Eq. (3.6) with the dot similarity for one query: k×d. */
    public double[] combined(double[] query, double beta2) {
        checkSingle(query);
        double[] out = new double[k * store.dimension()];
        combined(query, 1, beta2, Similarity.DOT, out);
        return out;
    }

    /**
     * Hardened retrieval (3.8) for a batch: for each query q and column i, the memory index
     * {@code argmax_j ksoftmax(β sim(Ξ, x_q))_{j,i}} over the memories not already taken by columns
     * {@code 1..i-1} (first index on ties), and its similarity {@code sim(ξ_j, x_q)} (not scaled by β).
     * Near the hard limit of Proposition 3.5.1 the columns' argmaxes are distinct anyway and this is (3.8) as
     * printed; at a finite β a near tie between the i-th and (i+1)-th nearest memories spreads both columns over
     * the same two memories, and (3.8) as printed would then return one memory twice and miss the other
     * (measured on MNIST at β = 3, k = 16: 5-15 % duplicates, recall@k 0.04 below exact search).
     */
    public Retrieval harden(double[] queries, int b) {
        checkQueries(queries, b);
        int n = store.size();
        int c = chunk(b);
        double[] qbuf = new double[c * store.dimension()];
        double[] buf = new double[c * n];
        double[] ks = new double[c * n * k];
        int[] idx = new int[b * k];
        double[] val = new double[b * k];
        for (int q0 = 0; q0 < b; q0 += c) {
            int rows = Math.min(c, b - q0);
            scaledScores(queries, q0, rows, qbuf, buf);
            KSoftmax.rows(buf, rows, n, k, ks);
            for (int q = 0; q < rows; q++) {
                int base = q * n * k;
                int out = (q0 + q) * k;
                for (int j = 0; j < k; j++) {
                    int best = -1;
                    double bv = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double v = ks[base + i * k + j];
                        if (v > bv && !taken(idx, out, j, i)) {
                            bv = v;
                            best = i;
                        }
                    }
                    idx[(q0 + q) * k + j] = best;
                    val[(q0 + q) * k + j] = buf[q * n + best] / beta;
                }
            }
        }
        return new Retrieval(b, k, idx, val);
    }

    /** Whether memory i is among {@code idx[out .. out+j)}, the indices taken by the earlier columns. */
    private static boolean taken(int[] idx, int out, int j, int i) {
        for (int c = 0; c < j; c++) {
            if (idx[out + c] == i) {
                return true;
            }
        }
        return false;
    }

    /** Hardened retrieval (3.8) for one query. */
    public Retrieval harden(double[] query) {
        checkSingle(query);
        return harden(query, 1);
    }

    private void checkSingle(double[] query) {
        if (query.length != store.dimension()) {
            throw new ShapeMismatchException("query: expected length " + store.dimension() + ", got "
                    + query.length);
        }
    }

    /**
     * Indices and similarities of hardened retrieval (3.8): {@code indices[q*k + i]} is the memory retrieved
     * by column i+1 for query q, {@code scores[q*k + i]} its similarity to the query.
     */
    public record Retrieval(int queries, int k, int[] indices, double[] scores) {
        public Retrieval {
            if (indices.length != queries * k || scores.length != queries * k) {
                throw new InvalidInputException("Retrieval: " + queries + " queries x k = " + k
                        + " need arrays of length " + queries * k);
            }
        }

        /** Memory retrieved by column i (0-based) for query q. */
        public int index(int q, int i) {
            return indices[q * k + i];
        }

        /** Its similarity to query q. */
        public double score(int q, int i) {
            return scores[q * k + i];
        }

        /** The k indices of query q. */
        public int[] indicesOf(int q) {
            int[] out = new int[k];
            System.arraycopy(indices, q * k, out, 0, k);
            return out;
        }
    }
}
