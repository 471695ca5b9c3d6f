package io.github.attractor.learn.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.SingularProblemException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TapeTest {

    @Test
    void gradCheckDetectsAWrongBackward() {
        // A custom op y = x^2 whose backward claims 2.1 x: the oracle must reject it.
        GradCheck.Fn wrong = (t, x) -> {
            double[] v = t.buffer(x[0].size());
            for (int i = 0; i < v.length; i++) {
                v[i] = x[0].value()[i] * x[0].value()[i];
            }
            return t.custom(v, x[0].shape(), out -> {
                for (int i = 0; i < v.length; i++) {
                    x[0].grad()[i] += 2.1 * x[0].value()[i] * out.grad()[i];
                }
            }, x[0]);
        };
        double[] err = GradCheck.errors(wrong, new double[][] {{0.5, -1.5, 2.0}}, new int[][] {{3}}, 1);
        assertTrue(err[0] > 0.01, "error " + err[0]);
    }

    @Test
    void parameterUsedTwiceAccumulatesAndZeroGradResets() {
        Parameter p = new Parameter("w", new double[] {1.5, -2.0}, 2);
        Tape t = new Tape();
        // L = sum(w*w) + sum(3w) -> dL/dw = 2w + 3
        Node l = t.param(p).square().sum().add(t.param(p).scale(3).sum());
        t.backward(l);
        assertArrayEquals(new double[] {6.0, -1.0}, p.grad(), 1e-15);
        t.reset();
        Node l2 = t.param(p).sum();
        t.backward(l2);
        assertArrayEquals(new double[] {7.0, 0.0}, p.grad(), 1e-15, "gradients accumulate until zeroGrad");
        p.zeroGrad();
        assertArrayEquals(new double[] {0.0, 0.0}, p.grad());
    }

    @Test
    void resetReusesBuffersAndGivesIdenticalResults() {
        Parameter w = new Parameter("w", new SplittableRandom(3).doubles(12, -1, 1).toArray(), 4, 3);
        double[] x = new SplittableRandom(4).doubles(20, -1, 1).toArray();
        Tape t = new Tape();
        double[] first = null;
        double[] firstGrad = null;
        long warm = -1;
        for (int step = 0; step < 3; step++) {
            t.reset();
            w.zeroGrad();
            Node y = t.constant(x, 5, 4).matmul(t.param(w)).tanh();
            Node loss = y.square().mean();
            t.backward(loss);
            if (first == null) {
                first = y.value().clone();
                firstGrad = w.grad().clone();
                warm = t.allocatedArrays();
            } else {
                assertArrayEquals(first, y.value(), 0.0);
                assertArrayEquals(firstGrad, w.grad(), 0.0);
                assertEquals(warm, t.allocatedArrays(), "pooled buffers are reused after reset");
            }
        }
    }

    @Test
    void constantsCarryNoGradientAndParameterGradientsCanBeSwitchedOff() {
        Parameter w = new Parameter("w", new double[] {2.0}, 1);
        Tape t = new Tape().parameterGradients(false);
        Node x = t.variable(new double[] {3.0}, 1);
        Node c = t.constant(new double[] {5.0}, 1);
        Node y = x.mul(t.param(w)).add(c);
        assertFalse(c.requiresGrad());
        t.backward(y.sum());
        assertEquals(2.0, x.grad()[0], 0.0);
        assertEquals(0.0, w.grad()[0], 0.0, "parameter gradient untouched");
        assertThrows(IllegalStateException.class, c::grad);
    }

    @Test
    void seededBackwardGivesJacobianRows() {
        Tape t = new Tape();
        Node x = t.variable(new double[] {1.0, 2.0}, 2);
        double[] m = {1, 2, 3, 4, 5, 6};
        Node y = t.constant(m, 3, 2).matmul(x); // y = M x, Jacobian M
        for (int i = 0; i < 3; i++) {
            t.clearGradients();
            double[] seed = new double[3];
            seed[i] = 1;
            t.backward(y, seed);
            assertArrayEquals(new double[] {m[2 * i], m[2 * i + 1]}, x.grad(), 0.0);
        }
    }

    @Test
    void errorsAreOneLineAndNameTheOperation() {
        Tape t = new Tape();
        Node a = t.constant(new double[6], 2, 3);
        Node b = t.constant(new double[8], 2, 4);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.matmul(b));
        assertTrue(e.getMessage().startsWith("matmul:") && !e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> a.add(b));
        assertTrue(e.getMessage().startsWith("add:"), e.getMessage());
        InvalidInputException e2 = assertThrows(InvalidInputException.class, () -> t.constant(new double[5], 2, 3));
        assertTrue(e2.getMessage().startsWith("constant:"), e2.getMessage());
        assertThrows(InvalidInputException.class, () -> a.slice(1, 2, 5));
        assertThrows(ShapeMismatchException.class, () -> t.backward(a));
        Node other = new Tape().constant(new double[6], 2, 3);
        assertThrows(InvalidInputException.class, () -> a.add(other));
        Node singular = t.constant(new double[] {1, 2, 2, 4}, 2, 2);
        SingularProblemException s = assertThrows(SingularProblemException.class,
                () -> Ops.solve(singular, t.constant(new double[] {1, 1}, 2)));
        assertTrue(s.getMessage().startsWith("solve:"), s.getMessage());
    }

    @Test
    void solveMatchesEjml() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 6;
        double[] a = rng.doubles(n * n, -1, 1).toArray();
        double[] b = rng.doubles(n * 2, -1, 1).toArray();
        Tape t = new Tape();
        double[] x = Ops.solve(t.constant(a, n, n), t.constant(b, n, 2)).value();
        DMatrixRMaj xe = new DMatrixRMaj(n, 2);
        assertTrue(CommonOps_DDRM.solve(DMatrixRMaj.wrap(n, n, a.clone()), DMatrixRMaj.wrap(n, 2, b.clone()), xe));
        assertArrayEquals(xe.data, x, 1e-12);
    }

    /**
     * An implicit layer as a custom node: x* = tanh(W x* + u) by fixed-point iteration; the backward pass solves
     * the adjoint system (I − D W)^T λ = x̄* with D = diag(1 − x*²) and returns ū = D λ, W̄ = (D λ) x*^T, without
     * differentiating through the iterations.
     */
    static Node fixedPoint(Tape t, Node w, Node u) {
        int n = u.size();
        double[] wv = w.value();
        double[] uv = u.value();
        double[] x = t.zeros(n);
        double[] next = new double[n];
        for (int it = 0; it < 500; it++) {
            double diff = 0;
            for (int i = 0; i < n; i++) {
                double z = uv[i];
                for (int j = 0; j < n; j++) {
                    z += wv[i * n + j] * x[j];
                }
                next[i] = Math.tanh(z);
                diff = Math.max(diff, Math.abs(next[i] - x[i]));
            }
            System.arraycopy(next, 0, x, 0, n);
            if (diff < 1e-15) {
                break;
            }
        }
        return t.custom(x, new int[] {n}, out -> {
            double[] g = out.grad();
            DMatrixRMaj m = new DMatrixRMaj(n, n); // (I - D W)^T
            for (int i = 0; i < n; i++) {
                double di = 1 - x[i] * x[i];
                for (int j = 0; j < n; j++) {
                    m.set(j, i, (i == j ? 1 : 0) - di * wv[i * n + j]);
                }
            }
            DMatrixRMaj lambda = new DMatrixRMaj(n, 1);
            if (!CommonOps_DDRM.solve(m, DMatrixRMaj.wrap(n, 1, g.clone()), lambda)) {
                throw new SingularProblemException("fixed point adjoint: singular system");
            }
            for (int i = 0; i < n; i++) {
                double dl = (1 - x[i] * x[i]) * lambda.get(i);
                if (u.requiresGrad()) {
                    u.grad()[i] += dl;
                }
                if (w.requiresGrad()) {
                    for (int j = 0; j < n; j++) {
                        w.grad()[i * n + j] += dl * x[j];
                    }
                }
            }
        }, w, u);
    }

    @Test
    void implicitFixedPointNodeWithAdjointBackwardMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 4;
        double[] w = rng.doubles(n * n, -0.3, 0.3).toArray(); // ‖W‖ < 1: a contraction
        double[] u = rng.doubles(n, -1, 1).toArray();
        GradCheck.check("fixed point", (t, x) -> fixedPoint(t, x[0], x[1]).square().add(x[1]), new double[][] {w, u},
                new int[][] {{n, n}, {n}});
        // and the value really is a fixed point
        Tape t = new Tape();
        double[] xs = fixedPoint(t, t.constant(w, n, n), t.constant(u, n)).value();
        for (int i = 0; i < n; i++) {
            double z = u[i];
            for (int j = 0; j < n; j++) {
                z += w[i * n + j] * xs[j];
            }
            assertEquals(Math.tanh(z), xs[i], 1e-14);
        }
    }
}
