package io.github.attractor.memory.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.lagrangian.IdentityLagrangian;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.lagrangian.LogCoshLagrangian;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SequenceMemoryTest {

    static DMatrixRMaj gaussian(int r, int c, double scale, SplittableRandom rng) {
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = scale * rng.nextGaussian();
        }
        return m;
    }

    static SequenceMemory random(String lf, String lh, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int nf = 7;
        int nh = 3;
        return new SequenceMemory(gaussian(nf, nh, 0.7, rng), gaussian(nh, nh, 0.8, rng), 1.7, 0.6, 1.3, 0.4, 0.7,
                Lagrangians.parse(lf), Lagrangians.parse(lh));
    }

    static double[] point(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 * rng.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({"tanh, identity", "sigmoid, tanh", "softmax, identity", "tanh, softmax:beta=2", "identity, sigmoid"})
    void jacobianMatchesCentralDifferences(String lf, String lh) {
        SequenceMemory m = random(lf, lh, 5);
        double[] x = point(m.dimension(), 9);
        DMatrixRMaj analytic = new DMatrixRMaj(1, 1);
        DMatrixRMaj numeric = new DMatrixRMaj(1, 1);
        m.jacobian(0, x, analytic);
        Jacobians.centralDifference(m, 0, x, numeric);
        for (int i = 0; i < analytic.data.length; i++) {
            assertEquals(numeric.data[i], analytic.data[i], 1e-7 * Math.max(1, Math.abs(numeric.data[i])), "entry " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"tanh, identity", "sigmoid, tanh", "softmax, identity", "tanh, softmax:beta=2", "identity, sigmoid"})
    void energyGradientMatchesCentralDifferences(String lf, String lh) {
        SequenceMemory m = random(lf, lh, 7);
        for (long s = 0; s < 5; s++) {
            double[] x = point(m.dimension(), 100 + s);
            double[] analytic = new double[x.length];
            double[] numeric = new double[x.length];
            m.energy().gradient(x, analytic);
            Jacobians.gradient(m.energy()::value, x, numeric);
            for (int i = 0; i < x.length; i++) {
                assertEquals(numeric[i], analytic[i], 1e-7 * Math.max(1, Math.abs(numeric[i])), "entry " + i);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"tanh, identity", "sigmoid, tanh", "softmax, identity"})
    void energyRateIsTheGradientAlongTheFieldSplitIntoItsThreeTerms(String lf, String lh) {
        SequenceMemory m = random(lf, lh, 3);
        double[] x = point(m.dimension(), 4);
        double[] grad = new double[x.length];
        double[] f = new double[x.length];
        m.energy().gradient(x, grad);
        m.evaluate(0, x, f);
        double dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += grad[i] * f[i];
        }
        SequenceMemory.EnergyRate r = m.energyRate(x);
        assertEquals(dot, r.total(), 1e-12 * Math.max(1, Math.abs(dot)));
        // convex Lagrangians: the feature and hidden terms dissipate
        assertTrue(r.featureDissipation() <= 0);
        assertTrue(r.hiddenDissipation() <= 0);
    }

    @Test
    void theDelayTermCanMakeTheEnergyRise() {
        // dE/dt > 0 at a state: one neuron and one pattern, Φ = 1, α_c = 1, V_f = V_h-equilibrium, V_d far from σ_f(V_f)
        DMatrixRMaj xi = new DMatrixRMaj(new double[][] {{1}});
        DMatrixRMaj phi = new DMatrixRMaj(new double[][] {{1}});
        SequenceMemory m = SequenceMemory.of(xi, phi, 1, 1, new LogCoshLagrangian(), new IdentityLagrangian());
        // V_d = 1 and V_f = V_h = v with v = tanh(v) + 1 (a contraction, iterated to convergence): then
        // dV_f/dt = V_h - V_f = 0 and dV_h/dt = tanh(V_f) + V_d - V_h = 0, but V_d = 1 > σ_f(V_f) = tanh(v),
        // and the delay term -(ΞΦσ_h)(σ_f - V_d) = v (1 - tanh v) > 0
        double v = 2;
        for (int k = 0; k < 200; k++) {
            v = Math.tanh(v) + 1;
        }
        double vf = v;
        double vh = v;
        double[] x = m.state(new double[] {vf}, new double[] {vh}, new double[] {1.0});
        SequenceMemory.EnergyRate r = m.energyRate(x);
        assertEquals(0.0, r.featureDissipation(), 1e-15);
        assertEquals(0.0, r.hiddenDissipation(), 1e-15);
        assertEquals(v * (1.0 - Math.tanh(v)), r.total(), 1e-15);
        assertTrue(r.total() > 0);
    }

    @Test
    void withoutTheTransitionTheEnergyIsALyapunovFunction() {
        // α_c = 0 removes the only indefinite term of dE/dt: E must not increase (a consequence of the formula)
        SplittableRandom rng = new SplittableRandom(2);
        SequenceMemory m = new SequenceMemory(gaussian(12, 3, 0.6, rng), gaussian(3, 3, 1, rng), 2.0, 0.0, 1, 0.3,
                0.5, new LogCoshLagrangian(), new IdentityLagrangian());
        Trajectory tr = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11))
                .integrate(m, m.energy(), point(m.dimension(), 3), 0, 20, null);
        EnergyMonotonicity e = EnergyMonotonicity.of(tr);
        assertTrue(e.isMonotone(1e-12), e.toString());
        assertTrue(m.maxEnergyRate(tr) <= 1e-12);
    }

    @Test
    void partsRoundTripAndBadInputIsNamed() {
        SequenceMemory m = random("tanh", "identity", 1);
        double[] vf = point(7, 1);
        double[] vh = point(3, 2);
        double[] vd = point(7, 3);
        double[] x = m.state(vf, vh, vd);
        assertEquals(17, m.dimension());
        assertEquals(vh[2], m.hiddenPart(x)[2], 0.0);
        assertEquals(vd[6], m.delayPart(x)[6], 0.0);
        assertEquals(vf[0], m.featurePart(x)[0], 0.0);
        Lagrangian t = new LogCoshLagrangian();
        assertThrows(ShapeMismatchException.class,
                () -> SequenceMemory.of(new DMatrixRMaj(4, 2), new DMatrixRMaj(3, 3), 1, 1, t, t));
        assertThrows(InvalidInputException.class,
                () -> new SequenceMemory(new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2), -1, 1, 1, 1, 1, t, t));
        assertThrows(InvalidInputException.class,
                () -> new SequenceMemory(new DMatrixRMaj(4, 2), new DMatrixRMaj(2, 2), 1, 1, 1, 0, 1, t, t));
    }
}
