package io.github.attractor.memory.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.linalg.Norms;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.StopReason;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradedResponseTest {

    @Test
    void weightsAreScaledHebbianAndTheFieldIsTheGainForm() {
        SplittableRandom rng = new SplittableRandom(3);
        DMatrixRMaj xi = new DMatrixRMaj(2, 5);
        for (int i = 0; i < 10; i++) {
            xi.data[i] = rng.nextGaussian();
        }
        double gain = 2.5;
        KrotovHopfield m = GradedResponse.of(xi, gain);
        DMatrixRMaj w = GradedResponse.hebbianWeights(xi);
        // dy/dt at y = β u equals β du/dt with du/dt = W tanh(β u) - u
        double[] u = {0.3, -0.2, 1.1, 0.05, -0.7};
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            y[i] = gain * u[i];
        }
        double[] dy = new double[5];
        m.evaluate(0, y, dy);
        for (int i = 0; i < 5; i++) {
            double du = -u[i];
            for (int j = 0; j < 5; j++) {
                du += w.get(i, j) * Math.tanh(gain * u[j]);
            }
            assertEquals(gain * du, dy[i], 1e-14);
        }
        assertEquals(0.0, w.get(2, 2), 0.0);
        assertEquals((xi.get(0, 1) * xi.get(0, 3) + xi.get(1, 1) * xi.get(1, 3)) / 5, w.get(1, 3), 1e-15);
    }

    @Test
    void corruptedPatternFlowsToThePatternSignWithFallingEnergy() {
        int n = 60;
        SplittableRandom rng = new SplittableRandom(12);
        DMatrixRMaj xi = Spins.random(3, n, rng);
        KrotovHopfield m = GradedResponse.of(xi, 4.0);
        double[] cue = BinaryHopfieldTest.flip(Spins.row(xi, 1), 12, rng); // 20% flipped
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = 0.5 * cue[i];
        }
        Trajectory tr = new Integrator(IntegrationSettings.defaults().withTolerances(1e-10, 1e-10)
                .withConvergenceTolerance(1e-6)).integrate(m, m.energy(), y0, 0, 200, null);
        assertEquals(StopReason.CONVERGED, tr.stopReason());
        double[] y = tr.finalState();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.signum(y[i]);
        }
        assertEquals(1.0, Spins.overlap(xi, 1, s), 0.0);
        for (double v : GradedResponse.outputs(y)) {
            assertTrue(Math.abs(v) > 0.95, "outputs saturate near ±1");
        }
        assertTrue(tr.maxRelativeEnergyIncrease() <= 1e-12, "max increase " + tr.maxRelativeEnergyIncrease());
        double[] e = tr.energies();
        assertTrue(e[e.length - 1] < e[0] - 1);
        assertEquals(y[0] / 4.0, GradedResponse.potential(y, 4.0)[0], 0.0);
    }

    @Test
    void lowGainForgetsEverything() {
        // β‖W‖₂ = 0.9 < 1: the field is a contraction around the origin, the only attractor
        int n = 60;
        SplittableRandom rng = new SplittableRandom(2);
        DMatrixRMaj xi = Spins.random(3, n, rng);
        double norm = Norms.spectral(GradedResponse.hebbianWeights(xi));
        assertTrue(norm > 1.0, "the Hebbian W of 3 random patterns has norm above 1: " + norm);
        KrotovHopfield m = GradedResponse.of(xi, 0.9 / norm);
        Trajectory tr = new Integrator(IntegrationSettings.defaults().withConvergenceTolerance(1e-9))
                .integrate(m, m.energy(), Spins.row(xi, 0), 0, 500, null);
        for (double v : tr.finalState()) {
            assertEquals(0.0, v, 1e-8);
        }
    }
}
