package io.github.attractor.analysis.rnn;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.DiscreteMap;
import org.ejml.data.DMatrixRMaj;

/**
 * The discrete-time RNN {@code x⁺ = φ(W x + b)}, Jacobian {@code D(Wx + b) W}. Contracting in a constant
 * metric M when {@code Jᵀ M J - M ⪯ -β M} uniformly (Appendix 5.1), which Theorem 5's condition
 * {@code g² Wᵀ P W - P ≺ 0} gives for diagonal P.
 */
public final class DiscreteRnn implements DiscreteMap {
    private final DMatrixRMaj w;
    private final double[] b;
    private final Nonlinearity.Scaled phi;
    private final int n;

    public DiscreteRnn(DMatrixRMaj w, double[] b, Nonlinearity.Scaled phi) {
        Require.finite("W", Require.square("W", w));
        this.n = w.numRows;
        this.b = b == null ? new double[n] : Require.finite("b", Require.length("b", b, n)).clone();
        this.w = w.copy();
        this.phi = phi;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void apply(double[] x, double[] out) {
        if (x.length != n) {
            throw new ShapeMismatchException("state: expected length " + n + ", got " + x.length);
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s += w.data[i * n + j] * x[j];
            }
            out[i] = phi.value(s);
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double[] x, DMatrixRMaj out) {
        out.reshape(n, n);
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s += w.data[i * n + j] * x[j];
            }
            double d = phi.slope(s);
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = d * w.data[i * n + j];
            }
        }
    }
}
