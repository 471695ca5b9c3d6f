package io.github.attractor.memory.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.linalg.Norms;
import io.github.attractor.memory.classical.Spins;
import io.github.attractor.memory.lagrangian.Lagrangians;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SequenceMapTest {

    /** Ξ with ±1 columns (N_f × P). */
    static DMatrixRMaj patterns(int nf, int p, long seed) {
        DMatrixRMaj rows = Spins.random(p, nf, new SplittableRandom(seed));
        DMatrixRMaj xi = new DMatrixRMaj(nf, p);
        CommonOps_DDRM.transpose(rows, xi);
        return xi;
    }

    static double[] column(DMatrixRMaj xi, int mu) {
        double[] c = new double[xi.numRows];
        for (int i = 0; i < c.length; i++) {
            c[i] = xi.get(i, mu);
        }
        return c;
    }

    @Test
    void shiftSendsEachPatternToTheNext() {
        DMatrixRMaj cyc = Transitions.shift(4, true);
        DMatrixRMaj open = Transitions.shift(4, false);
        for (int mu = 0; mu < 4; mu++) {
            double[] e = new double[4];
            e[mu] = 1;
            double[] c = new double[4];
            double[] o = new double[4];
            Dense.multTransposed(cyc, e, c);
            Dense.multTransposed(open, e, o);
            double[] expected = new double[4];
            expected[(mu + 1) % 4] = 1;
            assertArrayEquals(expected, c, 0.0);
            if (mu < 3) {
                assertArrayEquals(expected, o, 0.0);
            } else {
                assertArrayEquals(new double[4], o, 0.0);
            }
            assertEquals((mu + 1) % 4, Transitions.next(mu, 4, true));
        }
        assertEquals(3, Transitions.next(3, 4, false));
    }

    @Test
    void applyIsTheDenseMatrixTimesSigmaAndTheNormComesFromTheSmallProblem() {
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj xi = SequenceMemoryTest.gaussian(30, 4, 1, rng);
        DMatrixRMaj phi = SequenceMemoryTest.gaussian(4, 4, 1, rng);
        SequenceMap f = SequenceMap.of(xi, phi, 0.7, 1.9, Activation.tanh()).scaled(0.3);
        // M = c Ξ(α_s I + α_c Φᵀ)Ξᵀ formed independently
        DMatrixRMaj b = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.transpose(phi, b);
        CommonOps_DDRM.scale(1.9, b);
        for (int i = 0; i < 4; i++) {
            b.add(i, i, 0.7);
        }
        DMatrixRMaj xb = new DMatrixRMaj(30, 4);
        CommonOps_DDRM.mult(xi, b, xb);
        DMatrixRMaj m = new DMatrixRMaj(30, 30);
        CommonOps_DDRM.multTransB(0.3, xb, xi, m);
        double[] x = SequenceMemoryTest.point(30, 2);
        double[] expected = new double[30];
        Dense.mult(m, Activation.tanh().apply(x), expected);
        double[] out = new double[30];
        f.apply(x, out);
        assertArrayEquals(expected, out, 1e-12);
        assertEquals(Norms.spectral(m), f.operatorNorm(), 1e-10 * Norms.spectral(m));
        assertEquals(1.0, f.normalized().operatorNorm(), 1e-12);
        // the Jacobian M diag(1 - tanh²) and the conjugate's diag(1 - tanh²(Mv)) M
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        DMatrixRMaj n = new DMatrixRMaj(1, 1);
        f.jacobian(x, a);
        Jacobians.centralDifference(f, x, n);
        for (int i = 0; i < a.data.length; i++) {
            assertEquals(n.data[i], a.data[i], 1e-7 * Math.max(1, Math.abs(n.data[i])));
        }
        ConjugateRnn g = f.conjugate();
        g.jacobian(x, a);
        Jacobians.centralDifference(g, x, n);
        for (int i = 0; i < a.data.length; i++) {
            assertEquals(n.data[i], a.data[i], 1e-7 * Math.max(1, Math.abs(n.data[i])));
        }
    }

    @Test
    void transitionDominatedMapReplaysTheSequenceFromANoisyCue() {
        int nf = 300;
        int p = 6;
        DMatrixRMaj xi = patterns(nf, p, 4);
        SequenceMap f = SequenceMap.of(xi, Transitions.shift(p, true), 1, 2, Activation.sign());
        double[] cue = column(xi, 0);
        for (int i = 0; i < nf; i += 10) {
            cue[i] = -cue[i]; // 10% flipped
        }
        Replay r = f.replay(cue, 2 * p);
        assertEquals(0.8, r.overlap(0, 0), 1e-15);
        for (int t = 1; t <= 2 * p; t++) {
            assertTrue(r.overlap(t, t % p) >= 0.95, "step " + t + ": " + r.overlap(t, t % p));
            assertEquals(t % p, r.bestPattern(t));
        }
        // the scale of M does not change a sign orbit
        Replay s = f.normalized().replay(cue, 2 * p);
        for (int t = 0; t <= 2 * p; t++) {
            assertArrayEquals(Activation.sign().apply(r.states()[t]), Activation.sign().apply(s.states()[t]), 0.0);
        }
    }

    @Test
    void openShiftStopsAtTheLastPattern() {
        int nf = 300;
        int p = 4;
        DMatrixRMaj xi = patterns(nf, p, 6);
        SequenceMap f = SequenceMap.of(xi, Transitions.shift(p, false), 1, 2, Activation.sign());
        Replay r = f.replay(column(xi, 0), 8);
        for (int t = 3; t <= 8; t++) {
            assertTrue(r.overlap(t, 3) >= 0.95, "step " + t);
        }
    }

    @Test
    void conjugacyHoldsToRoundOffForTheNormalisedTanhMap() {
        DMatrixRMaj xi = patterns(200, 5, 8);
        SequenceMap f = SequenceMap.of(xi, Transitions.shift(5, true), 1, 1, Activation.tanh()).normalized();
        ConjugacyCheck c = f.conjugacy(50, 1.0, new SplittableRandom(3));
        assertTrue(c.maxAbsoluteError() < 1e-14, c.toString());
        assertTrue(c.maxRelativeError() < 1e-13, c.toString());
        assertEquals(0, c.saturated());
        // unnormalised, |f| is in the hundreds: tanh(f) rounds to ±1 and atanh cannot recover f
        ConjugacyCheck raw = SequenceMap.of(xi, Transitions.shift(5, true), 1, 1, Activation.tanh())
                .conjugacy(5, 1.0, new SplittableRandom(3));
        assertTrue(raw.saturated() > 0 && Double.isInfinite(raw.maxAbsoluteError()), raw.toString());
        assertEquals(0.0, f.orbitConjugacyError(column(xi, 0), 10), 0.0);
        assertThrows(InvalidInputException.class,
                () -> SequenceMap.of(xi, Transitions.shift(5, true), 1, 1, Activation.sign()).conjugacy(5, 1,
                        new SplittableRandom(1)));
    }

    @Test
    void activations() {
        assertArrayEquals(new double[] {1, 1, -1}, Activation.sign().apply(new double[] {0.0, 2, -1e-300}), 0.0);
        assertEquals("sign", Activation.parse(" SIGN ").name());
        assertEquals("tanh", Activation.parse("tanh").name());
        assertTrue(Activation.parse("tanh").invertible());
        assertTrue(Activation.parse("identity").invertible());
        assertTrue(!Activation.parse("relu").invertible());
        double[] y = {-0.999999, -0.3, 0.0, 1e-12, 0.5, 0.9999999999};
        double[] back = new double[y.length];
        Activation.tanh().inverse(y, back);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], Math.tanh(back[i]), 2e-16 + 1e-15 * Math.abs(y[i]));
        }
        assertThrows(InvalidInputException.class, () -> Activation.tanh().inverse(new double[] {1.0}, new double[1]));
        double[] g = Activation.of(Lagrangians.parse("sigmoid")).apply(new double[] {0.0});
        assertEquals(0.5, g[0], 0.0);
    }

    @Test
    void monotonicityMeasure() {
        EnergyMonotonicity m = EnergyMonotonicity.of(new double[] {0, 1, 2, 3, 4}, new double[] {5, 4, 4.5, 3, 3.1});
        assertEquals(2, m.increasingSteps());
        assertEquals(0.5, m.maxAbsoluteIncrease(), 1e-15);
        assertEquals(0.5 / 4.5, m.maxRelativeIncrease(), 1e-15);
        assertEquals(2.0, m.worstTime(), 0.0);
        assertTrue(!m.isMonotone(1e-3));
        assertTrue(EnergyMonotonicity.of(new double[] {0, 1}, new double[] {2, 1}).isMonotone(0));
    }
}
