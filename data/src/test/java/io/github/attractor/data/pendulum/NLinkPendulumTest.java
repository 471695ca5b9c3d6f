package io.github.attractor.data.pendulum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NLinkPendulumTest {

    static double[] randomState(SplittableRandom r, int n, double range) {
        double[] x = new double[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = range * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void singleLinkIsTheDampedMathematicalPendulum() {
        NLinkPendulum p = new NLinkPendulum(new PendulumParameters(new double[] {2.0}, new double[] {0.5}, 9.81, 0.3));
        double[] f = new double[2];
        p.evaluate(0, new double[] {0.7, -1.1}, f);
        assertEquals(-1.1, f[0], 0.0);
        assertEquals(-(9.81 / 0.5) * Math.sin(0.7) - 0.3 * -1.1 / (2.0 * 0.25), f[1], 1e-12);
    }

    /** The textbook double pendulum (absolute angles, point masses, no damping), e.g. myPhysicsLab. */
    @Test
    void twoLinksMatchTheTextbookDoublePendulum() {
        double m1 = 1.3;
        double m2 = 0.7;
        double l1 = 0.9;
        double l2 = 1.4;
        double g = 9.81;
        NLinkPendulum p = new NLinkPendulum(new PendulumParameters(new double[] {m1, m2}, new double[] {l1, l2}, g, 0));
        SplittableRandom r = new SplittableRandom(3);
        double[] f = new double[4];
        for (int trial = 0; trial < 50; trial++) {
            double[] x = randomState(r, 2, 2.5);
            double t1 = x[0];
            double t2 = x[1];
            double w1 = x[2];
            double w2 = x[3];
            double den = 2 * m1 + m2 - m2 * Math.cos(2 * t1 - 2 * t2);
            double a1 = (-g * (2 * m1 + m2) * Math.sin(t1) - m2 * g * Math.sin(t1 - 2 * t2)
                    - 2 * Math.sin(t1 - t2) * m2 * (w2 * w2 * l2 + w1 * w1 * l1 * Math.cos(t1 - t2))) / (l1 * den);
            double a2 = 2 * Math.sin(t1 - t2) * (w1 * w1 * l1 * (m1 + m2) + g * (m1 + m2) * Math.cos(t1)
                    + w2 * w2 * l2 * m2 * Math.cos(t1 - t2)) / (l2 * den);
            p.evaluate(0, x, f);
            assertArrayEquals(new double[] {w1, w2, a1, a2}, f, 1e-11);
        }
    }

    @Test
    void massMatrixIsSymmetricPositiveDefinite() {
        NLinkPendulum p = NLinkPendulum.standard(8);
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            double[] theta = randomState(r, 4, Math.PI);
            DMatrixRMaj m = p.massMatrix(theta);
            for (int i = 0; i < 8; i++) {
                assertEquals(8 - i, m.get(i, i), 1e-12, "M_ii = μ_i l_i² = n - i + 1 (1-based)");
                for (int j = 0; j < 8; j++) {
                    assertEquals(m.get(i, j), m.get(j, i), 0.0);
                }
            }
            double[] eig = Eigen.symmetric(m).values();
            for (double e : eig) {
                assertTrue(e > 0, "eigenvalue " + e);
            }
        }
    }

    @Test
    void energyGradientAndDissipationRate() {
        for (int n : new int[] {1, 2, 4, 8}) {
            NLinkPendulum p = new NLinkPendulum(new PendulumParameters(masses(n, 0.5), masses(n, 0.8), 9.81, 0.3));
            SplittableRandom r = new SplittableRandom(n);
            double[] grad = new double[2 * n];
            double[] f = new double[2 * n];
            for (int trial = 0; trial < 10; trial++) {
                double[] x = randomState(r, n, 1.5);
                p.gradient(x, grad);
                for (int i = 0; i < 2 * n; i++) {
                    double h = 1e-6;
                    double[] xp = x.clone();
                    double[] xm = x.clone();
                    xp[i] += h;
                    xm[i] -= h;
                    assertEquals((p.value(xp) - p.value(xm)) / (2 * h), grad[i], 1e-7 * (1 + Math.abs(grad[i])));
                }
                p.evaluate(0, x, f);
                double dEdt = 0;
                double omega2 = 0;
                for (int i = 0; i < 2 * n; i++) {
                    dEdt += grad[i] * f[i];
                }
                for (int i = n; i < 2 * n; i++) {
                    omega2 += x[i] * x[i];
                }
                assertEquals(-0.3 * omega2, dEdt, 1e-9 * (1 + Math.abs(dEdt)), "dE/dt = -c Σω² (n = " + n + ")");
            }
        }
    }

    static double[] masses(int n, double base) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = base + 0.25 * i;
        }
        return m;
    }

    /** Classical RK4 by hand, the oracle for "each sample is one RK4 step of the previous one". */
    static double[] rk4(NLinkPendulum p, double[] x, double h) {
        int d = x.length;
        double[] k1 = new double[d];
        double[] k2 = new double[d];
        double[] k3 = new double[d];
        double[] k4 = new double[d];
        double[] y = new double[d];
        p.evaluate(0, x, k1);
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + 0.5 * h * k1[i];
        }
        p.evaluate(0, y, k2);
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + 0.5 * h * k2[i];
        }
        p.evaluate(0, y, k3);
        for (int i = 0; i < d; i++) {
            y[i] = x[i] + h * k3[i];
        }
        p.evaluate(0, y, k4);
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            out[i] = x[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    @Test
    void simulationIsOneRk4StepPerSampleWithExactVelocities() {
        NLinkPendulum p = NLinkPendulum.standard(4);
        double[] x0 = {0.3, -0.2, 0.1, 0.35, -0.1, 0.2, 0.0, -0.3};
        Demonstration d = PendulumDatasets.simulate(p, x0, 200, 0.1);
        assertEquals(200, d.length());
        assertEquals(19.9, d.times()[199], 1e-12);
        double[] expected = x0.clone();
        double[] f = new double[8];
        for (int k = 0; k < 200; k++) {
            assertArrayEquals(expected, d.state(k), 1e-13 * (1 + k), "sample " + k);
            p.evaluate(0, d.state(k), f);
            assertArrayEquals(f, d.velocity(k), 0.0);
            expected = rk4(p, expected, 0.1);
        }
        double e0 = p.value(d.state(0));
        double e1 = p.value(d.state(199));
        assertTrue(e1 < e0, "damping dissipates energy: " + e0 + " -> " + e1);
    }

    @Test
    void generatedDatasetsAreSeededAndInTheInitialBox() {
        NLinkPendulum p = NLinkPendulum.standard(2);
        TrajectoryDataset a = PendulumDatasets.generate(p, 6, 50, 42);
        TrajectoryDataset b = PendulumDatasets.generate(p, 6, 50, 42);
        TrajectoryDataset c = PendulumDatasets.generate(p, 6, 50, 43);
        assertEquals("pendulum-2", a.name());
        assertEquals(6, a.size());
        assertEquals(4, a.dimension());
        assertArrayEquals(new double[4], a.equilibrium());
        for (int j = 0; j < 6; j++) {
            assertArrayEquals(a.demonstration(j).state(49), b.demonstration(j).state(49), 0.0);
            for (double v : a.demonstration(j).initialState()) {
                assertTrue(Math.abs(v) <= 0.4, "initial coordinate " + v);
            }
        }
        assertNotEquals(a.demonstration(0).initialState()[0], c.demonstration(0).initialState()[0]);
        double[][] x0 = PendulumDatasets.randomInitialStates(3, 2000, 0.4, 1);
        double lo = 0;
        double hi = 0;
        for (double[] x : x0) {
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertTrue(lo < -0.39 && hi > 0.39, "uniform on [-0.4, 0.4] fills the box: " + lo + " " + hi);
    }

    @Test
    void badArguments() {
        assertThrows(InvalidInputException.class, () -> PendulumParameters.standard(0));
        assertThrows(InvalidInputException.class,
                () -> new PendulumParameters(new double[] {1, 1}, new double[] {1}, 9.81, 0.3));
        assertThrows(InvalidInputException.class,
                () -> new PendulumParameters(new double[] {1}, new double[] {-1}, 9.81, 0.3));
        assertThrows(ShapeMismatchException.class, () -> NLinkPendulum.standard(2).evaluate(0, new double[3],
                new double[3]));
        assertThrows(InvalidInputException.class,
                () -> PendulumDatasets.simulate(NLinkPendulum.standard(2), new double[4], 0, 0.1));
    }
}
