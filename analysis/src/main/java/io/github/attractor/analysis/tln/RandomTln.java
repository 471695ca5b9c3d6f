package io.github.attractor.analysis.tln;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Random threshold-linear networks {@code dx/dt = -x + [Wx + b]₊} for tests, reproductions and benchmarks:
 * <ul>
 *   <li>{@link #competitive}: inhibitory, {@code W_ii = 0}, {@code W_ij ~ -(1 + 0.5 N(0,1))},
 *       {@code b_i ~ 1 + 0.3 N(0,1)} — many supports are fixed points, so the enumeration is stressed;</li>
 *   <li>{@link #gaussian}: {@code W_ij ~ N(0, 1/n)}, {@code b_i ~ N(0, 1)}.</li>
 * </ul>
 */
public final class RandomTln {
    private RandomTln() {
    }

    public static ThresholdLinearNetwork competitive(int n, RandomGenerator rng) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 1 + 0.3 * rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                w.set(i, j, i == j ? 0 : -(1 + 0.5 * rng.nextGaussian()));
            }
        }
        return new ThresholdLinearNetwork(w, b);
    }

    public static ThresholdLinearNetwork gaussian(int n, RandomGenerator rng) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                w.set(i, j, rng.nextGaussian() / Math.sqrt(n));
            }
        }
        return new ThresholdLinearNetwork(w, b);
    }
}
