package io.github.attractor.analysis.deadneurons;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.modified.LyapunovFamily;
import io.github.attractor.memory.modified.ModifiedDynamics;
import io.github.attractor.memory.modified.Preconditioners;
import io.github.attractor.memory.modified.ResidualDynamics;
import io.github.attractor.memory.network.Network;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The dead-neuron picture at one state y of a network: the dead directions V and the energies along
 * {@code y + Vc}, {@code c = t·(1,…,1)/√k}, {@code t ∈ [0, cMax]}:
 * <ul>
 *   <li>energy (4) of the Krotov–Hopfield model (Proposition 1: constant);</li>
 *   <li>E2 and E3 (S = I) of the modified dynamics (9) at the matching states {@code u = W⁻¹(y + Vc - b)},
 *       the u-states whose {@code Wu + b} moves along the dead directions (Proposition 5.3: not constant;
 *       NaN when W is singular, and E2 also NaN when W is not symmetric);</li>
 *   <li>energy (14) of the residual dynamics (13), which lives on y directly.</li>
 * </ul>
 */
public record DeadNeuronReport(DeadDirections directions, Profile profile) {

    /** Energies sampled along the path ({@code t} is the path parameter). */
    public record Profile(double[] t, double[] e4, double[] e2, double[] e3, double[] e14) {
    }

    public int k() {
        return directions.count();
    }

    public double e4Variation() {
        return EnergyVariation.of(profile.e4());
    }

    public double e2Variation() {
        return EnergyVariation.of(profile.e2());
    }

    public double e3Variation() {
        return EnergyVariation.of(profile.e3());
    }

    public double e14Variation() {
        return EnergyVariation.of(profile.e14());
    }

    /**
     * Analyses {@code net} at {@code y}: dead directions (null space of Λ cut at {@code rankTol}, confirmed on
     * {@code c ∈ [0, cMax]^k}), then the energies at {@code points + 1} samples of the path.
     */
    public static DeadNeuronReport analyze(Network net, double[] y, double rankTol, double cMax, int points,
            long seed) {
        DeadDirections dirs = DeadDirections.at(net.lagrangian(), y, rankTol, cMax, 64, 1e-12, seed);
        int k = dirs.count();
        int n = net.size();
        double[] t = new double[points + 1];
        double[][] ys = new double[points + 1][];
        for (int i = 0; i <= points; i++) {
            t[i] = cMax * i / points;
            double[] c = new double[k];
            Arrays.fill(c, t[i] / Math.sqrt(Math.max(k, 1)));
            ys[i] = dirs.shift(y, c);
        }
        double[] e4 = sample(KrotovHopfield.unchecked(net).energy(), ys);
        double[] e14 = sample(new ResidualDynamics(net, ResidualDynamics.Choice.TRANSPOSED, null).energy(), ys);
        double[] e2 = new double[points + 1];
        double[] e3 = new double[points + 1];
        Arrays.fill(e2, Double.NaN);
        Arrays.fill(e3, Double.NaN);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        if (lu.setA(net.weights().copy()) && lu.quality() > 1e-12) {
            double[][] us = new double[points + 1][];
            for (int i = 0; i <= points; i++) {
                DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
                for (int j = 0; j < n; j++) {
                    rhs.data[j] = ys[i][j] - net.bias()[j];
                }
                DMatrixRMaj u = new DMatrixRMaj(n, 1);
                lu.solve(rhs, u);
                us[i] = u.data;
            }
            if (net.isSymmetric(1e-12)) {
                e2 = sample(new ModifiedDynamics(net, LyapunovFamily.e2(), Preconditioners.weights()).energy(), us);
            }
            e3 = sample(new ModifiedDynamics(net, LyapunovFamily.e3(), Preconditioners.residualJacobian()).energy(), us);
        }
        return new DeadNeuronReport(dirs, new Profile(t, e4, e2, e3, e14));
    }

    private static double[] sample(Energy e, double[][] states) {
        double[] out = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = e.value(states[i]);
        }
        return out;
    }
}
