package io.github.attractor.learn.elcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElcdTest {

    /** Largest eigenvalue of the symmetric part of a 2×2 or general d×d matrix via power iteration on a shift. */
    static double maxSymEig(double[] a, int d) {
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s[i * d + j] = 0.5 * (a[i * d + j] + a[j * d + i]);
            }
        }
        // Jacobi eigenvalue iteration
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += s[p * d + q] * s[p * d + q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = s[p * d + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (s[q * d + q] - s[p * d + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double sn = t * c;
                    for (int k = 0; k < d; k++) {
                        double skp = s[k * d + p];
                        double skq = s[k * d + q];
                        s[k * d + p] = c * skp - sn * skq;
                        s[k * d + q] = sn * skp + c * skq;
                    }
                    for (int k = 0; k < d; k++) {
                        double spk = s[p * d + k];
                        double sqk = s[q * d + k];
                        s[p * d + k] = c * spk - sn * sqk;
                        s[q * d + k] = sn * spk + c * sqk;
                    }
                }
            }
        }
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            m = Math.max(m, s[i * d + i]);
        }
        return m;
    }

    @Test
    void symmetricPartIsBelowMinusAlphaForRandomAndTrainedParameters() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int d : new int[] {2, 3}) {
            Elcd m = new Elcd(d, 16, 0.5, new double[d], true, 7 + d);
            for (int k = 0; k < 50; k++) {
                double[] x = rng.doubles(d, -20, 20).toArray();
                assertTrue(maxSymEig(m.matrix(x), d) <= -0.5 + 1e-12);
            }
        }
        Elcd m = trainedOnLinear();
        for (int k = 0; k < 50; k++) {
            double[] x = rng.doubles(2, -20, 20).toArray();
            assertTrue(maxSymEig(m.matrix(x), 2) <= -m.alpha() + 1e-12);
        }
    }

    @Test
    void symmetricPartBoundHoldsForAThousandRandomParameterDraws() {
        SplittableRandom rng = new SplittableRandom(11);
        double worst = Double.NEGATIVE_INFINITY;
        for (int draw = 0; draw < 1000; draw++) {
            int d = 2 + rng.nextInt(7);
            double alpha = Math.pow(10, rng.nextDouble(-3, 1));
            Elcd m = new Elcd(d, 1 + rng.nextInt(32), alpha, rng.doubles(d, -5, 5).toArray(), false, rng.nextLong());
            double scale = Math.pow(10, rng.nextDouble(-1, 1.5));
            for (var p : m.parameters()) {
                double[] v = p.value();
                for (int i = 0; i < v.length; i++) {
                    v[i] = scale * rng.nextGaussian();
                }
            }
            for (int k = 0; k < 3; k++) {
                double[] x = rng.doubles(d, -30, 30).toArray();
                double[] a = m.matrix(x);
                double norm = 0;
                for (double e : a) {
                    norm = Math.max(norm, Math.abs(e));
                }
                // λmax(sym A) + α ≤ 0 up to round-off relative to the size of A.
                worst = Math.max(worst, (maxSymEig(a, d) + alpha) / Math.max(1.0, norm));
            }
        }
        assertTrue(worst <= 1e-12, "worst (λmax(sym A) + α)/max(1, |A|max) = " + worst);
    }

    static double[][] linearData(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = rng.doubles(2L * n, -1, 1).toArray();
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            v[2 * i] = -x[2 * i] + 0.5 * x[2 * i + 1];
            v[2 * i + 1] = -0.5 * x[2 * i] - x[2 * i + 1];
        }
        return new double[][] {x, v};
    }

    static Elcd trainedOnLinear() {
        double[][] data = linearData(500, 1);
        Elcd m = new Elcd(2, 16, 0.1, new double[] {0.3, -0.2}, true, 5);
        new ElcdTrainer(40, 100, 1e-2, 9).train(m, data[0], data[1], null);
        return m;
    }

    @Test
    void trainingReducesTheLossAndFindsTheEquilibrium() {
        double[][] data = linearData(500, 1);
        Elcd m = new Elcd(2, 16, 0.1, new double[] {0.3, -0.2}, true, 5);
        double[] first = new double[1];
        double last = new ElcdTrainer(40, 100, 1e-2, 9).train(m, data[0], data[1], (e, loss, s) -> {
            if (e == 0) {
                first[0] = loss;
            }
        });
        assertTrue(last < first[0] / 10, first[0] + " -> " + last);
        assertTrue(Math.hypot(m.equilibrium()[0], m.equilibrium()[1]) < 0.05);
    }

    @Test
    void trainingIsDeterministicForASeed() {
        double[][] data = linearData(200, 2);
        Elcd a = new Elcd(2, 8, 0.1, new double[2], false, 1);
        Elcd b = new Elcd(2, 8, 0.1, new double[2], false, 1);
        double la = new ElcdTrainer(3, 50, 1e-3, 4).train(a, data[0], data[1], null);
        double lb = new ElcdTrainer(3, 50, 1e-3, 4).train(b, data[0], data[1], null);
        assertEquals(la, lb, 0.0);
    }

    @Test
    void latentTrajectoriesSatisfyTheExponentialBound() {
        Elcd m = new Elcd(2, 16, 0.4, new double[] {1, -1}, false, 11);
        double[] z0 = {8, 5};
        double h = 0.01;
        double[][] traj = Rollout.run(m, z0, h, 0, 300);
        double r0 = Math.hypot(z0[0] - 1, z0[1] + 1);
        for (int k = 0; k < traj.length; k++) {
            double r = Math.hypot(traj[k][0] - 1, traj[k][1] + 1);
            assertTrue(r <= Math.exp(-0.4 * k * h) * r0 * (1 + 1e-9), "step " + k);
        }
    }

    @Test
    void rolloutsFromAHundredFarStatesConvergeToTheEquilibrium() {
        Elcd m = trainedOnLinear();
        double[] star = m.equilibrium();
        SplittableRandom rng = new SplittableRandom(21);
        for (int k = 0; k < 100; k++) {
            double[] x0 = rng.doubles(2, -10, 10).toArray();
            double[][] t = Rollout.run(m, x0, 0.1, 1e-9, 5000);
            double[] end = t[t.length - 1];
            assertTrue(Math.hypot(end[0] - star[0], end[1] - star[1]) < 1e-4, "from " + x0[0] + "," + x0[1]);
        }
    }

    @Test
    void nonFiniteDataAndBadOptionsAreRejected() {
        Elcd m = new Elcd(2, 4, 0.1, new double[2], false, 1);
        ElcdTrainer tr = new ElcdTrainer(1, 10, 1e-3, 1);
        assertThrows(InvalidInputException.class, () -> tr.train(m, new double[] {0, Double.NaN}, new double[] {0, 0}, null));
        assertThrows(InvalidInputException.class, () -> tr.train(m, new double[] {0, 0, 0}, new double[] {0, 0, 0}, null));
        assertThrows(InvalidInputException.class, () -> new Elcd(2, 4, 0, new double[2], false, 1));
        assertThrows(InvalidInputException.class, () -> new ElcdTrainer(0, 10, 1e-3, 1));
    }
}
