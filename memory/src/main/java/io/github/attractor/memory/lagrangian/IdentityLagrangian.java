package io.github.attractor.memory.lagrangian;

/**
 * The quadratic Lagrangian of linear neurons (registry name {@code "identity"}, alias {@code "linear"}):
 * <pre>
 *   L(y) = ½ ‖y‖²,   g(y) = y,   Λ(y) = I.
 * </pre>
 * Λ is positive definite; the Legendre term is {@code yᵀg - L = ½ ‖y‖²}. There are no dead directions.
 */
public final class IdentityLagrangian extends ElementwiseLagrangian {

    /** Registry name. */
    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double neuronValue(double y) {
        return 0.5 * y * y;
    }

    @Override
    protected double neuronActivation(double y) {
        return y;
    }

    @Override
    protected double neuronHessian(double y) {
        return 1.0;
    }

    @Override
    protected double neuronLegendre(double y) {
        return 0.5 * y * y;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }
}
