package io.github.attractor.memory.lagrangian;

import static io.github.attractor.memory.lagrangian.LagrangianCases.close;
import static io.github.attractor.memory.lagrangian.LagrangianCases.maxAbs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.memory.lagrangian.LagrangianCases.Case;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interface contract for every Lagrangian, at many seeded random points mixing entries near 0, of
 * order 1, moderately large and (for the bounded ones) saturated: g against the central-difference gradient
 * of L, Λ against the central-difference Jacobian of g, hessianTimes and hessianDiagonal against Λ, the
 * Legendre term against {@code yᵀg - L}, symmetry and positive semidefiniteness of Λ, shape checks.
 */
class LagrangianContractTest {

    private static final int POINTS = 150;
    private static final double FD_TOL = 1e-6;

    static java.util.stream.Stream<Case> cases() {
        return LagrangianCases.cases();
    }

    private static long seed(Case c) {
        return c.lagrangian().name().hashCode() * 1_000_003L + 17;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void activationIsTheGradientOfTheValue(Case c) {
        Lagrangian l = c.lagrangian();
        Random rnd = new Random(seed(c));
        for (int k = 0; k < POINTS; k++) {
            double[] y = c.point(rnd);
            double[] g = new double[y.length];
            l.activation(y, g);
            double[] fd = new double[y.length];
            Jacobians.gradient(l::value, y, fd);
            for (int i = 0; i < y.length; i++) {
                int ii = i;
                assertTrue(close(g[i], fd[i], FD_TOL),
                        () -> l.name() + " at " + Arrays.toString(y) + ": g[" + ii + "] = " + g[ii] + ", fd " + fd[ii]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsTheJacobianOfTheActivation(Case c) {
        Lagrangian l = c.lagrangian();
        Random rnd = new Random(seed(c) + 1);
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        DMatrixRMaj fd = new DMatrixRMaj(1, 1);
        for (int k = 0; k < POINTS; k++) {
            double[] y = c.point(rnd);
            l.hessian(y, h);
            Jacobians.centralDifference(y.length, y, fd, l::activation);
            assertEquals(y.length, h.numRows);
            assertEquals(y.length, h.numCols);
            double scale = Math.max(1.0, maxAbs(fd));
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < y.length; j++) {
                    int ii = i;
                    int jj = j;
                    assertTrue(Math.abs(h.get(i, j) - fd.get(i, j)) <= FD_TOL * scale,
                            () -> l.name() + " at " + Arrays.toString(y) + ": Λ[" + ii + "," + jj + "] = "
                                    + h.get(ii, jj) + ", fd " + fd.get(ii, jj));
                    assertEquals(h.get(i, j), h.get(j, i), 1e-15 * scale, "symmetry");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianTimesAndDiagonalAgreeWithTheDenseHessian(Case c) {
        Lagrangian l = c.lagrangian();
        Random rnd = new Random(seed(c) + 2);
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        for (int k = 0; k < POINTS; k++) {
            double[] y = c.point(rnd);
            int n = y.length;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextGaussian() * (rnd.nextBoolean() ? 1 : 50);
            }
            l.hessian(y, h);
            double[] hv = new double[n];
            l.hessianTimes(y, v, hv);
            double vNorm = Arrays.stream(v).map(Math::abs).sum();
            double tol = 1e-13 * Math.max(1.0, maxAbs(h) * vNorm);
            for (int i = 0; i < n; i++) {
                double expect = 0;
                for (int j = 0; j < n; j++) {
                    expect += h.get(i, j) * v[j];
                }
                assertEquals(expect, hv[i], tol, l.name() + " hessianTimes at " + Arrays.toString(y));
            }
            if (l.isElementwise()) {
                double[] d = new double[n];
                l.hessianDiagonal(y, d);
                for (int i = 0; i < n; i++) {
                    assertEquals(h.get(i, i), d[i], 0.0, "diagonal");
                    for (int j = 0; j < n; j++) {
                        if (i != j) {
                            assertEquals(0.0, h.get(i, j), 0.0, "elementwise Hessian must be diagonal");
                        }
                    }
                }
            } else {
                assertThrows(IllegalStateException.class, () -> l.hessianDiagonal(y, new double[n]));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void legendreIsYDotGMinusL(Case c) {
        Lagrangian l = c.lagrangian();
        Random rnd = new Random(seed(c) + 3);
        for (int k = 0; k < POINTS; k++) {
            double[] y = c.point(rnd);
            double[] g = new double[y.length];
            l.activation(y, g);
            double yg = 0;
            double ygAbs = 0;
            for (int i = 0; i < y.length; i++) {
                yg += y[i] * g[i];
                ygAbs += Math.abs(y[i] * g[i]);
            }
            double value = l.value(y);
            double naive = yg - value;
            // the naive difference is accurate to a few ulps of its operands, which bounds the comparison
            double tol = 1e-13 * Math.max(1.0, ygAbs + Math.abs(value));
            assertEquals(naive, l.legendre(y), tol, l.name() + " at " + Arrays.toString(y));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianIsPositiveSemidefiniteWhenClaimed(Case c) {
        Lagrangian l = c.lagrangian();
        assertTrue(l.hessianPositiveSemidefinite(), "every Lagrangian here is convex");
        Random rnd = new Random(seed(c) + 4);
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        for (int k = 0; k < POINTS; k++) {
            double[] y = c.point(rnd);
            l.hessian(y, h);
            double min = LagrangianCases.minEigenvalue(h);
            assertTrue(min >= -1e-12 * Math.max(1.0, maxAbs(h)),
                    () -> l.name() + " at " + Arrays.toString(y) + ": min eigenvalue " + min);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mismatchedLengthsAreRejected(Case c) {
        Lagrangian l = c.lagrangian();
        double[] y = c.point(new Random(seed(c) + 5));
        int n = y.length;
        assertThrows(ShapeMismatchException.class, () -> l.activation(y, new double[n + 1]));
        assertThrows(ShapeMismatchException.class, () -> l.activation(y, new double[n - 1]));
        assertThrows(ShapeMismatchException.class, () -> l.hessianTimes(y, new double[n + 1], new double[n]));
        assertThrows(ShapeMismatchException.class, () -> l.hessianTimes(y, new double[n], new double[n + 1]));
        if (l.isElementwise()) {
            assertThrows(ShapeMismatchException.class, () -> l.hessianDiagonal(y, new double[n + 1]));
        }
        if (l.fixedDimension() >= 0) {
            double[] wrong = new double[n + 1];
            assertThrows(ShapeMismatchException.class, () -> l.value(wrong));
            assertThrows(ShapeMismatchException.class, () -> l.legendre(wrong));
            assertThrows(ShapeMismatchException.class, () -> l.hessian(wrong, new DMatrixRMaj(1, 1)));
            assertThrows(ShapeMismatchException.class, () -> l.activation(wrong, new double[n + 1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianReshapesTheOutputAndCallsAreRepeatable(Case c) {
        Lagrangian l = c.lagrangian();
        double[] y = c.point(new Random(seed(c) + 6));
        double[] copy = y.clone();
        DMatrixRMaj h = new DMatrixRMaj(7, 2);
        h.fill(Double.NaN);
        l.hessian(y, h);
        DMatrixRMaj h2 = new DMatrixRMaj(1, 1);
        l.hessian(y, h2);
        assertArrayEquals(h2.data, Arrays.copyOf(h.data, h.getNumElements()), 0.0);
        double[] g1 = new double[y.length];
        double[] g2 = new double[y.length];
        l.activation(y, g1);
        l.activation(y, g2);
        assertArrayEquals(g1, g2, 0.0);
        assertEquals(l.value(y), l.value(y), 0.0);
        assertArrayEquals(copy, y, 0.0, "inputs are not modified");
    }
}
