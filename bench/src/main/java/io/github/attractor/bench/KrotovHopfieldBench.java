package io.github.attractor.bench;

import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
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
 * One Krotov–Hopfield network, N = 1000, softplus (g = σ), random symmetric W with ‖W‖₂ = 0.9, from a
 * random state over t ∈ [0, 200]: Dormand–Prince 5(4), atol = rtol = 1e-8, no convergence stop, states
 * not recorded. One op = one whole integration. Peer: {@code bench/python/krotov_hopfield_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "--add-modules", "jdk.incubator.vector"})
public class KrotovHopfieldBench {
    private Problems.Problem problem;
    private Integrator integrator;

    @Setup(Level.Trial)
    public void setUp() {
        problem = Problems.krotov(Problems.KROTOV_N, Problems.KROTOV_SEED);
        integrator = Problems.integrator();
    }

    @Benchmark
    public Trajectory integrate() {
        return integrator.integrate(problem.model(), problem.y0(), 0.0, Problems.KROTOV_T1);
    }
}
