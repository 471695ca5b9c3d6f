package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

/**
 * A Lagrangian {@code L(y)} of a neuron population (Krotov–Hopfield, eq. (2)–(3)): its value, the
 * activation {@code g = dL/dy} and the Hessian {@code Λ = d²L/dy²}. Every activation in the memory
 * models comes from a Lagrangian, so energies and Jacobians are derived from it rather than copied
 * per model. Implementations are stateless and work on any length unless {@link #fixedDimension()}
 * says otherwise.
 */
public interface Lagrangian {

    /** Registry name with parameters, e.g. {@code "softmax:beta=2"}; parsed back by {@link Lagrangians#parse}. */
    String name();

    /** {@code L(y)}. */
    double value(double[] y);

    /** Writes the activation {@code g(y) = dL/dy} into {@code g}. */
    void activation(double[] y, double[] g);

    /** Writes the dense Hessian {@code Λ(y)} into {@code out} (reshaped to n×n). */
    void hessian(double[] y, DMatrixRMaj out);

    /** Writes {@code Λ(y) v} into {@code out}; implementations avoid forming Λ where they can. */
    void hessianTimes(double[] y, double[] v, double[] out);

    /**
     * True when {@code Λ} is diagonal (elementwise activation); then {@link #hessianDiagonal} is valid.
     * False by default: Lagrangians that couple neurons (softmax, layer norm) need not say so.
     */
    default boolean isElementwise() {
        return false;
    }

    /**
     * Writes the diagonal of {@code Λ(y)}; only for elementwise Lagrangians. The default throws
     * {@link IllegalStateException}, as is right for every Lagrangian that is not elementwise.
     */
    default void hessianDiagonal(double[] y, double[] out) {
        throw Checks.notElementwise(this);
    }

    /**
     * The Legendre term {@code yᵀg(y) - L(y)} (the convex conjugate {@code L*(g(y))} for convex L), the
     * part of energy (4) that cancels along dead directions. Implementations compute it without the
     * cancellation of the naive difference where a closed form exists.
     */
    double legendre(double[] y);

    /** Whether {@code Λ(y)} is positive semidefinite for every y (a property of the class, by its math). */
    boolean hessianPositiveSemidefinite();

    /** Dimension this Lagrangian requires, or -1 when it works on any length. */
    default int fixedDimension() {
        return -1;
    }
}
