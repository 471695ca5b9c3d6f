package io.github.attractor.data.pendulum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Method;
import io.github.attractor.data.SharedData;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npz;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our simulator against the ELCD reference files {@code elcd/pendulum/n-{2,4,8}.npz} (float32): the field,
 * single RK4 steps, and whole trajectories from the files' initial states. The figures are printed.
 */
class PendulumReferenceTest {

    static double maxAbs(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8})
    void simulatorReproducesTheReferenceFiles(int n) {
        Path file = SharedData.require("elcd/pendulum/n-" + n + ".npz");
        TrajectoryDataset ref = PendulumDatasets.reference(file);
        assertEquals("pendulum-" + n, ref.name());
        assertEquals(10, ref.size());
        assertEquals(2 * n, ref.dimension());
        assertArrayEquals(new double[2 * n], ref.equilibrium());
        assertEquals(99.9, ref.demonstration(3).times()[999], 1e-9);
        NLinkPendulum p = NLinkPendulum.standard(n);
        Integrator rk4 = new Integrator(IntegrationSettings.defaults().withMethod(Method.RK4).withStep(0.1));

        double fieldErr = 0;
        double stepErr = 0;
        double scale = 0;
        double[] f = new double[2 * n];
        for (Demonstration d : ref.demonstrations()) {
            for (int k = 0; k < d.length(); k++) {
                p.evaluate(0, d.state(k), f);
                fieldErr = Math.max(fieldErr, maxAbs(f, d.velocity(k)));
                for (double v : d.velocity(k)) {
                    scale = Math.max(scale, Math.abs(v));
                }
                if (k + 1 < d.length() && k % 3 == 0) {
                    stepErr = Math.max(stepErr, maxAbs(rk4.integrate(p, d.state(k), 0, 0.1).finalState(), d.state(k + 1)));
                }
            }
        }
        // my_X_next[t] = my_X_phy[t+1]
        Map<String, NdArray> a = Npz.read(file);
        double[] x = a.get("my_X_phy").data();
        double[] next = a.get("my_X_next").data();
        int row = 10 * 2 * n;
        double nextErr = 0;
        for (int i = 0; i + row < x.length; i++) {
            nextErr = Math.max(nextErr, Math.abs(next[i] - x[i + row]));
        }

        double first100 = 0;
        double full = 0;
        for (Demonstration d : ref.demonstrations()) {
            Demonstration sim = PendulumDatasets.simulate(p, d.initialState(), d.length(), 0.1);
            for (int k = 0; k < d.length(); k++) {
                double e = maxAbs(sim.state(k), d.state(k));
                full = Math.max(full, e);
                if (k < 100) {
                    first100 = Math.max(first100, e);
                }
            }
        }
        System.out.printf(Locale.ROOT, "pendulum n=%d: |f - my_X_dot_phy|max = %.2e (max |v| %.2f); one RK4 step "
                + "|x_{k+1} - RK4(x_k)|max = %.2e; my_X_next = shifted my_X_phy: %.1e; trajectories from the files' "
                + "initial states: max |x - x_ref| over steps 0..99 = %.2e, over all 1000 steps = %.2e%n",
                n, fieldErr, scale, stepErr, nextErr, first100, full);
        assertEquals(0.0, nextErr);
        assertTrue(fieldErr < 1e-7 * Math.max(1, scale), "field: " + fieldErr);
        assertTrue(stepErr < 5e-7, "one step: " + stepErr);
        assertTrue(first100 < 5e-6, "first 100 steps: " + first100);
        assertTrue(full < 5e-6, "1000 steps: " + full);
    }
}
