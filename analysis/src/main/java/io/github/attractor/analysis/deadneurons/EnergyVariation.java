package io.github.attractor.analysis.deadneurons;

import io.github.attractor.core.energy.Energy;
import java.util.function.Function;

/**
 * The relative variation of an energy along a path {@code c ↦ x(c)}, {@code c ∈ [0, cMax]}:
 * {@code (max E - min E) / max |E|} over the samples (0 when E vanishes on the whole path). Proposition 1
 * says it is 0 for energy (4) along a dead direction; Proposition 5.3 says it is not for E2 and E3.
 */
public final class EnergyVariation {
    private EnergyVariation() {
    }

    /** Variation of {@code energy} at {@code m + 1} equally spaced points of the path. */
    public static double along(Energy energy, Function<Double, double[]> path, double cMax, int m) {
        double[] values = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            values[i] = energy.value(path.apply(cMax * i / m));
        }
        return of(values);
    }

    /** Variation of sampled values. */
    public static double of(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double scale = 0;
        for (double e : values) {
            max = Math.max(max, e);
            min = Math.min(min, e);
            scale = Math.max(scale, Math.abs(e));
        }
        return scale == 0 ? 0 : (max - min) / scale;
    }
}
