package io.github.attractor.analysis.lineattractor;

import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;

/**
 * The two ReLU line attractors of "Stable and unstable gradients near identical recurrent computation"
 * (draft appendix, Section 1), both two-unit TLNs {@code dx/dt = -x + [W x + b + W_in u]₊} read out by
 * {@code y = W_out x + b_out}:
 * <ul>
 *   <li>{@link #UNBOUNDED} (eq. 1): {@code W = [[0,1],[1,0]]}, {@code b = 0}, {@code W_out = (1,1)/(2α)},
 *       {@code b_out = -β/α}; the line is the ray {@code x₁ = x₂ ≥ 0};</li>
 *   <li>{@link #BOUNDED} (eq. 2): {@code W = [[0,-1],[-1,0]]}, {@code b = β(1,1)}, {@code W_out = (1,-1)/(2α)},
 *       {@code b_out = 0}; the line is the segment {@code x₁ + x₂ = β}, {@code x ≥ 0}, and the decoder
 *       needs the start {@code β/2 (1,1)}.</li>
 * </ul>
 * Both take the input {@code W_in = α[[-1,1],[1,-1]]} (two click channels). Perturbations are
 * {@code W' = W + ε} (eq. 4) and {@code b' = b + δb}.
 */
public enum LineAttractor {
    UNBOUNDED, BOUNDED;

    /** W of eq. (1) or (2). */
    public DMatrixRMaj weights() {
        double s = this == UNBOUNDED ? 1 : -1;
        return new DMatrixRMaj(new double[][] {{0, s}, {s, 0}});
    }

    /** b: zero for (1), β(1,1) for (2). */
    public double[] bias(double beta) {
        Require.that(Double.isFinite(beta) && beta > 0, "beta: must be > 0, got " + beta);
        return this == UNBOUNDED ? new double[] {0, 0} : new double[] {beta, beta};
    }

    /** {@code W_in = α[[-1,1],[1,-1]]}. */
    public static DMatrixRMaj inputWeights(double alpha) {
        Require.that(Double.isFinite(alpha) && alpha > 0, "alpha: must be > 0, got " + alpha);
        return new DMatrixRMaj(new double[][] {{-alpha, alpha}, {alpha, -alpha}});
    }

    /** {@code W_out}: (1,1)/(2α) for (1), (1,-1)/(2α) for (2). */
    public double[] readout(double alpha) {
        return this == UNBOUNDED ? new double[] {1 / (2 * alpha), 1 / (2 * alpha)}
                : new double[] {1 / (2 * alpha), -1 / (2 * alpha)};
    }

    /** {@code b_out}: -β/α for (1), 0 for (2). */
    public double readoutBias(double alpha, double beta) {
        return this == UNBOUNDED ? -beta / alpha : 0;
    }

    /** The decoded output {@code W_out x + b_out}. */
    public double decode(double[] x, double alpha, double beta) {
        double[] r = readout(alpha);
        return r[0] * x[0] + r[1] * x[1] + readoutBias(alpha, beta);
    }

    /** The state the decoder starts from: (β, β) for (1) (output 0), β/2 (1,1) for (2). */
    public double[] initialState(double beta) {
        return this == UNBOUNDED ? new double[] {beta, beta} : new double[] {beta / 2, beta / 2};
    }

    /** The unperturbed network. */
    public ThresholdLinearNetwork network(double beta) {
        return new ThresholdLinearNetwork(weights(), bias(beta));
    }

    /** The network with {@code W' = W + ε} (ε 2×2, row-major {ε11, ε12, ε21, ε22}) and {@code b' = b + δb}. */
    public ThresholdLinearNetwork perturbed(double beta, double[] epsilon, double[] biasPerturbation) {
        Require.length("epsilon", epsilon, 4);
        Require.length("bias perturbation", biasPerturbation, 2);
        DMatrixRMaj w = weights();
        for (int i = 0; i < 4; i++) {
            w.data[i] += epsilon[i];
        }
        double[] b = bias(beta);
        b[0] += biasPerturbation[0];
        b[1] += biasPerturbation[1];
        return new ThresholdLinearNetwork(w, b);
    }

    /** Lower-case name. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
