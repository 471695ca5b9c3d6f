package io.github.attractor.learn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SddTest {
    private static final double[] STAR = {0.3, -0.2, 0.1};

    private static StableDeepDynamics model(long seed) {
        return new StableDeepDynamics(STAR, 8, 0.7, 0.05, 0.1, new SplittableRandom(seed));
    }

    private static double[] point(SplittableRandom rng, int d, double scale) {
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void lyapunovIsNonNegativeZeroAtEquilibriumAndConvex() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int m = 0; m < 5; m++) {
            StableDeepDynamics sdd = model(10 + m);
            assertEquals(0.0, sdd.lyapunovValue(STAR), 1e-14);
            for (int k = 0; k < 20; k++) {
                double[] a = point(rng, 3, 3);
                double[] b = point(rng, 3, 3);
                assertTrue(sdd.lyapunovValue(a) >= 0);
                double[] vals = new double[21];
                for (int j = 0; j <= 20; j++) {
                    double t = j / 20.0;
                    double[] x = new double[3];
                    for (int i = 0; i < 3; i++) {
                        x[i] = (1 - t) * a[i] + t * b[i];
                    }
                    vals[j] = sdd.lyapunovValue(x);
                }
                for (int j = 1; j < 20; j++) {
                    assertTrue(vals[j - 1] + vals[j + 1] - 2 * vals[j] >= -1e-12, "convex along a line");
                }
            }
        }
    }

    @Test
    void closedFormGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(2);
        StableDeepDynamics sdd = model(3);
        double h = 1e-6;
        for (int k = 0; k < 20; k++) {
            double[] x = point(rng, 3, 2);
            double[] g = sdd.lyapunovGradient(x);
            for (int i = 0; i < 3; i++) {
                double[] p = x.clone();
                double[] q = x.clone();
                p[i] += h;
                q[i] -= h;
                double fd = (sdd.lyapunovValue(p) - sdd.lyapunovValue(q)) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)));
            }
        }
    }

    @Test
    void projectedFieldDecreasesLyapunovAtRateAlpha() {
        SplittableRandom rng = new SplittableRandom(4);
        int violationsOfNominal = 0;
        for (int m = 0; m < 5; m++) {
            StableDeepDynamics sdd = model(20 + m);
            double[] f = new double[3];
            sdd.evaluate(STAR, f);
            for (double fi : f) {
                assertEquals(0.0, fi, 1e-14);
            }
            for (int k = 0; k < 50; k++) {
                double[] x = point(rng, 3, 3);
                sdd.evaluate(x, f);
                double[] g = sdd.lyapunovGradient(x);
                double v = sdd.lyapunovValue(x);
                double dot = 0;
                for (int i = 0; i < 3; i++) {
                    dot += g[i] * f[i];
                }
                assertTrue(dot <= -sdd.alpha() * v + 1e-10, "dV/dt = " + dot + " > -alpha V = " + (-sdd.alpha() * v));
                Tape tape = new Tape().parameterGradients(false);
                double[] fh = sdd.nominal(tape, tape.constant(x.clone(), 1, 3)).value();
                double dh = 0;
                for (int i = 0; i < 3; i++) {
                    dh += g[i] * fh[i];
                }
                if (dh > -sdd.alpha() * v) {
                    violationsOfNominal++;
                }
            }
        }
        assertTrue(violationsOfNominal > 0, "the projection must be active somewhere for the test to bite");
    }


    static void checkParameterGradient(io.github.attractor.learn.dynamics.LearnedDynamics model, long seed,
            double tol) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = model.dimension();
        int b = 6;
        double[] xs = point(rng, b * d, 2);
        double[] ys = point(rng, b * d, 1);
        for (Parameter p : model.parameters()) {
            p.zeroGrad();
        }
        lossOf(model, xs, ys, b, true);
        double h = 1e-6;
        int checked = 0;
        for (Parameter p : model.parameters()) {
            double[] w = p.value();
            double[] g = p.grad().clone();
            for (int j = 0; j < w.length; j += Math.max(1, w.length / 4)) {
                double old = w[j];
                w[j] = old + h;
                double lp = lossOf(model, xs, ys, b, false);
                w[j] = old - h;
                double lm = lossOf(model, xs, ys, b, false);
                w[j] = old;
                double fd = (lp - lm) / (2 * h);
                assertEquals(fd, g[j], tol * Math.max(1, Math.abs(fd)), p.name() + "[" + j + "]");
                checked++;
            }
        }
        assertTrue(checked > 10);
    }

    static double lossOf(io.github.attractor.learn.dynamics.LearnedDynamics model, double[] xs, double[] ys, int b,
            boolean backward) {
        int d = model.dimension();
        Tape tape = new Tape();
        Node f = model.velocity(tape, tape.constant(xs.clone(), b, d));
        Node l = f.sub(tape.constant(ys.clone(), b, d)).square().mean();
        if (backward) {
            tape.backward(l);
        }
        return l.item();
    }

    @Test
    void trainingLossGradientMatchesFiniteDifferences() {
        checkParameterGradient(model(5), 6, 1e-5);
    }
}
