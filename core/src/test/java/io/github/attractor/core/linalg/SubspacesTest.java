package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.assertClose;
import static io.github.attractor.core.linalg.LinalgAssertions.assertOrthonormalColumns;
import static io.github.attractor.core.linalg.LinalgAssertions.assertSymmetric;
import static io.github.attractor.core.linalg.LinalgAssertions.matrix;
import static io.github.attractor.core.linalg.LinalgAssertions.mult;
import static io.github.attractor.core.linalg.LinalgAssertions.multTransA;
import static io.github.attractor.core.linalg.LinalgAssertions.multTransB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class SubspacesTest {

    /** m×n matrix of rank r: product of Gaussian m×r and r×n factors. */
    private static DMatrixRMaj lowRank(int m, int n, int r, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return mult(RandomMatrices.gaussian(m, r, rng), RandomMatrices.gaussian(r, n, rng));
    }

    @Test
    void nullspaceOfRankDeficientMatrices() {
        int[][] cases = {{5, 7, 3}, {7, 5, 2}, {6, 6, 5}, {4, 9, 4}, {3, 3, 1}};
        for (int[] c : cases) {
            int m = c[0];
            int n = c[1];
            int r = c[2];
            DMatrixRMaj a = lowRank(m, n, r, 17L * m + n + r);
            DMatrixRMaj before = a.copy();
            DMatrixRMaj ns = Subspaces.nullspace(a, 1e-10);
            assertClose(before, a, 0.0);
            assertEquals(n, ns.numRows);
            assertEquals(n - r, ns.numCols, "nullity for " + m + "x" + n + " rank " + r);
            assertOrthonormalColumns(ns, 1e-12);
            assertTrue(NormOps_DDRM.normF(mult(a, ns)) < 1e-10 * NormOps_DDRM.normF(a));
            DMatrixRMaj range = Subspaces.range(a, 1e-10);
            assertEquals(m, range.numRows);
            assertEquals(r, range.numCols);
            assertOrthonormalColumns(range, 1e-12);
            // every column of A lies in the range: (I - P) A = 0
            DMatrixRMaj p = Subspaces.projector(range);
            DMatrixRMaj residual = a.copy();
            CommonOps_DDRM.subtractEquals(residual, mult(p, a));
            assertTrue(NormOps_DDRM.normF(residual) < 1e-10 * NormOps_DDRM.normF(a));
        }
    }

    @Test
    void fullRankMatrixHasEmptyNullspaceAndZeroMatrixHasEverything() {
        DMatrixRMaj a = RandomMatrices.gaussian(4, 4, new SplittableRandom(1));
        DMatrixRMaj ns = Subspaces.nullspace(a, 1e-10);
        assertEquals(4, ns.numRows);
        assertEquals(0, ns.numCols);
        DMatrixRMaj zero = new DMatrixRMaj(3, 4);
        DMatrixRMaj all = Subspaces.nullspace(zero, 1e-10);
        assertEquals(4, all.numCols);
        assertOrthonormalColumns(all, 1e-14);
        assertEquals(0, Subspaces.range(zero, 1e-10).numCols);
        assertEquals(3, Subspaces.range(zero, 1e-10).numRows);
    }

    @Test
    void nullspaceOfKnownMatrix() {
        DMatrixRMaj a = matrix(new double[][] {{1, 1, 0}, {2, 2, 0}});
        DMatrixRMaj ns = Subspaces.nullspace(a, 1e-12);
        assertEquals(2, ns.numCols);
        // the null space is spanned by (1, -1, 0) and (0, 0, 1): its projector is known
        DMatrixRMaj expected = matrix(new double[][] {{0.5, -0.5, 0}, {-0.5, 0.5, 0}, {0, 0, 1}});
        assertClose(expected, Subspaces.projector(ns), 1e-14);
    }

    @Test
    void symmetricNullspaceAndRangeAreComplementary() {
        SplittableRandom rng = new SplittableRandom(8);
        DMatrixRMaj q = RandomMatrices.orthogonal(6, rng);
        DMatrixRMaj s = multTransB(mult(q, LinalgAssertions.diag(3, -2, 0, 0, 1e-14, 5)), q);
        CommonOps_DDRM.add(s, CommonOps_DDRM.transpose(s, null), s);
        CommonOps_DDRM.scale(0.5, s);
        DMatrixRMaj kernel = Subspaces.symmetricNullspace(s, 1e-10);
        DMatrixRMaj image = Subspaces.symmetricRange(s, 1e-10);
        assertEquals(3, kernel.numCols);
        assertEquals(3, image.numCols);
        assertOrthonormalColumns(kernel, 1e-12);
        assertOrthonormalColumns(image, 1e-12);
        assertTrue(NormOps_DDRM.normF(mult(s, kernel)) < 1e-12);
        assertTrue(NormOps_DDRM.normF(multTransA(kernel, image)) < 1e-12);
        DMatrixRMaj sum = Subspaces.projector(kernel);
        CommonOps_DDRM.addEquals(sum, Subspaces.projector(image));
        assertClose(CommonOps_DDRM.identity(6), sum, 1e-12);

        DMatrixRMaj zero = new DMatrixRMaj(4, 4);
        assertEquals(4, Subspaces.symmetricNullspace(zero, 1e-10).numCols);
        assertEquals(0, Subspaces.symmetricRange(zero, 1e-10).numCols);
    }

    @Test
    void projectorIsIdempotentAndSymmetric() {
        DMatrixRMaj basis = Subspaces.range(lowRank(8, 8, 3, 4), 1e-10);
        DMatrixRMaj p = Subspaces.projector(basis);
        assertSymmetric(p, 0.0);
        assertClose(p, mult(p, p), 1e-13);
        assertEquals(3.0, CommonOps_DDRM.trace(p), 1e-12);
        DMatrixRMaj empty = Subspaces.projector(new DMatrixRMaj(5, 0));
        assertClose(new DMatrixRMaj(5, 5), empty, 0.0);
    }

    @Test
    void orthogonalComplementCompletesTheBasis() {
        for (int k = 0; k <= 5; k++) {
            DMatrixRMaj q = RandomMatrices.orthogonal(5, new SplittableRandom(k));
            DMatrixRMaj basis = Checks.columnRange(q, 0, k);
            DMatrixRMaj c = Subspaces.orthogonalComplement(basis);
            assertEquals(5, c.numRows);
            assertEquals(5 - k, c.numCols);
            assertOrthonormalColumns(c, 1e-12);
            assertTrue(NormOps_DDRM.normF(multTransA(basis, c)) < 1e-12);
        }
    }

    @Test
    void rejectsBadBasesAndTolerances() {
        assertThrows(InvalidInputException.class, () -> Subspaces.projector(matrix(new double[][] {{1, 1}, {0, 1}})));
        assertThrows(ShapeMismatchException.class, () -> Subspaces.orthogonalComplement(new DMatrixRMaj(2, 3)));
        assertThrows(InvalidInputException.class, () -> Subspaces.nullspace(new DMatrixRMaj(2, 2), -1));
        assertThrows(InvalidInputException.class, () -> Subspaces.range(new DMatrixRMaj(2, 2), Double.NaN));
    }
}
