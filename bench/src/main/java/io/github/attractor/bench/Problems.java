package io.github.attractor.bench;

import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.linalg.Sgemm;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.SoftplusLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The benchmark problems, shared by the JMH benchmarks and {@link Compare}, and generated exactly as
 * the Python peers generate them ({@code bench/python/peer_common.py}).
 *
 * <p>A problem is a Krotov–Hopfield network {@code dy/dt = W σ(y) - y + b} (softplus Lagrangian, so
 * {@code g = σ}) with W from {@link RandomMatrices#symmetricWithSpectralNorm} (GOE rescaled to
 * {@code ‖W‖₂ = 0.9}), then {@code b} and {@code y(0)} standard normal, all from one
 * {@link SplitMix64} stream. Network {@code k} of a sweep is seeded with word {@code k+1} of a master
 * SplitMix64.
 */
public final class Problems {
    /** ‖W‖₂ of every benchmark network. */
    public static final double SPECTRAL_NORM = 0.9;
    /** atol = rtol, as in the peers' {@code solve_ivp(..., rtol=1e-8, atol=1e-8)}. */
    public static final double TOLERANCE = 1e-8;

    public static final int KROTOV_N = 1000;
    public static final double KROTOV_T1 = 200.0;
    public static final long KROTOV_SEED = 42;

    public static final int SWEEP_COUNT = 10_000;
    public static final int SWEEP_N = 20;
    public static final double SWEEP_T1 = 50.0;
    public static final long SWEEP_SEED = 7;

    /** Modules checked by the Theorem-1 benchmark, their size, density, entry scale and seed. */
    public static final int THEOREM1_MODULES = 10_000;
    public static final int THEOREM1_UNITS = 16;
    public static final double THEOREM1_DENSITY = 0.4;
    public static final double THEOREM1_SCALE = 0.4;
    public static final long THEOREM1_SEED = 5;

    /** N, the stored patterns of the memory-retrieval benchmarks. */
    public static final int RETRIEVAL_PATTERNS = 50_000;
    /** d, the dimension of a pattern (28 × 28 images). */
    public static final int RETRIEVAL_DIM = 784;
    /** B, the queries per call. */
    public static final int RETRIEVAL_BATCH = 256;
    public static final long RETRIEVAL_PATTERN_SEED = 11;
    public static final long RETRIEVAL_QUERY_SEED = 12;

    private Problems() {
    }

    /**
     * A float uniform in [0, 1) from a SplitMix64 word: its top 24 bits times 2⁻²⁴, exact in float. numpy:
     * {@code (word >> 40).astype(float32) * float32(2**-24)} ({@code peer_common.unit_floats}).
     */
    public static float unitFloat(long word) {
        return (word >>> 40) * 0x1.0p-24f;
    }

    /**
     * The stored patterns Ξ of the retrieval benchmarks: an n×d row-major float matrix whose entry
     * {@code t - 1} (t = 1, 2, …, in row-major order) is {@link #unitFloat} of word t of
     * {@code SplitMix64(seed)}, as {@code peer_common.retrieval_problem} builds it (generated on all cores:
     * word t is computed directly from t).
     */
    public static float[] retrievalPatterns(int n, int d, long seed) {
        float[] xi = new float[Math.multiplyExact(n, d)];
        IntStream.range(0, n).parallel().forEach(i -> {
            long t = (long) i * d;
            for (int j = 0; j < d; j++) {
                xi[i * d + j] = unitFloat(SplitMix64.word(seed, t + j + 1));
            }
        });
        return xi;
    }

    /** A batch of queries (batch×d, row-major) and, per query, the index of the pattern it was made from. */
    public record Queries(float[] q, int[] sources) {
    }

