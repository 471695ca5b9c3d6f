package io.github.attractor.memory.hopfield;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.error.NotPositiveSemidefiniteException;
import io.github.attractor.core.error.Require;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The Krotov–Hopfield associative memory, eq. (1)–(4) of "Associative memory and dead neurons":
 * <pre>
 *   dy/dt = W g(y) - y + b,      g = ∇L,  W = Wᵀ,  Λ = ∇²L ⪰ 0,
 *   E(y)  = (y - b)ᵀ g(y) - L(y) - ½ g(y)ᵀ W g(y),
 * </pre>
 * with {@code ∇E = -Λ(y)(W g(y) - y + b)}, so {@code dE/dt = -hᵀΛh ≤ 0} along trajectories
 * ({@code h = dy/dt}). The Jacobian of the field is {@code W Λ(y) - I}. Construction requires symmetric
 * W and a Lagrangian whose Hessian is positive semidefinite; use {@link #unchecked} for the bare field
 * on any network (its energy is then not a Lyapunov function).
 */
public final class KrotovHopfield implements EnergyModel {
    private final Network net;
    private final Energy energy = new Energy4();

    private KrotovHopfield(Network net) {
        this.net = net;
    }

    /** The model (1)/(4); rejects non-symmetric W and Lagrangians without a PSD Hessian. */
    public static KrotovHopfield of(Network net) {
        Require.symmetric("weights W of eq. (1)", net.weights(), 1e-12);
        if (!net.lagrangian().hessianPositiveSemidefinite()) {
            throw new NotPositiveSemidefiniteException("Lagrangian " + net.lagrangian().name()
                    + " has a Hessian that is not positive semidefinite; energy (4) needs Λ ⪰ 0 (eq. 3)");
        }
        return new KrotovHopfield(net);
    }

    /** The field (1) on any network, without the symmetry and Λ ⪰ 0 checks. */
    public static KrotovHopfield unchecked(Network net) {
        return new KrotovHopfield(net);
    }

    public Network network() {
        return net;
    }

    @Override
    public int dimension() {
        return net.size();
    }

    @Override
    public void evaluate(double t, double[] y, double[] out) {
        int n = net.size();
        double[] g = new double[n];
        net.lagrangian().activation(y, g);
        net.multiply(g, out);
        double[] b = net.bias();
        for (int i = 0; i < n; i++) {
            out[i] += b[i] - y[i];
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    /** {@code J = W Λ(y) - I}. */
    @Override
    public void jacobian(double t, double[] y, DMatrixRMaj out) {
        int n = net.size();
        DMatrixRMaj lambda = new DMatrixRMaj(n, n);
        net.lagrangian().hessian(y, lambda);
        out.reshape(n, n);
        CommonOps_DDRM.mult(net.weights(), lambda, out);
        for (int i = 0; i < n; i++) {
            out.add(i, i, -1);
        }
    }

    @Override
    public Energy energy() {
        return energy;
    }

    /** Energy (4), with the Legendre term {@code yᵀg - L} taken from the Lagrangian for accuracy. */
    private final class Energy4 implements Energy {
        @Override
        public double value(double[] y) {
            int n = net.size();
            Lagrangian lag = net.lagrangian();
            double[] g = new double[n];
            lag.activation(y, g);
            double[] wg = new double[n];
            net.multiply(g, wg);
            double[] b = net.bias();
            double e = lag.legendre(y);
            double quad = 0;
            double lin = 0;
            for (int i = 0; i < n; i++) {
                lin += b[i] * g[i];
                quad += g[i] * wg[i];
            }
            return e - lin - 0.5 * quad;
        }

        /** {@code ∇E = Λ(y)(y - b - W g(y))}. */
        @Override
        public void gradient(double[] y, double[] out) {
            int n = net.size();
            double[] h = new double[n];
            evaluate(0, y, h);
            for (int i = 0; i < n; i++) {
                h[i] = -h[i];
            }
            net.lagrangian().hessianTimes(y, h, out);
        }
    }
}
