package io.github.attractor.memory.lagrangian;

/**
 * The rectified-quadratic Lagrangian (registry name {@code "relu"}):
 * <pre>
 *   L(y) = ½ Σ_i ReLU(y_i)²,   g_i(y) = ReLU(y_i) = max(y_i, 0),   Λ(y) = diag(1[y_i &gt; 0]).
 * </pre>
 * At the kink {@code y_i = 0} the Hessian entry is taken as 0 (the left derivative). L is convex, so
 * Λ is positive semidefinite. The Legendre term is {@code yᵀg - L = ½ Σ ReLU(y_i)²}, computed
 * exactly; every neuron with {@code y_i ≤ 0} is dead: {@code g}, {@code L} and the Legendre term are
 * unchanged by {@code y_i → y_i - c}, {@code c ≥ 0}.
 */
public final class ReluLagrangian extends ElementwiseLagrangian {

    /** Registry name. */
    public static final String NAME = "relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double neuronValue(double y) {
        return y > 0 ? 0.5 * y * y : 0.0;
    }

    @Override
    protected double neuronActivation(double y) {
        return y > 0 ? y : 0.0;
    }

    @Override
    protected double neuronHessian(double y) {
        return y > 0 ? 1.0 : 0.0;
    }

    @Override
    protected double neuronLegendre(double y) {
        return y > 0 ? 0.5 * y * y : 0.0;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }
}
