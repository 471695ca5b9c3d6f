package io.github.attractor.analysis.stability;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.linalg.Subspaces;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.memory.hopfield.KrotovHopfield;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Proposition 4.3 of "Associative memory and dead neurons": energy (4) is blind to the dead coordinates,
 * so a direct minimiser {@code ỹ} of (4) fixes only the alive part of the steady state. With
 * {@code P_d} the projector on the null space of {@code Λ(ỹ)} and {@code P_a = I - P_d}, the steady state is
 * <pre>
 *   y* = P_a ỹ + P_d (W g(ỹ) + b).
 * </pre>
 * The paper prints {@code y = ỹ + P_d(W g(ỹ) + b)}, which double-counts {@code P_d ỹ}; it is right only
 * when the minimiser has no dead component. The recovered state is checked by the residual
 * {@code ‖W g(y) - y + b‖₂}.
 */
public final class SteadyStateRecovery {
    private SteadyStateRecovery() {
    }

    /** A recovered state with its residual. */
    public record Recovered(double[] y, double residual) {
    }

    /**
     * Minimises energy (4) directly by its gradient flow {@code dy/dt = -∇E = Λ(y)(W g(y) - y + b)} from
     * {@code y0} until {@code ‖∇E‖ < tol}: a first-order method that never moves the dead coordinates.
     */
    public static double[] minimiseEnergy(Network net, double[] y0, double tol, double horizon) {
        Energy e = KrotovHopfield.unchecked(net).energy();
        VectorField descent = new VectorField() {
            @Override
            public int dimension() {
                return net.size();
            }

            @Override
            public void evaluate(double t, double[] y, double[] out) {
                e.gradient(y, out);
                for (int i = 0; i < out.length; i++) {
                    out[i] = -out[i];
                }
            }
        };
        IntegrationSettings s = IntegrationSettings.defaults().withTolerances(1e-12, 1e-12)
                .withConvergenceTolerance(tol).withRecordStates(false);
        Trajectory tr = new Integrator(s).integrate(descent, y0, 0, horizon);
        return tr.finalState();
    }

    /** {@code y* = P_a ỹ + P_d (W g(ỹ) + b)} with the null space of {@code Λ(ỹ)} cut at {@code rankTol}. */
    public static Recovered recover(Network net, double[] yTilde, double rankTol) {
        return combine(net, yTilde, rankTol, false);
    }

    /** The formula as printed in the paper, {@code ỹ + P_d (W g(ỹ) + b)}; kept to measure its error. */
    public static Recovered recoverAsPrinted(Network net, double[] yTilde, double rankTol) {
        return combine(net, yTilde, rankTol, true);
    }

    private static Recovered combine(Network net, double[] yTilde, double rankTol, boolean asPrinted) {
        int n = net.size();
        DMatrixRMaj lam = new DMatrixRMaj(n, n);
        net.lagrangian().hessian(yTilde, lam);
        DMatrixRMaj pd = Subspaces.projector(Subspaces.symmetricNullspace(lam, rankTol));
        double[] h = new double[n];
        KrotovHopfield.unchecked(net).evaluate(0, yTilde, h);
        // W g(ỹ) + b = h + ỹ; the corrected formula adds P_d (h + ỹ) - P_d ỹ = P_d h to ỹ.
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = yTilde[i];
            for (int j = 0; j < n; j++) {
                s += pd.get(i, j) * (asPrinted ? h[j] + yTilde[j] : h[j]);
            }
            y[i] = s;
        }
        return new Recovered(y, residual(net, y));
    }

    /** {@code ‖W g(y) - y + b‖₂}. */
    public static double residual(Network net, double[] y) {
        double[] h = new double[net.size()];
        KrotovHopfield.unchecked(net).evaluate(0, y, h);
        double s = 0;
        for (double v : h) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
