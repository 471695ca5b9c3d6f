package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

/**
 * The softplus Lagrangian of logistic neurons (registry name {@code "sigmoid"}, alias {@code "softplus"}):
 * <pre>
 *   L(y) = Σ_i log(1 + e^{y_i}),   g_i(y) = σ(y_i) = 1 / (1 + e^{-y_i}),   Λ(y) = diag(σ(y_i)(1 - σ(y_i))).
 * </pre>
 * All three are evaluated without overflow for any finite y ({@code L = max(y, 0) + log1p(e^{-|y|})},
 * {@code σ} from {@code e^{-|y|}}, {@code σ(1-σ) = e^{-|y|} / (1 + e^{-|y|})²}). L is convex, so Λ is
 * positive semidefinite.
 *
 * <p>The Legendre term is the convex conjugate evaluated at the activation,
 * <pre>
 *   yᵀg - L = Σ_i [s_i log s_i + (1 - s_i) log(1 - s_i)],   s_i = σ(y_i),   0 · log 0 = 0,
 * </pre>
 * computed per neuron as {@code -log1p(e) - |y_i| e/(1+e)} with {@code e = e^{-|y_i|}} (no cancellation,
 * unlike the naive difference). A neuron whose activation rounds to exactly {@code 1.0} or {@code 0.0} in
 * double (saturated: {@code y_i ≳ 36.7}) contributes exactly {@code 0 = L*(1) = L*(0)}, so the term is
 * exactly constant along the dead directions of double arithmetic (where {@code g} is exactly constant);
 * the absolute error this convention introduces is below {@code 5e-15} per neuron.
 */
public final class SoftplusLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "sigmoid";

    @Override
    public String name() {
        return NAME;
    }

    /** {@code log(1 + e^y)} without overflow. */
    static double softplus(double y) {
        return Math.max(y, 0.0) + Math.log1p(Math.exp(-Math.abs(y)));
    }

    /** {@code σ(y)} without overflow. */
    static double sigmoid(double y) {
        if (y >= 0) {
            return 1.0 / (1.0 + Math.exp(-y));
        }
        double e = Math.exp(y);
        return e / (1.0 + e);
    }

    /** {@code σ(y)(1 - σ(y))} with full relative accuracy. */
    static double sigmoidDerivative(double y) {
        double e = Math.exp(-Math.abs(y));
        double d = 1.0 + e;
        return e / (d * d);
    }

    @Override
    public double value(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += softplus(yi);
        }
        return s;
    }

    @Override
    public void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        for (int i = 0; i < y.length; i++) {
            g[i] = sigmoid(y[i]);
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        int n = y.length;
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i++) {
            out.unsafe_set(i, i, sigmoidDerivative(y[i]));
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = sigmoidDerivative(y[i]) * v[i];
        }
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public void hessianDiagonal(double[] y, double[] out) {
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = sigmoidDerivative(y[i]);
        }
    }

    @Override
    public double legendre(double[] y) {
        double sum = 0;
        for (double yi : y) {
            double s = sigmoid(yi);
            if (s == 1.0 || s == 0.0) {
                continue; // saturated: s log s + (1-s) log(1-s) = 0 at the rounded activation
            }
            double a = Math.abs(yi);
            double e = Math.exp(-a);
            sum -= Math.log1p(e) + a * (e / (1.0 + e));
        }
        return sum;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SoftplusLagrangian;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
