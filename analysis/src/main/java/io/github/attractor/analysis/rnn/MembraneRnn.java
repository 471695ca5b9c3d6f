package io.github.attractor.analysis.rnn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.VectorField;
import org.ejml.data.DMatrixRMaj;

/**
 * The continuous-time RNN (1) of Kozachkov et al. in membrane-potential form,
 * <pre>
 *   τ dx/dt = -x + W φ(x) + u(t),      J(x) = (-I + W D(x)) / τ,   D = diag(φ'(x_i)),
 * </pre>
 * with a slope-restricted φ ({@code 0 ≤ φ' ≤ g}). The contraction theorems certify it from W and g alone;
 * {@link #firingRate} is its twin (3) in firing-rate form. A network of networks (Appendix 5.2) adds a linear
 * coupling L between modules: {@code τ dx/dt = -x + W φ(x) + L x + u(t)}, Jacobian {@code (-I + WD + L)/τ}
 * ({@link #withCoupling}).
 */
public final class MembraneRnn implements VectorField {
    private final DMatrixRMaj w;
    private final Nonlinearity.Scaled phi;
    private final double tau;
    private final Input input;
    private final DMatrixRMaj coupling;
    private final int n;

    /**
     * @param w     the n×n recurrent weights (copied)
     * @param phi   the nonlinearity
     * @param tau   the time constant τ > 0
     * @param input u(t); null for u = 0
     */
    public MembraneRnn(DMatrixRMaj w, Nonlinearity.Scaled phi, double tau, Input input) {
        this(w, phi, tau, input, null);
    }

    private MembraneRnn(DMatrixRMaj w, Nonlinearity.Scaled phi, double tau, Input input, DMatrixRMaj coupling) {
        Require.finite("W", Require.square("W", w));
        if (coupling != null) {
            Require.finite("coupling", Require.shape("coupling", coupling, w.numRows, w.numRows));
        }
        this.coupling = coupling == null ? null : coupling.copy();
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new InvalidInputException("tau: must be finite and > 0, got " + tau);
        }
        this.w = w.copy();
        this.phi = phi;
        this.tau = tau;
        this.n = w.numRows;
        this.input = input;
    }

    /** τ = 1, no input. */
    public static MembraneRnn of(DMatrixRMaj w, Nonlinearity.Scaled phi) {
        return new MembraneRnn(w, phi, 1, null);
    }

    public DMatrixRMaj weights() {
        return w.copy();
    }

    public Nonlinearity.Scaled nonlinearity() {
        return phi;
    }

    public double tau() {
        return tau;
    }

    /** The same network with another input. */
    public MembraneRnn withInput(Input u) {
        return new MembraneRnn(w, phi, tau, u, coupling);
    }

    /** The same network with the linear coupling L added ({@code τ dx/dt = -x + Wφ(x) + Lx + u}). */
    public MembraneRnn withCoupling(DMatrixRMaj l) {
        return new MembraneRnn(w, phi, tau, input, l);
    }

    /** The coupling L, or null. */
    public DMatrixRMaj coupling() {
        return coupling == null ? null : coupling.copy();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void evaluate(double t, double[] x, double[] out) {
        if (x.length != n) {
            throw new ShapeMismatchException("state: expected length " + n + ", got " + x.length);
        }
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = phi.value(x[j]);
        }
        if (input != null) {
            input.value(t, out);
        } else {
            java.util.Arrays.fill(out, 0);
        }
        double[] a = w.data;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += a[row + j] * p[j];
            }
            if (coupling != null) {
                double[] l = coupling.data;
                for (int j = 0; j < n; j++) {
                    s += l[row + j] * x[j];
                }
            }
            out[i] = (-x[i] + s + out[i]) / tau;
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double t, double[] x, DMatrixRMaj out) {
        out.reshape(n, n);
        for (int j = 0; j < n; j++) {
            double d = phi.slope(x[j]) / tau;
            for (int i = 0; i < n; i++) {
                out.data[i * n + j] = w.data[i * n + j] * d;
            }
        }
        if (coupling != null) {
            for (int k = 0; k < n * n; k++) {
                out.data[k] += coupling.data[k] / tau;
            }
        }
        for (int i = 0; i < n; i++) {
            out.data[i * n + i] -= 1 / tau;
        }
    }

    /**
     * The firing-rate twin (3) {@code τ dy/dt = -y + φ(W y + b(t))} with the same W, φ, τ (Appendix 5.3): with
     * {@code x = W y + b} it obeys this equation with {@code u = b + τ db/dt}.
     */
    public RateRnn firingRate(Input bias) {
        if (coupling != null) {
            throw new InvalidInputException("firing-rate form: defined for τ dx/dt = -x + Wφ(x) + u without a coupling");
        }
        return new RateRnn(w, phi, tau, bias);
    }
}
