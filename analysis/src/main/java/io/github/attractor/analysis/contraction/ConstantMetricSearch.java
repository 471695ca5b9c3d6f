package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;

/**
 * The search behind Theorem 7 of Kozachkov et al.: the best constant metric for the RNN (1) over the slope
 * box, for 2×2 weights,
 * <pre>
 *   v*(W, g) = min_{M ≻ 0, λ_max(M) = 1}  max_{D ∈ {0, g}²}  λ_max( sym(M(-I + W D)) ).
 * </pre>
 * The inner maximum over the box is attained at a vertex (λ_max of the symmetric part is convex in D), so
 * v* < 0 iff some constant metric certifies contraction for every φ with {@code 0 ≤ φ' ≤ g}; v* ≥ 0 means none
 * does (the normalisation λ_max(M) = 1 only fixes the scale, which cannot change the sign).
 *
 * <p><b>Search.</b> Every such M is {@code R(θ) diag(1, κ) R(θ)ᵀ} with θ ∈ [0, π), κ ∈ (0, 1]. A grid of
 * {@value #ANGLES} angles × {@value #RATIOS} log-spaced κ ∈ [1e-6, 1] is evaluated (2×2 eigenvalues in closed
 * form), and the best point is refined by a compass search in (θ, log κ) down to steps of 1e-10.
 */
public final class ConstantMetricSearch {
    static final int ANGLES = 720;
    static final int RATIOS = 600;

    private ConstantMetricSearch() {
    }

    /** The best value, and the metric that attains it. */
    public record Result(double value, DMatrixRMaj metric) {
    }

    public static Result best(DMatrixRMaj w, double g) {
        Require.shape("W", Require.finite("W", w), 2, 2);
        if (!(g > 0)) {
            throw new InvalidInputException("gain: must be > 0, got " + g);
        }
        double bestT = 0;
        double bestK = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int a = 0; a < ANGLES; a++) {
            double theta = Math.PI * a / ANGLES;
            for (int r = 0; r < RATIOS; r++) {
                double logK = Math.log(1e-6) * r / (RATIOS - 1);
                double v = objective(w, g, theta, logK);
                if (v < best) {
                    best = v;
                    bestT = theta;
                    bestK = logK;
                }
            }
        }
        double step = Math.PI / ANGLES;
        while (step > 1e-10) {
            boolean improved = false;
            for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                double t = bestT + d[0] * step;
                double k = Math.min(0, bestK + d[1] * step * 4);
                double v = objective(w, g, t, k);
                if (v < best) {
                    best = v;
                    bestT = t;
                    bestK = k;
                    improved = true;
                }
            }
            if (!improved) {
                step *= 0.5;
            }
        }
        return new Result(best, metric(bestT, bestK));
    }

    static DMatrixRMaj metric(double theta, double logK) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double k = Math.exp(logK);
        return new DMatrixRMaj(new double[][] {{c * c + k * s * s, c * s * (1 - k)}, {c * s * (1 - k), s * s + k * c * c}});
    }

    /** max over the four vertices of λ_max(sym(M(-I + WD))). */
    static double objective(DMatrixRMaj w, double g, double theta, double logK) {
        DMatrixRMaj m = metric(theta, logK);
        double worst = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < 4; mask++) {
            double d0 = (mask & 1) != 0 ? g : 0;
            double d1 = (mask & 2) != 0 ? g : 0;
            double a00 = w.get(0, 0) * d0 - 1;
            double a01 = w.get(0, 1) * d1;
            double a10 = w.get(1, 0) * d0;
            double a11 = w.get(1, 1) * d1 - 1;
            double p00 = m.get(0, 0) * a00 + m.get(0, 1) * a10;
            double p01 = m.get(0, 0) * a01 + m.get(0, 1) * a11;
            double p10 = m.get(1, 0) * a00 + m.get(1, 1) * a10;
            double p11 = m.get(1, 0) * a01 + m.get(1, 1) * a11;
            double s01 = 0.5 * (p01 + p10);
            double mean = 0.5 * (p00 + p11);
            double half = 0.5 * (p00 - p11);
            worst = Math.max(worst, mean + Math.sqrt(half * half + s01 * s01));
        }
        return worst;
    }
}
