package io.github.attractor.analysis.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.fixed.FixedPoint;
import io.github.attractor.core.fixed.MultiStart;
import io.github.attractor.core.fixed.NewtonSolver;
import io.github.attractor.core.fixed.SolverSettings;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.linalg.Spectrum;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class StabilityTest {

    static Network reluNet(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj w = RandomMatrices.goe(n, rng);
        CommonOps_DDRM.scale(1.5 / (2 * Math.sqrt(n)), w);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        return new Network(w, b, new ReluLagrangian());
    }

    /** Spectrum of the Jacobian WΛ - I = spectrum of S plus -1 for every dead neuron. */
    @Property(tries = 40)
    void restrictedSpectrumIsTheJacobianSpectrumWithoutTheDeadModes(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        int n = 8;
        Network net = reluNet(seed, n);
        SplittableRandom rng = new SplittableRandom(seed + 1);
        double[] y = new double[n];
        int dead = 0;
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextGaussian();
            dead += y[i] <= 0 ? 1 : 0;
        }
        RestrictedStability rs = RestrictedStability.at(net, y, 1e-10, 1e-9);
        assertEquals(n - dead, rs.s().numRows);
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        KrotovHopfield.unchecked(net).jacobian(0, y, jac);
        Spectrum full = Eigen.eigenvalues(jac);
        List<Double> expected = new ArrayList<>();
        for (double v : rs.spectrum().real()) {
            expected.add(v);
        }
        for (int i = 0; i < dead; i++) {
            expected.add(-1.0);
        }
        double[] want = expected.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] got = full.real().clone();
        Arrays.sort(got);
        for (int i = 0; i < n; i++) {
            assertEquals(want[i], got[i], 1e-9);
        }
    }

    @Test
    void winnerTakeAllStatesAreStableOnTheRangeOfTheHessian() {
        Network wta = new Network(new DMatrixRMaj(new double[][] {{0, -2}, {-2, 0}}), new double[] {1, 1},
                new ReluLagrangian());
        RestrictedStability s = RestrictedStability.at(wta, new double[] {1, -1}, 1e-10, 1e-9);
        assertEquals(1, s.s().numRows);
        assertEquals(-1, s.s().get(0, 0), 1e-15);
        assertEquals(Verdict.STABLE, s.verdict());
        RestrictedStability saddle = RestrictedStability.at(wta, new double[] {1.0 / 3, 1.0 / 3}, 1e-10, 1e-9);
        assertEquals(Verdict.UNSTABLE, saddle.verdict());
    }

    /** Proposition 4.3: a minimiser of (4) shifted along the dead directions recovers the steady state. */
    @Test
    void steadyStatesAreRecoveredFromEnergyMinimisers() {
        int recovered = 0;
        for (long seed = 1; recovered < 5 && seed < 200; seed++) {
            Network net = reluNet(seed, 10);
            SplittableRandom rng = new SplittableRandom(seed);
            List<double[]> starts = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                double[] x = new double[10];
                for (int i = 0; i < 10; i++) {
                    x[i] = 2 * rng.nextGaussian();
                }
                starts.add(x);
            }
            for (FixedPoint p : MultiStart.find(KrotovHopfield.of(net), starts,
                    new NewtonSolver(SolverSettings.defaults().withTolerance(1e-12)), 1e-8).points()) {
                double[] y = p.x();
                boolean hasDead = Arrays.stream(y).anyMatch(v -> v < -1e-3);
                boolean clear = Arrays.stream(y).allMatch(v -> Math.abs(v) > 1e-3);
                if (!hasDead || !clear
                        || RestrictedStability.at(net, y, 1e-10, 1e-9).verdict() != Verdict.STABLE) {
                    continue;
                }
                double[] start = y.clone();
                for (int i = 0; i < 10; i++) {
                    start[i] += y[i] < 0 ? -3 : 1e-4;
                }
                double[] yTilde = SteadyStateRecovery.minimiseEnergy(net, start, 1e-13, 1e4);
                double dead = 0;
                for (int i = 0; i < 10; i++) {
                    if (y[i] < 0) {
                        dead = Math.max(dead, Math.abs(yTilde[i] - y[i]));
                    }
                }
                assertEquals(3, dead, 1e-12, "the minimiser keeps its dead coordinates where they started");
                SteadyStateRecovery.Recovered r = SteadyStateRecovery.recover(net, yTilde, 1e-10);
                assertTrue(r.residual() < 1e-10, "residual " + r.residual());
                for (int i = 0; i < 10; i++) {
                    assertEquals(y[i], r.y()[i], 1e-9);
                }
                assertTrue(SteadyStateRecovery.recoverAsPrinted(net, yTilde, 1e-10).residual() > 1,
                        "the printed formula double-counts the dead part of the minimiser");
                recovered++;
            }
        }
        assertTrue(recovered >= 5, "found only " + recovered + " stable steady states with dead neurons");
    }
}
