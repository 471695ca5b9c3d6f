package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Orthonormal bases of the fundamental subspaces, with numerical rank decided by a relative tolerance.
 *
 * <p>With the SVD {@code A = U diag(s) V^T} (m×n, {@code s_1 >= ... >= s_p}, {@code p = min(m, n)}):
 * <ul>
 *   <li>{@link #nullspace}: {@code N(A) = span{v_i : s_i <= tau}} together with {@code v_{p+1..n}}, where
 *       {@code tau = relTol * max(s_1, tiny)} ({@code tiny} the smallest normal double, so {@code A = 0}
 *       gives all of {@code R^n}); then {@code |A N| <= tau} and {@code N^T N = I}.</li>
 *   <li>{@link #range}: {@code R(A) = span{u_i : s_i > relTol * s_1}}.</li>
 * </ul>
 * For symmetric {@code S = V diag(lambda) V^T}: {@link #symmetricNullspace} keeps the eigenvectors with
 * {@code |lambda_i| <= relTol * max_j |lambda_j|} (all of {@code R^n} if {@code S = 0}) and
 * {@link #symmetricRange} the others, so the two are orthogonal complements of each other.
 *
 * <p>For a basis {@code B} with orthonormal columns ({@code B^T B = I_k}, checked to 1e-8):
 * {@link #projector} is the orthogonal projector {@code P = B B^T} ({@code P^2 = P = P^T}) onto its span and
 * {@link #orthogonalComplement} an orthonormal basis {@code C} (n×(n-k)) with {@code B^T C = 0}, taken from
 * the trailing left singular vectors of B. Every decomposition is EJML's; inputs are never modified.
 */
public final class Subspaces {
    private static final double ORTHONORMAL_TOLERANCE = 1e-8;

    private Subspaces() {
    }

    /** Orthonormal n×k basis of the numerical null space {@code {x : A x ~ 0}} (k may be 0). */
    public static DMatrixRMaj nullspace(DMatrixRMaj a, double relTol) {
        Checks.relativeTolerance(relTol);
        Svd svd = Svd.of(a);
        int n = a.numCols;
        double[] s = svd.singularValues();
        double smax = s.length == 0 ? 0.0 : s[0];
        double tau = relTol * Math.max(smax, Double.MIN_NORMAL);
        int first = s.length;
        while (first > 0 && s[first - 1] <= tau) {
            first--;
        }
        return Checks.columnRange(svd.v(), first, n);
    }

    /** Orthonormal m×r basis of the numerical column space (r may be 0). */
    public static DMatrixRMaj range(DMatrixRMaj a, double relTol) {
        Checks.relativeTolerance(relTol);
        Svd svd = Svd.of(a);
        double[] s = svd.singularValues();
        double smax = s.length == 0 ? 0.0 : s[0];
        double tau = relTol * smax;
        int r = 0;
        while (r < s.length && s[r] > tau) {
            r++;
        }
        return Checks.columnRange(svd.u(), 0, r);
    }

    /** Eigenvectors of symmetric {@code s} with {@code |lambda| <= relTol * max|lambda|}. */
    public static DMatrixRMaj symmetricNullspace(DMatrixRMaj s, double relTol) {
        return symmetricPart(s, relTol, true);
    }

    /** Eigenvectors of symmetric {@code s} with {@code |lambda| > relTol * max|lambda|}. */
    public static DMatrixRMaj symmetricRange(DMatrixRMaj s, double relTol) {
        return symmetricPart(s, relTol, false);
    }

    private static DMatrixRMaj symmetricPart(DMatrixRMaj s, double relTol, boolean kernel) {
        Checks.relativeTolerance(relTol);
        SymmetricEigen eig = Eigen.symmetric(s);
        double[] lambda = eig.values();
        double maxAbs = 0.0;
        for (double l : lambda) {
            maxAbs = Math.max(maxAbs, Math.abs(l));
        }
        double tau = relTol * maxAbs;
        int[] cols = new int[lambda.length];
        int count = 0;
        for (int k = 0; k < lambda.length; k++) {
            if ((Math.abs(lambda[k]) <= tau) == kernel) {
                cols[count++] = k;
            }
        }
        return Checks.columns(eig.vectors(), cols, count);
    }

    /** Orthogonal projector {@code B B^T} onto the span of orthonormal columns B. */
    public static DMatrixRMaj projector(DMatrixRMaj basis) {
        requireOrthonormal(basis);
        int n = basis.numRows;
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        if (basis.numCols > 0) {
            CommonOps_DDRM.multTransB(basis, basis, p);
            Checks.symmetrizeInPlace(p);
        }
        return p;
    }

    /** Orthonormal basis (n×(n-k)) of the orthogonal complement of the span of orthonormal columns B. */
    public static DMatrixRMaj orthogonalComplement(DMatrixRMaj basis) {
        requireOrthonormal(basis);
        int n = basis.numRows;
        int k = basis.numCols;
        if (k == 0) {
            return CommonOps_DDRM.identity(n);
        }
        Svd svd = Svd.of(basis);
        return Checks.columnRange(svd.u(), k, n);
    }

    private static void requireOrthonormal(DMatrixRMaj b) {
        Require.finite("basis", b);
        int n = b.numRows;
        int k = b.numCols;
        if (k > n) {
            throw new ShapeMismatchException("basis: " + k + " columns cannot be orthonormal in R^" + n);
        }
        if (k == 0) {
            return;
        }
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(b, b, g);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double dev = Math.abs(g.unsafe_get(i, j) - (i == j ? 1.0 : 0.0));
                if (dev > ORTHONORMAL_TOLERANCE) {
                    throw new InvalidInputException("basis: columns must be orthonormal, but |(B^T B - I)[" + i
                            + "," + j + "]| = " + dev);
                }
            }
        }
    }
}
