package io.github.attractor.analysis.slowpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.analysis.rnn.RateRnn;
import io.github.attractor.analysis.tln.SupportEnumeration;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.analysis.tln.TlnFixedPoint;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.fixed.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SlowPointsTest {

    /** Saddle-node normal form {@code (μ + x², -y)}: a ghost (slow point) for μ > 0, two fixed points for μ < 0. */
    static VectorField saddleNode(double mu) {
        return new VectorField() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = mu + x[0] * x[0];
                out[1] = -x[1];
            }
        };
    }

    static List<double[]> starts(int n, int count, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> s = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = spread * rng.nextGaussian();
            }
            s.add(x);
        }
        return s;
    }

    @Test
    void ghostOfASaddleNodeIsASlowPointAndNotAFixedPoint() {
        SlowPoints.Result r = SlowPoints.find(saddleNode(0.01), starts(2, 20, 1, 1), SlowPoints.Settings.defaults());
        assertTrue(r.fixedPoints().isEmpty());
        assertEquals(1, r.slowPoints().size());
        SlowPoints.Point p = r.slowPoints().get(0);
        assertEquals(0, p.x()[0], 1e-6);
        assertEquals(0, p.x()[1], 1e-6);
        assertEquals(0.5 * 0.01 * 0.01, p.q(), 1e-12);
        assertTrue(p.localMinimum());
    }

    @Test
    void pastTheBifurcationTheGhostSplitsIntoAStableAndAnUnstableFixedPoint() {
        SlowPoints.Result r = SlowPoints.find(saddleNode(-0.01), starts(2, 40, 1, 2), SlowPoints.Settings.defaults());
        assertEquals(2, r.fixedPoints().size());
        for (SlowPoints.Point p : r.fixedPoints()) {
            assertEquals(0.1, Math.abs(p.x()[0]), 1e-9);
            assertEquals(p.x()[0] < 0 ? Verdict.STABLE : Verdict.UNSTABLE, p.verdict());
        }
    }

    @Test
    void fixedPointsOfARandomTlnAreAmongTheEnumeratedOnes() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 5;
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 1 + 0.2 * rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                w.set(i, j, (i == j ? 0 : -1.5) + 0.2 * rng.nextGaussian());
            }
        }
        ThresholdLinearNetwork net = new ThresholdLinearNetwork(w, b);
        List<TlnFixedPoint> exact = SupportEnumeration.enumerate(net).fixedPoints();
        SlowPoints.Result r = SlowPoints.find(net, starts(n, 100, 2, 3), SlowPoints.Settings.defaults());
        assertTrue(!r.fixedPoints().isEmpty(), "exact " + exact.size() + ", slow " + r.slowPoints().size() + ", discarded " + r.discarded());
        for (SlowPoints.Point p : r.fixedPoints()) {
            assertTrue(exact.stream().anyMatch(e -> SlowPoints.same(e.x(), p.x(), 1e-8)), "found " + java.util.Arrays.toString(p.x()));
        }
        assertTrue(exact.size() > 1, "multistable network: " + exact.size());
        for (TlnFixedPoint e : exact) {
            if (e.verdict() == Verdict.STABLE) {
                assertTrue(r.fixedPoints().stream().anyMatch(p -> SlowPoints.same(e.x(), p.x(), 1e-8)),
                        "stable point " + java.util.Arrays.toString(e.x()) + " found by minimisation");
            }
        }
    }

    @Test
    void tanhRnnFixedPointsHaveTinyResidualsAndConsistentVerdicts() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 6;
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w.set(i, j, 1.8 * rng.nextGaussian() / Math.sqrt(n));
            }
        }
        RateRnn rnn = new RateRnn(w, Nonlinearity.TANH.unit(), 1, null);
        SlowPoints.Result r = SlowPoints.find(rnn, starts(n, 60, 1, 5), SlowPoints.Settings.defaults());
        assertTrue(r.fixedPoints().size() >= 1);
        double[] fx = new double[n];
        for (SlowPoints.Point p : r.fixedPoints()) {
            rnn.evaluate(0, p.x(), fx);
            double norm = 0;
            for (double v : fx) {
                norm += v * v;
            }
            assertTrue(Math.sqrt(norm) < 1e-9);
            assertEquals(p.spectrum().maxRealPart() < 0, p.verdict() == Verdict.STABLE);
        }
    }
}
