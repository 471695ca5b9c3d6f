package io.github.attractor.learn.elcd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ElcdFlowTest {

    @Test
    void centralDifferenceMatchesTheExactJacobianToAboutOneInAHundredMillion() {
        ElcdFlow m = new ElcdFlow(2, 16, 0.2, new double[] {0.5, -0.5}, true, false, 3);
        SplittableRandom rng = new SplittableRandom(5);
        int b = 40;
        double[] x = rng.doubles(2L * b, -3, 3).toArray();
        Tape t = new Tape();
        double[] fd = m.velocity(t, t.constant(x, b, 2)).value().clone();
        double worst = 0;
        for (int i = 0; i < b; i++) {
            double[] xi = {x[2 * i], x[2 * i + 1]};
            double[] exact = new double[2];
            m.evaluate(xi, exact);
            double err = Math.hypot(fd[2 * i] - exact[0], fd[2 * i + 1] - exact[1]);
            double scale = Math.max(1e-3, Math.hypot(exact[0], exact[1]));
            worst = Math.max(worst, err / scale);
        }
        assertTrue(worst < 1e-7, "relative error " + worst);
    }

    @Test
    void latentSymmetricPartIsBelowMinusAlpha() {
        ElcdFlow m = new ElcdFlow(2, 16, 0.3, new double[2], false, false, 8);
        SplittableRandom rng = new SplittableRandom(2);
        for (int k = 0; k < 50; k++) {
            double[] z = rng.doubles(2, -15, 15).toArray();
            assertTrue(ElcdTest.maxSymEig(m.latent().matrix(z), 2) <= -0.3 + 1e-12);
        }
    }

    @Test
    void jointTrainingReducesTheLossAndRolloutsConverge() {
        double[][] data = ElcdTest.linearData(300, 4);
        ElcdFlow m = new ElcdFlow(2, 16, 0.1, new double[2], false, true, 1);
        double[] first = new double[1];
        double last = new ElcdTrainer(15, 100, 5e-3, 2).train(m, data[0], data[1], (e, loss, s) -> {
            if (e == 0) {
                first[0] = loss;
            }
        });
        assertTrue(last < first[0] / 3, first[0] + " -> " + last);
        SplittableRandom rng = new SplittableRandom(9);
        for (int k = 0; k < 20; k++) {
            double[] x0 = rng.doubles(2, -10, 10).toArray();
            double[][] traj = Rollout.run(m, x0, 0.1, 1e-9, 5000);
            double[] end = traj[traj.length - 1];
            assertTrue(Math.hypot(end[0], end[1]) < 1e-3, "end " + end[0] + "," + end[1]);
        }
    }

    @Test
    void latentTrajectoriesSatisfyTheExponentialBound() {
        ElcdFlow m = new ElcdFlow(2, 16, 0.4, new double[] {1, 1}, false, false, 6);
        Tape t = new Tape();
        double[] zs = m.toLatent(new double[] {1, 1});
        double[] z = {6, -4};
        double h = 0.01;
        double r0 = Math.hypot(z[0] - zs[0], z[1] - zs[1]);
        for (int k = 1; k <= 300; k++) {
            // RK4 on the latent field
            double[][] k4 = new double[4][];
            double[] y = z.clone();
            double[] c = {0, 0.5, 0.5, 1};
            for (int s = 0; s < 4; s++) {
                if (s > 0) {
                    y = new double[] {z[0] + c[s] * h * k4[s - 1][0], z[1] + c[s] * h * k4[s - 1][1]};
                }
                t.reset();
                Node v = m.latentVelocity(t, t.constant(y, 1, 2));
                k4[s] = v.value().clone();
            }
            for (int i = 0; i < 2; i++) {
                z[i] += h / 6 * (k4[0][i] + 2 * k4[1][i] + 2 * k4[2][i] + k4[3][i]);
            }
            double r = Math.hypot(z[0] - zs[0], z[1] - zs[1]);
            assertTrue(r <= Math.exp(-0.4 * k * h) * r0 * (1 + 1e-9), "step " + k);
        }
    }
}
