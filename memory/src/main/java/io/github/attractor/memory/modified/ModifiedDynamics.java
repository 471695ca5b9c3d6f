package io.github.attractor.memory.modified;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The modified dynamics, eq. (9) of "Associative memory and dead neurons":
 * <pre>
 *   du/dt = R(u) (g(Wu + b) - u) = -R(u) f(u),
 * </pre>
 * whose steady states {@code u* = g(Wu* + b)} map to those of (1) by {@code y* = Wu* + b}, together with
 * an energy of the family of Proposition 5. Along trajectories
 * {@code dE/dt = -fᵀ FᵀR f = -½ fᵀ(RᵀF + FᵀR) f}, so E does not increase wherever condition (11),
 * {@code RᵀF + FᵀR ⪰ 0}, holds; {@link #condition11MinEigenvalue} evaluates its smallest eigenvalue at a state.
 * Unlike energy (4), E2 and E3 have no flat directions along dead neurons (Proposition 5.3), and Λ need
 * not be positive semidefinite.
 */
public final class ModifiedDynamics implements EnergyModel {
    private final Network net;
    private final LyapunovFamily family;
    private final Preconditioner r;
    private final Energy energy = new FamilyEnergy();

    public ModifiedDynamics(Network net, LyapunovFamily family, Preconditioner r) {
        if (family.needsSymmetricWeights()) {
            Require.symmetric("weights W (energies E1 and E2 need W = Wᵀ)", net.weights(), 1e-12);
        }
        if (family.s() != null) {
            Require.shape("S of energy E3", family.s(), net.size(), net.size());
        }
        this.net = net;
        this.family = family;
        this.r = r;
    }

    public Network network() {
        return net;
    }

    public LyapunovFamily family() {
        return family;
    }

    public Preconditioner preconditioner() {
        return r;
    }

    /** The quantities of eq. (9) at u. */
    public ModifiedState state(double[] u) {
        return new ModifiedState(net, family, u);
    }

    @Override
    public int dimension() {
        return net.size();
    }

    @Override
    public void evaluate(double t, double[] u, double[] out) {
        ModifiedState s = state(u);
        r.apply(s, s.f(), out);
        for (int i = 0; i < out.length; i++) {
            out[i] = -out[i];
        }
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return r.isConstant();
    }

    /** For constant R: {@code J = -R (I - Λ W)}; otherwise the central difference. */
    @Override
    public void jacobian(double t, double[] u, DMatrixRMaj out) {
        if (!r.isConstant()) {
            EnergyModel.super.jacobian(t, u, out);
            return;
        }
        int n = net.size();
        ModifiedState s = state(u);
        DMatrixRMaj df = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(s.lambda(), net.weights(), df);
        CommonOps_DDRM.scale(-1, df);
        for (int i = 0; i < n; i++) {
            df.add(i, i, 1);
        }
        DMatrixRMaj rm = new DMatrixRMaj(n, n);
        r.matrix(s, rm);
        out.reshape(n, n);
        CommonOps_DDRM.mult(-1, rm, df, out);
    }

    @Override
    public Energy energy() {
        return energy;
    }

    /** Smallest eigenvalue of {@code RᵀF + FᵀR} at u: condition (11) holds there when it is ≥ 0. */
    public double condition11MinEigenvalue(double[] u) {
        ModifiedState s = state(u);
        int n = net.size();
        DMatrixRMaj rm = new DMatrixRMaj(n, n);
        r.matrix(s, rm);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(rm, s.bigF(), m);
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.add(m, CommonOps_DDRM.transpose(m, null), sym);
        return Eigen.minSymmetric(sym);
    }

    /** The steady state of (1) that corresponds to u: {@code y = Wu + b}. */
    public double[] toY(double[] u) {
        return state(u).y().clone();
    }

    /** {@code E = αE1 + βE2 + γE3} and {@code ∇E = F f}, both matrix-free. */
    private final class FamilyEnergy implements Energy {
        @Override
        public double value(double[] u) {
            ModifiedState s = state(u);
            int n = u.length;
            double e = 0;
            double lag = (family.alpha() != 0 || family.beta() != 0) ? net.lagrangian().value(s.y()) : 0;
            if (family.alpha() != 0) {
                double[] wg = new double[n];
                net.multiply(s.g(), wg);
                double uwg = 0;
                double gwg = 0;
                for (int i = 0; i < n; i++) {
                    uwg += u[i] * wg[i];
                    gwg += s.g()[i] * wg[i];
                }
                e += family.alpha() * (uwg - lag - 0.5 * gwg);
            }
            if (family.beta() != 0) {
                double[] wu = new double[n];
                net.multiply(u, wu);
                double uwu = 0;
                for (int i = 0; i < n; i++) {
                    uwu += u[i] * wu[i];
                }
                e += family.beta() * (0.5 * uwu - lag);
            }
            if (family.gamma() != 0) {
                double[] sf = new double[n];
                family.applyS(s.f(), sf);
                double q = 0;
                for (int i = 0; i < n; i++) {
                    q += s.f()[i] * sf[i];
                }
                e += family.gamma() * 0.5 * q;
            }
            return e;
        }

        @Override
        public void gradient(double[] u, double[] out) {
            ModifiedState s = state(u);
            int n = u.length;
            double[] f = s.f();
            double[] wf = new double[n];
            double[] tmp = new double[n];
            java.util.Arrays.fill(out, 0);
            if (family.alpha() != 0 || family.beta() != 0) {
                net.multiply(f, wf);
            }
            if (family.alpha() != 0) {
                s.lambdaTimes(wf, tmp);
                double[] wlwf = new double[n];
                net.multiply(tmp, wlwf);
                for (int i = 0; i < n; i++) {
                    out[i] += family.alpha() * wlwf[i];
                }
            }
            if (family.beta() != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] += family.beta() * wf[i];
                }
            }
            if (family.gamma() != 0) {
                double[] sf = new double[n];
                family.applyS(f, sf);
                s.lambdaTimes(sf, tmp);
                double[] wtl = new double[n];
                net.multiplyTransposed(tmp, wtl);
                for (int i = 0; i < n; i++) {
                    out[i] += family.gamma() * (sf[i] - wtl[i]);
                }
            }
        }
    }
}
