package io.github.attractor.memory.classical;

import io.github.attractor.core.error.Require;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.LogCoshLagrangian;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The continuous, graded-response Hopfield network (Hopfield 1984) as a Krotov–Hopfield model:
 * <pre>
 *   du/dt = W tanh(β u) - u + b,       W = (1/N) Σ_μ ξ^μ ξ^μᵀ,  W_ii = 0,
 * </pre>
 * with gain β > 0. Its Lagrangian is {@code (1/β) Σ_i log cosh(β u_i)}. To reuse {@link KrotovHopfield} with
 * the plain tanh Lagrangian ({@link LogCoshLagrangian}), the model is written in the scaled potential
 * {@code y = β u}:
 * <pre>
 *   dy/dt = (βW) tanh(y) - y + βb,      E(y) = yᵀtanh y - Σ log cosh y - βbᵀtanh y - ½ tanh(y)ᵀ (βW) tanh(y),
 * </pre>
 * which is eq. (1)/(4) of the Krotov–Hopfield model on the network {@code (βW, βb, tanh)}. Trajectories
 * correspond by {@code y(t) = β u(t)}, the outputs {@code V = tanh(y)} are the same, and the energy is
 * β times the energy of the u-form, so it is non-increasing exactly when that one is. With β = 1 the two
 * forms coincide.
 *
 * <p>Retrieval needs enough gain: at the origin the linearisation is {@code βW - I}, and the Hebbian W of a
 * few random patterns has its largest eigenvalues near 1 (within {@code O(√(P/N))}), so for
 * {@code β‖W‖₂ < 1} every state decays to 0, and for β well above 1 the stored patterns (as
 * {@code sign(y) = ξ}) become attractors.
 *
 * <p>Patterns come as a {@code P × N} matrix, one pattern per row, real-valued or ±1.
 */
public final class GradedResponse {
    private GradedResponse() {
    }

    /** The model with Hebbian weights from {@code patterns}, gain β and no bias. */
    public static KrotovHopfield of(DMatrixRMaj patterns, double gain) {
        return of(patterns, gain, new double[patterns.numCols]);
    }

    /**
     * The model {@code dy/dt = βW tanh(y) - y + βb} (in the scaled potential {@code y = βu}, see the class
     * documentation) with Hebbian weights from {@code patterns} (rows; real-valued or ±1).
     */
    public static KrotovHopfield of(DMatrixRMaj patterns, double gain, double[] bias) {
        Require.that(gain > 0 && Double.isFinite(gain), "gain must be finite and > 0, got " + gain);
        DMatrixRMaj w = hebbianWeights(patterns);
        CommonOps_DDRM.scale(gain, w);
        Require.length("bias", bias, patterns.numCols);
        double[] b = bias.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] *= gain;
        }
        return KrotovHopfield.of(new Network(w, b, new LogCoshLagrangian()));
    }

    /**
     * {@code W = (1/N) Σ_μ ξ^μ ξ^μᵀ} with zero diagonal for real-valued patterns (rows of a {@code P × N}
     * matrix; checked finite).
     */
    public static DMatrixRMaj hebbianWeights(DMatrixRMaj patterns) {
        Require.that(patterns.numRows >= 1 && patterns.numCols >= 1, "patterns: need at least one pattern of at "
                + "least one neuron, got " + patterns.numRows + "x" + patterns.numCols);
        Require.finite("patterns", patterns);
        return BinaryHopfield.outerProductSum(patterns, 1.0 / patterns.numCols);
    }

    /** The potential {@code u = y / β} of the unscaled form from a state y of the model. */
    public static double[] potential(double[] y, double gain) {
        double[] u = y.clone();
        for (int i = 0; i < u.length; i++) {
            u[i] /= gain;
        }
        return u;
    }

    /** The outputs {@code V = tanh(y)}. */
    public static double[] outputs(double[] y) {
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = Math.tanh(y[i]);
        }
        return v;
    }
}