    /**
     * The queries of the retrieval benchmarks, from {@code SplitMix64(seed)}: the first {@code batch} words
     * pick the source pattern of each query ({@code Long.remainderUnsigned(word, n)}); the next
     * {@code batch·d} words are unit floats u, row-major, and {@code q[i][j] = (xi[src_i][j] + u[i][j]) * 0.5f}
     * in float arithmetic (one rounded addition, then an exact halving), exactly as numpy computes it in
     * {@code peer_common.retrieval_problem}.
     */
    public static Queries retrievalQueries(float[] xi, int n, int d, int batch, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int[] sources = new int[batch];
        for (int i = 0; i < batch; i++) {
            sources[i] = (int) Long.remainderUnsigned(rng.nextLong(), n);
        }
        float[] q = new float[batch * d];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < d; j++) {
                q[i * d + j] = (xi[sources[i] * d + j] + unitFloat(rng.nextLong())) * 0.5f;
            }
        }
        return new Queries(q, sources);
    }

    /** β = 1/√d, the inverse temperature of the retrieval benchmarks (the peers' default). */
    public static double retrievalBeta(int d) {
        return 1.0 / Math.sqrt(d);
    }

    /**
     * The softmax weights {@code P = softmax(β S)} row by row for the rows×cols scores S, in double, rounded to
     * float: the matrix the read-out GEMM {@code P Ξ} multiplies (the peer uses torch's float32 softmax, which
     * agrees to about an ulp).
     */
    public static float[] softmaxRows(float[] s, int rows, int cols, double beta) {
        float[] p = new float[rows * cols];
        IntStream.range(0, rows).parallel().forEach(i -> {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, s[o + j]);
            }
            double sum = 0;
            double[] e = new double[cols];
            for (int j = 0; j < cols; j++) {
                e[j] = Math.exp(beta * (s[o + j] - max));
                sum += e[j];
            }
            for (int j = 0; j < cols; j++) {
                p[o + j] = (float) (e[j] / sum);
            }
        });
        return p;
    }

    /** The retrieval data with the scores S = Q Ξᵀ and the softmax weights P of the read-out GEMM. */
    public record Retrieval(int n, int d, int batch, float[] xi, Queries queries, float[] scores, float[] weights) {
    }

    /** The default retrieval problem (N = 50,000, d = 784, B = 256), its scores and weights (by {@link Sgemm}). */
    public static Retrieval retrieval() {
        int n = RETRIEVAL_PATTERNS;
        int d = RETRIEVAL_DIM;
        int b = RETRIEVAL_BATCH;
        float[] xi = retrievalPatterns(n, d, RETRIEVAL_PATTERN_SEED);
        Queries q = retrievalQueries(xi, n, d, b, RETRIEVAL_QUERY_SEED);
        float[] s = new float[b * n];
        Sgemm.multiplyTransposedB(q.q(), b, d, xi, n, s);
        return new Retrieval(n, d, b, xi, q, s, softmaxRows(s, b, n, retrievalBeta(d)));
    }

    /** {@code β S} (float), the scores the k-softmax benchmark and its peer are given. */
    public static float[] betaScores(Retrieval p) {
        float beta = (float) retrievalBeta(p.d());
        float[] s = p.scores().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] *= beta;
        }
        return s;
    }

    /** The modules of the Theorem-1 benchmark ({@link ModuleSampler}, Appendix 5.4's 16×16 setting). */
    public static DMatrixRMaj[] theorem1Modules() {
        ModuleSampler sampler = new ModuleSampler(THEOREM1_UNITS, THEOREM1_DENSITY, THEOREM1_SCALE);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(THEOREM1_SEED);
        DMatrixRMaj[] out = new DMatrixRMaj[THEOREM1_MODULES];
        for (int k = 0; k < out.length; k++) {
            out[k] = sampler.sample(rng);
        }
        return out;
    }

    /** One network with its start. */
    public record Problem(KrotovHopfield model, double[] y0) {
    }

    /** Dormand–Prince 5(4), atol = rtol = 1e-8, no convergence stop, states not recorded. */
    public static IntegrationSettings settings() {
        return IntegrationSettings.defaults().withTolerances(TOLERANCE, TOLERANCE).withRecordStates(false);
    }

    public static Integrator integrator() {
        return new Integrator(settings());
    }

    public static Problem krotov(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        var w = RandomMatrices.symmetricWithSpectralNorm(n, SPECTRAL_NORM, rng);
        double[] b = gaussians(n, rng);
        double[] y0 = gaussians(n, rng);
        return new Problem(KrotovHopfield.of(new Network(w, b, new SoftplusLagrangian())), y0);
    }

    /** The first {@code count} networks of the sweep with master seed {@code seed} (built on all cores). */
    public static Problem[] sweep(int count, int n, long seed) {
        long[] seeds = new long[count];
        SplitMix64 master = new SplitMix64(seed);
        for (int k = 0; k < count; k++) {
            seeds[k] = master.nextLong();
        }
        Problem[] out = new Problem[count];
        IntStream.range(0, count).parallel().forEach(k -> out[k] = krotov(n, seeds[k]));
        return out;
    }

    /** Integrates networks {@code [0, count)} over {@code [0, t1]} on the common fork/join pool. */
    public static double sweepParallel(Problem[] problems, int count, double t1, Integrator integrator) {
        return IntStream.range(0, count).parallel()
                .mapToDouble(k -> finalSum(integrator.integrate(problems[k].model(), problems[k].y0(), 0.0, t1)))
                .sum();
    }

    /** Same, on the calling thread only. */
    public static double sweepSequential(Problem[] problems, int count, double t1, Integrator integrator) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += finalSum(integrator.integrate(problems[k].model(), problems[k].y0(), 0.0, t1));
        }
        return s;
    }

    static double finalSum(Trajectory tr) {
        double s = 0;
        for (double v : tr.finalState()) {
            s += v;
        }
        return s;
    }

    private static double[] gaussians(int n, SplitMix64 rng) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }
}
