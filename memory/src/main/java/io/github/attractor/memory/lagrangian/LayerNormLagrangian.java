package io.github.attractor.memory.lagrangian;

import io.github.attractor.core.error.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * The layer-norm Lagrangian of the Energy Transformer / HAMUX (registry name
 * {@code "layernorm:gamma=γ,delta=δ,eps=ε"}). With {@code D = n}, {@code ȳ = (1/D) Σ y_i},
 * {@code V = (1/D) Σ (y_i - ȳ)²} and {@code s = sqrt(V + ε)}:
 * <pre>
 *   L(y)  = D γ s + δ Σ_i y_i,
 *   g_i   = γ (y_i - ȳ) / s + δ,
 *   Λ_ij  = (γ / s) [ δ_ij - 1/D - c_i c_j / D ],   c_i = (y_i - ȳ) / s.
 * </pre>
 * (Derivation: {@code ∂V/∂y_j = 2(y_j - ȳ)/D} because the deviations sum to 0, and
 * {@code ∂(y_i - ȳ)/∂y_j = δ_ij - 1/D}.) {@link #hessianTimes} uses
 * {@code Λv = (γ/s)[v - mean(v)·1 - c (cᵀv)/D]} in O(n) without allocating.
 *
 * <p>For {@code γ > 0} the Hessian is positive semidefinite (L is convex): {@code P = I - 11ᵀ/D} is the
 * projector onto the mean-zero subspace, {@code c} lies in it with {@code ‖c‖² = D V/(V+ε) < D}, so the
 * eigenvalues of {@code Λ} are 0 (along {@code 1}, a dead direction: {@code g(y + c1) = g(y)}),
 * {@code (γ/s) ε/(V+ε)} (along c) and {@code γ/s} (the rest). The constructor requires {@code γ > 0},
 * {@code ε > 0} and a finite δ.
 *
 * <p>The Legendre term has the closed form {@code yᵀg - L = γ D V/s - γ D s = -D γ ε / s}, computed
 * directly (no cancellation) and, like g, invariant under {@code y → y + c1}.
 */
public final class LayerNormLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "layernorm";
    /** Default scale γ. */
    public static final double DEFAULT_GAMMA = 1.0;
    /** Default bias δ. */
    public static final double DEFAULT_DELTA = 0.0;
    /** Default regularizer ε. */
    public static final double DEFAULT_EPS = 1e-5;

    private final double gamma;
    private final double delta;
    private final double eps;

    /** Layer norm with scale {@code gamma > 0}, bias {@code delta} and regularizer {@code eps > 0}, all finite. */
    public LayerNormLagrangian(double gamma, double delta, double eps) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new InvalidInputException("gamma: the layernorm scale must be finite and > 0, got " + gamma);
        }
        if (!Double.isFinite(delta)) {
            throw new InvalidInputException("delta: the layernorm bias must be finite, got " + delta);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new InvalidInputException("eps: the layernorm regularizer must be finite and > 0, got " + eps);
        }
        this.gamma = gamma;
        this.delta = delta;
        this.eps = eps;
    }

    /** Layer norm with the defaults {@code gamma = 1, delta = 0, eps = 1e-5}. */
    public LayerNormLagrangian() {
        this(DEFAULT_GAMMA, DEFAULT_DELTA, DEFAULT_EPS);
    }

    /** Scale γ. */
    public double gamma() {
        return gamma;
    }

    /** Bias δ. */
    public double delta() {
        return delta;
    }

    /** Regularizer ε. */
    public double eps() {
        return eps;
    }

    @Override
    public String name() {
        return NAME + ":gamma=" + Checks.format(gamma) + ",delta=" + Checks.format(delta) + ",eps="
                + Checks.format(eps);
    }

    private static double mean(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += yi;
        }
        return s / y.length;
    }

    /** {@code sqrt(V + ε)} by the two-pass variance. */
    private double scale(double[] y, double mean) {
        double ss = 0;
        for (double yi : y) {
            double d = yi - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / y.length + eps);
    }

    @Override
    public double value(double[] y) {
        Checks.nonEmpty(NAME, y);
        double m = mean(y);
        double s = scale(y, m);
        double sum = 0;
        for (double yi : y) {
            sum += yi;
        }
        return y.length * gamma * s + delta * sum;
    }

    @Override
    public void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        Checks.nonEmpty(NAME, y);
        double m = mean(y);
        double k = gamma / scale(y, m);
        for (int i = 0; i < y.length; i++) {
            g[i] = k * (y[i] - m) + delta;
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        Checks.nonEmpty(NAME, y);
        int n = y.length;
        double m = mean(y);
        double s = scale(y, m);
        double k = gamma / s;
        double invD = 1.0 / n;
        out.reshape(n, n);
        for (int i = 0; i < n; i++) {
            double ci = (y[i] - m) / s;
            for (int j = 0; j < n; j++) {
                double cj = (y[j] - m) / s;
                double e = (i == j ? 1.0 : 0.0) - invD - ci * cj * invD;
                out.unsafe_set(i, j, k * e);
            }
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        Checks.nonEmpty(NAME, y);
        int n = y.length;
        double m = mean(y);
        double s = scale(y, m);
        double vSum = 0;
        double dv = 0;
        for (int i = 0; i < n; i++) {
            vSum += v[i];
            dv += (y[i] - m) * v[i];
        }
        double vMean = vSum / n;
        double cv = dv / s; // cᵀv
        double k = gamma / s;
        double w = cv / n;
        for (int i = 0; i < n; i++) {
            double ci = (y[i] - m) / s;
            out[i] = k * (v[i] - vMean - ci * w);
        }
    }

    @Override
    public double legendre(double[] y) {
        Checks.nonEmpty(NAME, y);
        double s = scale(y, mean(y));
        return -y.length * gamma * eps / s;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LayerNormLagrangian)) {
            return false;
        }
        LayerNormLagrangian l = (LayerNormLagrangian) o;
        return Double.compare(l.gamma, gamma) == 0 && Double.compare(l.delta, delta) == 0
                && Double.compare(l.eps, eps) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(NAME, gamma, delta, eps);
    }

    @Override
    public String toString() {
        return name();
    }
}
