package io.github.attractor.analysis.tln;

import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.VectorField;
import org.ejml.data.DMatrixRMaj;

/**
 * The threshold-linear network (TLN)
 * <pre>
 *   dx/dt = -x + [W x + b + W_in u(t)]₊,      [y]₊ = max(0, y) elementwise,
 * </pre>
 * the ReLU case of the firing-rate RNN. It is piecewise linear: on the region where the units of
 * {@code σ = {i : (Wx + b + W_in u)_i > 0}} are active the Jacobian is {@code J = -I + D_σ W} with
 * {@code D_σ = diag(1_{i∈σ})}, so its eigenvalues are those of {@code -I + W_σσ} together with {@code -1}
 * for each inactive unit (off-support directions decay at rate 1). The input term is optional
 * ({@code W_in}, {@code u} null for an autonomous network); fixed-point analyses use the autonomous part.
 */
public final class ThresholdLinearNetwork implements VectorField {
    private final DMatrixRMaj w;
    private final double[] b;
    private final DMatrixRMaj wIn;
    private final Input input;
    private final int n;

    /** The autonomous TLN {@code dx/dt = -x + [Wx + b]₊} (W n×n, b of length n; both copied and checked). */
    public ThresholdLinearNetwork(DMatrixRMaj w, double[] b) {
        this(w, b, null, null);
    }

    private ThresholdLinearNetwork(DMatrixRMaj w, double[] b, DMatrixRMaj wIn, Input input) {
        Require.finite("W", Require.square("W", w));
        this.n = w.numRows;
        Require.that(n > 0, "W: must have at least one unit");
        Require.finite("bias", Require.length("bias", b, n));
        this.w = w.copy();
        this.b = b.clone();
        this.wIn = wIn;
        this.input = input;
    }

    /** This network driven by {@code W_in u(t)} inside the rectification (W_in n×m). */
    public ThresholdLinearNetwork withInput(DMatrixRMaj inputWeights, Input u) {
        Require.finite("W_in", inputWeights);
        if (inputWeights.numRows != n) {
            throw new ShapeMismatchException("W_in: expected " + n + " rows, got " + inputWeights.numRows);
        }
        return new ThresholdLinearNetwork(w, b, inputWeights.copy(), u);
    }

    /** The network without its input. */
    public ThresholdLinearNetwork autonomous() {
        return input == null ? this : new ThresholdLinearNetwork(w, b);
    }

    @Override
    public int dimension() {
        return n;
    }

    /** A copy of W. */
    public DMatrixRMaj weights() {
        return w.copy();
    }

    /** A copy of b. */
    public double[] bias() {
        return b.clone();
    }

    /** {@code W_ij} without copying. */
    public double weight(int i, int j) {
        return w.data[i * n + j];
    }

    /** {@code b_i}. */
    public double bias(int i) {
        return b[i];
    }

    /** The pre-activation {@code Wx + b + W_in u(t)} into {@code out}. */
    public void preActivation(double t, double[] x, double[] out) {
        if (x.length != n) {
            throw new ShapeMismatchException("state: expected length " + n + ", got " + x.length);
        }
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += w.data[row + j] * x[j];
            }
            out[i] = s;
        }
        if (input != null) {
            int m = wIn.numCols;
            double[] u = new double[m];
            input.value(t, u);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += wIn.data[i * m + k] * u[k];
                }
                out[i] += s;
            }
        }
    }

    @Override
    public void evaluate(double t, double[] x, double[] out) {
        preActivation(t, x, out);
        for (int i = 0; i < n; i++) {
            out[i] = -x[i] + Math.max(0, out[i]);
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    /** {@code J = -I + D_σ W} with σ the units whose pre-activation is positive (one-sided at the kink: off). */
    @Override
    public void jacobian(double t, double[] x, DMatrixRMaj out) {
        double[] a = new double[n];
        preActivation(t, x, a);
        out.reshape(n, n);
        for (int i = 0; i < n; i++) {
            boolean on = a[i] > 0;
            for (int j = 0; j < n; j++) {
                out.data[i * n + j] = (on ? w.data[i * n + j] : 0) - (i == j ? 1 : 0);
            }
        }
    }

    /** {@code -I + D_σ W} for a given support σ (the Jacobian on the linear piece where σ is active). */
    public DMatrixRMaj jacobianOnSupport(int[] support) {
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            j.data[i * n + i] = -1;
        }
        for (int i : support) {
            for (int k = 0; k < n; k++) {
                j.data[i * n + k] += w.data[i * n + k];
            }
        }
        return j;
    }
}
