package io.github.attractor.bench;

import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.SoftplusLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.stream.IntStream;

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

    private Problems() {
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
