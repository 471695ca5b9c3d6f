package io.github.attractor.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Matrix assertions shared by the linear-algebra tests. */
final class LinalgAssertions {
    private LinalgAssertions() {
    }

    static DMatrixRMaj matrix(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        assertEquals(a.numRows, b.numRows, "rows");
        assertEquals(a.numCols, b.numCols, "cols");
        double m = 0.0;
        for (int i = 0; i < a.getNumElements(); i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
        double d = maxAbsDiff(expected, actual);
        assertTrue(d <= tol, "max |difference| = " + d + " > " + tol);
    }

    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }

    static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
        return c;
    }

    static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }

    /** Columns orthonormal: {@code Q^T Q = I}. */
    static void assertOrthonormalColumns(DMatrixRMaj q, double tol) {
        assertClose(CommonOps_DDRM.identity(q.numCols), multTransA(q, q), tol);
    }

    static void assertSymmetric(DMatrixRMaj a, double tol) {
        assertClose(a, transpose(a), tol);
    }

    static DMatrixRMaj diag(double... d) {
        return CommonOps_DDRM.diag(d);
    }
}
