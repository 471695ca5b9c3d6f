package io.github.attractor.analysis.contraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Every certificate is checked against the slope box (exact for n ≤ 12) and, for some, against simulation. */
class TheoremsTest {

    static DMatrixRMaj random(int n, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            w.data[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return w;
    }

    /** The certificate's metric and rate hold over the whole slope box. */
    static void assertCertified(Certificate c, DMatrixRMaj w, double g) {
        assertTrue(c.holds(), c.reason());
        double worst = SlopeBox.worstMeasure(w, g, c.metric(), null, 1);
        assertTrue(worst <= -c.rate() + 1e-9, c.theorem() + ": max μ_M over the box " + worst + " vs rate " + c.rate());
    }

    @Test
    void theorem1DecisionEqualsTheSpectralAbscissaAndItsMetricHolds() {
        ModuleSampler sampler = new ModuleSampler(8, 0.6, 0.55);
        SplittableRandom rng = new SplittableRandom(3);
        int accepted = 0;
        for (int s = 0; s < 400; s++) {
            DMatrixRMaj w = sampler.sample(rng);
            double abscissa = Eigen.eigenvalues(AbsoluteValueRestricted.metzler(w, 1)).maxRealPart();
            Certificate c = AbsoluteValueRestricted.check(w, 1);
            if (Math.abs(abscissa) > 1e-9) {
                assertEquals(abscissa < 0, c.holds(), "abscissa " + abscissa);
            }
            if (c.holds()) {
                accepted++;
                assertTrue(c.diagonalMetric());
                assertCertified(c, w, 1);
            }
        }
        assertTrue(accepted > 20 && accepted < 380, "accepted " + accepted);
    }

    @Test
    void theorem1UsesTheReducibleFallbackAndZeroesNonPositiveDiagonals() {
        // upper triangular |W|: reducible, Perron vectors have zeros
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 0.5, 0.3}, {0, 0, -0.4}, {0, 0, 0}});
        Certificate c = AbsoluteValueRestricted.check(w, 1);
        assertCertified(c, w, 1);
        // a large negative self weight is zeroed, a positive one counts
        assertTrue(AbsoluteValueRestricted.check(new DMatrixRMaj(new double[][] {{-9, 0.5}, {0.5, 0}}), 1).holds());
        assertFalse(AbsoluteValueRestricted.check(new DMatrixRMaj(new double[][] {{1.2, 0}, {0, 0}}), 1).holds());
    }

    @Test
    void theorem2MetricHoldsForSymmetricWeights() {
        for (long seed = 0; seed < 10; seed++) {
            DMatrixRMaj a = random(5, 1, seed);
            DMatrixRMaj w = new DMatrixRMaj(5, 5);
            CommonOps_DDRM.transpose(a, w);
            CommonOps_DDRM.addEquals(w, a);
            double top = Eigen.maxSymmetric(w);
            if (top >= 1) {
                for (int i = 0; i < 5; i++) {
                    w.add(i, i, 0.9 - top);
                }
            }
            assertCertified(SymmetricWeights.check(w, 1), w, 1);
        }
        assertFalse(SymmetricWeights.check(random(3, 1, 1), 1).holds());
        assertFalse(SymmetricWeights.check(CommonOps_DDRM.identity(2), 1).holds());
    }

    @Test
    void theorem3DetectsDiagonalTimesSymmetricFactors() {
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {{2, 0.5, 0}, {0.5, 1, 0.3}, {0, 0.3, 1.5}});
        double[] p1 = {1, 2, 0.5};
        double[] p2 = {0.7, 1.3, 2};
        DMatrixRMaj w = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                w.set(i, j, -p1[i] * q.get(i, j) * p2[j]);
            }
        }
        assertCertified(ProductWeights.check(w, p1, p2), w, 1);
        Certificate detected = ProductWeights.check(w);
        assertCertified(detected, w, 5); // the slopes do not matter for Theorem 3
        assertFalse(ProductWeights.check(random(3, 1, 4)).holds());
    }

    @Test
    void theorem4ScalesTriangularWeights() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.5, 0, 0}, {3, -2, 0}, {-4, 5, 0.9}});
        assertCertified(TriangularWeights.check(w, 1), w, 1);
        DMatrixRMaj upper = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.transpose(random(4, 3, 2), upper);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                upper.set(i, j, 0);
            }
            upper.set(i, i, 0.2);
        }
        assertCertified(TriangularWeights.check(upper, 1), upper, 1);
        assertFalse(TriangularWeights.check(new DMatrixRMaj(new double[][] {{1.5, 0}, {1, 0}}), 1).holds());
    }

    @Test
    void theorem5SearchFindsAMetricBeyondTheSingularValueCondition() {
        // ‖W‖₂ > 1 but a diagonal scaling brings it below 1
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 4, 0}, {0.1, 0, 0}, {0, 0.2, 0.5}});
        assertTrue(io.github.attractor.core.linalg.Norms.spectral(w) > 1);
        Certificate c = SingularValueRestricted.search(w, 1);
        assertCertified(c, w, 1);
        assertFalse(SingularValueRestricted.search(new DMatrixRMaj(new double[][] {{1.1, 0}, {0, 0}}), 1).holds());
        // the parametrization always satisfies Theorem 5 with P = Φ²
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 5; t++) {
            double[] sigma = {0.99 * rng.nextDouble() / 2, 0.49, 0.1, 0};
            double[] phi = {1, 2, 0.3, 5};
            DMatrixRMaj wp = StableParametrization.weights(random(4, 2, t), random(4, 2, t + 9), sigma, phi, 2);
            double[] p = new double[4];
            for (int i = 0; i < 4; i++) {
                p[i] = phi[i] * phi[i];
            }
            assertCertified(SingularValueRestricted.check(wp, 2, p), wp, 2);
        }
    }

    @Test
    void skewExponentialIsOrthogonalAndARotationIn2d() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{0, 0.3}, {-0.4, 0}}); // A - Aᵀ = [[0, .7], [-.7, 0]]
        DMatrixRMaj e = StableParametrization.expSkew(a);
        assertEquals(Math.cos(0.7), e.get(0, 0), 1e-14);
        assertEquals(Math.sin(0.7), e.get(0, 1), 1e-14);
        DMatrixRMaj u = StableParametrization.expSkew(random(7, 5, 8));
        DMatrixRMaj utu = new DMatrixRMaj(7, 7);
        CommonOps_DDRM.multTransA(u, u, utu);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertEquals(i == j ? 1 : 0, utu.get(i, j), 1e-12);
            }
        }
    }

    @Test
    void certifiedNetworksContractInSimulation() {
        DMatrixRMaj w = new ModuleSampler(6, 0.6, 0.7).accepted(1, 1, 11, 100_000).get(0);
        Certificate c = AbsoluteValueRestricted.check(w, 1);
        MembraneRnn rnn = MembraneRnn.of(w, Nonlinearity.parse("tanh")).withInput(
                io.github.attractor.analysis.rnn.Input.of(t -> new double[] {Math.sin(t), 0, 1, 0, -1, Math.cos(2 * t)}));
        Integrator in = new Integrator(IntegrationSettings.defaults().withTolerances(1e-10, 1e-10));
        double[] a = {3, -2, 1, 0, 4, -1};
        double[] b = {-1, 2, -3, 1, 0, 2};
        Trajectory ta = in.integrate(rnn, a, 0, 5);
        Trajectory tb = in.integrate(rnn, b, 0, 5);
        double d0 = norm(a, b, c.metric());
        double d1 = norm(ta.finalState(), tb.finalState(), c.metric());
        assertTrue(d1 <= Math.exp(-c.rate() * 5) * d0 * (1 + 1e-6), d1 + " vs " + Math.exp(-c.rate() * 5) * d0);
    }

    static double norm(double[] a, double[] b, DMatrixRMaj m) {
        int n = a.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += (a[i] - b[i]) * m.get(i, j) * (a[j] - b[j]);
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void autoTriesInOrderAndUnknownTheoremsAreNamed() {
        List<Certificate> tried = Theorems.auto(new DMatrixRMaj(new double[][] {{0, 0.3}, {0.3, 0}}), 1);
        assertEquals("Theorem 2", tried.get(tried.size() - 1).theorem());
        assertThrows(UnknownNameException.class, () -> Theorems.check(CommonOps_DDRM.identity(2), 1, "8"));
    }

    @Test
    void theorem7BestMetricChangesSignNearC2() {
        for (double c : new double[] {0.5, 1, 1.5}) {
            assertTrue(ConstantMetricSearch.best(new DMatrixRMaj(new double[][] {{0, -c}, {c, 0}}), 1).value() < 0, "c=" + c);
        }
        assertTrue(ConstantMetricSearch.best(new DMatrixRMaj(new double[][] {{0, -3}, {3, 0}}), 1).value() > 0);
    }

    @Test
    void assemblyCouplingIsSkewInTheMetricAndKeepsTheRate() {
        ModuleSampler sampler = new ModuleSampler(6, 0.6, 0.7);
        List<DMatrixRMaj> modules = sampler.accepted(4, 1, 21, 100_000);
        List<Certificate> certs = modules.stream().map(m -> AbsoluteValueRestricted.check(m, 1)).toList();
        Combination.Assembly a = Combination.assemble(modules, certs, 0.3, 2, 5);
        assertTrue(a.certificate().holds(), a.certificate().reason());
        double worst = SlopeBox.worstMeasure(a.weights(), 1, a.metric(), a.coupling(), 7);
        assertTrue(worst <= -a.certificate().rate() + 1e-9, worst + " vs " + a.certificate().rate());
        // the feedback gain cancels the cross terms
        DMatrixRMaj m1 = CommonOps_DDRM.diag(1, 2);
        DMatrixRMaj m2 = CommonOps_DDRM.diag(3, 0.5, 1);
        DMatrixRMaj g = random(3, 1, 3);
        g.reshape(3, 2);
        DMatrixRMaj b = Combination.feedbackGain(m1, g, m2);
        DMatrixRMaj m1b = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.mult(m1, b, m1b);
        DMatrixRMaj gtm2 = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.multTransA(g, m2, gtm2);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, m1b.data[i] + gtm2.data[i], 1e-14);
        }
    }
}
