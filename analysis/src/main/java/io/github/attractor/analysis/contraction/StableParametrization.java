package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The direct parametrization of Theorem 5 used in Section 3.1 (eq. (2)):
 * <pre>
 *   W = Φ⁻¹ U Σ Vᵀ Φ,   U = exp(Q - Qᵀ),   V = exp(R - Rᵀ),   Σ = diag(σ_i),  σ_i ∈ [0, 1/g),
 * </pre>
 * with Φ positive diagonal. U and V are orthogonal (exponentials of skew-symmetric matrices), so
 * {@code ΦWΦ⁻¹ = UΣVᵀ} has singular values σ_i and {@code g σ_max < 1}: Theorem 5 holds with {@code P = Φ²}
 * for every value of the free parameters (Q, R arbitrary, σ clipped into [0, 1/g), Φ > 0).
 *
 * <p>The exponential of a skew-symmetric S is computed by scaling and squaring with a Taylor polynomial
 * (EJML has no matrix exponential): {@code exp(S) = (T₁₈(S/2^s))^{2^s}} with {@code ‖S/2^s‖₁ ≤ ½}, where the
 * truncation error is below 1e-17.
 */
public final class StableParametrization {
    private StableParametrization() {
    }

    /** W from the parameters (Q, R n×n arbitrary; sigma in [0, 1/g); phi > 0). */
    public static DMatrixRMaj weights(DMatrixRMaj q, DMatrixRMaj r, double[] sigma, double[] phi, double g) {
        int n = Require.finite("Q", Require.square("Q", q)).numRows;
        Require.shape("R", Require.finite("R", r), n, n);
        Require.length("sigma", sigma, n);
        Require.length("phi", phi, n);
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] >= 0) || !(g * sigma[i] < 1)) {
                throw new InvalidInputException("sigma: entry " + i + " = " + sigma[i] + " is not in [0, 1/g) = [0, "
                        + (1 / g) + ")");
            }
            if (!(phi[i] > 0) || !Double.isFinite(phi[i])) {
                throw new InvalidInputException("phi: entry " + i + " must be positive and finite, got " + phi[i]);
            }
        }
        DMatrixRMaj u = expSkew(q);
        DMatrixRMaj v = expSkew(r);
        DMatrixRMaj us = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                us.unsafe_set(i, j, u.unsafe_get(i, j) * sigma[j]);
            }
        }
        DMatrixRMaj core = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(us, v, core);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w.unsafe_set(i, j, core.unsafe_get(i, j) * phi[j] / phi[i]);
            }
        }
        return w;
    }

    /** {@code exp(A - Aᵀ)}, an orthogonal matrix. */
    public static DMatrixRMaj expSkew(DMatrixRMaj a) {
        int n = Require.square("A", a).numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        double norm1 = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                double v = a.unsafe_get(i, j) - a.unsafe_get(j, i);
                s.unsafe_set(i, j, v);
                col += Math.abs(v);
            }
            norm1 = Math.max(norm1, col);
        }
        int squarings = norm1 <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm1 / 0.5) / Math.log(2));
        CommonOps_DDRM.scale(Math.pow(0.5, squarings), s);
        DMatrixRMaj result = CommonOps_DDRM.identity(n);
        DMatrixRMaj term = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        for (int k = 1; k <= 18; k++) {
            CommonOps_DDRM.mult(1.0 / k, term, s, next);
            DMatrixRMaj t = term;
            term = next;
            next = t;
            CommonOps_DDRM.addEquals(result, term);
        }
        for (int k = 0; k < squarings; k++) {
            CommonOps_DDRM.mult(result, result, next);
            DMatrixRMaj t = result;
            result = next;
            next = t;
        }
        return result;
    }
}
