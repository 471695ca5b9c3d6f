package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

/**
 * A Lagrangian that is a sum over neurons, {@code L(y) = Σ_i ℓ(y_i)}: activation {@code g_i = ℓ'(y_i)},
 * diagonal Hessian {@code Λ_ii = ℓ''(y_i)}, Legendre term {@code Σ_i [y_i ℓ'(y_i) - ℓ(y_i)]}. Subclasses
 * give the four per-neuron functions (each as accurately as its closed form allows); the loops over
 * neurons, the shape checks and the dense and diagonal forms of Λ live here once.
 */
public abstract class ElementwiseLagrangian implements Lagrangian {

    /** {@code ℓ(y)}. */
    protected abstract double neuronValue(double y);

    /** {@code ℓ'(y)}, the activation. */
    protected abstract double neuronActivation(double y);

    /** {@code ℓ''(y)}, the diagonal entry of Λ. */
    protected abstract double neuronHessian(double y);

    /** {@code y ℓ'(y) - ℓ(y)}, without cancellation where the subclass can. */
    protected abstract double neuronLegendre(double y);

    @Override
    public final double value(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += neuronValue(yi);
        }
        return s;
    }

    @Override
    public final void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        for (int i = 0; i < y.length; i++) {
            g[i] = neuronActivation(y[i]);
        }
    }

    @Override
    public final void hessian(double[] y, DMatrixRMaj out) {
        int n = y.length;
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i++) {
            out.unsafe_set(i, i, neuronHessian(y[i]));
        }
    }

    @Override
    public final void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = neuronHessian(y[i]) * v[i];
        }
    }

    @Override
    public final boolean isElementwise() {
        return true;
    }

    @Override
    public final void hessianDiagonal(double[] y, double[] out) {
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = neuronHessian(y[i]);
        }
    }

    @Override
    public final double legendre(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += neuronLegendre(yi);
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return name().hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
