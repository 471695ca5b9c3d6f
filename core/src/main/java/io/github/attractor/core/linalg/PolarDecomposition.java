package io.github.attractor.core.linalg;

import io.github.attractor.core.error.Require;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Right polar decomposition of a square real matrix, {@code F = O P}: {@code O} orthogonal
 * ({@code O^T O = I}) and {@code P = (F^T F)^{1/2}} symmetric positive semidefinite. From the SVD
 * {@code F = U diag(s) V^T} (EJML): {@code O = U V^T} and {@code P = V diag(s) V^T}. {@code P} is unique;
 * {@code O} is unique when F is invertible. The components are returned as stored, not copied.
 */
public record PolarDecomposition(DMatrixRMaj orthogonal, DMatrixRMaj positive) {
    /** Requires both factors. */
    public PolarDecomposition {
        Objects.requireNonNull(orthogonal, "orthogonal");
        Objects.requireNonNull(positive, "positive");
    }

    /** {@code F = O P} for square {@code f} (left unchanged). */
    public static PolarDecomposition of(DMatrixRMaj f) {
        Require.square("polar decomposition: matrix", f);
        int n = f.numRows;
        Svd svd = Svd.of(f);
        DMatrixRMaj o = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(svd.u(), svd.v(), o);
        DMatrixRMaj vs = svd.v().copy();
        double[] s = svd.singularValues();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                vs.unsafe_set(i, j, vs.unsafe_get(i, j) * s[j]);
            }
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(vs, svd.v(), p);
        Checks.symmetrizeInPlace(p);
        return new PolarDecomposition(o, p);
    }
}
