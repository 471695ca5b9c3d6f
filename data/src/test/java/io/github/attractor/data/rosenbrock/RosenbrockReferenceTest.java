package io.github.attractor.data.rosenbrock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.data.SharedData;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the ELCD reference files {@code elcd/rosenbrock/rosenbrock_{8,16}.npz} contain, measured: the loader's
 * shapes and grid, the inferred time step, and how the files differ from (4.24). The figures are printed.
 */
class RosenbrockReferenceTest {

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void referenceFilesAsMeasured(int n) {
        Path file = SharedData.require("elcd/rosenbrock/rosenbrock_" + n + ".npz");
        TrajectoryDataset ref = RosenbrockDatasets.reference(file);
        assertEquals("rosenbrock-" + n, ref.name());
        assertEquals(4, ref.size());
        assertEquals(n, ref.dimension());
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        assertArrayEquals(one, ref.equilibrium());
        assertEquals(500.0, ref.demonstration(0).times()[999], 1e-9);
        for (int j = 0; j < 4; j++) {
            double[] start = new double[n];
            Arrays.fill(start, RosenbrockDatasets.STARTS[j]);
            assertArrayEquals(start, ref.demonstration(j).initialState(), 1e-12, "start of demo " + j);
        }

        // Simpson's rule on vel against the increments of pos: least-squares step h in
        // pos[k+2] - pos[k] = h/3 (vel[k] + 4 vel[k+1] + vel[k+2]), early (k = 1..40, first 4 coordinates) and late.
        double early = simpsonStep(ref, 1, 40, 4);
        double late = simpsonStep(ref, 300, 997, n);

        // vel[0] against the first increment and against (4.24) at the start.
        RiemannianRosenbrockFlow flow = new RiemannianRosenbrockFlow(GeneralizedRosenbrock.classical(n));
        Demonstration d0 = ref.demonstration(0);
        double[] f0 = new double[n];
        flow.evaluate(0, d0.initialState(), f0);
        double firstIncrement = d0.state(1)[0] - d0.state(0)[0];
        double relField = RosenbrockTest.maxDiff(f0, d0.velocity(0)) / RosenbrockTest.maxAbs(d0.velocity(0));
        // Relative mismatch of vel with (4.24) over all samples k >= 1.
        double worstRel = 0;
        double[] f = new double[n];
        for (Demonstration d : ref.demonstrations()) {
            for (int k = 1; k < d.length(); k += 7) {
                flow.evaluate(0, d.state(k), f);
                worstRel = Math.max(worstRel, RosenbrockTest.maxDiff(f, d.velocity(k)) / RosenbrockTest.maxAbs(d.velocity(k)));
            }
        }
        double finalDist = RosenbrockTest.maxDiff(one, d0.finalState());
        System.out.printf(Locale.ROOT, "rosenbrock_%d.npz: Simpson step from vel: %.6f for k = 1..40, %.6f for k >= 300 (500/999 = %.6f); demo 0 vel[0] = "
                + "(%.3g, ..., %.4g) vs (4.24) (%.3g, ..., %.4g), relative difference %.2f; first increment of x_1 "
                + "%+.3g against vel[0]_1 %+.3g; (4.24) vs vel over k >= 1: max relative difference %.2f; demo 0 at "
                + "t = 500: max |x - x*| = %.3f%n", n, early, late, 500.0 / 999, d0.velocity(0)[0], d0.velocity(0)[n - 1],
                f0[0], f0[n - 1], relField, firstIncrement, d0.velocity(0)[0], worstRel, finalDist);
        assertEquals(500.0 / 999, early, 2e-3, "early samples: the grid is linspace(0, 500, 1000)");
        if (n == 8) {
            assertEquals(500.0 / 999, late, 1e-3, "8-D: pos and vel agree on that grid throughout");
        } else {
            assertTrue(Math.abs(late) < 0.1, "16-D: late increments of pos are far below what vel predicts: " + late);
        }
        assertTrue(firstIncrement > 0 && d0.velocity(0)[0] < 0, "vel[0] contradicts the first increment");
        assertTrue(relField > 0.5, "the files' vel[0] is not (4.24) at the start: " + relField);
        assertTrue(worstRel > 0.5, "the files' velocities are not (4.24): " + worstRel);
        assertTrue(finalDist > 0.1, "the files converge far more slowly than (4.24): " + finalDist);
    }

    static double simpsonStep(TrajectoryDataset ref, int from, int to, int coords) {
        double num = 0;
        double den = 0;
        for (Demonstration d : ref.demonstrations()) {
            for (int k = from; k <= to && k + 2 < d.length(); k++) {
                for (int i = 0; i < coords; i++) {
                    double dp = d.state(k + 2)[i] - d.state(k)[i];
                    double s = (d.velocity(k)[i] + 4 * d.velocity(k + 1)[i] + d.velocity(k + 2)[i]) / 3;
                    num += dp * s;
                    den += s * s;
                }
            }
        }
        return num / den;
    }
}
