package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

/**
 * The quadratic Lagrangian of linear neurons (registry name {@code "identity"}, alias {@code "linear"}):
 * <pre>
 *   L(y) = ½ ‖y‖²,   g(y) = y,   Λ(y) = I.
 * </pre>
 * Λ is positive definite; the Legendre term is {@code yᵀg - L = ½ ‖y‖²}. There are no dead directions.
 */
public final class IdentityLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "identity";

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
        System.arraycopy(y, 0, g, 0, y.length);
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        int n = y.length;
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i++) {
            out.unsafe_set(i, i, 1.0);
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        System.arraycopy(v, 0, out, 0, v.length);
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public void hessianDiagonal(double[] y, double[] out) {
        Checks.sameLength("out", y, out);
        java.util.Arrays.fill(out, 1.0);
    }

    @Override
    public double legendre(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += yi * yi;
        }
        return 0.5 * s;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityLagrangian;
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
