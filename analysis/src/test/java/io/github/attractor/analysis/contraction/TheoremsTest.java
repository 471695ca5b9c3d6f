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

    /** The fast decision (Collatz–Wielandt bounds, then elimination) equals the spectral abscissa's verdict. */
    @Test
    void theorem1FastDecisionAgreesWithEigenvalues() {
        double[][] settings = {{16, 0.4, 0.4}, {32, 0.265, 0.27}, {8, 0.6, 0.7}, {4, 1, 1}, {40, 0.05, 3}, {2, 0.5, 1.2}, {64, 0.1, 0.35}, {96, 0.5, 0.1}, {80, 0.03, 5}};
        for (double[] st : settings) {
            int n = (int) st[0];
            ModuleSampler sampler = new ModuleSampler(n, st[1], st[2]);
            SplittableRandom rng = new SplittableRandom(n);
            double[] scratch = new double[n * n];
            int agreeing = 0;
            for (int s = 0; s < 300; s++) {
                DMatrixRMaj w = sampler.sample(rng);
                if (s % 3 == 0) {
                    w.set(s % n, (s + 1) % n, 0.3); // some positive self weights and asymmetric patterns too
                    w.set(s % n, s % n, 0.2 * (s % 2));
                }
                double abscissa = Eigen.eigenvalues(AbsoluteValueRestricted.metzler(w, 1.1)).maxRealPart();
                if (Math.abs(abscissa) > 1e-9) {
                    assertEquals(abscissa < 0, AbsoluteValueRestricted.holds(w.data, n, 1.1, scratch), "n=" + n);
                    agreeing++;
                }
            }
            assertTrue(agreeing > 250);
        }
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
        Combination.Assembly a = Combination.assemble(modules, certs, 1, 0.3, 2, 64, 5);
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

    /** Theorem 6 against the variational equation: V = δxᵀ P D(x) δx decays at the certified rate β. */
    @Test
    void theorem6CertificateBoundsTheVariationalDecay() {
        int n = 4;
        DMatrixRMaj w = random(n, 0.25, 12);
        MembraneRnn rnn = MembraneRnn.of(w, Nonlinearity.parse("tanh")).withInput(
                io.github.attractor.analysis.rnn.Input.of(t -> new double[] {0.1 * Math.sin(t), 0.05, 0, -0.1}));
        double[] p = {1, 2, 0.5, 1};
        io.github.attractor.core.field.VectorField augmented = new io.github.attractor.core.field.VectorField() {
            @Override
            public int dimension() {
                return 2 * n;
            }

            @Override
            public void evaluate(double t, double[] z, double[] out) {
                double[] x = java.util.Arrays.copyOf(z, n);
                double[] fx = new double[n];
                rnn.evaluate(t, x, fx);
                DMatrixRMaj j = new DMatrixRMaj(n, n);
                rnn.jacobian(t, x, j);
                for (int i = 0; i < n; i++) {
                    out[i] = fx[i];
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += j.get(i, k) * z[n + k];
                    }
                    out[n + i] = s;
                }
            }
        };
        Integrator in = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11));
        double[] z0 = {0.3, -0.2, 0.1, 0.25, 1, -1, 0.5, 2};
        Trajectory tz = in.integrate(augmented, z0, 0, 6);
        double[][] zs = tz.states();
        double[][] xs = new double[zs.length][];
        for (int k = 0; k < zs.length; k++) {
            xs[k] = java.util.Arrays.copyOf(zs[k], n);
        }
        Certificate c = SlowSlopes.alongStates(rnn, p, tz.times(), xs);
        assertTrue(c.holds(), c.reason());
        double beta = c.margin();
        assertEquals(beta / 2, c.rate(), 1e-15);
        Nonlinearity.Scaled phi = rnn.nonlinearity();
        double v0 = 0;
        for (int k = 0; k < zs.length; k++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += p[i] * phi.slope(zs[k][i]) * zs[k][n + i] * zs[k][n + i];
            }
            if (k == 0) {
                v0 = v;
            }
            assertTrue(v <= Math.exp(-beta * tz.times()[k]) * v0 * (1 + 1e-7), "t=" + tz.times()[k]);
        }
        // far from the origin the slopes change fast and become small: condition (ii) fails
        Trajectory far = in.integrate(rnn, new double[] {6, -5, 4, 3}, 0, 6);
        assertFalse(SlowSlopes.alongTrajectory(rnn, p, far).holds());
        assertThrows(io.github.attractor.core.error.InvalidInputException.class, () -> SlowSlopes.alongTrajectory(
                MembraneRnn.of(w, Nonlinearity.parse("relu")), p, far));
    }

    /** Theorem 7: the search against the exact value of the symmetry argument, and against random metrics. */
    @Test
    void theorem7SearchMatchesTheExactValueAndNoRandomMetricBeatsIt() {
        SplittableRandom rng = new SplittableRandom(17);
        for (double c : new double[] {0.5, 1.5, 2, 2.5, 3}) {
            DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, -c}, {c, 0}});
            ConstantMetricSearch.Result r = ConstantMetricSearch.best(w, 1);
            assertEquals(ConstantMetricSearch.theorem7Exact(c, 1), r.value(), 1e-9, "c=" + c);
            assertEquals(2, r.metric().get(0, 0) + r.metric().get(1, 1), 1e-12);
            for (int k = 0; k < 20_000; k++) {
                double a = rng.nextDouble();
                double m = (2 * rng.nextDouble() - 1) * Math.sqrt(a * (2 - a));
                DMatrixRMaj metric = new DMatrixRMaj(new double[][] {{a, m}, {m, 2 - a}});
                assertTrue(ConstantMetricSearch.worstOverVertices(w, 1, metric) >= r.value() - 1e-12);
            }
        }
        // a generic 2×2 W: the search's value equals the best of a brute-force random search or beats it
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.3, -2.2}, {1.1, -0.5}});
        double best = ConstantMetricSearch.best(w, 1).value();
        double brute = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 200_000; k++) {
            double a = 2 * rng.nextDouble();
            double m = (2 * rng.nextDouble() - 1) * Math.sqrt(a * (2 - a));
            brute = Math.min(brute, ConstantMetricSearch.worstOverVertices(w, 1,
                    new DMatrixRMaj(new double[][] {{a, m}, {m, 2 - a}})));
        }
        assertTrue(best <= brute + 1e-12 && best > brute - 1e-2, best + " vs " + brute);
    }

    @Test
    void moduleAcceptanceIsDeterministicAndNearThePapersOnePercentAt16Units() {
        ModuleSampler sampler = new ModuleSampler(16, 0.4, 0.4);
        ModuleSampler.Acceptance a = sampler.acceptance(20_000, 1, 99);
        assertEquals(a, sampler.acceptance(20_000, 1, 99));
        assertTrue(a.rate() > 0.003 && a.rate() < 0.03, "rate " + a.rate());
        assertTrue(a.ciLow() < a.rate() && a.rate() < a.ciHigh());
        // the sampled module has exactly round(density n²) positions drawn, minus those on the diagonal
        DMatrixRMaj w = sampler.sample(new SplittableRandom(4));
        int nonZeros = 0;
        for (int i = 0; i < 16; i++) {
            assertEquals(0, w.get(i, i));
            for (int j = 0; j < 16; j++) {
                nonZeros += w.get(i, j) != 0 ? 1 : 0;
                assertTrue(Math.abs(w.get(i, j)) < 0.4);
            }
        }
        assertTrue(nonZeros <= 102 && nonZeros >= 102 - 16, "non-zeros " + nonZeros);
        double[] ci = ModuleSampler.wilson(0, 100);
        assertEquals(0, ci[0]);
        assertEquals(0.0370, ci[1], 1e-4);
    }

    @Test
    void slopeBoxCheckOfAnRnnAgreesWithTheorem1AndRefusesTheorem7() {
        DMatrixRMaj w = new ModuleSampler(6, 0.6, 0.7).accepted(1, 1, 3, 100_000).get(0);
        Certificate t1 = AbsoluteValueRestricted.check(w, 1);
        Certificate box = ConstantMetric.overSlopeBox(MembraneRnn.of(w, Nonlinearity.parse("relu")), t1.metric(), 1);
        assertTrue(box.holds(), box.reason());
        assertTrue(box.rate() >= t1.rate() - 1e-9);
        DMatrixRMaj rot = new DMatrixRMaj(new double[][] {{0, -3}, {3, 0}});
        assertFalse(ConstantMetric.overSlopeBox(MembraneRnn.of(rot, Nonlinearity.parse("relu")),
                CommonOps_DDRM.identity(2), 1).holds());
        // the Lyapunov metric of a Hurwitz A certifies the linear system at its rate
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{-1, 5}, {0, -2}});
        Certificate lyap = ConstantMetric.lyapunov(a);
        assertTrue(lyap.holds());
        assertTrue(io.github.attractor.core.linalg.MatrixMeasure.mu2(a, lyap.metric()) <= -lyap.rate() + 1e-12);
        assertFalse(ConstantMetric.lyapunov(new DMatrixRMaj(new double[][] {{0.1, 0}, {0, -1}})).holds());
    }

    /** Feedback and hierarchical combinations of two contracting linear systems, against the combined Jacobian. */
    @Test
    void feedbackAndHierarchyCertifyTheCombinedJacobian() {
        DMatrixRMaj a1 = new DMatrixRMaj(new double[][] {{-1, 4}, {0, -2}});
        DMatrixRMaj a2 = new DMatrixRMaj(new double[][] {{-0.5, 1, 0}, {-1, -0.5, 2}, {0, 0, -3}});
        Certificate c1 = ConstantMetric.lyapunov(a1);
        Certificate c2 = ConstantMetric.lyapunov(a2);
        DMatrixRMaj g = random(3, 5, 31);
        g.reshape(3, 2);
        DMatrixRMaj b = Combination.feedbackGain(c1.metric(), g, c2.metric());
        DMatrixRMaj j = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.insert(a1, j, 0, 0);
        CommonOps_DDRM.insert(a2, j, 2, 2);
        CommonOps_DDRM.insert(b, j, 0, 2);
        CommonOps_DDRM.insert(g, j, 2, 0);
        DMatrixRMaj m = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.insert(c1.metric(), m, 0, 0);
        CommonOps_DDRM.insert(c2.metric(), m, 2, 2);
        double slowest = Math.max(io.github.attractor.core.linalg.MatrixMeasure.mu2(a1, c1.metric()),
                io.github.attractor.core.linalg.MatrixMeasure.mu2(a2, c2.metric()));
        assertTrue(io.github.attractor.core.linalg.MatrixMeasure.mu2(j, m) <= slowest + 1e-12);
        // without the matched gain the same coupling destroys the bound
        CommonOps_DDRM.insert(new DMatrixRMaj(2, 3), j, 0, 2);
        assertTrue(io.github.attractor.core.linalg.MatrixMeasure.mu2(j, m) > slowest + 0.1);

        DMatrixRMaj h = random(3, 20, 32);
        h.reshape(3, 2);
        Certificate hc = Combination.hierarchy(c1.metric(), c1.rate(), c2.metric(), c2.rate(), h);
        assertTrue(hc.holds(), hc.reason());
        DMatrixRMaj jh = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.insert(a1, jh, 0, 0);
        CommonOps_DDRM.insert(a2, jh, 2, 2);
        CommonOps_DDRM.insert(h, jh, 2, 0);
        assertTrue(io.github.attractor.core.linalg.MatrixMeasure.mu2(jh, hc.metric()) <= -hc.rate() + 1e-9);
    }

    /** Theorem 5's P also contracts the discrete map x⁺ = φ(Wx + b): ‖δx⁺‖_P ≤ g σ_max(ΦWΦ⁻¹) ‖δx‖_P. */
    @Test
    void theorem5MetricContractsTheDiscreteMap() {
        double[] sigma = {0.9, 0.5, 0.2, 0.7};
        double[] phi = {1, 3, 0.5, 2};
        DMatrixRMaj w = StableParametrization.weights(random(4, 1, 40), random(4, 1, 41), sigma, phi, 1);
        Certificate c = SingularValueRestricted.search(w, 1);
        assertTrue(c.holds(), c.reason());
        io.github.attractor.analysis.rnn.DiscreteRnn map = new io.github.attractor.analysis.rnn.DiscreteRnn(w,
                new double[] {0.3, -0.2, 0.1, 0}, Nonlinearity.parse("relu"));
        double factor = 1 - c.rate(); // g σ_max(ΦWΦ⁻¹)
        SplittableRandom rng = new SplittableRandom(42);
        double[] x = {3, -1, 2, 0.5};
        double[] y = {-2, 4, 0, 1};
        double[] fx = new double[4];
        double[] fy = new double[4];
        for (int k = 0; k < 30; k++) {
            map.apply(x, fx);
            map.apply(y, fy);
            double before = norm(x, y, c.metric());
            double after = norm(fx, fy, c.metric());
            assertTrue(after <= factor * before * (1 + 1e-12) + 1e-300, "step " + k);
            x = fx.clone();
            y = fy.clone();
            if (k % 5 == 0) {
                y[rng.nextInt(4)] += 1;
            }
        }
    }
}
