package io.github.attractor.memory.lagrangian;

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
public final class SoftplusLagrangian extends ElementwiseLagrangian {

    /** Registry name. */
    public static final String NAME = "sigmoid";

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
    public String name() {
        return NAME;
    }

    @Override
    protected double neuronValue(double y) {
        return softplus(y);
    }

    @Override
    protected double neuronActivation(double y) {
        return sigmoid(y);
    }

    @Override
    protected double neuronHessian(double y) {
        return sigmoidDerivative(y);
    }

    @Override
    protected double neuronLegendre(double y) {
        double s = sigmoid(y);
        if (s == 1.0 || s == 0.0) {
            return 0.0; // saturated: s log s + (1-s) log(1-s) = 0 at the rounded activation
        }
        double a = Math.abs(y);
        double e = Math.exp(-a);
        return -(Math.log1p(e) + a * (e / (1.0 + e)));
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }
}
