package io.github.attractor.analysis.contraction;

import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.ode.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 6 (slowly varying slopes), checked along a simulated trajectory, with {@code D = diag(φ'(x_i)) ≻ 0}
 * and a positive diagonal P. The conditions checked are the ones its proof (Section 6.6) uses:
 * <pre>
 *   P(gW - I) + (gW - I)ᵀP ⪯ -cP                      (i)
 *   Ḋ - c g⁻¹ D² ⪯ -β D                                (ii)
 * </pre>
 * for c, β > 0; then {@code V = δxᵀ P D δx} obeys {@code V̇ ≤ -βV}: the RNN (1) is contracting in the
 * (time-varying) metric PD(x(t)), V decaying at rate β (so ‖δx‖_{PD} at rate β/2).
 *
 * <p><b>Paper.</b> The statement prints (i) as {@code (gW - I)P + P(gWᵀ - I) ⪯ -cP} (W and Wᵀ swapped: a
 * different condition for non-symmetric W) and (ii) with D instead of D²; the proof needs the forms above
 * ({@code δxᵀD(P(gW-I) + (gW-I)ᵀP)Dδx ≤ -c δxᵀPD²δx}), and with g·D ≤ g² the statement's (ii) is weaker than
 * the proof's whenever D &lt; g, so the statement's version is not what is proved.
 *
 * <p>Condition (i) is constant: the largest admissible c is {@code -λ_max(P^{-½}(P(gW - I) + (gW - I)ᵀP)P^{-½})}.
 * Condition (ii) is diagonal: at every recorded state {@code β(t) = min_i (c D_ii / g - Ḋ_ii / D_ii)} with
 * {@code Ḋ_ii = φ''(x_i) ẋ_i}; β is its minimum over the trajectory (a check at the recorded states, not between
 * them). D must stay positive (tanh, softplus; ReLU's zero slopes are refused). With a time constant τ the
 * first term is {@code c D_ii / (g τ)}. The certificate's metric is P (the constant factor of PD), its rate
 * β/2 (of {@code ‖δx‖_{PD}}, in the trajectory's time units) and its margin β.
 */
public final class SlowSlopes {
    static final String NAME = "Theorem 6";

    private SlowSlopes() {
    }

    /** Checks (i) with P and (ii) along the recorded states of a trajectory of {@code rnn} (τ = the rnn's τ). */
    public static Certificate alongTrajectory(MembraneRnn rnn, double[] p, Trajectory trajectory) {
        if (!trajectory.hasStates()) {
            throw new InvalidInputException("Theorem 6: the trajectory must record its states");
        }
        return alongStates(rnn, p, trajectory.times(), trajectory.states());
    }

    /** Checks (i) with P and (ii) at the given states {@code states[k]} (times {@code times[k]}) of {@code rnn}. */
    public static Certificate alongStates(MembraneRnn rnn, double[] p, double[] times, double[][] states) {
        Nonlinearity.Scaled phi = rnn.nonlinearity();
        if (phi.piecewiseLinear()) {
            throw new InvalidInputException("Theorem 6: needs positive slopes φ' > 0; " + phi.spec() + " has zero slopes");
        }
        DMatrixRMaj w = rnn.weights();
        int n = w.numRows;
        Require.length("P", p, n);
        for (int i = 0; i < n; i++) {
            if (!(p[i] > 0) || !Double.isFinite(p[i])) {
                throw new InvalidInputException("P: entry " + i + " must be positive and finite, got " + p[i]);
            }
        }
        if (times.length == 0 || times.length != states.length) {
            throw new InvalidInputException("Theorem 6: need as many times as states (and at least one), got "
                    + times.length + " and " + states.length);
        }
        double tau = rnn.tau();
        double g = phi.slopeBound();
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = p[i] * (g * w.unsafe_get(i, j) - (i == j ? 1 : 0)) + (g * w.unsafe_get(j, i) - (i == j ? 1 : 0)) * p[j];
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
            return Certificate.fails(NAME, c, String.format("condition (i) fails: P(gW - I) + (gW - I)ᵀP ⪯ -cP needs "
                    + "c ≤ %.4g, not > 0", c));
        }
        double beta = Double.POSITIVE_INFINITY;
        double[] dx = new double[n];
        for (int k = 0; k < times.length; k++) {
            double[] x = states[k];
            rnn.evaluate(times[k], x, dx);
            for (int i = 0; i < n; i++) {
                double d = phi.slope(x[i]);
                double dDot = phi.curvature(x[i]) * dx[i];
                beta = Math.min(beta, c * d / (g * tau) - dDot / d);
            }
        }
        if (!(beta > 0)) {
            return Certificate.fails(NAME, beta, String.format("condition (ii) fails along the trajectory: "
                    + "min_t min_i (c D_ii/g - Ḋ_ii/D_ii) = %.4g with c = %.4g", beta, c));
        }
        return new Certificate(true, NAME, CommonOps_DDRM.diag(p.clone()), beta / 2, beta, String.format(
                "(i) holds with c = %.4g and (ii) along %d recorded states with β = %.4g: V = δxᵀPD(x(t))δx decays at rate β",
                c, times.length, beta));
    }
}
