package io.github.attractor.bench;

import io.github.attractor.learn.elcd.ElcdFlow;
import io.github.attractor.learn.elcd.ElcdTrainer;
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
 * One training epoch of ELCD with a learned diffeomorphism (Section 4.5: latent ELCD
 * {@code ż = A(z)(z − z*)}, φ = Perm/LU/RQ-spline coupling ×2/Perm/LU, central-difference JVP on the tape) on a
 * synthetic 2-D dataset of the size of LASA Angle: 7 demonstrations × 985 samples of
 * {@code ẋ = [[−1, 2], [−2, −1]] x}, batch 100, Adam lr 1e-3, MSE. Peer: {@code bench/python/elcd_peer.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class ElcdBench {
    private double[] states;
    private double[] velocities;
    private ElcdFlow model;
    private long epochs;

    /** The synthetic dataset, as in the peer. */
    static double[][] data() {
        int demos = 7;
        int n = 985;
        double h = 0.005;
        double[] x = new double[2 * demos * n];
        double[] v = new double[2 * demos * n];
        int q = 0;
        for (int j = 0; j < demos; j++) {
            double a = 3 * Math.cos(2 * Math.PI * j / demos);
            double b = 3 * Math.sin(2 * Math.PI * j / demos);
            for (int k = 0; k < n; k++) {
                double t = k * h;
                double e = Math.exp(-t);
                double c = Math.cos(2 * t);
                double s = Math.sin(2 * t);
                x[q] = e * (a * c + b * s);
                x[q + 1] = e * (-a * s + b * c);
                v[q] = -x[q] + 2 * x[q + 1];
                v[q + 1] = -2 * x[q] - x[q + 1];
                q += 2;
            }
        }
        return new double[][] {x, v};
    }

    @Setup(Level.Trial)
    public void setUp() {
        double[][] d = data();
        states = d[0];
        velocities = d[1];
        model = new ElcdFlow(2, 16, 0.01, new double[2], false, true, 1);
    }

    /** One epoch (69 Adam steps on batches of 100), returning its mean loss. */
    @Benchmark
    public double epoch() {
        return new ElcdTrainer(1, 100, 1e-3, ++epochs).train(model, states, velocities, null);
    }
}
