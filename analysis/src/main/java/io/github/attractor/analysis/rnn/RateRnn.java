package io.github.attractor.analysis.rnn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.VectorField;
import org.ejml.data.DMatrixRMaj;

/**
 * The firing-rate RNN (3) of Appendix 5.3,
 * <pre>
 *   τ dy/dt = -y + φ(W y + b(t)),      J(y) = (-I + D(Wy + b) W) / τ.
 * </pre>
 * It is the membrane-potential RNN (1) in other coordinates: {@code x = W y + b} gives
 * {@code τ dx/dt = -x + W φ(x) + v} with {@code v = b + τ db/dt} ({@link #toMembrane}), so the contraction
 * certificates of (1) apply to it as well (Miller &amp; Fumarola 2012).
 */
public final class RateRnn implements VectorField {
    private final DMatrixRMaj w;
    private final Nonlinearity.Scaled phi;
    private final double tau;
    private final Input bias;
    private final int n;

    public RateRnn(DMatrixRMaj w, Nonlinearity.Scaled phi, double tau, Input bias) {
        Require.finite("W", Require.square("W", w));
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new InvalidInputException("tau: must be finite and > 0, got " + tau);
        }
        this.w = w.copy();
        this.phi = phi;
        this.tau = tau;
        this.bias = bias;
        this.n = w.numRows;
    }

    @Override
    public int dimension() {
        return n;
    }

    /** {@code x = W y + b(t)}: the membrane potentials of a firing-rate state. */
    public double[] toMembrane(double t, double[] y) {
        double[] x = new double[n];
        if (bias != null) {
            bias.value(t, x);
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += w.data[i * n + j] * y[j];
            }
            x[i] += s;
        }
        return x;
    }

    @Override
    public void evaluate(double t, double[] y, double[] out) {
        if (y.length != n) {
            throw new ShapeMismatchException("state: expected length " + n + ", got " + y.length);
        }
        double[] x = toMembrane(t, y);
        for (int i = 0; i < n; i++) {
            out[i] = (-y[i] + phi.value(x[i])) / tau;
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double t, double[] y, DMatrixRMaj out) {
        out.reshape(n, n);
        double[] x = toMembrane(t, y);
        for (int i = 0; i < n; i++) {
            double d = phi.slope(x[i]) / tau;
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = d * w.data[i * n + j] - (i == j ? 1 / tau : 0);
            }
        }
    }
}
