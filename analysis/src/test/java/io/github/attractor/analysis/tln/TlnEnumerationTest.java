package io.github.attractor.analysis.tln;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TlnEnumerationTest {

    static ThresholdLinearNetwork random(int n, double scale, SplittableRandom rng) {
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                w.set(i, j, scale * rng.nextGaussian() / Math.sqrt(n));
            }
        }
        return new ThresholdLinearNetwork(w, b);
    }

    /** Independent oracle: every support solved by EJML's dense solve, sign conditions checked. */
    static List<String> bruteForce(ThresholdLinearNetwork net) {
        int n = net.dimension();
        List<String> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            int[] s = new int[Integer.bitCount(mask)];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if ((mask >> i & 1) != 0) {
                    s[k++] = i;
                }
            }
            DMatrixRMaj a = new DMatrixRMaj(k, k);
            DMatrixRMaj rhs = new DMatrixRMaj(k, 1);
            for (int i = 0; i < k; i++) {
                rhs.set(i, 0, net.bias(s[i]));
                for (int j = 0; j < k; j++) {
                    a.set(i, j, (i == j ? 1 : 0) - net.weight(s[i], s[j]));
                }
            }
            DMatrixRMaj xs = new DMatrixRMaj(k, 1);
            if (k > 0 && !CommonOps_DDRM.solve(a, rhs, xs)) {
                continue;
            }
            double[] x = new double[n];
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                x[s[i]] = xs.get(i, 0);
                ok &= x[s[i]] > 0;
            }
            for (int i = 0; i < n && ok; i++) {
                if ((mask >> i & 1) == 0) {
                    double p = net.bias(i);
                    for (int j = 0; j < n; j++) {
                        p += net.weight(i, j) * x[j];
                    }
                    ok = p <= 0;
                }
            }
            if (ok) {
                out.add(Arrays.toString(s));
            }
        }
        out.sort(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        return out;
    }

    @Test
    void analyticJacobianMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        ThresholdLinearNetwork net = random(5, 1.5, rng);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = rng.nextGaussian();
            }
            DMatrixRMaj exact = new DMatrixRMaj(5, 5);
            DMatrixRMaj fd = new DMatrixRMaj(5, 5);
            net.jacobian(0, x, exact);
            Jacobians.centralDifference(net, 0, x, fd);
            for (int i = 0; i < 25; i++) {
                assertEquals(fd.data[i], exact.data[i], 1e-6);
            }
        }
    }

    @Test
    void enumerationAgreesWithTheBruteForceOracleAndHasTinyResiduals() {
        SplittableRandom rng = new SplittableRandom(11);
        int total = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + trial % 7;
            ThresholdLinearNetwork net = random(n, 1 + 2 * (trial % 3), rng);
            SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
            SupportEnumeration.Result plain = SupportEnumeration.enumerate(net,
                    SupportEnumeration.Settings.defaults().withPrune(false));
            List<String> got = r.fixedPoints().stream().map(p -> Arrays.toString(p.support())).toList();
            assertEquals(bruteForce(net), got, "trial " + trial);
            assertEquals(got, plain.fixedPoints().stream().map(p -> Arrays.toString(p.support())).toList());
            assertEquals(1L << n, plain.statistics().supportsVisited());
            for (TlnFixedPoint p : r.fixedPoints()) {
                assertTrue(p.residual() < 1e-10, "residual " + p.residual());
                assertTrue(p.isolated());
                total++;
            }
            assertTrue(r.continua().isEmpty());
        }
        assertTrue(total > 30, "the random networks have fixed points: " + total);
    }

    @Test
    void randomCtlnsAgreeWithTheOracle() {
        SplittableRandom rng = new SplittableRandom(21);
        int total = 0;
        for (int trial = 0; trial < 30; trial++) {
            int n = 3 + trial % 6;
            List<int[]> edges = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && rng.nextDouble() < 0.4) {
                        edges.add(new int[] {i, j});
                    }
                }
            }
            ThresholdLinearNetwork net = Ctln.of(new DirectedGraph(n, edges));
            SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
            assertEquals(bruteForce(net), r.fixedPoints().stream().map(p -> Arrays.toString(p.support())).toList());
            total += r.fixedPoints().size();
            for (TlnFixedPoint p : r.fixedPoints()) {
                assertTrue(p.residual() < 1e-10);
            }
            assertEquals(1, r.fixedPoints().size() % 2, "parity: a nondegenerate TLN has an odd number of fixed points");
        }
        assertTrue(total > 40, "fixed points " + total);
    }

    @Test
    void everyStableStateReachedBySimulationIsEnumerated() {
        SplittableRandom rng = new SplittableRandom(5);
        ThresholdLinearNetwork net = random(6, 1.5, rng);
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        Integrator integ = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11)
                .withConvergenceTolerance(1e-10).withRecordStates(false));
        int converged = 0;
        for (int s = 0; s < 30; s++) {
            double[] x0 = new double[6];
            for (int i = 0; i < 6; i++) {
                x0[i] = 3 * rng.nextGaussian();
            }
            Trajectory tr = integ.integrate(net, x0, 0, 500);
            if (tr.finalResidualNorm() < 1e-8) {
                converged++;
                double[] xf = tr.finalState();
                boolean match = r.isolated(Verdict.STABLE).stream().anyMatch(p -> dist(p.x(), xf) < 1e-6);
                assertTrue(match, "simulation ended at " + Arrays.toString(xf) + ", not an enumerated stable point");
            }
        }
        assertTrue(converged > 0);
    }

    @Test
    void pruningRemovesUnitsThatCanNeverBeActiveOrInactive() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 0.5, -0.2}, {-0.3, 0, -0.4}, {0.2, 0.1, 0}});
        double[] b = {1, -0.5, 0.3};
        ThresholdLinearNetwork net = new ThresholdLinearNetwork(w, b);
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        assertEquals(1, r.statistics().forcedOff()); // unit 1: b ≤ 0, all inputs inhibitory
        assertEquals(1, r.statistics().forcedOn()); // unit 2: b > 0, all inputs excitatory
        assertEquals(2, r.statistics().supportsVisited());
        assertEquals(bruteForce(net), r.fixedPoints().stream().map(p -> Arrays.toString(p.support())).toList());
    }

    @Test
    void boundedLineAttractorIsASegmentWithItsEndsOnIt() {
        double beta = 2;
        ThresholdLinearNetwork net = new ThresholdLinearNetwork(new DMatrixRMaj(new double[][] {{0, -1}, {-1, 0}}),
                new double[] {beta, beta});
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        assertEquals(1, r.continua().size());
        Continuum c = r.continua().get(0);
        assertArrayEquals(new int[] {0, 1}, c.support());
        assertEquals(1, c.nullDimension());
        assertTrue(c.bounded());
        assertEquals(Verdict.STABLE, c.transverse());
        double[][] ends = {c.start(), c.end()};
        Arrays.sort(ends, (p, q) -> Double.compare(p[0], q[0]));
        assertArrayEquals(new double[] {0, beta}, ends[0], 1e-9);
        assertArrayEquals(new double[] {beta, 0}, ends[1], 1e-9);
        assertEquals(2, r.fixedPoints().size());
        assertTrue(r.isolated().isEmpty(), "the axis points are the segment's ends");
        for (TlnFixedPoint p : r.fixedPoints()) {
            assertTrue(p.onBoundary());
        }
    }

    @Test
    void unboundedLineAttractorIsARayFromTheOrigin() {
        ThresholdLinearNetwork net = new ThresholdLinearNetwork(new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}}),
                new double[] {0, 0});
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        assertEquals(1, r.continua().size());
        Continuum c = r.continua().get(0);
        assertFalse(c.bounded());
        assertTrue(c.start() == null ^ c.end() == null);
        double[] origin = c.start() != null ? c.start() : c.end();
        assertArrayEquals(new double[] {0, 0}, origin, 1e-12);
        assertEquals(1, r.fixedPoints().size());
        assertEquals(0, r.fixedPoints().get(0).continuum());
    }

    @Test
    void inconsistentSingularSupportCarriesNothing() {
        ThresholdLinearNetwork net = new ThresholdLinearNetwork(new DMatrixRMaj(new double[][] {{0, -1}, {-1, 0}}),
                new double[] {1.1, 0.9});
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        assertTrue(r.continua().isEmpty());
        assertEquals(1, r.statistics().singularSupports());
        assertEquals(1, r.fixedPoints().size());
        TlnFixedPoint p = r.fixedPoints().get(0);
        assertArrayEquals(new double[] {1.1, 0}, p.x(), 1e-12);
        assertEquals(Verdict.STABLE, p.verdict());
    }

    @Test
    void simplexOfFixedPointsIsATwoDimensionalContinuum() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, -1, -1}, {-1, 0, -1}, {-1, -1, 0}});
        SupportEnumeration.Result r = SupportEnumeration.enumerate(new ThresholdLinearNetwork(w, new double[] {1, 1, 1}));
        Continuum plane = r.continua().stream().filter(c -> c.support().length == 3).findFirst().orElseThrow();
        assertEquals(2, plane.nullDimension());
        assertTrue(plane.bounded());
        assertNull(plane.direction());
        assertEquals(1, Arrays.stream(plane.point()).sum(), 1e-9);
        // the edges of the simplex are segments of their own, the vertices lie in the closures
        assertEquals(4, r.continua().size());
        assertTrue(r.isolated().isEmpty());
    }

    @Test
    void threeCycleCtlnHasOneUnstableFixedPointAndOscillates() {
        ThresholdLinearNetwork net = Ctln.of(DirectedGraph.cycle(3));
        SupportEnumeration.Result r = SupportEnumeration.enumerate(net);
        assertEquals(1, r.fixedPoints().size());
        TlnFixedPoint p = r.fixedPoints().get(0);
        assertArrayEquals(new int[] {0, 1, 2}, p.support());
        assertEquals(Verdict.UNSTABLE, p.verdict());
        Trajectory tr = new Integrator(IntegrationSettings.defaults()).integrate(net, new double[] {0.2, 0.1, 0}, 0,
                200);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < tr.size(); s++) {
            if (tr.times()[s] > 100) {
                lo = Math.min(lo, tr.states()[s][0]);
                hi = Math.max(hi, tr.states()[s][0]);
            }
        }
        assertTrue(hi - lo > 0.1, "sustained oscillation, amplitude " + (hi - lo));
        assertNotNull(DirectedGraph.parse("0->1, 1->2\n2 0", 0));
        assertTrue(Ctln.legal(0.25, 0.5));
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s = Math.max(s, Math.abs(a[i] - b[i]));
        }
        return s;
    }
}
