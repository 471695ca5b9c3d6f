package io.github.attractor.learn.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.tape.GradCheck;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Tape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Invertible layers: round trips, Jacobians and log-determinants against finite differences, gradients. */
class FlowTest {
    private static final int D = 3;
    private static final double TAIL = 3.0;

    private static LuLinear lu(String name, long seed) {
        LuLinear l = new LuLinear(name, D, seed);
        SplittableRandom rng = new SplittableRandom(seed + 100);
        double[] s = l.parameters().get(2).value();
        for (int i = 0; i < D; i++) {
            s[i] = (rng.nextBoolean() ? 1 : -1) * rng.nextDouble(0.5, 2.0); // include negative diagonals
        }
        double[] b = l.parameters().get(3).value();
        for (int i = 0; i < D; i++) {
            b[i] = rng.nextDouble(-0.5, 0.5);
        }
        return l;
    }

    private static SplineCoupling spline(String name, boolean flip, long seed) {
        return SplineCoupling.withMlp(name, D, flip, new int[] {8}, Activation.TANH,
                new RationalQuadraticSpline(5, TAIL), seed, false);
    }

    /** Each layer kind alone, and a composition in the shape ELCD uses (permutation, LU, spline, LU, spline, LU). */
    private static Map<String, InvertibleLayer> layers() {
        Map<String, InvertibleLayer> m = new LinkedHashMap<>();
        m.put("permutation", Permutation.random(D, 3));
        m.put("lu", lu("lu", 4));
        m.put("affine", AffineCoupling.withMlp("affine", D, false, new int[] {8}, Activation.TANH, 5, false));
        m.put("affine flipped", AffineCoupling.withMlp("affine", D, true, new int[] {6, 6}, Activation.ELU, 6, false));
        m.put("spline", spline("spline", false, 7));
        m.put("spline flipped", spline("spline", true, 8));
        m.put("flow", new Flow(Permutation.random(D, 9), lu("a", 10), spline("s1", false, 11), Permutation.reverse(D),
                lu("b", 12), spline("s2", true, 13), lu("c", 14)));
        return m;
    }

