package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.Require;
import java.util.ArrayDeque;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 3 (product of diagonal and symmetric weights): if {@code W = -P₁ Q P₂} with positive diagonal P₁, P₂
 * and {@code Q = Qᵀ ≻ 0}, the RNN (1) is contracting in {@code M = (P₁QP₁)⁻¹} at rate 1: {@code MWD =
 * -P₁⁻¹P₂D ⪯ 0} (Section 6.3), whatever the slopes.
 *
 * <p><b>Detection.</b> {@code P₁⁻¹ W P₂⁻¹} is symmetric iff {@code W_ij / W_ji = r_i / r_j} with
 * {@code r = p₁/p₂} for every pair of non-zero entries (and the zero pattern is symmetric). The ratios are
 * propagated over the graph of non-zero off-diagonal pairs from one node per component (log r as a potential),
 * every other pair is checked for consistency, and then, with P₂ = I, P₁ = diag(r), {@code Q = -P₁⁻¹W} must be
 * symmetric positive definite (Cholesky).
 */
public final class ProductWeights {
    static final String NAME = "Theorem 3";
    private static final double TOLERANCE = 1e-10;

    private ProductWeights() {
    }

    /** With given factors: checks {@code W = -P₁QP₂} and Q ≻ 0, and returns the metric (P₁QP₁)⁻¹. */
    public static Certificate check(DMatrixRMaj w, double[] p1, double[] p2) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        Require.length("P1", p1, n);
        Require.length("P2", p2, n);
        for (int i = 0; i < n; i++) {
            if (!(p1[i] > 0) || !(p2[i] > 0)) {
                return Certificate.fails(NAME, Double.NaN, "P1 and P2 must be positive diagonal");
            }
        }
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q.unsafe_set(i, j, -w.unsafe_get(i, j) / (p1[i] * p2[j]));
            }
        }
        double asym = 0;
        double scale = 1e-300;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                asym = Math.max(asym, Math.abs(q.unsafe_get(i, j) - q.unsafe_get(j, i)));
                scale = Math.max(scale, Math.abs(q.unsafe_get(i, j)));
            }
        }
        if (asym > TOLERANCE * scale) {
            return Certificate.fails(NAME, -asym, String.format("Q = -P1⁻¹ W P2⁻¹ is not symmetric (asymmetry %.3g)", asym));
        }
        SymmetricWeights.symmetrize(q);
        double minEig = io.github.attractor.core.linalg.Eigen.minSymmetric(q);
        if (!(minEig > 0)) {
            return Certificate.fails(NAME, minEig, String.format("Q = -P1⁻¹ W P2⁻¹ is not positive definite "
                    + "(λ_min = %.3g)", minEig));
        }
        DMatrixRMaj pqp = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                pqp.unsafe_set(i, j, p1[i] * q.unsafe_get(i, j) * p1[j]);
            }
        }
        DMatrixRMaj metric = new DMatrixRMaj(n, n);
        CommonOps_DDRM.invert(pqp, metric);
        SymmetricWeights.symmetrize(metric);
        return new Certificate(true, NAME, metric, 1.0, minEig, String.format(
                "W = -P1 Q P2 with Q ≻ 0 (λ_min(Q) = %.3g); metric (P1 Q P1)⁻¹, rate 1", minEig));
    }

    /** Detects factors with P₂ = I (see the class notes) and checks them. */
    public static Certificate check(DMatrixRMaj w) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        double[] logR = new double[n];
        boolean[] seen = new boolean[n];
        for (int root = 0; root < n; root++) {
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    double wij = w.unsafe_get(i, j);
                    double wji = w.unsafe_get(j, i);
                    if ((wij == 0) != (wji == 0)) {
                        return Certificate.fails(NAME, Double.NaN, String.format(
                                "the zero pattern of W is not symmetric (W[%d][%d] = %s, W[%d][%d] = %s)", i, j, wij, j,
                                i, wji));
                    }
                    if (wij == 0) {
                        continue;
                    }
                    double ratio = wij / wji;
                    if (!(ratio > 0)) {
                        return Certificate.fails(NAME, Double.NaN, String.format(
                                "W[%d][%d] and W[%d][%d] have opposite signs: no positive diagonal factors", i, j, j, i));
                    }
                    double expected = logR[i] - Math.log(ratio); // log r_j = log r_i - log(W_ij / W_ji)
                    if (!seen[j]) {
                        seen[j] = true;
                        logR[j] = expected;
                        queue.add(j);
                    } else if (Math.abs(logR[j] - expected) > 1e-9 * (1 + Math.abs(expected))) {
                        return Certificate.fails(NAME, Double.NaN,
                                "the ratios W_ij / W_ji are not those of diagonal factors (inconsistent around a cycle)");
                    }
                }
            }
        }
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        for (int i = 0; i < n; i++) {
            p1[i] = Math.exp(logR[i]);
            p2[i] = 1;
        }
        return check(w, p1, p2);
    }
}
