package io.github.attractor.core.field;

import org.ejml.data.DMatrixRMaj;

/**
 * A continuous-time dynamical system {@code dx/dt = f(t, x)} on {@code R^n}. Autonomous models ignore
 * {@code t}. Outputs go into caller-owned buffers. Implementations must be thread-safe (no mutable
 * scratch fields): solvers evaluate one field from several threads at once.
 */
public interface VectorField {

    /** State dimension n. */
    int dimension();

    /** Writes {@code f(t, x)} into {@code out} (length n; must not alias {@code x}). */
    void evaluate(double t, double[] x, double[] out);

    /** The autonomous field {@code dx/dt = f(x)} on {@code R^n}; {@code f} must be thread-safe. */
    static VectorField autonomous(int n, Jacobians.VectorFunction f) {
        return new VectorField() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                f.apply(x, out);
            }
        };
    }

    /** Whether {@link #jacobian} is analytic (otherwise it is the central-difference fallback). */
    default boolean hasAnalyticJacobian() {
        return false;
    }

    /**
     * Writes the Jacobian {@code J_ij = df_i/dx_j} at {@code (t, x)} into {@code out} (reshaped to n×n).
     * The default is the central-difference approximation of {@link Jacobians#centralDifference}.
     */
    default void jacobian(double t, double[] x, DMatrixRMaj out) {
        Jacobians.centralDifference(this, t, x, out);
    }
}
