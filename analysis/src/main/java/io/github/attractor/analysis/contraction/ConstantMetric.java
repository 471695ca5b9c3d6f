package io.github.attractor.analysis.contraction;

import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Lyapunov;
import io.github.attractor.core.linalg.MatrixMeasure;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Contraction of any {@link VectorField} in a constant metric M: {@code ẋ = f(t, x)} contracts at rate c in
 * {@code ‖·‖_M} where {@code μ_M(J(t, x)) ≤ -c} (Lohmiller &amp; Slotine 1998; Appendix 5.1 with Ṁ = 0).
 * <ul>
 *   <li>{@link #overStates}: the largest {@code μ_M(J)} over given sample states (a numerical check, not a
 *       proof: states between the samples are not covered);</li>
 *   <li>for the RNN (1), {@link SlopeBox} takes the maximum over the vertices of the slope box instead, which
 *       covers every state;</li>
 *   <li>{@link #lyapunov}: for a Hurwitz A, the metric M solving {@code MA + AᵀM = -I}, in which
 *       {@code ẋ = Ax} contracts at rate {@code 1/(2 λ_max(M))}.</li>
 * </ul>
 */
public final class ConstantMetric {
    private ConstantMetric() {
    }

    /** The largest μ_M(J(t, x)) over the states (t = 0); holds when negative. */
    public static Certificate overStates(VectorField f, DMatrixRMaj metric, List<double[]> states) {
        int n = f.dimension();
        Require.shape("metric", metric, n, n);
        if (states.isEmpty()) {
            throw new InvalidInputException("states: at least one sample state is needed");
        }
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double worst = Double.NEGATIVE_INFINITY;
        for (double[] x : states) {
            f.jacobian(0, Require.length("state", x, n), j);
            worst = Math.max(worst, MatrixMeasure.mu2(j, metric));
        }
        if (!(worst < 0)) {
            return Certificate.fails("constant metric", -worst, String.format(
                    "max μ_M(J) over %d sample states is %.4g ≥ 0", states.size(), worst));
        }
        return new Certificate(true, "constant metric", metric.copy(), -worst, -worst, String.format(
                "max μ_M(J) over %d sample states is %.4g < 0 (sampled: not a proof between samples)", states.size(),
                worst));
    }

    /**
     * The largest {@code μ_M(J)} of the RNN (1) over the vertices of its slope box ({@link SlopeBox}: every
     * vertex for n ≤ {@value SlopeBox#EXACT_MAX_UNITS}, which covers every state and every slope-restricted φ;
     * a seeded sample of vertices above, a numerical check). Rates are for the network's τ.
     */
    public static Certificate overSlopeBox(MembraneRnn rnn, DMatrixRMaj metric, long seed) {
        DMatrixRMaj w = rnn.weights();
        int n = w.numRows;
        Require.shape("metric", metric, n, n);
        double worst = SlopeBox.worstMeasure(w, rnn.nonlinearity().slopeBound(), metric, null, seed) / rnn.tau();
        String scope = SlopeBox.exact(n) ? "all " + (1L << n) + " vertices of the slope box"
                : SlopeBox.SAMPLED_VERTICES + " sampled vertices of the slope box (a numerical check, not a proof)";
        if (!(worst < 0)) {
            return Certificate.fails("slope box", -worst, String.format("max μ_M(J) over %s is %.4g ≥ 0", scope, worst));
        }
        return new Certificate(true, "slope box", metric.copy(), -worst, -worst, String.format(
                "max μ_M(J) over %s is %.4g < 0", scope, worst));
    }

    /** The metric of {@code MA + AᵀM = -I} for a Hurwitz A (Slotine &amp; Li 1991), with its rate for ẋ = Ax. */
    public static Certificate lyapunov(DMatrixRMaj a) {
        int n = Require.finite("A", Require.square("A", a)).numRows;
        double abscissa = Eigen.eigenvalues(a).maxRealPart();
        if (!(abscissa < 0)) {
            return Certificate.fails("Lyapunov metric", -abscissa, String.format(
                    "A is not Hurwitz (spectral abscissa %.4g)", abscissa));
        }
        DMatrixRMaj at = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(a, at);
        DMatrixRMaj m = Lyapunov.solve(at, CommonOps_DDRM.identity(n));
        SymmetricWeights.symmetrize(m);
        double top = Eigen.maxSymmetric(m);
        double rate = 1 / (2 * top);
        return new Certificate(true, "Lyapunov metric", m, rate, -abscissa, String.format(
                "A is Hurwitz (spectral abscissa %.4g); M solves MA + AᵀM = -I, rate 1/(2 λ_max(M)) = %.4g", abscissa,
                rate));
    }
}
