package io.github.attractor.analysis.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The RNN models: Jacobians against finite differences, the affine map of Appendix 5.3 by simulation, inputs. */
class RnnTest {

    static DMatrixRMaj random(int n, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            w.data[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return w;
    }

    static double[] randomVector(int n, double scale, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    static void assertJacobianMatches(VectorField f, double t, double[] x) {
        int n = f.dimension();
        DMatrixRMaj analytic = new DMatrixRMaj(n, n);
        DMatrixRMaj fd = new DMatrixRMaj(n, n);
        f.jacobian(t, x, analytic);
        Jacobians.centralDifference(f, t, x, fd);
        for (int i = 0; i < n * n; i++) {
            assertEquals(fd.data[i], analytic.data[i], 1e-7 * (1 + Math.abs(fd.data[i])), "entry " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh", "tanh:a=2.5", "softplus", "relu"})
    void analyticJacobiansEqualFiniteDifferences(String spec) {
        Nonlinearity.Scaled phi = Nonlinearity.parse(spec);
        SplittableRandom rng = new SplittableRandom(1);
        DMatrixRMaj w = random(5, 1, 2);
        Input u = Input.of(t -> new double[] {Math.sin(t), 1, 0, -0.5, Math.cos(t)});
        MembraneRnn membrane = new MembraneRnn(w, phi, 0.7, u);
        RateRnn rate = membrane.firingRate(u);
        DiscreteRnn map = new DiscreteRnn(w, new double[] {0.1, -0.2, 0.3, 0, 1}, phi);
        for (int k = 0; k < 20; k++) {
            double[] x = randomVector(5, 3, rng);
            assertJacobianMatches(membrane, 0.3 * k, x);
            assertJacobianMatches(rate, 0.3 * k, x);
            DMatrixRMaj analytic = new DMatrixRMaj(5, 5);
            DMatrixRMaj fd = new DMatrixRMaj(5, 5);
            map.jacobian(x, analytic);
            Jacobians.centralDifference(map, x, fd);
            for (int i = 0; i < 25; i++) {
                assertEquals(fd.data[i], analytic.data[i], 1e-7, "map entry " + i);
            }
        }
    }

    @Test
    void slopesStayInTheSlopeIntervalAndCurvatureIsTheirDerivative() {
        for (String spec : new String[] {"tanh:a=0.5", "tanh:a=3", "softplus", "relu"}) {
            Nonlinearity.Scaled phi = Nonlinearity.parse(spec);
            for (double x = -6; x <= 6; x += 0.37) {
                double s = phi.slope(x);
                assertTrue(s >= 0 && s <= phi.slopeBound() + 1e-15, spec + " slope " + s + " at " + x);
                double h = 1e-5;
                assertEquals((phi.value(x + h) - phi.value(x - h)) / (2 * h), s, 1e-6, spec + " at " + x);
                if (!phi.piecewiseLinear()) {
                    assertEquals((phi.slope(x + h) - phi.slope(x - h)) / (2 * h), phi.curvature(x), 1e-6, spec);
                }
            }
            assertEquals(phi, Nonlinearity.parse(phi.spec()));
        }
        assertThrows(UnknownNameException.class, () -> Nonlinearity.parse("swish"));
        assertThrows(InvalidInputException.class, () -> Nonlinearity.parse("relu:a=2"));
        assertThrows(InvalidInputException.class, () -> Nonlinearity.parse("tanh:a=-1"));
    }

    /**
     * Appendix 5.3: a firing-rate trajectory y(t) mapped by x = W y + b(t) is the membrane trajectory driven by
     * v = b + τ db/dt.
     */
    @Test
    void affineMapTakesFiringRateTrajectoriesToMembraneTrajectories() {
        int n = 4;
        double tau = 0.8;
        DMatrixRMaj w = random(n, 1.2, 5);
        Nonlinearity.Scaled phi = Nonlinearity.parse("tanh:a=1.5");
        double[] b0 = {0.5, -1, 0.2, 0};
        Input b = (t, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = b0[i] + Math.sin((i + 1) * t);
            }
        };
        Input v = (t, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = b0[i] + Math.sin((i + 1) * t) + tau * (i + 1) * Math.cos((i + 1) * t);
            }
        };
        RateRnn rate = new MembraneRnn(w, phi, tau, null).firingRate(b);
        MembraneRnn membrane = new MembraneRnn(w, phi, tau, v);
        Integrator in = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11));
        double[] y0 = {0.3, -0.6, 1, 0.1};
        Trajectory ty = in.integrate(rate, y0, 0, 4);
        Trajectory tx = in.integrate(membrane, rate.toMembrane(0, y0), 0, 4);
        double[] mapped = rate.toMembrane(ty.finalTime(), ty.finalState());
        assertArrayEquals(mapped, tx.finalState(), 1e-7);
    }

    @Test
    void sampledInputsInterpolateLinearlyAndHoldTheEnds() {
        Input u = Input.sampled(new double[] {0, 1, 3}, new double[][] {{0, 10}, {2, 10}, {6, 0}});
        double[] out = new double[2];
        u.value(0.25, out);
        assertArrayEquals(new double[] {0.5, 10}, out, 1e-15);
        u.value(2, out);
        assertArrayEquals(new double[] {4, 5}, out, 1e-15);
        u.value(-1, out);
        assertArrayEquals(new double[] {0, 10}, out, 0);
        u.value(9, out);
        assertArrayEquals(new double[] {6, 0}, out, 0);
        assertThrows(InvalidInputException.class, () -> Input.sampled(new double[] {0, 0}, new double[][] {{1}, {2}}));
        assertThrows(InvalidInputException.class, () -> Input.sampled(new double[] {0, 1}, new double[][] {{1}}));
    }

    @Test
    void badShapesAndTimeConstantsAreRefused() {
        assertThrows(InvalidInputException.class, () -> new MembraneRnn(random(2, 1, 1), Nonlinearity.RELU.unit(), 0, null));
        DMatrixRMaj nonSquare = new DMatrixRMaj(2, 3);
        assertThrows(RuntimeException.class, () -> MembraneRnn.of(nonSquare, Nonlinearity.RELU.unit()));
        assertThrows(RuntimeException.class, () -> new DiscreteRnn(random(2, 1, 1), new double[3], Nonlinearity.RELU.unit()));
    }
}
