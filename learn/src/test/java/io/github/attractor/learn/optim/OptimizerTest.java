package io.github.attractor.learn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static final double LR = 0.01;

    @Test
    void adamWithConstantGradientMovesByLrTimesSignEachStep() {
        // m̂_t = g and v̂_t = g² exactly for a constant gradient, so θ_t = θ_0 − t η g / (|g| + ε).
        double[] th0 = {1.0, -2.0, 0.5};
        double[] g = {0.3, -4.0, 1e-3};
        Parameter p = new Parameter("p", th0.clone(), 3);
        Adam adam = new Adam(List.of(p), LR);
        for (int t = 1; t <= 5; t++) {
            System.arraycopy(g, 0, p.grad(), 0, 3);
            adam.step();
            for (int i = 0; i < 3; i++) {
                double expected = th0[i] - t * LR * g[i] / (Math.abs(g[i]) + 1e-8);
                assertEquals(expected, p.value()[i], 1e-12, "step " + t + " entry " + i);
            }
        }
    }

    @Test
    void adamSecondStepWithChangingGradientMatchesClosedForm() {
        double b1 = 0.9;
        double b2 = 0.999;
        double g1 = 0.5;
        double g2 = -1.5;
        Parameter p = new Parameter("p", new double[] {0.0}, 1);
        Adam adam = new Adam(List.of(p), LearningRateSchedule.constant(LR), b1, b2, 1e-8, 0, true);
        p.grad()[0] = g1;
        adam.step();
        assertEquals(-LR * g1 / (Math.abs(g1) + 1e-8), p.value()[0], 1e-15);
        double after1 = p.value()[0];
        p.grad()[0] = g2;
        adam.step();
        double mh = (b1 * g1 + g2) / (1 + b1);
        double vh = (b2 * g1 * g1 + g2 * g2) / (1 + b2);
        assertEquals(after1 - LR * mh / (Math.sqrt(vh) + 1e-8), p.value()[0], 1e-15);
    }

    @Test
    void decoupledWeightDecayShrinksGeometricallyAndL2EntersTheGradient() {
        Parameter p = new Parameter("p", new double[] {2.0, -3.0}, 2);
        Adam w = Adam.adamW(List.of(p), 0.1, 0.5);
        for (int t = 0; t < 4; t++) {
            w.step(); // zero gradient: only the decay acts
        }
        assertArrayEquals(new double[] {2.0 * Math.pow(0.95, 4), -3.0 * Math.pow(0.95, 4)}, p.value(), 1e-14);

        Parameter q = new Parameter("q", new double[] {2.0}, 1);
        Adam l2 = new Adam(List.of(q), LearningRateSchedule.constant(0.1), 0.9, 0.999, 1e-8, 0.5, false);
        l2.step(); // g = λθ = 1, first Adam step moves by η g/(|g|+ε)
        assertEquals(2.0 - 0.1 / (1 + 1e-8), q.value()[0], 1e-14);
    }

    @Test
    void sgdMomentumAndNesterovMatchClosedForm() {
        double mu = 0.9;
        Parameter p = new Parameter("p", new double[] {1.0}, 1);
        Sgd sgd = new Sgd(List.of(p), LearningRateSchedule.constant(LR), mu, false, 0);
        Parameter q = new Parameter("q", new double[] {1.0}, 1);
        Sgd nes = new Sgd(List.of(q), LearningRateSchedule.constant(LR), mu, true, 0);
        double g = 2.0;
        double expectP = 1.0;
        double expectQ = 1.0;
        double v = 0;
        for (int t = 1; t <= 3; t++) {
            p.grad()[0] = g;
            q.grad()[0] = g;
            sgd.step();
            nes.step();
            v = t == 1 ? g : mu * v + g;
            expectP -= LR * v;
            expectQ -= LR * (g + mu * v);
            assertEquals(expectP, p.value()[0], 1e-15);
            assertEquals(expectQ, q.value()[0], 1e-15);
        }
        assertEquals(1.0 - LR * g * (1 + (1 + mu) + (1 + mu + mu * mu)), p.value()[0], 1e-14);
    }

    /** f(θ) = ½ (θ − c)^T Q (θ − c) with Q symmetric positive definite, recorded on the tape. */
    private static double quadraticSteps(Parameter theta, double[] q, double[] c, Supplier<Optimizer> make, int steps) {
        int n = c.length;
        Optimizer opt = make.get();
        Tape t = new Tape();
        for (int s = 0; s < steps; s++) {
            t.reset();
            opt.zeroGrad();
            Node e = t.param(theta).sub(t.constant(c, n));
            Node f = e.matmul(t.constant(q, n, n)).matmul(e).scale(0.5);
            t.backward(f);
            opt.step();
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            d = Math.max(d, Math.abs(theta.value()[i] - c[i]));
        }
        return d;
    }

    @Test
    void optimizersMinimiseAConvexQuadratic() {
        int n = 5;
        SplittableRandom rng = new SplittableRandom(5);
        double[] m = rng.doubles(n * n, -1, 1).toArray();
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.5 : 0;
                for (int k = 0; k < n; k++) {
                    s += m[i * n + k] * m[j * n + k];
                }
                q[i * n + j] = s;
            }
        }
        double[] c = rng.doubles(n, -2, 2).toArray();
        Parameter a = new Parameter("a", n);
        assertTrue(quadraticSteps(a, q, c, () -> new Adam(List.of(a), LearningRateSchedule.cosine(0.1, 1e-3, 3000),
                0.9, 0.999, 1e-8, 0, true), 3000) < 1e-4);
        Parameter b = new Parameter("b", n);
        assertTrue(quadraticSteps(b, q, c, () -> new Sgd(List.of(b), LearningRateSchedule.constant(0.05), 0.9, false, 0),
                2000) < 1e-6);
        Parameter d = new Parameter("d", n);
        assertTrue(quadraticSteps(d, q, c, () -> new Sgd(List.of(d), LearningRateSchedule.constant(0.05), 0.9, true, 0),
                2000) < 1e-6);
        Parameter e = new Parameter("e", n);
        assertTrue(quadraticSteps(e, q, c, () -> new Sgd(List.of(e), 0.05), 5000) < 1e-6);
    }

    @Test
    void schedules() {
        assertEquals(0.1, LearningRateSchedule.constant(0.1).rate(1000), 0);
        LearningRateSchedule st = LearningRateSchedule.step(1.0, 10, 0.5);
        assertEquals(1.0, st.rate(9), 0);
        assertEquals(0.5, st.rate(10), 0);
        assertEquals(0.25, st.rate(25), 0);
        assertEquals(1.0 * Math.pow(0.9, 7), LearningRateSchedule.exponential(1.0, 0.9).rate(7), 1e-15);
        LearningRateSchedule cos = LearningRateSchedule.cosine(1.0, 0.1, 100);
        assertEquals(1.0, cos.rate(0), 1e-15);
        assertEquals(0.55, cos.rate(50), 1e-15);
        assertEquals(0.1, cos.rate(100), 1e-15);
        assertEquals(0.1, cos.rate(1000), 0);
        Parameter p = new Parameter("p", 1);
        Sgd sgd = new Sgd(List.of(p), st, 0, false, 0);
        for (int t = 0; t < 12; t++) {
            double lr = sgd.step();
            assertEquals(st.rate(t), lr, 0);
        }
        assertThrows(InvalidInputException.class, () -> LearningRateSchedule.cosine(0.1, 0.2, 10));
        assertThrows(InvalidInputException.class, () -> new Adam(List.of(p, p), 0.1));
    }

    @Test
    void clippingBoundsTheNormAndKeepsTheDirection() {
        SplittableRandom rng = new SplittableRandom(8);
        Parameter a = new Parameter("a", 3, 4);
        Parameter b = new Parameter("b", 7);
        List<Parameter> ps = List.of(a, b);
        for (Parameter p : ps) {
            for (int i = 0; i < p.size(); i++) {
                p.grad()[i] = rng.nextDouble(-10, 10);
            }
        }
        double[] before = a.grad().clone();
        double norm = GradientClipping.globalNorm(ps);
        assertTrue(norm > 5);
        assertEquals(norm, GradientClipping.byGlobalNorm(ps, 5.0), 0);
        assertEquals(5.0, GradientClipping.globalNorm(ps), 5.0 * 1e-14);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] * 5.0 / norm, a.grad()[i], 1e-13);
        }
        double[] small = b.grad().clone();
        GradientClipping.byGlobalNorm(ps, 100.0);
        assertArrayEquals(small, b.grad(), 0.0, "below the bound nothing changes");
        GradientClipping.byValue(ps, 0.3);
        for (Parameter p : ps) {
            for (double g : p.grad()) {
                assertTrue(Math.abs(g) <= 0.3);
            }
        }
    }
}