    private static double[] points(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * D];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.6 * rng.nextGaussian(); // some beyond the tail bound 3
        }
        return x;
    }

    @Test
    void inverseUndoesForwardTo1e10() {
        int n = 200;
        double[] x = points(1, n);
        for (Map.Entry<String, InvertibleLayer> e : layers().entrySet()) {
            Tape t = new Tape();
            FlowResult fwd = e.getValue().forward(t.constant(x, n, D));
            FlowResult back = e.getValue().inverse(fwd.output());
            double[] xr = back.output().value();
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], xr[i], 1e-10, e.getKey() + " round trip entry " + i);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(-fwd.logDet().value()[i], back.logDet().value()[i], 1e-10, e.getKey() + " inverse log-det");
            }
            FlowResult inv = e.getValue().inverse(t.constant(x, n, D));
            double[] xf = e.getValue().forward(inv.output()).output().value();
            for (int i = 0; i < x.length; i++) {
                assertEquals(x[i], xf[i], 1e-10, e.getKey() + " forward of inverse entry " + i);
            }
        }
    }

    private static double[] fdJacobian(InvertibleLayer f, double[] x) {
        double[] jac = new double[D * D];
        for (int j = 0; j < D; j++) {
            double h = 1e-5;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            double[] yp = f.forward(new Tape().constant(xp, 1, D)).output().value();
            double[] ym = f.forward(new Tape().constant(xm, 1, D)).output().value();
            for (int i = 0; i < D; i++) {
                jac[i * D + j] = (yp[i] - ym[i]) / (2 * h);
            }
        }
        return jac;
    }

    private static double logAbsDet(double[] jac) {
        return Math.log(Math.abs(CommonOps_DDRM.det(DMatrixRMaj.wrap(D, D, jac.clone()))));
    }

    @Test
    void jacobianAndLogDetAgreeWithFiniteDifferences() {
        double[] pts = points(2, 12);
        for (Map.Entry<String, InvertibleLayer> e : layers().entrySet()) {
            InvertibleLayer f = e.getValue();
            for (int p = 0; p < 12; p++) {
                double[] x = java.util.Arrays.copyOfRange(pts, p * D, (p + 1) * D);
                double[] jac = FlowJacobian.forward(f, x);
                double[] fd = fdJacobian(f, x);
                double scale = 0;
                double diff = 0;
                for (int i = 0; i < jac.length; i++) {
                    scale = Math.max(scale, Math.abs(fd[i]));
                    diff = Math.max(diff, Math.abs(fd[i] - jac[i]));
                }
                assertTrue(diff <= 1e-6 * scale, e.getKey() + " Jacobian at point " + p + ": error " + diff / scale);
                double logDet = f.forward(new Tape().constant(x, 1, D)).logDet().item();
                assertEquals(logAbsDet(fd), logDet, 1e-6 * Math.max(1, Math.abs(logDet)), e.getKey() + " log-det vs FD");
                assertEquals(logAbsDet(jac), logDet, 1e-10 * Math.max(1, Math.abs(logDet)), e.getKey() + " log-det vs AD");
                // the inverse's Jacobian is the inverse matrix
                double[] y = f.forward(new Tape().constant(x, 1, D)).output().value().clone();
                DMatrixRMaj prod = new DMatrixRMaj(D, D);
                CommonOps_DDRM.mult(DMatrixRMaj.wrap(D, D, FlowJacobian.inverse(f, y)), DMatrixRMaj.wrap(D, D, jac), prod);
                assertTrue(maxAbsDiff(prod.data, CommonOps_DDRM.identity(D).data) < 1e-9, e.getKey() + " inverse Jacobian");
            }
        }
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void parameterAndInputGradientsThroughTheComposedFlowMatchFiniteDifferences() {
        int n = 6;
        double[] x = points(3, n);
        double[] target = points(4, n);
        for (Map.Entry<String, InvertibleLayer> e : layers().entrySet()) {
            InvertibleLayer f = e.getValue();
            if (f.parameters().isEmpty()) {
                GradCheck.check(e.getKey() + " input", (t, in) -> f.forward(in[0]).output(), new double[][] {x.clone()},
                        new int[][] {{n, D}});
                continue;
            }
            // a negative log-likelihood-like loss: it depends on the output and on the log-determinant
            GradCheck.checkParameters(e.getKey(), t -> {
                FlowResult r = f.forward(t.constant(x, n, D));
                return r.output().sub(t.constant(target, n, D)).square().mean().sub(r.logDet().mean());
            }, f.parameters());
            GradCheck.checkParameters(e.getKey() + " inverse", t -> {
                FlowResult r = f.inverse(t.constant(x, n, D));
                return r.output().square().mean().add(r.logDet().mean());
            }, f.parameters());
            GradCheck.check(e.getKey() + " input", (t, in) -> outputAndLogDet(f.forward(in[0])),
                    new double[][] {x.clone()}, new int[][] {{n, D}});
        }
    }

    /** Output and log-determinant side by side, so one check covers both. */
    private static Node outputAndLogDet(FlowResult r) {
        int n = r.output().dim(0);
        return Ops.concat(1, r.output(), r.logDet().reshape(n, 1));
    }

    @Test
    void splineIsIdentityOutsideTheTailsAndContinuousAtTheBounds() {
        SplineCoupling s = spline("s", false, 21);
        double[] x = {0.3, -5.0, 7.0, -0.2, 3.5, -3.2};
        FlowResult r = s.forward(new Tape().constant(x, 2, D));
        double[] y = r.output().value();
        assertEquals(-5.0, y[1], 0.0);
        assertEquals(7.0, y[2], 0.0);
        assertEquals(3.5, y[4], 0.0);
        assertEquals(-3.2, y[5], 0.0);
        assertEquals(0.0, r.logDet().value()[1], 0.0, "both transformed features in the tails");
        // continuity of value and derivative (= 1) at ±B
        for (double edge : new double[] {-TAIL, TAIL}) {
            double[] in = {0.4, edge - 1e-9 * Math.signum(edge), 0.0};
            double[] jac = FlowJacobian.forward(s, in);
            double yEdge = s.forward(new Tape().constant(in, 1, D)).output().value()[1];
            assertEquals(edge, yEdge, 1e-8);
            assertEquals(1.0, jac[1 * D + 1], 1e-6, "derivative at the bound");
        }
        // monotone in each transformed feature
        double prev = Double.NEGATIVE_INFINITY;
        for (double v = -4; v <= 4; v += 0.01) {
            double yv = s.forward(new Tape().constant(new double[] {0.4, v, 0.1}, 1, D)).output().value()[1];
            assertTrue(yv > prev);
            prev = yv;
        }
    }

    @Test
    void identityInitialisedCouplingsStartAsTheIdentityMap() {
        double[] x = points(5, 4);
        List<InvertibleLayer> ls = new ArrayList<>();
        ls.add(AffineCoupling.withMlp("a", D, false, new int[] {8}, Activation.TANH, 1, true));
        for (InvertibleLayer l : ls) {
            FlowResult r = l.forward(new Tape().constant(x, 4, D));
            assertArrayEquals(x, r.output().value(), 0.0);
            assertArrayEquals(new double[4], r.logDet().value(), 0.0);
        }
        // a zero-initialised spline: uniform bins and derivatives softplus(0) + 1e-3 ≈ 0.694 inside, so not the identity
        SplineCoupling s = SplineCoupling.withMlp("s", D, false, new int[] {8}, Activation.TANH,
                new RationalQuadraticSpline(4, TAIL), 1, true);
        FlowResult r = s.forward(new Tape().constant(new double[] {0.1, -1.5, 0.0}, 1, D));
        assertEquals(-1.5, r.output().value()[1], 1e-12, "knots are fixed points of a uniform-bin spline");
        assertEquals(0.0, r.output().value()[2], 1e-12);
    }

    @Test
    void badInputsGiveOneLineErrors() {
        InvertibleLayer f = layers().get("flow");
        Tape t = new Tape();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> f.forward(t.constant(new double[4], 2, 2)));
        assertTrue(!e.getMessage().contains("\n"));
        assertThrows(InvalidInputException.class, () -> new Permutation(0, 0, 1));
        assertThrows(InvalidInputException.class, () -> new RationalQuadraticSpline(1, 3));
        assertThrows(InvalidInputException.class, () -> new RationalQuadraticSpline(8, 3, 0.2, 1e-3, 1e-3));
        assertThrows(InvalidInputException.class, () -> AffineCoupling.withMlp("a", 1, false, new int[] {4},
                Activation.TANH, 1, false));
    }
}
