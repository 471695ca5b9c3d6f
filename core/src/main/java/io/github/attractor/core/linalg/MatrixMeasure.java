package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.Require;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Matrix measures (logarithmic norms) {@code mu(A) = lim_{h -> 0+} (||I + h A|| - 1) / h} of the induced
 * norms, the contraction rates of {@code dx/dt = A x}: {@code |x(t)| <= exp(mu(A) t) |x(0)|}. Every measure
 * bounds the spectral abscissa, {@code mu(A) >= max Re lambda(A)}.
 *
 * <ul>
 *   <li>{@code mu_1(A) = max_j ( a_jj + sum_{i != j} |a_ij| )} (columns),</li>
 *   <li>{@code mu_2(A) = lambda_max((A + A^T) / 2)},</li>
 *   <li>{@code mu_inf(A) = max_i ( a_ii + sum_{j != i} |a_ij| )} (rows).</li>
 * </ul>
 * Weighted versions: for the norm {@code |x|_M = sqrt(x^T M x)} with M symmetric positive definite and
 * Cholesky factor {@code M = L L^T}, {@code mu_M(A) = mu_2(L^T A L^{-T})}, which equals the largest
 * generalised eigenvalue {@code mu} of {@code ((M A + A^T M) / 2) x = mu M x}; for the norms
 * {@code |D x|_1} and {@code |D x|_inf} with {@code D = diag(d)}, {@code d > 0}, the measures are
 * {@code mu_1(D A D^{-1})} and {@code mu_inf(D A D^{-1})}, i.e. with entries {@code d_i a_ij / d_j}.
 * Eigenvalues and the Cholesky factor come from EJML; inputs are never modified.
 */
public final class MatrixMeasure {
    private MatrixMeasure() {
    }

    /** {@code mu_1(A) = max_j ( a_jj + sum_{i != j} |a_ij| )}. */
    public static double mu1(DMatrixRMaj a) {
        Checks.squareFinite("mu1: matrix", a);
        return weightedMu1(a, null);
    }

    /** {@code mu_2(A) = lambda_max((A + A^T) / 2)}. */
    public static double mu2(DMatrixRMaj a) {
        Checks.squareFinite("mu2: matrix", a);
        return maxEigenvalueOfSymmetricPart(a);
    }

    /** {@code mu_inf(A) = max_i ( a_ii + sum_{j != i} |a_ij| )}. */
    public static double muInf(DMatrixRMaj a) {
        Checks.squareFinite("muInf: matrix", a);
        return weightedMuInf(a, null);
    }

    /** {@code mu_2(L^T A L^{-T})} for the metric {@code M = L L^T} (symmetric positive definite). */
    public static double mu2(DMatrixRMaj a, DMatrixRMaj metric) {
        Checks.squareFinite("mu2: matrix", a);
        int n = a.numRows;
        Require.shape("mu2: metric", metric, n, n);
        Checks.symmetricFinite("mu2: metric", metric);
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        DMatrixRMaj l = Checks.symmetricPart(metric);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(l)) {
            throw new NotPositiveSemidefiniteException("mu2: metric must be positive definite, but its Cholesky"
                    + " factorization failed");
        }
        l = chol.getT(null);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                l.unsafe_set(i, j, 0.0);
            }
            if (!(l.unsafe_get(i, i) > 0.0)) {
                throw new NotPositiveSemidefiniteException("mu2: metric must be positive definite, but Cholesky"
                        + " pivot " + i + " is " + l.unsafe_get(i, i));
            }
        }
        DMatrixRMaj lInv = l.copy();
        TriangularSolver_DDRM.invertLower(lInv.data, n);
        DMatrixRMaj aLinvT = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(a, lInv, aLinvT);
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(l, aLinvT, b);
        return maxEigenvalueOfSymmetricPart(b);
    }

    /** {@code mu_1(D A D^{-1})} with {@code D = diag(weights)}, weights positive. */
    public static double mu1(DMatrixRMaj a, double[] weights) {
        Checks.squareFinite("mu1: matrix", a);
        return weightedMu1(a, checkWeights("mu1", weights, a.numRows));
    }

    /** {@code mu_inf(D A D^{-1})} with {@code D = diag(weights)}, weights positive. */
    public static double muInf(DMatrixRMaj a, double[] weights) {
        Checks.squareFinite("muInf: matrix", a);
        return weightedMuInf(a, checkWeights("muInf", weights, a.numRows));
    }

    private static double[] checkWeights(String what, double[] weights, int n) {
        Require.length(what + ": weights", weights, n);
        Require.finite(what + ": weights", weights);
        for (int i = 0; i < n; i++) {
            if (!(weights[i] > 0.0)) {
                throw new InvalidInputException(what + ": weights must be positive, but entry " + i + " is "
                        + weights[i]);
            }
        }
        return weights;
    }

    /** Column measure of {@code D A D^{-1}}; {@code d == null} means {@code D = I}. */
    private static double weightedMu1(DMatrixRMaj a, double[] d) {
        int n = a.numRows;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double off = 0.0;
            for (int i = 0; i < n; i++) {
                if (i != j) {
                    double v = Math.abs(a.unsafe_get(i, j));
                    off += d == null ? v : v * d[i];
                }
            }
            double col = a.unsafe_get(j, j) + (d == null ? off : off / d[j]);
            best = Math.max(best, col);
        }
        return best;
    }

    /**
     * Row measure of {@code D A D^{-1}}; {@code d == null} means {@code D = I}. It is the column measure of
     * the transpose with the reciprocal weights: {@code μ∞,D(A) = μ1,D⁻¹(Aᵀ)}.
     */
    private static double weightedMuInf(DMatrixRMaj a, double[] d) {
        double[] inv = null;
        if (d != null) {
            inv = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                inv[i] = 1.0 / d[i];
            }
        }
        return weightedMu1(CommonOps_DDRM.transpose(a, null), inv);
    }

    private static double maxEigenvalueOfSymmetricPart(DMatrixRMaj a) {
        if (a.numRows == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] v = Eigen.symmetricValuesUnchecked(Checks.symmetricPart(a), "mu2");
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
