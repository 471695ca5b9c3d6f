package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

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
public final class ReluLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double value(double[] y) {
        return legendre(y);
    }

    @Override
    public void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        for (int i = 0; i < y.length; i++) {
            g[i] = y[i] > 0 ? y[i] : 0.0;
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        int n = y.length;
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i++) {
            out.unsafe_set(i, i, y[i] > 0 ? 1.0 : 0.0);
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] > 0 ? v[i] : 0.0;
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
            out[i] = y[i] > 0 ? 1.0 : 0.0;
        }
    }

    @Override
    public double legendre(double[] y) {
        double s = 0;
        for (double yi : y) {
            if (yi > 0) {
                s += yi * yi;
            }
        }
        return 0.5 * s;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReluLagrangian;
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
