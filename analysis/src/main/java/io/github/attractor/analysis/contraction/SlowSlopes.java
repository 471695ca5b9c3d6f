package io.github.attractor.analysis.contraction;

import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.ode.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 6 (slowly varying slopes), checked along a simulated trajectory: with {@code D = diag(φ'(x_i))} and
 * a positive diagonal P, if
 * <pre>
 *   (gW - I)P + P(gWᵀ - I) ⪯ -cP                      (i)
 *   Ḋ - c g⁻¹ D ⪯ -β D                                 (ii)
 * </pre>
 * for c, β > 0, the RNN (1) is contracting in the (time-varying) metric PD at rate β. Condition (i) is a
 * constant one: the largest admissible c is {@code -λ_max} of the generalised problem
 * {@code ((gW - I)P + P(gWᵀ - I)) x = λ P x}. Condition (ii) is diagonal: at every recorded state,
 * {@code β(t) = min_i (c/g - Ḋ_ii/D_ii)} with {@code Ḋ_ii = φ''(x_i) ẋ_i}; β is its minimum over the trajectory.
 * D must stay positive (tanh, softplus; ReLU's zero slopes make (ii) meaningless and are refused).
 */
public final class SlowSlopes {
    static final String NAME = "Theorem 6";

    private SlowSlopes() {
    }

    /** Checks (i) with P and (ii) along the recorded states of a trajectory of {@code rnn} (τ = the rnn's τ). */
    public static Certificate alongTrajectory(MembraneRnn rnn, double[] p, Trajectory trajectory) {
        Nonlinearity.Scaled phi = rnn.nonlinearity();
        if (phi.piecewiseLinear()) {
            throw new InvalidInputException("Theorem 6: needs positive slopes φ' > 0; " + phi.spec() + " has zero slopes");
        }
        DMatrixRMaj w = rnn.weights();
        int n = w.numRows;
        double g = phi.slopeBound();
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = (g * w.unsafe_get(i, j) - (i == j ? 1 : 0)) * p[j] + p[i] * (g * w.unsafe_get(j, i) - (i == j ? 1 : 0));
                s.unsafe_set(i, j, a);
            }
        }
        // generalised eigenvalue of (S, P) with diagonal P: eigenvalues of P^-1/2 S P^-1/2
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled.unsafe_set(i, j, s.unsafe_get(i, j) / Math.sqrt(p[i] * p[j]));
            }
        }
        double c = -Eigen.maxSymmetric(scaled);
        if (!(c > 0)) {
            return Certificate.fails(NAME, c, String.format("condition (i) fails: (gW - I)P + P(gWᵀ - I) ⪯ -cP needs "
                    + "c ≤ %.4g, not > 0", c));
        }
        double beta = Double.POSITIVE_INFINITY;
        double[] dx = new double[n];
        double[] times = trajectory.times();
        double[][] states = trajectory.states();
        for (int k = 0; k < times.length; k++) {
            double[] x = states[k];
            rnn.evaluate(times[k], x, dx);
            for (int i = 0; i < n; i++) {
                double d = phi.slope(x[i]);
                double dDot = phi.curvature(x[i]) * dx[i];
                beta = Math.min(beta, c / g - dDot / d);
            }
        }
        if (!(beta > 0)) {
            return Certificate.fails(NAME, beta, String.format("condition (ii) fails along the trajectory: "
                    + "min_t min_i (c/g - Ḋ_ii/D_ii) = %.4g with c = %.4g", beta, c));
        }
        return new Certificate(true, NAME, CommonOps_DDRM.diag(p.clone()), beta, beta, String.format(
                "(i) holds with c = %.4g and (ii) along %d recorded states with β = %.4g: contracting in PD(x(t))",
                c, times.length, beta));
    }
}
