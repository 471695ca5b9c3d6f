package io.github.attractor.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Matrix norms: the spectral norm {@code ||A||_2 = max_{|x|=1} |A x| = s_max(A)} (largest singular value,
 * from EJML's SVD) and the Frobenius norm {@code ||A||_F = sqrt(sum_ij a_ij^2) = sqrt(sum_i s_i^2)}
 * (computed with scaling so that it neither overflows nor underflows). Both are 0 for an empty matrix.
 */
public final class Norms {
    private Norms() {
    }

    /** {@code ||A||_2}, the largest singular value. */
    public static double spectral(DMatrixRMaj a) {
        double[] s = Svd.values(a, "spectral norm: matrix");
        return s.length == 0 ? 0.0 : s[0];
    }

    /** {@code ||A||_F = sqrt(sum a_ij^2)}. */
    public static double frobenius(DMatrixRMaj a) {
        return a.getNumElements() == 0 ? 0.0 : NormOps_DDRM.normF(a);
    }
}
