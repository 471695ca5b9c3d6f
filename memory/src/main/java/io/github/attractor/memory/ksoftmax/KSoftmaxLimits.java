package io.github.attractor.memory.ksoftmax;

import io.github.attractor.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The limits of Section 3.5 measured on random inputs: Proposition 3.5.1 ({@code ssm(βx; j) → topj(x)} as
 * {@code β → ∞} when {@code x_[j] > x_[j+1]}), its consequence for eq. (3.3) (column i of
 * {@code ksoftmax(βx)} → the indicator of the i-th largest entry), Proposition 3.5.2 (every k-softmax entry
 * is non-negative) and the constraint (3.11). Inputs have all sorted neighbours at least {@code gap} apart,
 * so every limit applies. Backs the reproduction {@code ksoftmax-limits}.
 */
public final class KSoftmaxLimits {
    /** The inverse temperatures of the reproduction. */
    public static final double[] BETAS = {1, 10, 100, 1000};

    private KSoftmaxLimits() {
    }

    /**
     * Measurements at one β over all samples and all {@code j = 1..k}.
     *
     * @param maxConstraintError {@code max |Σ_i ssm(βx; j)_i - j| / j}
     * @param minKsoftmax        the smallest entry of {@code ksoftmax(βx)} (≥ 0 by Proposition 3.5.2)
     * @param topkDistance       {@code max |ssm(βx; j) - topj(x)|} (entrywise)
     * @param indicatorDistance  {@code max |ksoftmax(βx)_{:,j} - e_{[j]}|} (entrywise), e_{[j]} the indicator
     *                           of the j-th largest entry of x
     */
    public record Measurement(double beta, int n, int k, int samples, double gap, double maxConstraintError,
            double minKsoftmax, double topkDistance, double indicatorDistance) {
    }

    /**
     * A random vector of length n whose sorted entries are at least {@code gap} apart: consecutive
     * differences {@code gap·(1 + U(0,1))}, shuffled, shifted to mean zero.
     */
    public static double[] gappedInput(int n, double gap, SplittableRandom rng) {
        if (n < 1 || !(gap > 0) || !Double.isFinite(gap)) {
            throw new InvalidInputException("gappedInput: needs n >= 1 and a finite gap > 0, got n = " + n
                    + ", gap = " + gap);
        }
        double[] v = new double[n];
        for (int i = 1; i < n; i++) {
            v[i] = v[i - 1] + gap * (1 + rng.nextDouble());
        }
        double mean = v[n - 1] / 2;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double tmp = v[i];
            v[i] = v[j];
            v[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            v[i] -= mean;
        }
        return v;
    }

    /** The measurements at one β: {@code samples} inputs of length n drawn from {@code seed}. */
    public static Measurement measure(double beta, int n, int k, int samples, double gap, long seed) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta: must be finite and > 0, got " + beta);
        }
        if (k < 1 || k >= n) {
            throw new InvalidInputException("k: needs 1 <= k < n = " + n + ", got " + k);
        }
        if (samples < 1) {
            throw new InvalidInputException("samples: must be >= 1, got " + samples);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double constraint = 0;
        double min = Double.POSITIVE_INFINITY;
        double topk = 0;
        double indicator = 0;
        for (int s = 0; s < samples; s++) {
            double[] x = gappedInput(n, gap, rng);
            double[] bx = new double[n];
            for (int i = 0; i < n; i++) {
                bx[i] = beta * x[i];
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[b], x[a]));
            double[] ks = KSoftmax.of(bx, k);
            double[] top = new double[n];
            for (int j = 1; j <= k; j++) {
                double[] y = SumSoftmax.of(bx, j);
                double sum = 0;
                for (double v : y) {
                    sum += v;
                }
                constraint = Math.max(constraint, Math.abs(sum - j) / j);
                top[order[j - 1]] = 1;
                for (int i = 0; i < n; i++) {
                    topk = Math.max(topk, Math.abs(y[i] - top[i]));
                    double e = i == order[j - 1] ? 1 : 0;
                    double v = ks[i * k + j - 1];
                    min = Math.min(min, v);
                    indicator = Math.max(indicator, Math.abs(v - e));
                }
            }
        }
        return new Measurement(beta, n, k, samples, gap, constraint, min, topk, indicator);
    }

    /** {@link #measure} at each β, all from the same seed (the same inputs at every β). */
    public static List<Measurement> run(double[] betas, int n, int k, int samples, double gap, long seed) {
        List<Measurement> out = new ArrayList<>(betas.length);
        for (double beta : betas) {
            out.add(measure(beta, n, k, samples, gap, seed));
        }
        return out;
    }
}
