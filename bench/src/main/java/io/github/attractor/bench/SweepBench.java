package io.github.attractor.bench;

import io.github.attractor.core.ode.Integrator;
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
 * A sweep: 10,000 random Krotov–Hopfield networks with N = 20 (W symmetric, ‖W‖₂ = 0.9, b and y(0)
 * standard normal, each from its own seed), each integrated over t ∈ [0, 50] with Dormand–Prince 5(4),
 * atol = rtol = 1e-8. One op integrates all of them: {@link #parallel} spreads the network indices over
 * the common fork/join pool (both cores: the pool's worker plus the calling thread), {@link #sequential}
 * is the one-core reference. Peer: {@code bench/python/sweep_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector"})
public class SweepBench {
    @Param({"10000"})
    public int count;

    private Problems.Problem[] problems;
    private Integrator integrator;

    @Setup(Level.Trial)
    public void setUp() {
        problems = Problems.sweep(count, Problems.SWEEP_N, Problems.SWEEP_SEED);
        integrator = Problems.integrator();
    }

    @Benchmark
    public double parallel() {
        return Problems.sweepParallel(problems, count, Problems.SWEEP_T1, integrator);
    }

    @Benchmark
    public double sequential() {
        return Problems.sweepSequential(problems, count, Problems.SWEEP_T1, integrator);
    }
}
