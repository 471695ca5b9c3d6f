package io.github.attractor.memory.modified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.NotSymmetricException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.fixed.FixedPoint;
import io.github.attractor.core.fixed.NewtonSolver;
import io.github.attractor.core.fixed.SolverSettings;
import io.github.attractor.core.linalg.Lyapunov;
import io.github.attractor.core.linalg.MatrixMeasure;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.network.Network;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class ModifiedDynamicsTest {
    static final String[] LAGS = {"relu", "sigmoid", "softmax", "tanh", "identity", "layernorm", "smooth-leaky-relu"};
    static final int N = 8;

    static double[] gaussian(int n, SplittableRandom rng, double s) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = s * rng.nextGaussian();
        }
        return v;
    }

    /** The R choices with the weights their examples require and their matching energies. */
    static ModifiedDynamics model(int choice, String lag, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = gaussian(N, rng, 1);
        switch (choice) {
            case 0: {
                Network net = new Network(RandomMatrices.symmetricWithSpectralNorm(N, 1.2, rng), b, Lagrangians.parse(lag));
                return new ModifiedDynamics(net, LyapunovFamily.e2(), Preconditioners.weights());
            }
            case 1: {
                Network net = new Network(RandomMatrices.symmetricWithSpectralNorm(N, 1.2, rng), b, Lagrangians.parse(lag));
                DMatrixRMaj s = RandomMatrices.positiveDefinite(N, 0.5, 2, rng);
                return new ModifiedDynamics(net, LyapunovFamily.of(0.7, -1.3, 2.0, s), Preconditioners.polar());
            }
            case 2: {
                Network net = new Network(RandomMatrices.positiveDefinite(N, 0.1, 1.5, rng), b, Lagrangians.parse(lag));
                return new ModifiedDynamics(net, LyapunovFamily.e2(), Preconditioners.lyapunov(net, null));
            }
            case 3: {
                Network net = new Network(RandomMatrices.gaussian(N, N, rng), b, Lagrangians.parse(lag));
                return new ModifiedDynamics(net, LyapunovFamily.e3(), Preconditioners.residualJacobian());
            }
            default: {
                DMatrixRMaj w = RandomMatrices.gaussian(N, N, rng);
                double omega = MatrixMeasure.mu2(w);
                for (int i = 0; i < N; i++) {
                    w.add(i, i, -omega - 0.01);
                }
                Network net = new Network(w, b, Lagrangians.parse(lag));
                return new ModifiedDynamics(net, LyapunovFamily.e3(), Preconditioners.hessian());
            }
        }
    }

    @Property(tries = 80)
    void energyGradientIsFfAndMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 4) int choice,
            @ForAll @IntRange(min = 1, max = 6) int lag, @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        ModifiedDynamics m = model(choice, LAGS[lag], seed);
        double[] u = gaussian(N, new SplittableRandom(seed + 1), 1.5);
        double[] g = new double[N];
        double[] gn = new double[N];
        m.energy().gradient(u, g);
        Jacobians.gradient(m.energy()::value, u, gn);
        ModifiedState s = m.state(u);
        double[] ff = new double[N];
        CommonOps_DDRM.mult(s.bigF(), DMatrixRMaj.wrap(N, 1, s.f()), DMatrixRMaj.wrap(N, 1, ff));
        for (int i = 0; i < N; i++) {
            double scale = Math.max(1, Math.abs(gn[i]));
            assertEquals(gn[i], g[i], 1e-5 * scale, "finite difference, component " + i);
            assertEquals(ff[i], g[i], 1e-10 * scale, "F f, component " + i);
        }
    }

    /** dE/dt = ∇E · u̇ = -½ fᵀ(RᵀF + FᵀR) f, and condition (11) holds for the example choices. */
    @Property(tries = 100)
    void energyRateIsMinusTheQuadraticFormOfCondition11(@ForAll @IntRange(min = 0, max = 4) int choice,
            @ForAll @IntRange(min = 0, max = 6) int lag, @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        ModifiedDynamics m = model(choice, LAGS[lag], seed);
        double[] u = gaussian(N, new SplittableRandom(seed + 2), 1.5);
        double[] du = new double[N];
        double[] grad = new double[N];
        m.evaluate(0, u, du);
        m.energy().gradient(u, grad);
        double rate = 0;
        for (int i = 0; i < N; i++) {
            rate += grad[i] * du[i];
        }
        ModifiedState s = m.state(u);
        DMatrixRMaj r = new DMatrixRMaj(N, N);
        m.preconditioner().matrix(s, r);
        DMatrixRMaj ftr = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multTransA(s.bigF(), r, ftr);
        DMatrixRMaj f = DMatrixRMaj.wrap(N, 1, s.f());
        DMatrixRMaj tmp = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.mult(ftr, f, tmp);
        double quad = CommonOps_DDRM.dot(f, tmp);
        assertEquals(-quad, rate, 1e-9 * Math.max(1, Math.abs(quad)));
        double min = m.condition11MinEigenvalue(u);
        boolean guaranteed = choice != 4 || Lagrangians.parse(LAGS[lag]).hessianPositiveSemidefinite();
        if (guaranteed) {
            assertTrue(min >= -1e-9, m.preconditioner().name() + "/" + LAGS[lag] + ": " + min);
            assertTrue(rate <= 1e-9, "dE/dt = " + rate);
        }
    }

    @Test
    void steadyStatesMapToThoseOfTheOriginalDynamics() {
        // ‖W‖₂ < 1/‖Λ‖₂ keeps R = I - WᵀΛ invertible (Example 6.1), so R f = 0 only where f = 0.
        SplittableRandom rng = new SplittableRandom(17);
        Network net = new Network(RandomMatrices.withSpectralNorm(RandomMatrices.gaussian(N, N, rng), 0.9),
                gaussian(N, rng, 1), Lagrangians.parse("tanh"));
        ModifiedDynamics m = new ModifiedDynamics(net, LyapunovFamily.e3(), Preconditioners.residualJacobian());
        FixedPoint p = new NewtonSolver(SolverSettings.defaults()).solve(m, new double[N]);
        double[] y = m.toY(p.x());
        double[] h = new double[N];
        KrotovHopfield.unchecked(m.network()).evaluate(0, y, h);
        double norm = 0;
        for (double v : h) {
            norm += v * v;
        }
        assertTrue(Math.sqrt(norm) < 1e-9, "residual of (1) at y = Wu* + b: " + Math.sqrt(norm));
    }

    @Test
    void lyapunovChoiceSolvesItsEquation() {
        ModifiedDynamics m = model(2, "sigmoid", 4);
        DMatrixRMaj r = new DMatrixRMaj(N, N);
        m.preconditioner().matrix(m.state(new double[N]), r);
        DMatrixRMaj w = m.network().weights();
        DMatrixRMaj rw = new DMatrixRMaj(N, N);
        DMatrixRMaj wr = new DMatrixRMaj(N, N);
        CommonOps_DDRM.mult(r, w, rw);
        CommonOps_DDRM.mult(w, r, wr);
        CommonOps_DDRM.addEquals(rw, wr);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(i == j ? 1 : 0, rw.get(i, j), 1e-10);
            }
        }
        DMatrixRMaj negW = w.copy();
        CommonOps_DDRM.scale(-1, negW);
        assertTrue(Lyapunov.relativeResidual(negW, r, CommonOps_DDRM.identity(N)) < 1e-12);
    }

    @Test
    void constantRJacobianMatchesFiniteDifferences() {
        ModifiedDynamics m = model(0, "softmax", 8);
        double[] u = gaussian(N, new SplittableRandom(1), 1);
        DMatrixRMaj a = new DMatrixRMaj(N, N);
        DMatrixRMaj fd = new DMatrixRMaj(N, N);
        m.jacobian(0, u, a);
        Jacobians.centralDifference(m, 0, u, fd);
        for (int i = 0; i < N * N; i++) {
            assertEquals(fd.data[i], a.data[i], 1e-7);
        }
    }

    @Test
    void badCombinationsAreRejected() {
        SplittableRandom rng = new SplittableRandom(2);
        Network asym = new Network(RandomMatrices.gaussian(N, N, rng), new double[N], Lagrangians.parse("tanh"));
        assertThrows(NotSymmetricException.class,
                () -> new ModifiedDynamics(asym, LyapunovFamily.e2(), Preconditioners.weights()));
        Network indefinite = new Network(RandomMatrices.symmetricWithSpectralNorm(N, 1, rng), new double[N],
                Lagrangians.parse("tanh"));
        assertThrows(NotPositiveSemidefiniteException.class, () -> Preconditioners.lyapunov(indefinite, null));
    }
}
