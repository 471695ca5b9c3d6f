package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.assertClose;
import static io.github.attractor.core.linalg.LinalgAssertions.assertOrthonormalColumns;
import static io.github.attractor.core.linalg.LinalgAssertions.assertSymmetric;
import static io.github.attractor.core.linalg.LinalgAssertions.matrix;
import static io.github.attractor.core.linalg.LinalgAssertions.mult;
import static io.github.attractor.core.linalg.LinalgAssertions.multTransB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NotSquareException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SvdTest {

    @Test
    void reconstructsRectangularAndSquareMatrices() {
        int[][] shapes = {{1, 1}, {3, 5}, {5, 3}, {4, 4}, {20, 7}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            DMatrixRMaj a = RandomMatrices.gaussian(m, n, new SplittableRandom(m * 31L + n));
            DMatrixRMaj before = a.copy();
            Svd svd = Svd.of(a);
            assertClose(before, a, 0.0);
            assertEquals(m, svd.u().numRows);
            assertEquals(m, svd.u().numCols);
            assertEquals(n, svd.v().numRows);
            assertEquals(n, svd.v().numCols);
            double[] s = svd.singularValues();
            assertEquals(Math.min(m, n), s.length);
            for (int i = 1; i < s.length; i++) {
                assertTrue(s[i - 1] >= s[i], "descending");
            }
            assertOrthonormalColumns(svd.u(), 1e-12);
            assertOrthonormalColumns(svd.v(), 1e-12);
            DMatrixRMaj sigma = new DMatrixRMaj(m, n);
            for (int i = 0; i < s.length; i++) {
                sigma.set(i, i, s[i]);
            }
            assertClose(a, multTransB(mult(svd.u(), sigma), svd.v()), 1e-12);
        }
    }

    @Test
    void singularValuesOfKnownMatrix() {
        // [[3, 0], [4, 5]]: A^T A = [[25, 20], [20, 25]] -> s^2 = 45, 5
        Svd svd = Svd.of(matrix(new double[][] {{3, 0}, {4, 5}}));
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, svd.singularValues(), 1e-13);
    }

    @Test
    void normsMatchDefinitions() {
        DMatrixRMaj a = matrix(new double[][] {{3, 0}, {4, 5}});
        assertEquals(Math.sqrt(45), Norms.spectral(a), 1e-13);
        assertEquals(Math.sqrt(9 + 16 + 25), Norms.frobenius(a), 1e-14);
        assertEquals(0.0, Norms.spectral(new DMatrixRMaj(3, 2)), 0.0);
        assertEquals(0.0, Norms.frobenius(new DMatrixRMaj(0, 0)), 0.0);
        DMatrixRMaj g = RandomMatrices.gaussian(6, 4, new SplittableRandom(5));
        double[] s = Svd.of(g).singularValues();
        double fro = 0;
        for (double v : s) {
            fro += v * v;
        }
        assertEquals(Math.sqrt(fro), Norms.frobenius(g), 1e-12);
        assertEquals(s[0], Norms.spectral(g), 1e-12);
    }

    @Test
    void polarDecompositionFactorsSquareMatrices() {
        for (int n : new int[] {1, 2, 3, 10}) {
            DMatrixRMaj f = RandomMatrices.gaussian(n, n, new SplittableRandom(100 + n));
            DMatrixRMaj before = f.copy();
            PolarDecomposition polar = PolarDecomposition.of(f);
            assertClose(before, f, 0.0);
            DMatrixRMaj o = polar.orthogonal();
            DMatrixRMaj p = polar.positive();
            assertClose(f, mult(o, p), 1e-12);
            assertOrthonormalColumns(o, 1e-12);
            assertSymmetric(p, 0.0);
            assertTrue(Eigen.minSymmetric(p) >= -1e-12, "P positive semidefinite");
        }
    }

    @Test
    void polarDecompositionOfSingularMatrix() {
        DMatrixRMaj f = matrix(new double[][] {{1, 2}, {2, 4}});
        PolarDecomposition polar = PolarDecomposition.of(f);
        assertClose(f, mult(polar.orthogonal(), polar.positive()), 1e-12);
        assertOrthonormalColumns(polar.orthogonal(), 1e-12);
        assertTrue(Eigen.minSymmetric(polar.positive()) >= -1e-12);
        // P = (F^T F)^{1/2} regardless of the orthogonal factor
        DMatrixRMaj ftf = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.multTransA(f, f, ftf);
        assertClose(ftf, mult(polar.positive(), polar.positive()), 1e-12);
        assertThrows(NotSquareException.class, () -> PolarDecomposition.of(new DMatrixRMaj(2, 3)));
    }
}
