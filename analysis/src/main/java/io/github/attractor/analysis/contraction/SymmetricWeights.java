package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.SymmetricEigen;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 2 (symmetric weights): if {@code W = Wᵀ} and {@code gW ≺ I}, the RNN (1) is contracting. The proof
 * (Section 6.2) works in the firing-rate coordinates of (3), Jacobian {@code -I + DW}: with
 * {@code (1 - λ)I ⪰ gW} (λ = min(1 - g λ_max(W), ½) here), {@code γ² = g / (4(1 - λ))},
 * {@code S = (I/(4γ²) - W)^{1/2}}, {@code R = S/γ + I/(2γ²)}, it shows {@code W = R - γ²RR} and contraction in
 * {@code M = γ²RR} at rate λ. The membrane Jacobian of (1) is the transpose, {@code -I + WD}, and
 * {@code μ_{M⁻¹}(Jᵀ) = μ_M(J)}, so (1) is contracting in {@code M⁻¹} at the same rate: that is the metric
 * returned. Checked by {@link SlopeBox} in the tests.
 */
public final class SymmetricWeights {
    static final String NAME = "Theorem 2";
    /** Relative asymmetry accepted as symmetric. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    private SymmetricWeights() {
    }

    public static Certificate check(DMatrixRMaj w, double g) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        double asym = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                asym = Math.max(asym, Math.abs(w.unsafe_get(i, j) - w.unsafe_get(j, i)));
                scale = Math.max(scale, Math.abs(w.unsafe_get(i, j)));
            }
        }
        if (asym > SYMMETRY_TOLERANCE * Math.max(scale, 1e-300)) {
            return Certificate.fails(NAME, Double.NaN, String.format("W is not symmetric (max |W_ij - W_ji| = %.3g)", asym));
        }
        SymmetricEigen eig = Eigen.symmetric(w);
        double top = eig.values()[eig.values().length - 1];
        double margin = 1 - g * top;
        if (!(margin > 0)) {
            return Certificate.fails(NAME, margin, String.format("g λ_max(W) = %.6g is not < 1", g * top));
        }
        double lambda = Math.min(margin, 0.5);
        double gamma2 = g / (4 * (1 - lambda));
        double gamma = Math.sqrt(gamma2);
        // S = V sqrt(1/(4γ²) - Λ) Vᵀ, R = S/γ + I/(2γ²), M = γ² R R; the membrane metric is M⁻¹.
        double[] vals = eig.values();
        DMatrixRMaj v = eig.vectors();
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += v.unsafe_get(i, k) * Math.sqrt(Math.max(0, 1 / (4 * gamma2) - vals[k])) * v.unsafe_get(j, k);
                }
                r.unsafe_set(i, j, s / gamma + (i == j ? 1 / (2 * gamma2) : 0));
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(gamma2, r, r, m);
        DMatrixRMaj metric = new DMatrixRMaj(n, n);
        CommonOps_DDRM.invert(m, metric);
        symmetrize(metric);
        return new Certificate(true, NAME, metric, lambda, margin, String.format(
                "W is symmetric with g λ_max(W) = %.4g < 1; metric (γ²RR)⁻¹ of the proof, rate λ = %.4g", g * top, lambda));
    }

    static void symmetrize(DMatrixRMaj m) {
        int n = m.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double a = 0.5 * (m.unsafe_get(i, j) + m.unsafe_get(j, i));
                m.unsafe_set(i, j, a);
                m.unsafe_set(j, i, a);
            }
        }
    }
}
