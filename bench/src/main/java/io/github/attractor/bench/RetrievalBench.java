package io.github.attractor.bench;

import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.modern.ModernHopfield;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Memory-retrieval throughput on {@link Problems#retrieval} (N = 50,000 float32 patterns of dimension d = 784,
 * B = 256 queries per call, both cores), through the public memory API:
 * <ul>
 *   <li>{@link #update}: one modern Hopfield update {@code X⁺ = softmax(β Q Ξᵀ) Ξ}, β = 1/√d, by
 *       {@link ModernHopfield#update(float[], int, float[])} on a float32 {@link MemoryStore} (two float GEMMs and
 *       a SIMD softmax; the B×N weights are allocated per call, as torch's expression allocates them). Peer:
 *       {@code torch.softmax(beta * Q @ Xi.T, dim=1) @ Xi}.</li>
 *   <li>{@link #ksoftmax}: the k-softmax, k = 8, of the given B×N scores {@code β Q Ξᵀ} by
 *       {@link KSoftmax#rows(float[], int, int, int, float[])} (the Newton solver for the 8 shifts ν_i of each
 *       row, |Σσ - i| ≤ 1e-10·i, then the B×N×k columns). Peer: a vectorised float32 bisection for ν in torch
 *       to |Σσ - i| ≤ 1e-6·i (or float resolution) and the same B×k×N output.</li>
 *   <li>{@link #topk}: the hardened top-8 by inner product, {@link MemoryStore#topK(Similarity, float[], int, int)}
 *       (one float GEMM and a heap of 8 per row). Peer: FAISS {@code IndexFlatIP.search(q, 8)}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector"})
public class RetrievalBench {
    /** k of the k-softmax and of the top-k. */
    public static final int K = 8;

    private Problems.Retrieval problem;
    private ModernHopfield hopfield;
    private MemoryStore store;
    private float[] betaScores;
    private float[] updated;
    private float[] columns;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Problems.retrieval();
        store = MemoryStore.ofFloat(problem.xi(), problem.n(), problem.d());
        hopfield = ModernHopfield.ramsauer(store, Problems.retrievalBeta(problem.d()));
        betaScores = Problems.betaScores(problem);
        updated = new float[problem.batch() * problem.d()];
        columns = new float[problem.batch() * problem.n() * K];
    }

    @Benchmark
    public float[] update() {
        hopfield.update(problem.queries().q(), problem.batch(), updated);
        return updated;
    }

    @Benchmark
    public float[] ksoftmax() {
        KSoftmax.rows(betaScores, problem.batch(), problem.n(), K, columns);
        return columns;
    }

    @Benchmark
    public TopK topk() {
        return store.topK(Similarity.DOT, problem.queries().q(), problem.batch(), K);
    }
}
