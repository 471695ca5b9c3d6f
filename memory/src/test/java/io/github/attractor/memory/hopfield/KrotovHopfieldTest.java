package io.github.attractor.memory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.NotSymmetricException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KrotovHopfieldTest {
    static final String[] SMOOTH = {"sigmoid", "softmax", "tanh", "identity", "layernorm", "smooth-leaky-relu"};

    static Network random(String lag, int n, long seed, double norm) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        return new Network(RandomMatrices.symmetricWithSpectralNorm(n, norm, rng), b, Lagrangians.parse(lag));
    }

    static double[] point(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * rng.nextGaussian();
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigmoid", "softmax", "tanh", "identity", "layernorm", "smooth-leaky-relu"})
    void jacobianAndEnergyGradientMatchFiniteDifferences(String lag) {
        KrotovHopfield m = KrotovHopfield.of(random(lag, 7, 11, 1.5));
        double[] y = point(7, 3);
        DMatrixRMaj analytic = new DMatrixRMaj(7, 7);
        DMatrixRMaj numeric = new DMatrixRMaj(7, 7);
        m.jacobian(0, y, analytic);
        Jacobians.centralDifference(m, 0, y, numeric);
        for (int i = 0; i < 49; i++) {
            assertEquals(numeric.data[i], analytic.data[i], 1e-6 * Math.max(1, Math.abs(numeric.data[i])));
        }
        double[] g = new double[7];
        double[] gn = new double[7];
        m.energy().gradient(y, g);
        Jacobians.gradient(m.energy()::value, y, gn);
        for (int i = 0; i < 7; i++) {
            assertEquals(gn[i], g[i], 1e-6 * Math.max(1, Math.abs(gn[i])));
        }
    }

    /** dE/dt = ∇E · f = -hᵀ Λ h ≤ 0 at every state, for every Lagrangian with Λ ⪰ 0 (eq. 3). */
    @Property(tries = 60)
    void energyRateIsNonPositive(@ForAll @IntRange(min = 0, max = 6) int which, @ForAll @LongRange(min = 1,
            max = 1_000_000) long seed) {
        String lag = which == 6 ? "relu" : SMOOTH[which];
        KrotovHopfield m = KrotovHopfield.of(random(lag, 9, seed, 3.0));
        double[] y = point(9, seed);
        double[] f = new double[9];
        double[] grad = new double[9];
        m.evaluate(0, y, f);
        m.energy().gradient(y, grad);
        double rate = 0;
        double scale = 0;
        for (int i = 0; i < 9; i++) {
            rate += grad[i] * f[i];
            scale += f[i] * f[i];
        }
        assertTrue(rate <= 1e-12 * Math.max(1, scale), lag + ": dE/dt = " + rate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "sigmoid", "softmax", "tanh", "layernorm"})
    void energyDecreasesAlongTrajectories(String lag) {
        KrotovHopfield m = KrotovHopfield.of(random(lag, 12, 5, 2.0));
        IntegrationSettings s = IntegrationSettings.defaults().withTolerances(1e-11, 1e-11).withConvergenceTolerance(1e-6);
        Trajectory tr = new Integrator(s).integrate(m, m.energy(), point(12, 9), 0, 100, null);
        assertTrue(tr.maxRelativeEnergyIncrease() <= 1e-9, lag + ": " + tr.maxRelativeEnergyIncrease());
        assertTrue(tr.energies()[tr.size() - 1] < tr.energies()[0]);
    }

    @Test
    void rejectsAsymmetricWeightsAndIndefiniteHessians() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 1}, {0.5, 0}});
        Network net = new Network(w, new double[2], new ReluLagrangian());
        NotSymmetricException e = assertThrows(NotSymmetricException.class, () -> KrotovHopfield.of(net));
        assertEquals(2, e.exitCode());
        Lagrangian indefinite = new NotPsd(new ReluLagrangian());
        Network sym = new Network(new DMatrixRMaj(2, 2), new double[2], indefinite);
        assertThrows(NotPositiveSemidefiniteException.class, () -> KrotovHopfield.of(sym));
    }

    @Test
    void reluEnergyIsFlatAlongADeadNeuron() {
        // Example 2: y_2 <= 0 is dead; E(y - c e_2) = E(y) exactly.
        Network net = new Network(new DMatrixRMaj(new double[][] {{0, -2}, {-2, 0}}), new double[] {1, 1},
                new ReluLagrangian());
        KrotovHopfield m = KrotovHopfield.of(net);
        double e0 = m.energy().value(new double[] {0.7, -0.2});
        for (double c = 0; c <= 10; c += 0.5) {
            assertEquals(e0, m.energy().value(new double[] {0.7, -0.2 - c}), 0.0);
        }
    }

    /** A Lagrangian that claims an indefinite Hessian, to exercise the check of eq. (3). */
    private record NotPsd(Lagrangian inner) implements Lagrangian {
        @Override
        public String name() {
            return "not-psd";
        }

        @Override
        public double value(double[] y) {
            return inner.value(y);
        }

        @Override
        public void activation(double[] y, double[] g) {
            inner.activation(y, g);
        }

        @Override
        public void hessian(double[] y, DMatrixRMaj out) {
            inner.hessian(y, out);
        }

        @Override
        public void hessianTimes(double[] y, double[] v, double[] out) {
            inner.hessianTimes(y, v, out);
        }

        @Override
        public boolean isElementwise() {
            return true;
        }

        @Override
        public void hessianDiagonal(double[] y, double[] out) {
            inner.hessianDiagonal(y, out);
        }

        @Override
        public double legendre(double[] y) {
            return inner.legendre(y);
        }

        @Override
        public boolean hessianPositiveSemidefinite() {
            return false;
        }
    }
}
