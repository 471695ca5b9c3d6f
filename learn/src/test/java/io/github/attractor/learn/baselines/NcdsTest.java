package io.github.attractor.learn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NcdsTest {
    private static final double[] STAR = {0.4, -0.3};

    private static NeuralContractiveDynamics model(double[] star, long seed) {
        return new NeuralContractiveDynamics(star, 6, 3, 0.05, 12, new SplittableRandom(seed));
    }

    private static double[] point(SplittableRandom rng, int d, double scale) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    private static double[] eval(NeuralContractiveDynamics m, double[] x) {
        double[] f = new double[m.dimension()];
        m.evaluate(x, f);
        return f;
    }

    @Test
    void gaussLegendreMatchesKnownRules() {
        GaussLegendre two = new GaussLegendre(2);
        double r = 1 / Math.sqrt(3);
        assertEquals((1 - r) / 2, two.nodes()[0], 1e-15);
        assertEquals((1 + r) / 2, two.nodes()[1], 1e-15);
        assertEquals(0.5, two.weights()[0], 1e-15);
        assertEquals(0.5, two.weights()[1], 1e-15);
        GaussLegendre three = new GaussLegendre(3);
        double q = Math.sqrt(0.6);
        assertEquals((1 - q) / 2, three.nodes()[0], 1e-15);
        assertEquals(0.5, three.nodes()[1], 1e-15);
        assertEquals(5.0 / 18, three.weights()[0], 1e-15);
        assertEquals(8.0 / 18, three.weights()[1], 1e-15);
        assertEquals(0.5, new GaussLegendre(1).nodes()[0], 1e-15);
        GaussLegendre eight = new GaussLegendre(8);
        double sum = 0;
        double moment = 0;
        for (int k = 0; k < 8; k++) {
            sum += eight.weights()[k];
            moment += eight.weights()[k] * Math.pow(eight.nodes()[k], 15);
        }
        assertEquals(1.0, sum, 1e-14);
        assertEquals(1.0 / 16, moment, 1e-14);
    }

    @Test
    void equilibriumIsAZero() {
        for (double v : eval(model(STAR, 1), STAR)) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void jacobianEqualsMinusJtJPlusEpsInOneDimension() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] star = {0.2};
        NeuralContractiveDynamics m = model(star, 3);
        double h = 1e-5;
        for (int k = 0; k < 20; k++) {
            double[] x = point(rng, 1, 3);
            double fd = (eval(m, new double[] {x[0] + h})[0] - eval(m, new double[] {x[0] - h})[0]) / (2 * h);
            double a = m.contractionMatrix(x)[0];
            assertEquals(a, fd, 1e-6 * Math.max(1, Math.abs(a)));
            assertTrue(a <= -m.epsilon());
        }
    }

    @Test
    void radialJacobianEqualsContractionMatrixAndSymmetricPartIsBelowMinusEps() {
        SplittableRandom rng = new SplittableRandom(4);
        NeuralContractiveDynamics m = model(STAR, 5);
        double h = 1e-5;
        for (int k = 0; k < 20; k++) {
            double[] x = point(rng, 2, 3);
            double[] dx = {x[0] - STAR[0], x[1] - STAR[1]};
            double[] p = {x[0] + h * dx[0], x[1] + h * dx[1]};
            double[] q = {x[0] - h * dx[0], x[1] - h * dx[1]};
            double[] fp = eval(m, p);
            double[] fq = eval(m, q);
            double[] a = m.contractionMatrix(x);
            double quad = 0;
            for (int i = 0; i < 2; i++) {
                double fd = (fp[i] - fq[i]) / (2 * h);
                double ad = a[i * 2] * dx[0] + a[i * 2 + 1] * dx[1];
                assertEquals(ad, fd, 1e-6 * Math.max(1, Math.abs(ad)));
                quad += dx[i] * fd;
            }
            double n2 = dx[0] * dx[0] + dx[1] * dx[1];
            assertTrue(quad <= -m.epsilon() * n2 + 1e-8);
            double[] f = eval(m, x);
            assertTrue(f[0] * dx[0] + f[1] * dx[1] <= -m.epsilon() * n2 + 1e-12);
            double sa = a[0];
            double sb = 0.5 * (a[1] + a[2]);
            double sc = a[3];
            double maxEig = 0.5 * (sa + sc) + Math.sqrt(0.25 * (sa - sc) * (sa - sc) + sb * sb);
            assertTrue(maxEig <= -m.epsilon() + 1e-12);
        }
    }

    @Test
    void trainingLossGradientMatchesFiniteDifferences() {
        SddTest.checkParameterGradient(model(STAR, 7), 8, 1e-5);
    }
}
