package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Random sparse modules for Theorem 1, sampled as in Appendix 5.4 of Kozachkov et al. (scipy.sparse.random
 * followed by zeroing the diagonal): exactly {@code round(density · n²)} non-zero positions drawn without
 * replacement from the n² positions (a partial Fisher–Yates shuffle), each entry uniform in (-s, s), then the
 * diagonal set to zero (so the number of non-zero entries can end below round(density·n²)). A Bernoulli mask
 * would give a different acceptance rate. {@link #acceptance} counts the modules that pass Theorem 1 with
 * {@link AbsoluteValueRestricted#holds}, with a 95% Wilson interval.
 */
public final class ModuleSampler {
    private final int n;
    private final double density;
    private final double scale;
    private final int nonZeros;
    /** Samples per block of {@link #acceptance} (one generator per block). */
    static final int BLOCK = 256;

    public ModuleSampler(int units, double density, double scale) {
        if (units < 1) {
            throw new InvalidInputException("units: must be at least 1, got " + units);
        }
        if (!(density >= 0 && density <= 1)) {
            throw new InvalidInputException("density: must be in [0, 1], got " + density);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new InvalidInputException("scale: must be finite and > 0, got " + scale);
        }
        this.n = units;
        this.density = density;
        this.scale = scale;
        this.nonZeros = (int) Math.round(density * units * units);
    }

    public int units() {
        return n;
    }

    public double density() {
        return density;
    }

    public double scale() {
        return scale;
    }

    /** Fills {@code w} (n² entries, row-major) with one module; {@code positions} is scratch of n² ints. */
    public void sample(SplittableRandom rng, double[] w, int[] positions) {
        int total = n * n;
        java.util.Arrays.fill(w, 0, total, 0.0);
        for (int i = 0; i < total; i++) {
            positions[i] = i;
        }
        for (int k = 0; k < nonZeros; k++) {
            int pick = k + rng.nextInt(total - k);
            int pos = positions[pick];
            positions[pick] = positions[k];
            positions[k] = pos;
            w[pos] = scale * (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 0;
        }
    }

    /** One module as a matrix. */
    public DMatrixRMaj sample(SplittableRandom rng) {
        double[] w = new double[n * n];
        sample(rng, w, new int[n * n]);
        return DMatrixRMaj.wrap(n, n, w);
    }

    /** Acceptance of Theorem 1 (slope bound g) over {@code samples} modules. */
    public record Acceptance(int samples, int accepted, double rate, double ciLow, double ciHigh) {
    }

    /**
     * Draws {@code samples} modules in blocks of {@value #BLOCK}, each block with its own generator split in
     * order from {@code seed}, and counts those that pass Theorem 1 with slope bound g. The blocks run in
     * parallel (common fork/join pool); the result does not depend on the number of threads.
     */
    public Acceptance acceptance(int samples, double g, long seed) {
        if (samples < 1) {
            throw new InvalidInputException("samples: must be at least 1, got " + samples);
        }
        if (!(g > 0) || !Double.isFinite(g)) {
            throw new InvalidInputException("gain: the slope bound g must be finite and > 0, got " + g);
        }
        int blocks = (samples + BLOCK - 1) / BLOCK;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[blocks];
        for (int b = 0; b < blocks; b++) {
            rngs[b] = root.split();
        }
        int accepted = java.util.stream.IntStream.range(0, blocks).parallel().map(b -> {
            double[] w = new double[n * n];
            double[] scratch = new double[n * n];
            int[] positions = new int[n * n];
            int count = 0;
            int todo = Math.min(BLOCK, samples - b * BLOCK);
            for (int s = 0; s < todo; s++) {
                sample(rngs[b], w, positions);
                if (AbsoluteValueRestricted.holds(w, n, g, scratch)) {
                    count++;
                }
            }
            return count;
        }).sum();
        double[] ci = wilson(accepted, samples);
        return new Acceptance(samples, accepted, accepted / (double) samples, ci[0], ci[1]);
    }

    /** The first {@code count} accepted modules (up to {@code maxTries} draws). */
    public java.util.List<DMatrixRMaj> accepted(int count, double g, long seed, int maxTries) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] scratch = new double[n * n];
        int[] positions = new int[n * n];
        java.util.List<DMatrixRMaj> out = new java.util.ArrayList<>();
        for (int t = 0; t < maxTries && out.size() < count; t++) {
            double[] w = new double[n * n];
            sample(rng, w, positions);
            if (AbsoluteValueRestricted.holds(w, n, g, scratch)) {
                out.add(DMatrixRMaj.wrap(n, n, w));
            }
        }
        if (out.size() < count) {
            throw new io.github.attractor.core.error.NonConvergenceException(String.format(
                    "module sampling: only %d of %d modules passed Theorem 1 in %d draws (density %.3g, scale %.3g)",
                    out.size(), count, maxTries, density, scale));
        }
        return out;
    }

    /** The 95% Wilson score interval of a binomial proportion. */
    public static double[] wilson(int successes, int trials) {
        double z = 1.959963984540054;
        double p = successes / (double) trials;
        double z2n = z * z / trials;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / trials + z2n / (4 * trials)) / (1 + z2n);
        // exact ends for 0 and n successes (the formula gives them up to rounding)
        return new double[] {successes == 0 ? 0 : Math.max(0, centre - half), successes == trials ? 1 : Math.min(1, centre + half)};
    }
}
