package io.github.attractor.memory.lagrangian;

import io.github.attractor.core.error.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * The log-sum-exp Lagrangian of a softmax population with inverse temperature β (registry name
 * {@code "softmax:beta=β"}, alias {@code "logsumexp"}):
 * <pre>
 *   L(y) = (1/β) log Σ_i e^{β y_i},   g(y) = p = softmax(β y),   Λ(y) = β (diag(p) - p pᵀ).
 * </pre>
 * Everything is evaluated after shifting by {@code m = max_i y_i}, so no exponential overflows for any
 * finite y. The activation couples all neurons, so this Lagrangian is not elementwise; {@link #hessianTimes}
 * uses {@code Λv = β (p∘v - p (pᵀv))} in O(n) without allocating. L is convex, so Λ is positive
 * semidefinite (its null space contains the all-ones vector).
 *
 * <p>The Legendre term is the negative entropy {@code yᵀp - L = (1/β) Σ_i p_i log p_i} ({@code 0 log 0 = 0}),
 * computed from {@code log p_i = β(y_i - m) - log Σ_j e^{β(y_j - m)}}, the logarithm taken as {@code log1p}
 * of the terms other than the largest (which is exactly 1), so a nearly one-hot p keeps full relative
 * accuracy: a sum of non-positive terms with no cancellation, invariant under the dead direction
 * {@code y → y + c·1} up to the rounding of the shift itself (exactly invariant when {@code y + c·1} is
 * computed exactly). {@link #value} uses the same {@code log1p} form.
 */
public final class LogSumExpLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "softmax";

    private final double beta;

    /** Softmax Lagrangian with inverse temperature {@code beta > 0} (finite). */
    public LogSumExpLagrangian(double beta) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta: the softmax inverse temperature must be finite and > 0, got "
                    + beta);
        }
        this.beta = beta;
    }

    /** Softmax with {@code beta = 1}. */
    public LogSumExpLagrangian() {
        this(1.0);
    }

    /** The inverse temperature β. */
    public double beta() {
        return beta;
    }

    @Override
    public String name() {
        return NAME + ":beta=" + Checks.format(beta);
    }

    /** Index of the first largest entry. */
    private static int argmax(double[] y) {
        int k = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[k]) {
                k = i;
            }
        }
        return k;
    }

    /**
     * {@code log Σ_i e^{β(y_i - m)}} for {@code m = y[k]} the largest entry, as {@code log1p} of the sum
     * over the other entries (the largest one contributes exactly 1), so it keeps full relative accuracy
     * when the others are small.
     */
    private double logShiftedSum(double[] y, int k) {
        double m = y[k];
        double rest = 0;
        for (int i = 0; i < y.length; i++) {
            if (i != k) {
                rest += Math.exp(beta * (y[i] - m));
            }
        }
        return Math.log1p(rest);
    }

    @Override
    public double value(double[] y) {
        Checks.nonEmpty(NAME, y);
        int k = argmax(y);
        return y[k] + logShiftedSum(y, k) / beta;
    }

    @Override
    public void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        Checks.nonEmpty(NAME, y);
        double m = y[argmax(y)];
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.exp(beta * (y[i] - m));
            g[i] = e;
            s += e;
        }
        double inv = 1.0 / s;
        for (int i = 0; i < g.length; i++) {
            g[i] *= inv;
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        Checks.nonEmpty(NAME, y);
        int n = y.length;
        double[] p = new double[n];
        activation(y, p);
        out.reshape(n, n);
        for (int i = 0; i < n; i++) {
            double rest = 0; // Σ_{j≠i} p_j: 1 - p_i without its cancellation when p_i ≈ 1
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    out.unsafe_set(i, j, -beta * (p[i] * p[j])); // exactly symmetric
                    rest += p[j];
                }
            }
            out.unsafe_set(i, i, beta * p[i] * rest);
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        Checks.nonEmpty(NAME, y);
        double m = y[argmax(y)];
        double s = 0;
        double ev = 0;
        for (int i = 0; i < y.length; i++) {
            double e = Math.exp(beta * (y[i] - m));
            s += e;
            ev += e * v[i];
        }
        double inv = 1.0 / s;
        double pv = ev * inv;
        for (int i = 0; i < y.length; i++) {
            double p = Math.exp(beta * (y[i] - m)) * inv;
            out[i] = beta * p * (v[i] - pv);
        }
    }

    @Override
    public double legendre(double[] y) {
        Checks.nonEmpty(NAME, y);
        int k = argmax(y);
        double m = y[k];
        double logS = logShiftedSum(y, k);
        double sum = 0;
        for (double yi : y) {
            double z = beta * (yi - m);
            double e = Math.exp(z);
            if (e == 0.0) {
                continue; // p_i underflows: 0 log 0 = 0
            }
            sum += Math.exp(z - logS) * (z - logS); // p_i log p_i
        }
        return sum / beta;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogSumExpLagrangian && Double.compare(((LogSumExpLagrangian) o).beta, beta) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * NAME.hashCode() + Double.hashCode(beta);
    }

    @Override
    public String toString() {
        return name();
    }
}
