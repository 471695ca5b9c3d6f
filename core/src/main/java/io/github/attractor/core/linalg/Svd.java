package io.github.attractor.core.linalg;

import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Full singular value decomposition of a real m×n matrix, {@code A = U diag(s) V^T}: {@code U} (m×m) and
 * {@code V} (n×n) are orthogonal, {@code s_1 >= s_2 >= ... >= s_p >= 0} with {@code p = min(m, n)}, and
 * {@code A v_i = s_i u_i}, {@code A^T u_i = s_i v_i}. Columns of {@code U} beyond p span the left null space
 * of A, columns of {@code V} beyond p its null space. Computed by EJML (bidiagonalisation and implicit QR);
 * the components are returned as stored, not copied.
 */
public record Svd(DMatrixRMaj u, double[] singularValues, DMatrixRMaj v) {
    /** Checks that the factor shapes agree: U m×m, V n×n, {@code min(m, n)} singular values. */
    public Svd {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(singularValues, "singularValues");
        Objects.requireNonNull(v, "v");
        if (u.numRows != u.numCols || v.numRows != v.numCols
                || singularValues.length != Math.min(u.numRows, v.numRows)) {
            throw new ShapeMismatchException("svd: inconsistent factor shapes U " + u.numRows + "x" + u.numCols
                    + ", " + singularValues.length + " singular values, V " + v.numRows + "x" + v.numCols);
        }
    }

    /** Decomposes {@code a} (left unchanged) into {@code U diag(s) V^T} with s descending. */
    public static Svd of(DMatrixRMaj a) {
        Require.finite("svd: matrix", a);
        int m = a.numRows;
        int n = a.numCols;
        if (m == 0 || n == 0) {
            return new Svd(CommonOps_DDRM.identity(m), new double[0], CommonOps_DDRM.identity(n));
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, false);
        if (!svd.decompose(a.copy())) {
            throw new NonConvergenceException("svd: did not converge for a " + m + "x" + n + " matrix");
        }
        int p = Math.min(m, n);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = Arrays.copyOf(svd.getSingularValues(), p);
        SingularOps_DDRM.descendingOrder(u, false, s, p, v, false);
        return new Svd(u, s, v);
    }

    /** Singular values only (descending), without forming U and V. */
    static double[] values(DMatrixRMaj a, String what) {
        Require.finite(what, a);
        int m = a.numRows;
        int n = a.numCols;
        if (m == 0 || n == 0) {
            return new double[0];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, false, false, true);
        if (!svd.decompose(a.copy())) {
            throw new NonConvergenceException(what + ": singular value decomposition did not converge for a " + m
                    + "x" + n + " matrix");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), Math.min(m, n));
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }
}
