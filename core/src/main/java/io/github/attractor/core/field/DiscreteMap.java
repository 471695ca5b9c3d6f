package io.github.attractor.core.field;

import org.ejml.data.DMatrixRMaj;

/** A discrete-time dynamical system {@code x+ = F(x)} on {@code R^n}. */
public interface DiscreteMap {

    /** State dimension n. */
    int dimension();

    /** Writes {@code F(x)} into {@code out} (length n; must not alias {@code x}). */
    void apply(double[] x, double[] out);

    /** Whether {@link #jacobian} is analytic (otherwise it is the central-difference fallback). */
    default boolean hasAnalyticJacobian() {
        return false;
    }

    /** Writes {@code DF(x)} into {@code out}; the default is a central difference. */
    default void jacobian(double[] x, DMatrixRMaj out) {
        Jacobians.centralDifference(this, x, out);
    }
}
