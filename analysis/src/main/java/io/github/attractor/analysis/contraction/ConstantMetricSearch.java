package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;

/**
 * The question behind Theorem 7 of Kozachkov et al.: the best constant metric for the RNN (1) over the slope
 * box, for 2×2 weights,
 * <pre>
 *   v*(W, g) = min_{M ≻ 0, tr M = 2}  max_{D ∈ {0, g}²}  λ_max( sym(M(-I + W D)) ).
 * </pre>
 * The inner maximum over the box [0, g]² is attained at a vertex (λ_max of the symmetric part is convex in D),
 * so v* &lt; 0 iff some constant metric certifies contraction for every φ with {@code 0 ≤ φ' ≤ g}; v* ≥ 0 means
 * none does. The objective is positively homogeneous in M, so the normalisation {@code tr M = 2} (mean
 * eigenvalue 1, the identity is admissible) fixes only the scale and cannot change the sign.
 *
 * <p><b>Search.</b> Every admissible M is {@code R(θ) diag(1 + ρ, 1 - ρ) R(θ)ᵀ} with θ ∈ [0, π), ρ ∈ [0, 1). A
 * grid of {@value #ANGLES} angles × {@value #RATIOS} values of ρ (denser towards ρ → 1, where M becomes
 * singular) is evaluated with 2×2 eigenvalues in closed form, and the best
 * {@value #STARTS} grid points (multi-start) are refined by a compass search in (θ, ρ) down to steps of 1e-12.
 *
 * <p><b>Exact value for Theorem 7's W = [[0, -c], [c, 0]].</b> The objective f(M) is convex in M (a maximum of
 * λ_max of expressions linear in M). The quarter turn {@code S = [[0, 1], [-1, 0]]} commutes with W and maps the
 * vertex set onto itself ({@code S diag(d₁, d₂) Sᵀ = diag(d₂, d₁)}), so {@code f(SMSᵀ) = f(M)}; hence
 * {@code f((M + SMSᵀ)/2) ≤ f(M)}, and {@code (M + SMSᵀ)/2 = (tr M / 2) I}. The identity is therefore an optimal
 * metric and {@link #theorem7Exact v* = f(I) = max(-1, -1 + g c/2)}: a constant metric exists iff
 * {@code g c < 2}, which is the paper's claim (no constant metric for c ≥ 2 when g = 1), boundary included.
 * The search does not use this argument; the reproduction compares the two.
 */
public final class ConstantMetricSearch {
    static final int ANGLES = 360;
    static final int RATIOS = 400;
    static final int STARTS = 8;

    private ConstantMetricSearch() {
    }

    /** The best value, and the metric that attains it (trace 2). */
    public record Result(double value, DMatrixRMaj metric) {
    }

    /** {@code v*} for Theorem 7's {@code W = [[0, -c], [c, 0]]} from the symmetry argument (class notes). */
    public static double theorem7Exact(double c, double g) {
        return Math.max(-1, -1 + g * Math.abs(c) / 2);
    }

    public static Result best(DMatrixRMaj w, double g) {
        Require.shape("W", Require.finite("W", w), 2, 2);
        if (!(g > 0) || !Double.isFinite(g)) {
            throw new InvalidInputException("gain: must be finite and > 0, got " + g);
        }
        double[][] starts = new double[STARTS][];
        double[] startValues = new double[STARTS];
        java.util.Arrays.fill(startValues, Double.POSITIVE_INFINITY);
        for (int a = 0; a < ANGLES; a++) {
            double theta = Math.PI * a / ANGLES;
            for (int r = 0; r < RATIOS; r++) {
                double u = r / (double) RATIOS;
                double rho = 1 - (1 - u) * (1 - u); // denser near ρ = 1
                double v = objective(w, g, theta, rho);
                int worst = 0;
                for (int s = 1; s < STARTS; s++) {
                    if (startValues[s] > startValues[worst]) {
                        worst = s;
                    }
                }
                if (v < startValues[worst]) {
                    startValues[worst] = v;
                    starts[worst] = new double[] {theta, rho};
                }
            }
        }
        double best = Double.POSITIVE_INFINITY;
        double[] arg = null;
        for (int s = 0; s < STARTS; s++) {
            double[] x = refine(w, g, starts[s][0], starts[s][1], startValues[s]);
            if (x[2] < best) {
                best = x[2];
                arg = x;
            }
        }
        return new Result(best, metric(arg[0], arg[1]));
    }

    /** Compass search from (θ, ρ); returns {θ, ρ, value}. */
    private static double[] refine(DMatrixRMaj w, double g, double theta, double rho, double value) {
        double step = Math.PI / ANGLES;
        double best = value;
        while (step > 1e-12) {
            boolean improved = false;
            for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {-1, -1}, {1, -1}, {-1, 1}}) {
                double t = theta + d[0] * step;
                double r = Math.min(1 - 1e-15, Math.max(0, rho + d[1] * step));
                double v = objective(w, g, t, r);
                if (v < best) {
                    best = v;
                    theta = t;
                    rho = r;
                    improved = true;
                }
            }
            if (!improved) {
                step *= 0.5;
            }
        }
        return new double[] {theta, rho, best};
    }

    /** {@code R(θ) diag(1 + ρ, 1 - ρ) R(θ)ᵀ}. */
    static DMatrixRMaj metric(double theta, double rho) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double a = 1 + rho;
        double b = 1 - rho;
        return new DMatrixRMaj(new double[][] {{a * c * c + b * s * s, (a - b) * c * s},
                {(a - b) * c * s, a * s * s + b * c * c}});
    }

    static double objective(DMatrixRMaj w, double g, double theta, double rho) {
        return worstOverVertices(w, g, metric(theta, rho));
    }

    /** {@code max over the four vertices D ∈ {0, g}² of λ_max(sym(M(-I + WD)))} for a 2×2 metric M. */
    public static double worstOverVertices(DMatrixRMaj w, double g, DMatrixRMaj m) {
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
            worst = Math.max(worst, mean + Math.hypot(half, s01));
        }
        return worst;
    }
}
