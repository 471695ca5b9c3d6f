package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 4 (triangular weights): if {@code gW - I} is triangular and Hurwitz ({@code g W_ii < 1}), the RNN (1)
 * is contracting in a diagonal metric. The proof (Section 6.4) scales with {@code Γ = diag(εⁱ)} (lower
 * triangular W; {@code ε^{n-1-i}} for upper): {@code ΓWΓ⁻¹} has the entries {@code W_ij ε^{i-j}}, which vanish
 * off the diagonal as ε → 0. Here ε is halved from 1 until the bound
 * <pre>
 *   μ₂(Γ(-I + WD)Γ⁻¹) ≤ -1 + max_i max(g W_ii, 0) + g ‖offdiag(ΓWΓ⁻¹)‖₂ ≤ -(1 - max_i max(gW_ii, 0)) / 2
 * </pre>
 * holds for every D ∈ [0, g]ⁿ; the metric is {@code M = Γ²} and the rate {@code (1 - max_i max(gW_ii, 0))/2}.
 */
public final class TriangularWeights {
    static final String NAME = "Theorem 4";

    private TriangularWeights() {
    }

    public static Certificate check(DMatrixRMaj w, double g) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        boolean lower = true;
        boolean upper = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (w.unsafe_get(i, j) != 0) {
                    lower &= j <= i;
                    upper &= j >= i;
                }
            }
        }
        if (!lower && !upper) {
            return Certificate.fails(NAME, Double.NaN, "W is not triangular");
        }
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, g * w.unsafe_get(i, i));
        }
        if (!(top < 1)) {
            return Certificate.fails(NAME, 1 - top, String.format("gW - I is not Hurwitz (max g W_ii = %.4g)", top));
        }
        double slack = 1 - Math.max(top, 0);
        double eps = 1;
        DMatrixRMaj off = new DMatrixRMaj(n, n);
        for (int attempt = 0; attempt < 200; attempt++, eps *= 0.5) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int e = lower ? i - j : j - i;
                    off.unsafe_set(i, j, i == j ? 0 : w.unsafe_get(i, j) * Math.pow(eps, e));
                }
            }
            double norm = n == 0 ? 0 : io.github.attractor.core.linalg.Norms.spectral(off);
            if (g * norm <= slack / 2) {
                double[] gamma2 = new double[n];
                for (int i = 0; i < n; i++) {
                    gamma2[i] = Math.pow(eps, 2.0 * (lower ? i : n - 1 - i));
                }
                return new Certificate(true, NAME, CommonOps_DDRM.diag(gamma2), slack / 2, slack / 2, String.format(
                        "gW - I is %s triangular and Hurwitz (max g W_ii = %.4g); metric Γ² with Γ_i = ε^%s, ε = %.3g",
                        lower ? "lower" : "upper", top, lower ? "i" : "(n-1-i)", eps));
            }
        }
        return Certificate.fails(NAME, Double.NaN, "no scaling ε ≥ 2^-200 met the bound (entries too large)");
    }
}
