package io.github.attractor.bench;

import io.github.attractor.analysis.contraction.AbsoluteValueRestricted;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.tln.RandomTln;
import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
 * Theorem-1 contraction checks (issue 5) of {@link Problems#THEOREM1_MODULES} sparse 16×16 modules (density 0.4,
 * entries U(-0.4, 0.4), zero diagonal: the setting of Appendix 5.4, about 1 % pass), one call per module, on one
 * thread:
 * <ul>
 *   <li>{@link #decide}: {@link AbsoluteValueRestricted#holds} — is {@code |W|' - I} Hurwitz (the M-matrix
 *       elimination);</li>
 *   <li>{@link #certify}: {@link AbsoluteValueRestricted#check} — the full certificate (for the accepted ones the
 *       diagonal metric from the Perron vectors, verified, and its rate).</li>
 * </ul>
 * Also {@link #enumerate20}: every fixed point of a random competitive threshold-linear network with n = 20
 * ({@link RandomTln#competitive}, seed {@link Problems#THEOREM1_SEED}) by {@link SupportEnumeration} (2²⁰ supports,
 * pruned), single shot; the issue asks for its time, it has no peer.
 *
 * <p>Peer: {@code bench/python/theorem1_peer.py}, {@code np.linalg.eigvals(|W|' - I).real.max() < 0} in a Python
 * loop over the same modules (written to a .npy by {@code bench/run}); both count the accepted modules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ContractionBench {
    private DMatrixRMaj[] modules;
    private double[] scratch;
    private ThresholdLinearNetwork tln;

    @Setup(Level.Trial)
    public void setUp() {
        modules = Problems.theorem1Modules();
        scratch = new double[Problems.THEOREM1_UNITS * Problems.THEOREM1_UNITS];
        tln = RandomTln.competitive(20, new java.util.SplittableRandom(Problems.THEOREM1_SEED));
    }

    @Benchmark
    public int decide() {
        int accepted = 0;
        for (DMatrixRMaj w : modules) {
            if (AbsoluteValueRestricted.holds(w.data, w.numRows, 1, scratch)) {
                accepted++;
            }
        }
        return accepted;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int enumerate20() {
        return SupportEnumeration.enumerate(tln).fixedPoints().size();
    }

    @Benchmark
    public int certify() {
        int accepted = 0;
        for (DMatrixRMaj w : modules) {
            Certificate c = AbsoluteValueRestricted.check(w, 1);
            if (c.holds()) {
                accepted++;
            }
        }
        return accepted;
    }
}
