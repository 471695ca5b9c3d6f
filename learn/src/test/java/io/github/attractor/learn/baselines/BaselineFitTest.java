package io.github.attractor.learn.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.optim.Adam;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each baseline fits the contracting linear system ẋ = A(x − x*), A = [[−1, −1], [1, −1]] (a damped rotation). */
class BaselineFitTest {
    private static final double[] STAR = {0.0, 0.0};
    private static final int N = 64;

    private static double[][] data() {
        SplittableRandom rng = new SplittableRandom(42);
        double[] xs = new double[N * 2];
        double[] ys = new double[N * 2];
        for (int s = 0; s < N; s++) {
            double a = 2 * rng.nextDouble() - 1;
            double b = 2 * rng.nextDouble() - 1;
            xs[2 * s] = a;
            xs[2 * s + 1] = b;
            ys[2 * s] = -a - b;
            ys[2 * s + 1] = a - b;
        }
        return new double[][] {xs, ys};
    }

    private static double loss(LearnedDynamics m, double[][] data, boolean backward) {
        Tape tape = new Tape();
        Node f = m.velocity(tape, tape.constant(data[0].clone(), N, 2));
        Node l = f.sub(tape.constant(data[1].clone(), N, 2)).square().mean();
        if (backward) {
            tape.backward(l);
        }
        return l.item();
    }

    private static double[] fit(LearnedDynamics m, int steps, double lr) {
        double[][] data = data();
        double first = loss(m, data, false);
        Adam adam = new Adam(m.parameters(), lr);
        for (int s = 0; s < steps; s++) {
            adam.zeroGrad();
            loss(m, data, true);
            adam.step();
        }
        double last = loss(m, data, false);
        assertTrue(Double.isFinite(last));
        return new double[] {first, last};
    }

    private static void assertFits(LearnedDynamics m, int steps, double lr) {
        double[] r = fit(m, steps, lr);
        assertTrue(r[1] * 10 <= r[0], m.kind() + ": loss " + r[0] + " -> " + r[1]);
        double[] f = new double[2];
        m.evaluate(STAR, f);
        assertEquals(0.0, Math.hypot(f[0], f[1]), 1e-12, m.kind() + ": x* stays an equilibrium");
    }

    @Test
    void sddFits() {
        assertFits(new StableDeepDynamics(STAR, 16, new SplittableRandom(1)), 300, 0.01);
    }

    @Test
    void ncdsFits() {
        assertFits(new NeuralContractiveDynamics(STAR, 16, 8, 0.01, 8, new SplittableRandom(2)), 300, 0.03);
    }

    @Test
    void eflowFits() {
        assertFits(new EuclideanizingFlow(STAR, 2, 16, 3), 300, 0.01);
    }
}
