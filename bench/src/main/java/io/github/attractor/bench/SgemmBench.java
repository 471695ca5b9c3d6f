package io.github.attractor.bench;

import io.github.attractor.core.linalg.Sgemm;
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
 * The two GEMMs of one modern Hopfield update on the memory-retrieval problem ({@link Problems#retrieval}:
 * N = 50,000 patterns Ξ of dimension d = 784, a batch of B = 256 queries Q, float32):
 * <ul>
 *   <li>{@link #scores}: {@code S = Q Ξᵀ} by {@link Sgemm#multiplyTransposedB} (m = 256, k = 784,
 *       n = 50,000);</li>
 *   <li>{@link #readout}: {@code R = P Ξ} by {@link Sgemm#multiply}, P = softmax(β S) (m = 256, k = 50,000,
 *       n = 784).</li>
 * </ul>
 * Each is 2·256·784·50,000 = 20.07 GFLOP. The plain methods use every core of the machine (2 here); the
 * {@code …OneCore} twins run in a JVM started with {@code -XX:ActiveProcessorCount=1}, so that Sgemm runs on
 * the calling thread only. Peer: numpy's and torch's {@code np.matmul(q, xi.T, out=)} and
 * {@code np.matmul(P, xi, out=)}, timed by {@code bench/python/retrieval_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector"})
public class SgemmBench {
    private Problems.Retrieval problem;
    private float[] s;
    private float[] r;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Problems.retrieval();
        s = new float[problem.batch() * problem.n()];
        r = new float[problem.batch() * problem.d()];
    }

    @Benchmark
    public float[] scores() {
        Sgemm.multiplyTransposedB(problem.queries().q(), problem.batch(), problem.d(), problem.xi(), problem.n(), s);
        return s;
    }

    @Benchmark
    public float[] readout() {
        Sgemm.multiply(problem.weights(), problem.batch(), problem.n(), problem.xi(), problem.d(), r);
        return r;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector",
        "-XX:ActiveProcessorCount=1"})
    public float[] scoresOneCore() {
        return scores();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector",
        "-XX:ActiveProcessorCount=1"})
    public float[] readoutOneCore() {
        return readout();
    }
}
