package io.github.attractor.core.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.DivergenceException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.StepSizeCollapseException;
import io.github.attractor.core.field.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntegratorTest {

    /** dx/dt = A x with A = [[-1, 2], [-2, -1]]: x(t) = e^{-t} R(2t) x0. */
    static final VectorField SPIRAL = new VectorField() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void evaluate(double t, double[] x, double[] out) {
            out[0] = -x[0] + 2 * x[1];
            out[1] = -2 * x[0] - x[1];
        }
    };

    /** Energy ½‖x‖², which decays like e^{-2t} along SPIRAL. */
    static final Energy HALF_NORM = new Energy() {
        @Override
        public double value(double[] x) {
            return 0.5 * (x[0] * x[0] + x[1] * x[1]);
        }

        @Override
        public void gradient(double[] x, double[] out) {
            out[0] = x[0];
            out[1] = x[1];
        }
    };

    static double[] exact(double t) {
        double e = Math.exp(-t);
        return new double[] {e * Math.cos(2 * t), -e * Math.sin(2 * t)};
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void matchesTheClosedForm(Method m) {
        IntegrationSettings s = IntegrationSettings.defaults().withMethod(m).withTolerances(1e-11, 1e-11)
                .withStep(m == Method.EULER ? 1e-5 : 1e-3);
        Trajectory tr = new Integrator(s).integrate(SPIRAL, new double[] {1, 0}, 0, 1.5);
        double[] want = exact(1.5);
        double tol = m == Method.EULER ? 1e-4 : 1e-8;
        assertEquals(want[0], tr.finalState()[0], tol);
        assertEquals(want[1], tr.finalState()[1], tol);
        assertEquals(1.5, tr.finalTime(), 1e-12);
        assertEquals(StopReason.END_TIME, tr.stopReason());
    }

    @Test
    void recordsEnergyAndResidualPerStep() {
        Trajectory tr = new Integrator(IntegrationSettings.defaults()).integrate(SPIRAL, HALF_NORM, new double[] {1, 1},
                0, 3, null);
        assertTrue(tr.hasEnergy());
        assertEquals(tr.size(), tr.states().length);
        for (int k = 0; k < tr.size(); k++) {
            double[] x = tr.states()[k];
            assertEquals(HALF_NORM.value(x), tr.energies()[k], 1e-15);
            double fx = -x[0] + 2 * x[1];
            double fy = -2 * x[0] - x[1];
            assertEquals(Math.hypot(fx, fy), tr.residualNorms()[k], 1e-9);
            assertEquals(Math.exp(-2 * tr.times()[k]), tr.energies()[k], 1e-7);
        }
        assertEquals(0, tr.maxRelativeEnergyIncrease());
    }

    @Test
    void stopsOnConvergenceThroughAnEvent() {
        // ‖f(x)‖ = √5 ‖x‖ = √5 e^{-t} ‖x0‖: crosses 1e-6 at t = ln(√5 · 1e6).
        IntegrationSettings s = IntegrationSettings.defaults().withTolerances(1e-12, 1e-12).withConvergenceTolerance(1e-6);
        Trajectory tr = new Integrator(s).integrate(SPIRAL, new double[] {1, 0}, 0, 100);
        assertEquals(StopReason.CONVERGED, tr.stopReason());
        // The event is located on the dense output, accurate to a few parts in 1e6 here.
        assertEquals(Math.log(Math.sqrt(5) * 1e6), tr.finalTime(), 1e-4);
        assertEquals(1e-6, tr.finalResidualNorm(), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"RK4", "EULER"})
    void fixedStepSchemesStopOnConvergenceToo(Method m) {
        IntegrationSettings s = IntegrationSettings.defaults().withMethod(m).withStep(1e-3).withConvergenceTolerance(1e-6);
        Trajectory tr = new Integrator(s).integrate(SPIRAL, new double[] {1, 0}, 0, 100);
        assertEquals(StopReason.CONVERGED, tr.stopReason());
        assertTrue(tr.finalResidualNorm() < 1e-6);
        // Euler's own O(h) error shifts the decay rate, hence the stop time, by about 2e-2.
        assertEquals(Math.log(Math.sqrt(5) * 1e6), tr.finalTime(), m == Method.EULER ? 5e-2 : 2e-3);
    }

    @Test
    void aSlidingModeCollapsesTheAdaptiveStep() {
        // dx/dt = -sign(x): reaches 0 at t = 1 and then slides (Filippov); no classical solution continues. At
        // tight tolerances the step needed to cross the jump falls below the minimum; at loose ones the slide
        // instead exhausts the evaluation budget (a NonConvergenceException).
        VectorField sign = new VectorField() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = x[0] > 0 ? -1 : 1;
            }
        };
        StepSizeCollapseException e = assertThrows(StepSizeCollapseException.class,
                () -> new Integrator(IntegrationSettings.defaults().withTolerances(1e-13, 1e-13)
                        .withMaxEvaluations(2_000_000)).integrate(sign, new double[] {1}, 0, 3));
        assertTrue(e.getMessage().contains("slides"), e.getMessage());
        Trajectory rk4 = new Integrator(IntegrationSettings.defaults().withMethod(Method.RK4).withStep(1e-3))
                .integrate(sign, new double[] {1}, 0, 3);
        assertEquals(0, rk4.finalState()[0], 2e-3);
    }

    @Test
    void startingAtEquilibriumConvergesAtOnce() {
        IntegrationSettings s = IntegrationSettings.defaults().withConvergenceTolerance(1e-8);
        Trajectory tr = new Integrator(s).integrate(SPIRAL, new double[] {0, 0}, 0, 10);
        assertEquals(StopReason.CONVERGED, tr.stopReason());
        assertEquals(1, tr.size());
    }

    @Test
    void blowUpIsADivergence() {
        VectorField square = new VectorField() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = x[0] * x[0];
            }
        };
        // x(t) = 1/(1 - t) blows up at t = 1.
        DivergenceException e = assertThrows(DivergenceException.class,
                () -> new Integrator(IntegrationSettings.defaults()).integrate(square, new double[] {1}, 0, 2));
        assertTrue(e.getMessage().contains("diverged"), e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @Test
    void nanFieldIsADivergence() {
        VectorField nan = new VectorField() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double t, double[] x, double[] out) {
                out[0] = t > 0.5 ? Double.NaN : -x[0];
            }
        };
        assertThrows(DivergenceException.class,
                () -> new Integrator(IntegrationSettings.defaults()).integrate(nan, new double[] {1}, 0, 1));
    }

    @Test
    void exhaustedBudgetIsANonConvergence() {
        IntegrationSettings s = IntegrationSettings.defaults().withMaxEvaluations(50);
        assertThrows(NonConvergenceException.class,
                () -> new Integrator(s).integrate(SPIRAL, new double[] {1, 0}, 0, 1000));
    }

    @Test
    void badInputsAreRejected() {
        Integrator in = new Integrator(IntegrationSettings.defaults());
        assertThrows(NonFiniteValueException.class, () -> in.integrate(SPIRAL, new double[] {Double.NaN, 0}, 0, 1));
        assertThrows(InvalidInputException.class, () -> in.integrate(SPIRAL, new double[] {1}, 0, 1));
        assertThrows(InvalidInputException.class, () -> in.integrate(SPIRAL, new double[] {1, 0}, 1, 0));
        assertThrows(InvalidInputException.class, () -> IntegrationSettings.defaults().withTolerances(-1, 1e-8));
        assertThrows(InvalidInputException.class, () -> Method.parse("leapfrog"));
    }

    @Test
    void statesCanBeDropped() {
        Trajectory tr = new Integrator(IntegrationSettings.defaults().withRecordStates(false)).integrate(SPIRAL,
                new double[] {1, 0}, 0, 1);
        assertNull(tr.states());
        assertEquals(exact(1)[0], tr.finalState()[0], 1e-7);
    }
}
