package io.github.attractor.learn.elcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.baselines.NeuralContractiveDynamics;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GuaranteesTest {
    private static double[][] box(int d, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = rng.doubles(d, -1, 1).toArray();
        }
        return x;
    }

    @Test
    void randomElcdFlowModelsKeepTheBoundAndConvergeFromFarStarts() {
        for (long seed = 1; seed <= 3; seed++) {
            ElcdFlow m = new ElcdFlow(3, 8, 0.05, new double[] {0.2, -0.1, 0.3}, false, false, seed);
            Guarantees.Result r = Guarantees.check(m, box(3, 50, seed), 200, 20, 10, seed);
            assertTrue(r.maxSymmetricPlusAlpha() <= 1e-12, "λmax(sym A) + α = " + r.maxSymmetricPlusAlpha());
            assertEquals(20, r.converged(), "worst ratio " + r.worstRatio());
            assertTrue(r.worstRatio() <= 1e-6);
        }
    }

    @Test
    void plainElcdTrainedOnARotationKeepsItsGuarantees() {
        double[] x = new double[2 * 200];
        double[] v = new double[2 * 200];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            double a = rng.nextDouble(-2, 2);
            double b = rng.nextDouble(-2, 2);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            v[2 * i] = -0.3 * a - b;
            v[2 * i + 1] = a - 0.3 * b;
        }
        Elcd m = new Elcd(2, 16, 0.01, new double[2], false, 2);
        new ElcdTrainer(30, 50, 1e-2, 1).train(m, x, v, null);
        Guarantees.Result r = Guarantees.check(m, box(2, 100, 9), 1000, 100, 10, 3);
        assertTrue(r.maxSymmetricPlusAlpha() <= 1e-12);
        assertEquals(100, r.converged());
    }

    @Test
    void onlyElcdModelsHaveTheseGuarantees() {
        NeuralContractiveDynamics n = new NeuralContractiveDynamics(new double[2], 8, new SplittableRandom(1));
        assertThrows(InvalidInputException.class, () -> Guarantees.check(n, box(2, 5, 1), 10, 1, 10, 1));
        Elcd m = new Elcd(2, 4, 0.1, new double[2], false, 1);
        assertThrows(InvalidInputException.class, () -> Guarantees.check(m, new double[0][], 10, 1, 10, 1));
    }
}
