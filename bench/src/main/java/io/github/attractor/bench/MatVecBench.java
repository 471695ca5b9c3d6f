package io.github.attractor.bench;

import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.network.Network;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dense mat-vec through the public model API, {@link Network#multiply} ({@code out = W x}), for the
 * two sizes of the integration benchmarks, and one whole right-hand side
 * {@link KrotovHopfield#evaluate} ({@code W σ(y) - y + b}: σ, the mat-vec, the axpy and the model's
 * scratch allocation), the unit of work the integrator repeats. Peer: numpy's {@code W @ x}, timed by
 * {@code bench/python/krotov_hopfield_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector"})
public class MatVecBench {
    @Param({"1000", "20"})
    public int n;

    private Network network;
    private KrotovHopfield model;
    private double[] x;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        Problems.Problem p = Problems.krotov(n, Problems.KROTOV_SEED);
        model = p.model();
        network = model.network();
        x = p.y0().clone();
        out = new double[n];
    }

    @Benchmark
    public double[] multiply() {
        network.multiply(x, out);
        return out;
    }

    @Benchmark
    public double[] rhs() {
        model.evaluate(0.0, x, out);
        return out;
    }
}
