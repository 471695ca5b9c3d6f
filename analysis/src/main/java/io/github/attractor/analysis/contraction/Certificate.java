package io.github.attractor.analysis.contraction;

import org.ejml.data.DMatrixRMaj;

/**
 * The answer of a contraction check: whether it holds, by which theorem, in which constant metric M
 * ({@code ‖δx‖_M² = δxᵀ M δx}), at which rate c ({@code ‖δx(t)‖_M ≤ e^{-ct} ‖δx(0)‖_M} for τ = 1; divide by τ
 * otherwise), with which margin (how far the deciding inequality is from failing: positive when it holds), and
 * why, in words. Never a bare boolean.
 *
 * @param holds   whether the theorem certifies contraction
 * @param theorem the theorem or check ("Theorem 1", "constant metric", …)
 * @param metric  the metric M (n×n, symmetric positive definite), or null when none was found
 * @param rate    the contraction rate c (NaN when it does not hold)
 * @param margin  the slack of the deciding inequality (positive: holds; negative: fails by that much)
 * @param reason  a one-sentence explanation
 */
public record Certificate(boolean holds, String theorem, DMatrixRMaj metric, double rate, double margin,
        String reason) {

    /** Whether the metric is diagonal (every off-diagonal entry exactly 0). */
    public boolean diagonalMetric() {
        if (metric == null) {
            return false;
        }
        int n = metric.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && metric.unsafe_get(i, j) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    static Certificate fails(String theorem, double margin, String reason) {
        return new Certificate(false, theorem, null, Double.NaN, margin, reason);
    }
}
