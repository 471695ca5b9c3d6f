package io.github.attractor.memory.modified;

import org.ejml.data.DMatrixRMaj;

/**
 * The matrix {@code R(u)} of the modified dynamics (9), {@code du/dt = R(u)(g(Wu + b) - u)}. Proposition 5
 * makes E a Lyapunov function when {@code RᵀF + FᵀR ⪰ 0} (condition (11)); {@link Preconditioners} holds
 * the choices of Examples 5–7.
 */
public interface Preconditioner {

    /** Label used in reports (e.g. {@code R=W}). */
    String name();

    /** Writes {@code R(u) v} into {@code out}; the cheap path used by the vector field. */
    void apply(ModifiedState s, double[] v, double[] out);

    /** Writes the dense {@code R(u)} into {@code out} (n×n). */
    void matrix(ModifiedState s, DMatrixRMaj out);

    /** Whether R does not depend on u (then the field has an analytic Jacobian). */
    boolean isConstant();
}
