package io.github.attractor.analysis.deadneurons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.network.Network;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeadNeuronsTest {

    static Network net(Lagrangian lag, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        return new Network(RandomMatrices.symmetricWithSpectralNorm(n, 0.9, rng), b, lag);
    }

    @Test
    void reluDeadNeuronsAreTheNegativeCoordinatesPointingDown() {
        Lagrangian relu = Lagrangians.parse("relu");
        double[] y = {1.0, -0.5, 0.7, -2.0, 0.0};
        DeadDirections d = DeadDirections.at(relu, y, 1e-10, 10, 32, 1e-12, 1);
        assertEquals(3, d.count());
        for (int j = 0; j < d.count(); j++) {
            double[] v = d.direction(j);
            int i = v[1] != 0 ? 1 : v[3] != 0 ? 3 : 4;
            assertEquals(-1, v[i], 0.0, "dead directions point into the dead region");
        }
        assertEquals(0, d.confirmationError(), 0.0);
    }

    @Test
    void sigmoidSaturationAndSoftmaxShiftAreDead() {
        DeadDirections sig = DeadDirections.at(Lagrangians.parse("sigmoid"), new double[] {0.3, 40, -0.2, 45}, 1e-10,
                10, 32, 1e-12, 1);
        assertEquals(2, sig.count());
        assertEquals(1, sig.direction(0)[1], 0.0);
        DeadDirections soft = DeadDirections.at(Lagrangians.parse("softmax"), new double[] {0.3, -1.2, 0.8, 2.0},
                1e-10, 10, 32, 1e-12, 1);
        assertEquals(1, soft.count());
        double[] v = soft.direction(0);
        for (double c : v) {
            assertEquals(Math.abs(v[0]), Math.abs(c), 1e-12);
            assertEquals(0.5, Math.abs(c), 1e-12);
        }
        DeadDirections alive = DeadDirections.at(Lagrangians.parse("tanh"), new double[] {0.1, -0.3}, 1e-10, 10, 32,
                1e-12, 1);
        assertEquals(0, alive.count());
    }

    /** Examples 2–4: E(4) constant along y + Vc (Proposition 1), E2 and E3 not (Proposition 5.3). */
    @Test
    void energyFourIsFlatAndTheNewEnergiesAreNot() {
        Object[][] cases = {
            {"relu", new double[] {1.0, -0.5, 0.7, -2.0, 0.3, 1.2}},
            {"sigmoid", new double[] {0.3, 40, -0.2, 45, 1.0, -0.5}},
            {"softmax", new double[] {0.3, -1.2, 0.8, 2.0, -0.4, 0.1}},
        };
        for (Object[] c : cases) {
            Network n = net(Lagrangians.parse((String) c[0]), 6, 42);
            DeadNeuronReport r = DeadNeuronReport.analyze(n, (double[]) c[1], 1e-10, 10, 200, 1);
            assertTrue(r.k() >= 1, c[0] + ": k = " + r.k());
            assertTrue(r.e4Variation() < 1e-12, c[0] + ": E4 variation " + r.e4Variation());
            assertTrue(r.e2Variation() > 1e-6, c[0] + ": E2 variation " + r.e2Variation());
            assertTrue(r.e3Variation() > 1e-6, c[0] + ": E3 variation " + r.e3Variation());
            assertTrue(r.e14Variation() > 1e-6, c[0] + ": E14 variation " + r.e14Variation());
        }
    }

    @Test
    void variationIsRelativeAndZeroForAVanishingEnergy() {
        assertEquals(0, EnergyVariation.of(new double[] {0, 0, 0}), 0.0);
        assertEquals(0.5, EnergyVariation.of(new double[] {-2, -1, -1.5}), 1e-15);
        assertTrue(Double.isNaN(EnergyVariation.of(new double[] {1, Double.NaN})));
    }
}
