package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.matrix;
import static io.github.attractor.core.linalg.LinalgAssertions.mult;
import static io.github.attractor.core.linalg.LinalgAssertions.multTransA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.NotSquareException;
import io.github.attractor.core.error.NotSymmetricException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class MatrixMeasureTest {
    private static final DMatrixRMaj EXAMPLE = matrix(new double[][] {{-3, 1, -2}, {4, -1, 0.5}, {0, -2, -6}});

    @Test
    void mu1IsTheLargestColumnValue() {
        // columns: -3 + 4 + 0 = 1; -1 + 1 + 2 = 2; -6 + 2 + 0.5 = -3.5
        assertEquals(2.0, MatrixMeasure.mu1(EXAMPLE), 1e-15);
    }

    @Test
    void muInfIsTheLargestRowValue() {
        // rows: -3 + 1 + 2 = 0; -1 + 4 + 0.5 = 3.5; -6 + 0 + 2 = -4
        assertEquals(3.5, MatrixMeasure.muInf(EXAMPLE), 1e-15);
    }

    @Test
    void mu2IsTheTopEigenvalueOfTheSymmetricPart() {
        DMatrixRMaj a = matrix(new double[][] {{1, 4}, {0, 1}});
        // symmetric part [[1, 2], [2, 1]] has eigenvalues -1 and 3
        assertEquals(3.0, MatrixMeasure.mu2(a), 1e-14);
        DMatrixRMaj skew = matrix(new double[][] {{0, 5}, {-5, 0}});
        assertEquals(0.0, MatrixMeasure.mu2(skew), 1e-14);
        assertEquals(-2.5, MatrixMeasure.mu2(matrix(new double[][] {{-2.5}})), 0.0);
    }

    @Test
    void measuresOfDiagonalMatrixAreItsLargestEntry() {
        DMatrixRMaj d = LinalgAssertions.diag(-1, 0.25, -4);
        assertEquals(0.25, MatrixMeasure.mu1(d), 0.0);
        assertEquals(0.25, MatrixMeasure.muInf(d), 0.0);
        assertEquals(0.25, MatrixMeasure.mu2(d), 1e-15);
        assertEquals(0.25, MatrixMeasure.mu1(d, new double[] {1, 7, 0.1}), 0.0);
        assertEquals(0.25, MatrixMeasure.mu2(d, RandomMatrices.positiveDefinite(3, 1, 1, new SplittableRandom(1))),
                1e-13);
    }

    @Test
    void weightedMeasuresMatchTheSimilarityTransform() {
        double[] w = {2, 0.5, 3};
        DMatrixRMaj dad = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                dad.set(i, j, w[i] * EXAMPLE.get(i, j) / w[j]);
            }
        }
        assertEquals(MatrixMeasure.mu1(dad), MatrixMeasure.mu1(EXAMPLE, w), 1e-14);
        assertEquals(MatrixMeasure.muInf(dad), MatrixMeasure.muInf(EXAMPLE, w), 1e-14);
        assertEquals(MatrixMeasure.mu1(EXAMPLE), MatrixMeasure.mu1(EXAMPLE, new double[] {1, 1, 1}), 0.0);
        assertEquals(MatrixMeasure.muInf(EXAMPLE), MatrixMeasure.muInf(EXAMPLE, new double[] {4, 4, 4}), 1e-15);
    }

    @Test
    void weightedMu2WithIdentityMetricIsMu2() {
        for (int n : new int[] {1, 2, 6}) {
            DMatrixRMaj a = RandomMatrices.gaussian(n, n, new SplittableRandom(n));
            assertEquals(MatrixMeasure.mu2(a), MatrixMeasure.mu2(a, CommonOps_DDRM.identity(n)), 1e-12);
        }
    }

    @Test
    void weightedMu2WithDiagonalMetricScalesCoordinates() {
        // M = diag(d^2): |x|_M = |D x|, so mu_M(A) = mu2(D A D^-1)
        double[] d = {1, 3, 0.5};
        DMatrixRMaj m = LinalgAssertions.diag(1, 9, 0.25);
        DMatrixRMaj dad = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                dad.set(i, j, d[i] * EXAMPLE.get(i, j) / d[j]);
            }
        }
        assertEquals(MatrixMeasure.mu2(dad), MatrixMeasure.mu2(EXAMPLE, m), 1e-13);
    }

    @Property(tries = 60)
    void weightedMu2IsTheTopGeneralisedEigenvalue(@ForAll @IntRange(min = 1, max = 7) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj a = RandomMatrices.gaussian(n, n, rng);
        DMatrixRMaj m = RandomMatrices.positiveDefinite(n, 0.2, 5, rng);
        double mu = MatrixMeasure.mu2(a, m);
        // S = (M A + A^T M) / 2; mu is the largest root of det(S - mu M) = 0, so mu M - S is PSD and singular
        DMatrixRMaj s = mult(m, a);
        CommonOps_DDRM.addEquals(s, multTransA(a, m));
        CommonOps_DDRM.scale(0.5, s);
        DMatrixRMaj gap = m.copy();
        CommonOps_DDRM.scale(mu, gap);
        CommonOps_DDRM.subtractEquals(gap, s);
        CommonOps_DDRM.add(gap, CommonOps_DDRM.transpose(gap, null), gap);
        CommonOps_DDRM.scale(0.5, gap);
        double scale = 1 + Math.abs(mu) * 5 + LinalgAssertions.maxAbsDiff(s, new DMatrixRMaj(n, n));
        assertEquals(0.0, Eigen.minSymmetric(gap), 1e-10 * scale);
    }

    @Property(tries = 200)
    void everyMeasureBoundsTheSpectralAbscissa(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj a = RandomMatrices.gaussian(n, n, rng);
        if (rng.nextBoolean()) {
            // shift and make it non-normal so the bound is not trivially loose
            for (int i = 0; i < n; i++) {
                a.add(i, i, -2.0);
                for (int j = i + 1; j < n; j++) {
                    a.set(i, j, 5 * a.get(i, j));
                }
            }
        }
        double alpha = Eigen.eigenvalues(a).maxRealPart();
        double tol = 1e-10 * (1 + Norms.frobenius(a));
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(2 * rng.nextDouble() - 1);
        }
        DMatrixRMaj m = RandomMatrices.positiveDefinite(n, 0.1, 10, rng);
        assertTrue(MatrixMeasure.mu1(a) >= alpha - tol, "mu1");
        assertTrue(MatrixMeasure.mu2(a) >= alpha - tol, "mu2");
        assertTrue(MatrixMeasure.muInf(a) >= alpha - tol, "muInf");
        assertTrue(MatrixMeasure.mu1(a, w) >= alpha - tol, "weighted mu1");
        assertTrue(MatrixMeasure.muInf(a, w) >= alpha - tol, "weighted muInf");
        assertTrue(MatrixMeasure.mu2(a, m) >= alpha - tol, "weighted mu2");
    }

    @Test
    void rejectsBadInputs() {
        assertThrows(NotSquareException.class, () -> MatrixMeasure.mu1(new DMatrixRMaj(2, 3)));
        assertThrows(ShapeMismatchException.class, () -> MatrixMeasure.mu1(EXAMPLE, new double[2]));
        assertThrows(InvalidInputException.class, () -> MatrixMeasure.muInf(EXAMPLE, new double[] {1, -1, 1}));
        assertThrows(ShapeMismatchException.class, () -> MatrixMeasure.mu2(EXAMPLE, CommonOps_DDRM.identity(2)));
        assertThrows(NotSymmetricException.class,
                () -> MatrixMeasure.mu2(EXAMPLE, matrix(new double[][] {{1, 0, 0}, {1, 1, 0}, {0, 0, 1}})));
        assertThrows(NotPositiveSemidefiniteException.class,
                () -> MatrixMeasure.mu2(EXAMPLE, LinalgAssertions.diag(1, -1, 1)));
    }

    @Test
    void leavesInputsUnchanged() {
        DMatrixRMaj a = EXAMPLE.copy();
        DMatrixRMaj m = RandomMatrices.positiveDefinite(3, 1, 2, new SplittableRandom(3));
        DMatrixRMaj mBefore = m.copy();
        MatrixMeasure.mu2(a, m);
        MatrixMeasure.mu2(a);
        LinalgAssertions.assertClose(EXAMPLE, a, 0.0);
        LinalgAssertions.assertClose(mBefore, m, 0.0);
    }
}
