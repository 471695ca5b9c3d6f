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
 * holds for every D ∈ [0, g]ⁿ, and then bisected (in log ε) towards the largest ε that meets it; the metric is
 * {@code M = Γ²} and the rate {@code (1 - max_i max(gW_ii, 0))/2}. The metric spans ε^(2(n-1)): when that
 * underflows double precision (large n with large off-diagonal weights) the check says so and fails.
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
        boolean lo = lower;
        java.util.function.DoublePredicate meets = eps -> g * offDiagonalNorm(w, eps, lo) <= slack / 2;
        double eps = 1;
        double failing = Double.NaN;
        for (int attempt = 0; attempt < 200 && !meets.test(eps); attempt++) {
            failing = eps;
            eps *= 0.5;
        }
        if (meets.test(eps)) {
            if (!Double.isNaN(failing)) {
                // the bound is monotone in ε: bisect (in log ε) between the last failing and the first passing ε
                double a = eps;
                double b = failing;
                for (int k = 0; k < 40; k++) {
                    double mid = Math.sqrt(a * b);
                    if (meets.test(mid)) {
                        a = mid;
                    } else {
                        b = mid;
                    }
                }
                eps = a;
            }
            double[] gamma2 = new double[n];
            for (int i = 0; i < n; i++) {
                gamma2[i] = Math.pow(eps, 2.0 * (lower ? i : n - 1 - i));
            }
            double smallest = Math.pow(eps, 2.0 * (n - 1));
            if (!(smallest > 1e-250)) {
                return Certificate.fails(NAME, Double.NaN, String.format("gW - I is triangular and Hurwitz, so a "
                        + "diagonal metric Γ² with Γ_i = ε^i exists, but ε = %.3g makes ε^(2(n-1)) = %.3g underflow "
                        + "double precision", eps, smallest));
            }
            return new Certificate(true, NAME, CommonOps_DDRM.diag(gamma2), slack / 2, slack / 2, String.format(
                    "gW - I is %s triangular and Hurwitz (max g W_ii = %.4g); metric Γ² with Γ_i = ε^%s, ε = %.3g",
                    lower ? "lower" : "upper", top, lower ? "i" : "(n-1-i)", eps));
        }
        return Certificate.fails(NAME, Double.NaN, "no scaling ε ≥ 2^-200 met the bound (entries too large)");
    }

    /** {@code ‖offdiag(ΓWΓ⁻¹)‖₂} with Γ_i = ε^i (lower) or ε^(n-1-i) (upper). */
    private static double offDiagonalNorm(DMatrixRMaj w, double eps, boolean lower) {
        int n = w.numRows;
        if (n == 0) {
            return 0;
        }
        DMatrixRMaj off = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int e = lower ? i - j : j - i;
                off.unsafe_set(i, j, i == j ? 0 : w.unsafe_get(i, j) * Math.pow(eps, e));
            }
        }
        return io.github.attractor.core.linalg.Norms.spectral(off);
    }
}
