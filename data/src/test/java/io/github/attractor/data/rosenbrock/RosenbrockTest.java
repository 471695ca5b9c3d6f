package io.github.attractor.data.rosenbrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RosenbrockTest {

    static double[] random(SplittableRandom r, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * r.nextDouble();
        }
        return x;
    }

    @Test
    void valueIsEquation423AndGradientMatchesFiniteDifferences() {
        double[] lambda = {1, 100, 3, 0.5, 20};
        GeneralizedRosenbrock f = new GeneralizedRosenbrock(lambda);
        SplittableRandom r = new SplittableRandom(1);
        double[] g = new double[5];
        for (int trial = 0; trial < 20; trial++) {
            double[] x = random(r, 5, -1.5, 1.5);
            double expected = lambda[0] * (1 - x[0]) * (1 - x[0]);
            for (int i = 1; i < 5; i++) {
                double d = x[i] - x[i - 1] * x[i - 1];
                expected += lambda[i] * d * d;
            }
            assertEquals(expected, f.value(x), 1e-12 * (1 + expected));
            f.gradient(x, g);
            for (int i = 0; i < 5; i++) {
                double h = 1e-6;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[i] += h;
                xm[i] -= h;
                assertEquals((f.value(xp) - f.value(xm)) / (2 * h), g[i], 1e-6 * (1 + Math.abs(g[i])));
            }
        }
        assertEquals(0.0, f.value(f.minimum()), 0.0);
        assertEquals(1 + 100 * 1.0, GeneralizedRosenbrock.classical(2).value(new double[] {0, 1}), 0.0);
        assertThrows(InvalidInputException.class, () -> new GeneralizedRosenbrock(new double[] {1, 0}));
    }

    /** The flow against a dense solve of G(x) ẋ = -∇f(x), G = DψᵀDψ, and the closed form -2 Dψ⁻¹ψ. */
    @Test
    void flowIsMinusInverseMetricTimesGradient() {
        int n = 8;
        GeneralizedRosenbrock f = new GeneralizedRosenbrock(new double[] {1, 100, 2, 50, 7, 1, 30, 4});
        RiemannianRosenbrockFlow flow = new RiemannianRosenbrockFlow(f);
        RiemannianRosenbrockFlow other = new RiemannianRosenbrockFlow(GeneralizedRosenbrock.classical(n));
        SplittableRandom r = new SplittableRandom(2);
        double[] v = new double[n];
        double[] w = new double[n];
        double[] g = new double[n];
        for (int trial = 0; trial < 20; trial++) {
            double[] x = random(r, n, -0.6, 0.6);
            double[] diag = new double[n];
            double[] sub = new double[n];
            f.psiJacobian(x, diag, sub);
            DMatrixRMaj dpsi = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                dpsi.set(i, i, diag[i]);
                if (i > 0) {
                    dpsi.set(i, i - 1, sub[i]);
                }
            }
            DMatrixRMaj gm = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransA(dpsi, dpsi, gm);
            f.gradient(x, g);
            DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, g);
            DMatrixRMaj sol = new DMatrixRMaj(n, 1);
            assertTrue(CommonOps_DDRM.solve(gm, rhs, sol));
            flow.evaluate(0, x, v);
            for (int i = 0; i < n; i++) {
                assertEquals(-sol.get(i), v[i], 1e-8 * (1 + Math.abs(v[i])), "component " + i);
            }
            // closed form: Dψ v = -2 ψ
            DMatrixRMaj dv = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(dpsi, new DMatrixRMaj(n, 1, true, v), dv);
            double[] psi = f.psi(x);
            for (int i = 0; i < n; i++) {
                assertEquals(-2 * psi[i], dv.get(i), 1e-10 * (1 + Math.abs(psi[i])));
            }
            other.evaluate(0, x, w);
            assertArrayEquals(v, w, 1e-9 * (1 + maxAbs(v)), "the weights cancel in (4.24)");
        }
        double[] atMin = new double[n];
        flow.evaluate(0, f.minimum(), atMin);
        assertArrayEquals(new double[n], atMin, 0.0);
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void generatedTrajectoriesFollowTheExactSolution(int n) {
        TrajectoryDataset d = RosenbrockDatasets.generate(n);
        assertEquals("rosenbrock-" + n, d.name());
        assertEquals(4, d.size());
        assertEquals(n, d.dimension());
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1.0);
        assertArrayEquals(one, d.equilibrium());
        RiemannianRosenbrockFlow flow = new RiemannianRosenbrockFlow(GeneralizedRosenbrock.classical(n));
        double worst = 0;
        double finalDist = 0;
        double[] f = new double[n];
        for (int j = 0; j < 4; j++) {
            Demonstration demo = d.demonstration(j);
            assertEquals(1000, demo.length());
            assertEquals(10.0, demo.times()[999], 1e-12);
            double[] start = new double[n];
            java.util.Arrays.fill(start, RosenbrockDatasets.STARTS[j]);
            assertArrayEquals(start, demo.initialState());
            for (int k = 0; k < 1000; k += 3) {
                worst = Math.max(worst, maxDiff(flow.exactSolution(start, demo.times()[k]), demo.state(k)));
                flow.evaluate(0, demo.state(k), f);
                assertArrayEquals(f, demo.velocity(k), 0.0);
            }
            finalDist = Math.max(finalDist, maxDiff(one, demo.finalState()));
        }
        System.out.printf(java.util.Locale.ROOT,
                "rosenbrock n=%d generator: max |x - exact| = %.1e, max |x(10) - x*| = %.1e%n", n, worst, finalDist);
        assertTrue(worst < 1e-9, "against ψ(x(t)) = e^{-2t} ψ(x0): " + worst);
        assertTrue(finalDist < 1e-3, "distance to x* at t = 10: " + finalDist);
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
