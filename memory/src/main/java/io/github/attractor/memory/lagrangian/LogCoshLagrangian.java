package io.github.attractor.memory.lagrangian;

/**
 * The log-cosh Lagrangian of tanh neurons (registry name {@code "tanh"}, alias {@code "logcosh"}):
 * <pre>
 *   L(y) = Σ_i log cosh y_i,   g_i(y) = tanh y_i,   Λ(y) = diag(1 - tanh² y_i).
 * </pre>
 * {@code log cosh y} is evaluated as {@code log1p(2 sinh²(y/2))} for {@code |y| < 1} (full relative
 * accuracy near 0) and as {@code |y| + log1p(e^{-2|y|}) - log 2} otherwise (no overflow);
 * {@code 1 - tanh² y = 4e/(1+e)²} with {@code e = e^{-2|y|}}. L is convex, so Λ is positive semidefinite.
 *
 * <p>The Legendre term {@code yᵀg - L = Σ_i [y_i tanh y_i - log cosh y_i]} is the conjugate
 * {@code L*(t) = ½[(1+t) log(1+t) + (1-t) log(1-t)]} at {@code t = tanh y}; per neuron it is computed as
 * {@code y t + ½ log1p(-t²)} for {@code |y| < 0.5} and {@code log 2 - log1p(e) - 2|y| e/(1+e)} otherwise,
 * both free of cancellation. A neuron whose activation rounds to exactly {@code ±1.0} (saturated,
 * {@code |y| ≳ 19}) contributes exactly {@code log 2 = L*(±1)}, so the term is exactly constant along the
 * dead directions of double arithmetic.
 */
public final class LogCoshLagrangian extends ElementwiseLagrangian {

    /** Registry name. */
    public static final String NAME = "tanh";

    private static final double LN2 = Math.log(2.0);

    /** {@code log cosh y} accurately and without overflow. */
    static double logCosh(double y) {
        double a = Math.abs(y);
        if (a < 1.0) {
            double sh = Math.sinh(0.5 * a);
            return Math.log1p(2.0 * sh * sh);
        }
        return a + Math.log1p(Math.exp(-2.0 * a)) - LN2;
    }

    /** {@code 1 - tanh² y} with full relative accuracy. */
    static double tanhDerivative(double y) {
        double e = Math.exp(-2.0 * Math.abs(y));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double neuronValue(double y) {
        return logCosh(y);
    }

    @Override
    protected double neuronActivation(double y) {
        return Math.tanh(y);
    }

    @Override
    protected double neuronHessian(double y) {
        return tanhDerivative(y);
    }

    @Override
    protected double neuronLegendre(double y) {
        double t = Math.tanh(y);
        double a = Math.abs(y);
        if (t == 1.0 || t == -1.0) {
            return LN2; // saturated: L*(±1) = log 2 at the rounded activation
        }
        if (a < 0.5) {
            return y * t + 0.5 * Math.log1p(-t * t);
        }
        double e = Math.exp(-2.0 * a);
        return LN2 - Math.log1p(e) - 2.0 * a * (e / (1.0 + e));
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }
}
