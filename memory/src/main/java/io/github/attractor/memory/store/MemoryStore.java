package io.github.attractor.memory.store;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.linalg.Sgemm;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * N stored patterns (memories) ξ_1..ξ_N of dimension d, for the retrieval rules (3.1), (3.4)–(3.6) and (3.8).
 *
 * <p><b>Layout.</b> The paper writes {@code Ξ = [ξ_1, ..., ξ_N]} as a d×N matrix with the memories as
 * columns. Here they are the <em>rows</em> of a row-major N×d array ({@code ξ_i} at {@code [i*d, (i+1)*d)}),
 * so that a memory is contiguous; the paper's {@code Ξᵀx} is {@link #scores} with {@link Similarity#DOT} and
 * {@code Ξ p} is {@link #combine}. Queries come as row-major B×d batches, scores as B×N.
 *
 * <p><b>Precision.</b> A store is double or float32. On a float store the dot, squared-Euclidean and cosine
 * scores come from one product {@code Q Ξᵀ} ({@link Sgemm#multiplyTransposedB}) in float, the Manhattan
 * distances from float partial sums, and {@link #combine} from {@link Sgemm#multiply}; double queries are
 * rounded to float first. On a double store the product is EJML's {@code multTransB} (multi-threaded for large
 * batches). Squared Euclidean scores use {@code 2 qᵀξ - ‖q‖² - ‖ξ‖²} (clamped at 0 from above), so for nearly
 * equal vectors their absolute error is about {@code ε (‖q‖² + ‖ξ‖²)}.
 *
 * <p><b>Threads.</b> Large batches run on the common fork/join pool: the Manhattan loop over query blocks (or
 * over blocks of memories for few queries), the products inside the GEMM kernels. Stores are immutable and
 * thread-safe.
 */
public final class MemoryStore {
    /** Work (multiply-adds) below which a call stays on the calling thread. */
    static final long PARALLEL_WORK = 1L << 18;
    /** Rows of scores computed at once by {@link #topK}: about this many entries per chunk. */
    private static final int TOPK_CHUNK_ENTRIES = 1 << 22;
    /** Float scores held at once by the float32 top-k (64 MiB). */
    private static final int FLOAT_TOPK_CHUNK_ENTRIES = 1 << 24;

    private final int n;
    private final int d;
    private final double[] dataD;
    private final float[] dataF;
    private final double[] sqNorms;

    private MemoryStore(int n, int d, double[] dataD, float[] dataF) {
        this.n = n;
        this.d = d;
        this.dataD = dataD;
        this.dataF = dataF;
        this.sqNorms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = dataD != null ? dataD[i * d + j] : dataF[i * d + j];
                s += v * v;
            }
            sqNorms[i] = s;
        }
    }

    /** A double store of the N×d row-major {@code rows} (copied). */
    public static MemoryStore ofDouble(double[] rows, int n, int d) {
        checkShape(rows.length, n, d);
        for (int i = 0; i < n * d; i++) {
            if (!Double.isFinite(rows[i])) {
                throw new NonFiniteValueException("memories: entry (" + (i / d) + "," + (i % d) + ") is " + rows[i]);
            }
        }
        return new MemoryStore(n, d, java.util.Arrays.copyOf(rows, n * d), null);
    }

    /** A float32 store of the N×d row-major {@code rows} (copied). */
    public static MemoryStore ofFloat(float[] rows, int n, int d) {
        checkShape(rows.length, n, d);
        for (int i = 0; i < n * d; i++) {
            if (!Float.isFinite(rows[i])) {
                throw new NonFiniteValueException("memories: entry (" + (i / d) + "," + (i % d) + ") is " + rows[i]);
            }
        }
        return new MemoryStore(n, d, null, java.util.Arrays.copyOf(rows, n * d));
    }

    /** A double store of the rows of an N×d matrix (memories as rows). */
    public static MemoryStore of(DMatrixRMaj rows) {
        return ofDouble(rows.data, rows.numRows, rows.numCols);
    }

    /** A float32 store of the rows of an N×d matrix (memories as rows), rounded to float. */
    public static MemoryStore ofFloat(DMatrixRMaj rows) {
        float[] f = new float[rows.numRows * rows.numCols];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) rows.data[i];
        }
        return ofFloat(f, rows.numRows, rows.numCols);
    }

    private static void checkShape(int length, int n, int d) {
        if (n < 1 || d < 1) {
            throw new ShapeMismatchException("memories: need at least one memory of dimension >= 1, got " + n + "x"
                    + d);
        }
        if ((long) n * d != length) {
            throw new ShapeMismatchException("memories: " + n + "x" + d + " needs " + ((long) n * d)
                    + " entries, the array has " + length);
        }
    }

    /** Number of memories N. */
    public int size() {
        return n;
    }

    /** Dimension d of each memory. */
    public int dimension() {
        return d;
    }

    /** Whether the storage is float32. */
    public boolean isFloat() {
        return dataF != null;
    }

    /** Entry j of memory i. */
    public double get(int i, int j) {
        return dataD != null ? dataD[i * d + j] : dataF[i * d + j];
    }

    /** Memory i as a new array. */
    public double[] pattern(int i) {
        if (i < 0 || i >= n) {
            throw new InvalidInputException("memory index " + i + " out of range [0, " + n + ")");
        }
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = get(i, j);
        }
        return out;
    }

    /** {@code ‖ξ_i‖²}. */
    public double squaredNorm(int i) {
        return sqNorms[i];
    }

    /** All memories as a new N×d row-major double array. */
    public double[] toDoubleArray() {
        if (dataD != null) {
            return dataD.clone();
        }
        double[] out = new double[n * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = dataF[i];
        }
        return out;
    }

    /** The store of the given memories, in that order, with the same precision. */
    public MemoryStore subset(int[] indices) {
        if (indices.length == 0) {
            throw new ShapeMismatchException("memories: a subset needs at least one index");
        }
        for (int i : indices) {
            if (i < 0 || i >= n) {
                throw new InvalidInputException("memory index " + i + " out of range [0, " + n + ")");
            }
        }
        if (dataD != null) {
            double[] out = new double[indices.length * d];
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(dataD, indices[r] * d, out, r * d, d);
            }
            return new MemoryStore(indices.length, d, out, null);
        }
        float[] out = new float[indices.length * d];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(dataF, indices[r] * d, out, r * d, d);
        }
        return new MemoryStore(indices.length, d, null, out);
    }

    // ------------------------------------------------------------------------------------------ scores

    /** {@code out[q*N + i] = sim(ξ_i, x_q)} for the B×d row-major queries; out B×N. */
    public void scores(Similarity sim, double[] queries, int b, double[] out) {
        checkBatch("queries", queries.length, b);
        checkFinite(queries, b * d);
        checkOut("scores", out.length, (long) b * n);
        if (dataF != null) {
            float[] qf = new float[b * d];
            for (int i = 0; i < qf.length; i++) {
                qf[i] = (float) queries[i];
            }
            float[] of = new float[b * n];
            floatScores(sim, qf, b, of);
            for (int i = 0; i < of.length; i++) {
                out[i] = of[i];
            }
            return;
        }
        if (sim == Similarity.NEGATIVE_MANHATTAN) {
            forBlocks(b, (lo, hi, r0, r1) -> {
                for (int q = lo; q < hi; q++) {
                    DistanceKernels.negManhattan(queries, q * d, dataD, r0, r1, d, out, q * n + r0);
                }
            });
            return;
        }
        DMatrixRMaj qm = DMatrixRMaj.wrap(b, d, queries);
        DMatrixRMaj xm = DMatrixRMaj.wrap(n, d, dataD);
        DMatrixRMaj cm = DMatrixRMaj.wrap(b, n, out);
        if ((long) b * n * d >= PARALLEL_WORK && b > 1) {
            CommonOps_MT_DDRM.multTransB(qm, xm, cm);
        } else {
            CommonOps_DDRM.multTransB(qm, xm, cm);
        }
        finishFromProducts(sim, queries, b, out);
    }

    /** float32 scores: {@code out[q*N + i] = sim(ξ_i, x_q)}; double stores compute in double and round. */
    public void scores(Similarity sim, float[] queries, int b, float[] out) {
        checkBatch("queries", queries.length, b);
        checkFinite(queries, b * d);
        checkOut("scores", out.length, (long) b * n);
        if (dataD != null) {
            double[] qd = new double[b * d];
            for (int i = 0; i < qd.length; i++) {
                qd[i] = queries[i];
            }
            double[] od = new double[b * n];
            scores(sim, qd, b, od);
            for (int i = 0; i < od.length; i++) {
                out[i] = (float) od[i];
            }
            return;
        }
        floatScores(sim, queries, b, out);
    }

    /** The scores of one query (length d) against every memory, as a new array of length N. */
    public double[] scores(Similarity sim, double[] query) {
        if (query.length != d) {
            throw new ShapeMismatchException("query: expected length " + d + ", got " + query.length);
        }
        double[] out = new double[n];
        scores(sim, query, 1, out);
        return out;
    }

    private void floatScores(Similarity sim, float[] qf, int b, float[] out) {
        if (sim == Similarity.NEGATIVE_MANHATTAN) {
            forBlocks(b, (lo, hi, r0, r1) -> {
                for (int q = lo; q < hi; q++) {
                    DistanceKernels.negManhattan(qf, q * d, dataF, r0, r1, d, out, q * n + r0);
                }
            });
            return;
        }
        Sgemm.multiplyTransposedB(qf, b, d, dataF, n, out);
        if (sim == Similarity.DOT) {
            return;
        }
        double[] qn = new double[b];
        for (int q = 0; q < b; q++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = qf[q * d + j];
                s += v * v;
            }
            qn[q] = s;
        }
        for (int q = 0; q < b; q++) {
            for (int i = 0; i < n; i++) {
                out[q * n + i] = (float) finish(sim, out[q * n + i], qn[q], sqNorms[i]);
            }
        }
    }

    private void finishFromProducts(Similarity sim, double[] queries, int b, double[] out) {
        if (sim == Similarity.DOT) {
            return;
        }
        for (int q = 0; q < b; q++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = queries[q * d + j];
                s += v * v;
            }
            for (int i = 0; i < n; i++) {
                out[q * n + i] = finish(sim, out[q * n + i], s, sqNorms[i]);
            }
        }
    }

    /** The similarity from the product {@code qᵀξ} and the squared norms. */
    private static double finish(Similarity sim, double product, double qn, double xn) {
        if (sim == Similarity.NEGATIVE_SQUARED_EUCLIDEAN) {
            return Math.min(0.0, 2 * product - qn - xn);
        }
        return qn == 0 || xn == 0 ? 0 : product / Math.sqrt(qn * xn);
    }

    // ------------------------------------------------------------------------------------------ combine

    /**
     * {@code out[q*d ..] = Σ_i w[q*N + i] ξ_i}: the paper's {@code Ξ p} for each row p of the B×N weights,
     * out B×d.
     */
    public void combine(double[] weights, int b, double[] out) {
        checkOut("weights", weights.length, (long) b * n);
        checkOut("out", out.length, (long) b * d);
        if (b < 0) {
            throw new ShapeMismatchException("weights: negative batch size " + b);
        }
        if (dataF != null) {
            float[] wf = new float[b * n];
            for (int i = 0; i < wf.length; i++) {
                wf[i] = (float) weights[i];
            }
            float[] of = new float[b * d];
            Sgemm.multiply(wf, b, n, dataF, d, of);
            for (int i = 0; i < of.length; i++) {
                out[i] = of[i];
            }
            return;
        }
        DMatrixRMaj wm = DMatrixRMaj.wrap(b, n, weights);
        DMatrixRMaj xm = DMatrixRMaj.wrap(n, d, dataD);
        DMatrixRMaj om = DMatrixRMaj.wrap(b, d, out);
        if ((long) b * n * d >= PARALLEL_WORK && b > 1) {
            CommonOps_MT_DDRM.mult(wm, xm, om);
        } else {
            CommonOps_DDRM.mult(wm, xm, om);
        }
    }

    /** float32 {@link #combine(double[], int, double[])}. */
    public void combine(float[] weights, int b, float[] out) {
        checkOut("weights", weights.length, (long) b * n);
        checkOut("out", out.length, (long) b * d);
        if (dataF != null) {
            Sgemm.multiply(weights, b, n, dataF, d, out);
            return;
        }
        double[] wd = new double[b * n];
        for (int i = 0; i < wd.length; i++) {
            wd[i] = weights[i];
        }
        double[] od = new double[b * d];
        combine(wd, b, od);
        for (int i = 0; i < od.length; i++) {
            out[i] = (float) od[i];
        }
    }

    // ------------------------------------------------------------------------------------------ top-k

    /**
     * Exact brute-force top-k by similarity for each of the B×d queries ({@code 1 <= k <= N}). The scores are
     * computed for a block of queries at a time (as float for a float32 store, whatever the queries' type)
     * and each row's k best are kept by a heap of size k; ties go to the smaller index.
     */
    public TopK topK(Similarity sim, double[] queries, int b, int k) {
        checkK(k);
        checkBatch("queries", queries.length, b);
        checkFinite(queries, b * d);
        if (dataF != null) {
            float[] qf = new float[b * d];
            for (int i = 0; i < qf.length; i++) {
                qf[i] = (float) queries[i];
            }
            return floatTopK(sim, qf, b, k);
        }
        int[] idx = new int[b * k];
        double[] val = new double[b * k];
        int chunk = Math.max(1, Math.min(b, TOPK_CHUNK_ENTRIES / n));
        double[] buf = new double[chunk * n];
        double[] qbuf = new double[chunk * d];
        for (int q0 = 0; q0 < b; q0 += chunk) {
            int rows = Math.min(chunk, b - q0);
            System.arraycopy(queries, q0 * d, qbuf, 0, rows * d);
            scores(sim, qbuf, rows, buf);
            int base = q0;
            rowsParallel(rows, (long) n * (32 - Integer.numberOfLeadingZeros(k)),
                    q -> TopK.select(buf, q * n, n, k, idx, val, (base + q) * k));
        }
        return new TopK(b, k, idx, val);
    }

    /**
     * float32 queries: {@link #topK(Similarity, double[], int, int)}. On a float32 store this is the path of
     * the throughput benchmark: float scores for up to {@value #FLOAT_TOPK_CHUNK_ENTRIES} entries at a time
     * (B = 256, N = 50,000 is one {@link Sgemm} call), then the heap selection of each row on all cores.
     */
    public TopK topK(Similarity sim, float[] queries, int b, int k) {
        checkK(k);
        checkBatch("queries", queries.length, b);
        checkFinite(queries, b * d);
        if (dataD != null) {
            double[] qd = new double[b * d];
            for (int i = 0; i < qd.length; i++) {
                qd[i] = queries[i];
            }
            return topK(sim, qd, b, k);
        }
        return floatTopK(sim, queries, b, k);
    }

    private TopK floatTopK(Similarity sim, float[] queries, int b, int k) {
        int[] idx = new int[b * k];
        double[] val = new double[b * k];
        int chunk = Math.max(1, Math.min(b, FLOAT_TOPK_CHUNK_ENTRIES / n));
        float[] buf = new float[chunk * n];
        float[] qbuf = new float[chunk * d];
        ThreadLocal<double[]> row = ThreadLocal.withInitial(() -> new double[n]);
        for (int q0 = 0; q0 < b; q0 += chunk) {
            int rows = Math.min(chunk, b - q0);
            System.arraycopy(queries, q0 * d, qbuf, 0, rows * d);
            floatScores(sim, qbuf, rows, buf);
            int base = q0;
            rowsParallel(rows, (long) n * (32 - Integer.numberOfLeadingZeros(k)), q -> {
                double[] r = row.get();
                for (int i = 0; i < n; i++) {
                    r[i] = buf[q * n + i];
                }
                TopK.select(r, 0, n, k, idx, val, (base + q) * k);
            });
        }
        return new TopK(b, k, idx, val);
    }

    private void checkK(int k) {
        if (k < 1 || k > n) {
            throw new InvalidInputException("k: top-k needs 1 <= k <= N = " + n + ", got " + k);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void checkBatch(String what, int length, int b) {
        if (b < 0) {
            throw new ShapeMismatchException(what + ": negative batch size " + b);
        }
        if ((long) b * d > length) {
            throw new ShapeMismatchException(what + ": " + b + " queries of dimension " + d + " need "
                    + ((long) b * d) + " entries, the array has " + length);
        }
    }

    private static void checkOut(String what, int length, long needed) {
        if (needed > length) {
            throw new ShapeMismatchException(what + ": needs " + needed + " entries, the array has " + length);
        }
    }

    private void checkFinite(double[] q, int len) {
        for (int i = 0; i < len; i++) {
            if (!Double.isFinite(q[i])) {
                throw new NonFiniteValueException("queries: entry (" + (i / d) + "," + (i % d) + ") is " + q[i]);
            }
        }
    }

    private void checkFinite(float[] q, int len) {
        for (int i = 0; i < len; i++) {
            if (!Float.isFinite(q[i])) {
                throw new NonFiniteValueException("queries: entry (" + (i / d) + "," + (i % d) + ") is " + q[i]);
            }
        }
    }

    /** A rectangle of the B×N score matrix: queries [lo, hi) against memories [r0, r1). */
    @FunctionalInterface
    private interface Block {
        void run(int lo, int hi, int r0, int r1);
    }

    /**
     * Splits the B×N pairs over the common pool when the work is large: by query blocks when there are
     * enough queries, otherwise by blocks of memories.
     */
    private void forBlocks(int b, Block block) {
        long work = (long) b * n * d;
        int parts = 4 * (ForkJoinPool.getCommonPoolParallelism() + 1);
        if (work < PARALLEL_WORK || parts <= 4) {
            block.run(0, b, 0, n);
            return;
        }
        if (b >= parts) {
            int per = (b + parts - 1) / parts;
            int tasks = (b + per - 1) / per;
            IntStream.range(0, tasks).parallel().forEach(t -> block.run(t * per, Math.min(b, (t + 1) * per), 0, n));
            return;
        }
        int memParts = Math.max(1, Math.min(n, (parts + b - 1) / b));
        int per = (n + memParts - 1) / memParts;
        int blocksPerQuery = (n + per - 1) / per;
        IntStream.range(0, b * blocksPerQuery).parallel().forEach(t -> {
            int q = t / blocksPerQuery;
            int r0 = (t % blocksPerQuery) * per;
            block.run(q, q + 1, r0, Math.min(n, r0 + per));
        });
    }

    /** Runs {@code body} for rows {@code 0..rows-1}, in parallel when {@code rows × cost} is large. */
    static void rowsParallel(int rows, long costPerRow, java.util.function.IntConsumer body) {
        if (rows > 1 && rows * costPerRow >= PARALLEL_WORK) {
            IntStream.range(0, rows).parallel().forEach(body);
        } else {
            for (int r = 0; r < rows; r++) {
                body.accept(r);
            }
        }
    }
}
