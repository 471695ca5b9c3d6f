package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.assertClose;
import static io.github.attractor.core.linalg.LinalgAssertions.assertSymmetric;
import static io.github.attractor.core.linalg.LinalgAssertions.matrix;
import static io.github.attractor.core.linalg.LinalgAssertions.mult;
import static io.github.attractor.core.linalg.LinalgAssertions.multTransB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.NotSquareException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.SingularProblemException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LyapunovTest {
    private static final double RESIDUAL = 1e-10;

    private static void assertSolves(DMatrixRMaj a, DMatrixRMaj q, String label) {
        DMatrixRMaj aBefore = a.copy();
        DMatrixRMaj qBefore = q.copy();
        DMatrixRMaj x = Lyapunov.solve(a, q);
        assertClose(aBefore, a, 0.0);
        assertClose(qBefore, q, 0.0);
        double r = Lyapunov.relativeResidual(a, x, q);
        assertTrue(r < RESIDUAL, label + ": relative residual " + r);
    }

    private static DMatrixRMaj symmetricQ(int n, RandomGenerator rng) {
        DMatrixRMaj g = RandomMatrices.gaussian(n, n, rng);
        return multTransB(g, g);
    }

    /**
     * {@code U T U^T} with T quasi-triangular: 2×2 blocks {@code [[re, im], [-im, re]]} (eigenvalues
     * {@code re ± i im}) plus a random block-upper part that makes A non-normal. Hurwitz: every
     * {@code re < 0}; otherwise the real parts have both signs.
     */
    private static DMatrixRMaj complexNonNormal(int n, boolean hurwitz, RandomGenerator rng) {
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        int i = 0;
        while (i < n) {
            double re = hurwitz ? -0.1 - Math.abs(rng.nextGaussian()) : rng.nextGaussian();
            if (i + 1 < n) {
                double im = 0.5 + 3 * rng.nextDouble();
                t.set(i, i, re);
                t.set(i + 1, i + 1, re);
                t.set(i, i + 1, im);
                t.set(i + 1, i, -im);
                i += 2;
            } else {
                t.set(i, i, re);
                i++;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = r + 2; c < n; c++) {
                t.set(r, c, 2 * rng.nextGaussian());
            }
        }
        DMatrixRMaj u = RandomMatrices.orthogonal(n, rng);
        return multTransB(mult(u, t), u);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 50, 200})
    void gaussianMatricesHurwitzOrNot(int n) {
        SplittableRandom rng = new SplittableRandom(1000 + n);
        DMatrixRMaj a = RandomMatrices.gaussian(n, n, rng);
        assertSolves(a, symmetricQ(n, rng), "gaussian n=" + n);
        DMatrixRMaj hurwitz = a.copy();
        double alpha = Eigen.eigenvalues(a).maxRealPart();
        for (int i = 0; i < n; i++) {
            hurwitz.add(i, i, -alpha - 1.0);
        }
        assertTrue(Eigen.eigenvalues(hurwitz).maxRealPart() < 0);
        assertSolves(hurwitz, symmetricQ(n, rng), "hurwitz n=" + n);
        assertSolves(a, RandomMatrices.gaussian(n, n, rng), "non-symmetric Q n=" + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10, 50, 200})
    void nonNormalMatricesWithComplexEigenvalues(int n) {
        SplittableRandom rng = new SplittableRandom(2000 + n);
        assertSolves(complexNonNormal(n, true, rng), symmetricQ(n, rng), "complex Hurwitz n=" + n);
        assertSolves(complexNonNormal(n, false, rng), symmetricQ(n, rng), "complex unstable n=" + n);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 50})
    void stronglyNonNormalJordanLikeMatrix(int n) {
        // -I + 3 * (superdiagonal): a single defective eigenvalue -1, very non-normal
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(-1.0, a);
        for (int i = 0; i + 1 < n; i++) {
            a.set(i, i + 1, 3.0);
        }
        assertSolves(a, CommonOps_DDRM.identity(n), "jordan-like n=" + n);
    }

    @Test
    void diagonalMatrixHasClosedFormSolution() {
        double[] d = {-1, -0.5, 2, -3};
        DMatrixRMaj a = LinalgAssertions.diag(d);
        DMatrixRMaj q = RandomMatrices.gaussian(4, 4, new SplittableRandom(4));
        DMatrixRMaj x = Lyapunov.solve(a, q);
        DMatrixRMaj expected = new DMatrixRMaj(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected.set(i, j, -q.get(i, j) / (d[i] + d[j]));
            }
        }
        assertClose(expected, x, 1e-14);
    }

    @Test
    void scalarEquation() {
        DMatrixRMaj x = Lyapunov.solve(matrix(new double[][] {{-2}}), matrix(new double[][] {{3}}));
        assertEquals(0.75, x.get(0, 0), 1e-15);
        assertEquals(0, Lyapunov.solve(new DMatrixRMaj(0, 0), new DMatrixRMaj(0, 0)).getNumElements());
    }

    @Test
    void symmetricQGivesSymmetricSolution() {
        SplittableRandom rng = new SplittableRandom(77);
        DMatrixRMaj a = complexNonNormal(9, false, rng);
        DMatrixRMaj x = Lyapunov.solve(a, symmetricQ(9, rng));
        assertSymmetric(x, 0.0);
    }

    @Test
    void hurwitzWithPositiveQGivesPositiveDefiniteSolution() {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj a = complexNonNormal(12, true, rng);
        DMatrixRMaj x = Lyapunov.solve(a, CommonOps_DDRM.identity(12));
        assertTrue(Eigen.minSymmetric(x) > 0, "X > 0 for Hurwitz A and Q > 0");
    }

    @Test
    void rotationGeneratorIsSingular() {
        DMatrixRMaj a = matrix(new double[][] {{0, 1}, {-1, 0}});
        assertThrows(SingularProblemException.class, () -> Lyapunov.solve(a, CommonOps_DDRM.identity(2)));
    }

    @Test
    void zeroMatrixIsSingular() {
        assertThrows(SingularProblemException.class,
                () -> Lyapunov.solve(new DMatrixRMaj(3, 3), CommonOps_DDRM.identity(3)));
    }

    @Test
    void mirroredEigenvaluesAreSingular() {
        // eigenvalues 2 and -2 (after an orthogonal change of basis): lambda_1 + lambda_2 = 0
        DMatrixRMaj u = RandomMatrices.orthogonal(3, new SplittableRandom(6));
        DMatrixRMaj a = multTransB(mult(u, LinalgAssertions.diag(2, -2, -1)), u);
        assertThrows(SingularProblemException.class, () -> Lyapunov.solve(a, CommonOps_DDRM.identity(3)));
        DMatrixRMaj withZero = LinalgAssertions.diag(-1, 0);
        assertThrows(SingularProblemException.class, () -> Lyapunov.solve(withZero, CommonOps_DDRM.identity(2)));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(NotSquareException.class, () -> Lyapunov.solve(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 2)));
        assertThrows(ShapeMismatchException.class,
                () -> Lyapunov.solve(CommonOps_DDRM.identity(2), new DMatrixRMaj(3, 3)));
        assertThrows(NonFiniteValueException.class, () -> Lyapunov.solve(CommonOps_DDRM.identity(2),
                matrix(new double[][] {{1, Double.POSITIVE_INFINITY}, {0, 1}})));
    }

    @Test
    void residualOfExactSolutionIsZero() {
        DMatrixRMaj a = LinalgAssertions.diag(-1, -2);
        DMatrixRMaj x = LinalgAssertions.diag(0.5, 0.25);
        assertEquals(0.0, Lyapunov.relativeResidual(a, x, CommonOps_DDRM.identity(2)), 0.0);
        assertEquals(1.0 / (2 * Math.sqrt(5) * Math.sqrt(0.3125) + Math.sqrt(5)),
                Lyapunov.relativeResidual(a, x, new DMatrixRMaj(new double[][] {{2, 0}, {0, 1}})), 1e-15);
    }
}
