package io.github.attractor.memory.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NotSymmetricException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class BinaryHopfieldTest {

    static double[] flip(double[] s, int k, SplittableRandom rng) {
        double[] t = s.clone();
        int[] order = new int[s.length];
        Spins.shuffle(order, rng);
        for (int i = 0; i < k; i++) {
            t[order[i]] = -t[order[i]];
        }
        return t;
    }

    @Test
    void hebbianWeightsAreTheOuterProductSumWithZeroDiagonal() {
        DMatrixRMaj xi = new DMatrixRMaj(new double[][] {{1, -1, 1}, {1, 1, -1}});
        DMatrixRMaj w = BinaryHopfield.hebbianWeights(xi);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double expected = i == j ? 0 : (xi.get(0, i) * xi.get(0, j) + xi.get(1, i) * xi.get(1, j)) / 3;
                assertEquals(expected, w.get(i, j), 1e-16);
            }
        }
    }

    @Test
    void energyIsMinusHalfTheSquaredOverlapsPlusTheDiagonalCorrection() {
        // with zero diagonal, E(s) = -(1/2N) Σ_μ (ξ^μ·s)² + P/2
        SplittableRandom rng = new SplittableRandom(4);
        DMatrixRMaj xi = Spins.random(7, 40, rng);
        BinaryHopfield net = BinaryHopfield.hebbian(xi);
        for (int t = 0; t < 10; t++) {
            double[] s = Spins.row(Spins.random(1, 40, rng), 0);
            double sum = 0;
            for (int mu = 0; mu < 7; mu++) {
                double m = 40 * Spins.overlap(xi, mu, s);
                sum += m * m;
            }
            assertEquals(-sum / 80 + 3.5, net.energy(s), 1e-12);
        }
    }

    @Test
    void fewStoredPatternsAreFixedPointsAndAreRetrievedFromTenPercentFlips() {
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj xi = Spins.random(5, 100, rng);
        BinaryHopfield net = BinaryHopfield.hebbian(xi);
        for (int mu = 0; mu < 5; mu++) {
            double[] p = Spins.row(xi, mu);
            assertTrue(net.isFixedPoint(p));
            assertArrayEquals(p, net.synchronousStep(p), 0.0);
            SpinRun run = net.runAsynchronous(flip(p, 10, rng), rng, 50);
            assertTrue(run.converged());
            assertEquals(1.0, BinaryHopfield.overlap(p, run.state()), 0.0);
            assertTrue(net.isFixedPoint(run.state()));
        }
    }

    @Property(tries = 30)
    void everySingleUpdateDoesNotIncreaseTheEnergy(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 40) int p) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 60;
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = 0.1 * rng.nextGaussian();
        }
        BinaryHopfield net = BinaryHopfield.hebbian(Spins.random(p, n, rng), theta);
        double[] s = Spins.row(Spins.random(1, n, rng), 0);
        double e = net.energy(s);
        for (int k = 0; k < 20 * n; k++) {
            net.updateUnit(s, rng.nextInt(n));
            double next = net.energy(s);
            assertTrue(next <= e + 1e-12, () -> "energy went up");
            e = next;
        }
    }

    @Property(tries = 30)
    void asynchronousRunsDescendToAFixedPoint(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 40) int p) {
        SplittableRandom rng = new SplittableRandom(seed);
        BinaryHopfield net = BinaryHopfield.hebbian(Spins.random(p, 50, rng));
        SpinRun run = net.runAsynchronous(Spins.row(Spins.random(1, 50, rng), 0), rng, 1000);
        assertTrue(run.converged());
        double[] e = run.energies();
        for (int k = 1; k < e.length; k++) {
            assertTrue(e[k] <= e[k - 1] + 1e-12);
        }
        assertTrue(net.isFixedPoint(run.state()));
        // sync and async share the fixed points
        assertArrayEquals(run.state(), net.synchronousStep(run.state()), 0.0);
        assertEquals(net.energy(run.state()), run.finalEnergy(), 1e-12);
    }

    @Test
    void synchronousUpdateCanCycleWhereAsynchronousConverges() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, -1}, {-1, 0}});
        BinaryHopfield net = new BinaryHopfield(w, new double[2]);
        double[] s = {1, 1};
        assertArrayEquals(new double[] {-1, -1}, net.synchronousStep(s), 0.0);
        SpinRun sync = net.runSynchronous(s, 10);
        assertFalse(sync.converged());
        assertArrayEquals(s, sync.state(), 0.0); // even number of steps on the 2-cycle
        SpinRun async = net.runAsynchronous(s, new SplittableRandom(2), 10);
        assertTrue(async.converged());
        assertEquals(-1.0, async.state()[0] * async.state()[1], 0.0);
        assertEquals(-1.0, async.finalEnergy(), 0.0);
    }

    @Test
    void zeroFieldKeepsTheUnit() {
        BinaryHopfield net = new BinaryHopfield(new DMatrixRMaj(3, 3), new double[3]);
        double[] s = {1, -1, 1};
        assertTrue(net.isFixedPoint(s));
        assertArrayEquals(s, net.synchronousStep(s), 0.0);
        assertFalse(net.updateUnit(s, 1));
        assertArrayEquals(new double[] {1, -1, 1}, s, 0.0);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(InvalidInputException.class,
                () -> BinaryHopfield.hebbian(new DMatrixRMaj(new double[][] {{1, 0.5}})));
        assertThrows(NotSymmetricException.class,
                () -> new BinaryHopfield(new DMatrixRMaj(new double[][] {{0, 1}, {2, 0}}), new double[2]));
        assertThrows(InvalidInputException.class,
                () -> new BinaryHopfield(new DMatrixRMaj(new double[][] {{-1, 0}, {0, 0}}), new double[2]));
        BinaryHopfield net = BinaryHopfield.hebbian(new DMatrixRMaj(new double[][] {{1, -1}}));
        assertThrows(InvalidInputException.class, () -> net.isFixedPoint(new double[] {1, 0}));
        assertThrows(InvalidInputException.class, () -> net.runAsynchronous(new double[] {1, 1}, new SplittableRandom(1), 0));
    }
}
