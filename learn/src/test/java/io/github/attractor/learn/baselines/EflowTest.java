package io.github.attractor.learn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.learn.flow.FlowJacobian;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EflowTest {
    private static final double[] STAR = {0.5, -0.25};

    private static EuclideanizingFlow model(long seed) {
        return new EuclideanizingFlow(STAR, 2, 8, seed);
    }

    private static double[] point(SplittableRandom rng, int d, double scale) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    private static double[] eval(EuclideanizingFlow m, double[] x) {
        double[] f = new double[2];
        m.evaluate(x, f);
        return f;
    }

    private static double dist(EuclideanizingFlow m, double[] x) {
        double[] y = m.map(x);
        double[] ys = m.map(STAR);
        return Math.hypot(y[0] - ys[0], y[1] - ys[1]);
    }

    @Test
    void fieldMatchesTheDefinitionWithAnExactJacobian() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int m = 0; m < 3; m++) {
            EuclideanizingFlow ef = model(10 + m);
            for (int k = 0; k < 10; k++) {
                double[] x = point(rng, 2, 2);
                double[] j = FlowJacobian.forward(ef.flow(), x);
                double[] y = ef.map(x);
                double[] ys = ef.map(STAR);
                double r0 = y[0] - ys[0];
                double r1 = y[1] - ys[1];
                double n = Math.hypot(r0, r1);
                double det = j[0] * j[3] - j[1] * j[2];
                double v0 = -(j[3] * r0 - j[1] * r1) / det / n;
                double v1 = -(-j[2] * r0 + j[0] * r1) / det / n;
                double[] f = eval(ef, x);
                double scale = Math.max(1, Math.hypot(v0, v1));
                assertEquals(v0, f[0], 1e-6 * scale);
                assertEquals(v1, f[1], 1e-6 * scale);
            }
        }
    }

    @Test
    void equilibriumIsAZeroAndLatentDistanceFallsAtUnitRate() {
        EuclideanizingFlow ef = model(3);
        double[] f0 = eval(ef, STAR);
        assertEquals(0.0, f0[0], 0.0);
        assertEquals(0.0, f0[1], 0.0);
        SplittableRandom rng = new SplittableRandom(2);
        for (int k = 0; k < 3; k++) {
            double[] x = point(rng, 2, 2);
            double start = dist(ef, x);
            double dt = 0.01;
            int steps = (int) (0.5 * start / dt);
            assertTrue(steps >= 5);
            double prev = start;
            for (int s = 1; s <= steps; s++) {
                double[] k1 = eval(ef, x);
                double[] k2 = eval(ef, new double[] {x[0] + dt / 2 * k1[0], x[1] + dt / 2 * k1[1]});
                double[] k3 = eval(ef, new double[] {x[0] + dt / 2 * k2[0], x[1] + dt / 2 * k2[1]});
                double[] k4 = eval(ef, new double[] {x[0] + dt * k3[0], x[1] + dt * k3[1]});
                for (int i = 0; i < 2; i++) {
                    x[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
                double now = dist(ef, x);
                assertTrue(now < prev, "Phi(psi(x(t))) must decrease");
                prev = now;
                assertEquals(start - s * dt, now, 1e-5);
            }
        }
    }

    @Test
    void trainingLossGradientMatchesFiniteDifferences() {
        SddTest.checkParameterGradient(model(7), 8, 1e-4);
    }
}
