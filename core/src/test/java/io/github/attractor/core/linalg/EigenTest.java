package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.assertClose;
import static io.github.attractor.core.linalg.LinalgAssertions.assertOrthonormalColumns;
import static io.github.attractor.core.linalg.LinalgAssertions.matrix;
import static io.github.attractor.core.linalg.LinalgAssertions.mult;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.NotSquareException;
import io.github.attractor.core.error.NotSymmetricException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class EigenTest {

    @Test
    void diagonalMatrixHasItsDiagonalAsSpectrumSortedByRealPartDescending() {
        Spectrum s = Eigen.eigenvalues(LinalgAssertions.diag(-3, 1, 0.5, -7));
        assertArrayEquals(new double[] {1, 0.5, -3, -7}, s.real(), 1e-14);
        assertArrayEquals(new double[4], s.imag(), 0.0);
        assertEquals(1.0, s.maxRealPart(), 0.0);
        assertEquals(-7.0, s.minRealPart(), 0.0);
        assertEquals(7.0, s.spectralRadius(), 1e-14);
        assertEquals(4, s.size());
    }

    @Test
    void scaledRotationHasComplexConjugatePair() {
        double r = 2.0;
        double theta = 0.7;
        DMatrixRMaj a = matrix(new double[][] {{r * Math.cos(theta), -r * Math.sin(theta)},
            {r * Math.sin(theta), r * Math.cos(theta)}});
        Spectrum s = Eigen.eigenvalues(a);
        assertEquals(r * Math.cos(theta), s.real()[0], 1e-13);
        assertEquals(r * Math.cos(theta), s.real()[1], 1e-13);
        assertEquals(r * Math.sin(theta), s.imag()[0], 1e-13);
        assertEquals(-r * Math.sin(theta), s.imag()[1], 1e-13);
        assertEquals(r, s.spectralRadius(), 1e-13);
    }

    @Test
    void companionMatrixHasThePolynomialRoots() {
        // p(x) = (x - 2)(x + 1)(x^2 + 2x + 5), roots 2, -1, -1 ± 2i; p = x^4 + x^3 + x^2 - 9x - 10
        double[] c = {1, 1, 1, -9, -10};
        int n = 4;
        DMatrixRMaj comp = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            comp.set(0, j, -c[j + 1] / c[0]);
        }
        for (int i = 1; i < n; i++) {
            comp.set(i, i - 1, 1.0);
        }
        Spectrum s = Eigen.eigenvalues(comp);
        assertSameMultiset(new double[] {2, -1, -1, -1}, new double[] {0, 2, 0, -2}, s, 1e-10);
        assertEquals(2.0, s.maxRealPart(), 1e-10);
        assertEquals(Math.sqrt(5.0), s.spectralRadius(), 1e-10);
    }

    /** Every expected eigenvalue matched by a distinct computed one within tol. */
    private static void assertSameMultiset(double[] re, double[] im, Spectrum s, double tol) {
        assertEquals(re.length, s.size());
        boolean[] used = new boolean[s.size()];
        for (int e = 0; e < re.length; e++) {
            boolean found = false;
            for (int k = 0; k < s.size() && !found; k++) {
                if (!used[k] && Math.hypot(s.real(k) - re[e], s.imag(k) - im[e]) <= tol) {
                    used[k] = true;
                    found = true;
                }
            }
            assertTrue(found, "eigenvalue " + re[e] + " + " + im[e] + "i not found in " + s);
        }
    }

    @Test
    void spectrumOfEmptyMatrixUsesConventionalExtremes() {
        Spectrum s = Eigen.eigenvalues(new DMatrixRMaj(0, 0));
        assertEquals(0, s.size());
        assertEquals(Double.NEGATIVE_INFINITY, s.maxRealPart());
        assertEquals(Double.POSITIVE_INFINITY, s.minRealPart());
        assertEquals(0.0, s.spectralRadius());
    }

    @Test
    void spectrumCopiesItsArrays() {
        double[] re = {1, 2};
        Spectrum s = new Spectrum(re, new double[2]);
        re[0] = 99;
        s.real()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.real(), 0.0);
        assertThrows(ShapeMismatchException.class, () -> new Spectrum(new double[2], new double[3]));
    }

    @Test
    void traceAndDeterminantMatchForRandomMatrix() {
        DMatrixRMaj a = RandomMatrices.gaussian(7, 7, new SplittableRandom(3));
        Spectrum s = Eigen.eigenvalues(a);
        double trace = 0;
        for (int i = 0; i < 7; i++) {
            trace += a.get(i, i);
        }
        assertEquals(trace, Arrays.stream(s.real()).sum(), 1e-10);
        assertEquals(0.0, Arrays.stream(s.imag()).sum(), 1e-10);
        double detRe = 1;
        double detIm = 0;
        for (int k = 0; k < 7; k++) {
            double re = detRe * s.real()[k] - detIm * s.imag()[k];
            double im = detRe * s.imag()[k] + detIm * s.real()[k];
            detRe = re;
            detIm = im;
        }
        assertEquals(org.ejml.dense.row.CommonOps_DDRM.det(a), detRe, 1e-9 * Math.max(1, Math.abs(detRe)));
        assertEquals(0.0, detIm, 1e-9 * Math.max(1, Math.abs(detRe)));
    }

    @Test
    void symmetricEigenSatisfiesAvEqualsVLambda() {
        for (int n : new int[] {1, 2, 5, 30}) {
            DMatrixRMaj a = RandomMatrices.goe(n, new SplittableRandom(n));
            DMatrixRMaj before = a.copy();
            SymmetricEigen e = Eigen.symmetric(a);
            assertClose(before, a, 0.0);
            double[] l = e.values();
            for (int k = 1; k < n; k++) {
                assertTrue(l[k - 1] <= l[k], "ascending");
            }
            DMatrixRMaj v = e.vectors();
            assertOrthonormalColumns(v, 1e-12);
            assertClose(mult(a, v), mult(v, LinalgAssertions.diag(l)), 1e-11 * Math.max(1, n));
            assertEquals(l[0], Eigen.minSymmetric(a), 1e-11 * n);
            assertEquals(l[n - 1], Eigen.maxSymmetric(a), 1e-11 * n);
        }
    }

    @Test
    void symmetricEigenOfKnownMatrix() {
        DMatrixRMaj a = matrix(new double[][] {{2, 1}, {1, 2}});
        SymmetricEigen e = Eigen.symmetric(a);
        assertArrayEquals(new double[] {1, 3}, e.values(), 1e-14);
        double c = Math.abs(e.vectors().get(0, 1));
        assertEquals(Math.sqrt(0.5), c, 1e-14);
        assertEquals(e.vectors().get(0, 1), e.vectors().get(1, 1), 1e-14);
        assertEquals(-3.0, Eigen.minSymmetric(LinalgAssertions.diag(-3)), 0.0);
    }

    @Test
    void badInputsRaiseNamedExceptions() {
        assertThrows(NotSymmetricException.class, () -> Eigen.symmetric(matrix(new double[][] {{1, 2}, {0, 1}})));
        assertThrows(NotSymmetricException.class, () -> Eigen.maxSymmetric(matrix(new double[][] {{1, 2}, {0, 1}})));
        assertThrows(NotSquareException.class, () -> Eigen.eigenvalues(new DMatrixRMaj(2, 3)));
        assertThrows(NonFiniteValueException.class,
                () -> Eigen.eigenvalues(matrix(new double[][] {{1, Double.NaN}, {0, 1}})));
    }

    @Test
    void eigenvaluesLeaveInputUnchanged() {
        DMatrixRMaj a = RandomMatrices.gaussian(6, 6, new SplittableRandom(9));
        DMatrixRMaj before = a.copy();
        Eigen.eigenvalues(a);
        assertClose(before, a, 0.0);
    }
}
