package io.github.attractor.memory.modified;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.energy.EnergyModel;
import io.github.attractor.core.error.Require;
import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The variant on y, eq. (13)–(14) of "Associative memory and dead neurons":
 * <pre>
 *   dy/dt = R(y) h(y),   h(y) = W g(y) - y + b,
 *   E(y)  = ½ h(y)ᵀ S h(y),   ∇E = (WΛ - I)ᵀ S h.
 * </pre>
 * Then {@code dE/dt = hᵀ S (WΛ - I) R h}. With S = I the choice {@code R = (I - WΛ)ᵀ = I - ΛWᵀ} gives
 * {@code dE/dt = -‖(I - WΛ)ᵀ h‖² ≤ 0} for any W and any Λ ({@link Choice#TRANSPOSED}). The paper prints
 * {@code R = I - WΛ} ({@link Choice#AS_PRINTED}); then {@code dE/dt = -hᵀ(I - WΛ)²h}, which is not sign
 * definite: it can increase E (see the tests), so it is kept only to show that.
 */
public final class ResidualDynamics implements EnergyModel {

    /** Which R of eq. (13). */
    public enum Choice {
        /** {@code R = I - ΛWᵀ}: E (14) is non-increasing for every W and Λ. */
        TRANSPOSED,
        /** {@code R = I - WΛ} as printed under eq. (14). */
        AS_PRINTED
    }

    private final Network net;
    private final Choice choice;
    private final DMatrixRMaj s;
    private final Energy energy = new Energy14();

    /** Dynamics (13) with R by {@code choice} and energy (14) with metric S ({@code null} = identity). */
    public ResidualDynamics(Network net, Choice choice, DMatrixRMaj s) {
        if (s != null) {
            Require.symmetric("S of energy (14)", s, 1e-12);
            Require.shape("S of energy (14)", s, net.size(), net.size());
        }
        this.net = net;
        this.choice = choice;
        this.s = s == null ? null : s.copy();
    }

    public Network network() {
        return net;
    }

    public Choice choice() {
        return choice;
    }

    @Override
    public int dimension() {
        return net.size();
    }

    /** {@code h(y) = W g(y) - y + b}, the right-hand side of (1). */
    public void residual(double[] y, double[] h) {
        int n = net.size();
        double[] g = new double[n];
        net.lagrangian().activation(y, g);
        net.multiply(g, h);
        double[] b = net.bias();
        for (int i = 0; i < n; i++) {
            h[i] += b[i] - y[i];
        }
    }

    @Override
    public void evaluate(double t, double[] y, double[] out) {
        int n = net.size();
        double[] h = new double[n];
        residual(y, h);
        double[] tmp = new double[n];
        if (choice == Choice.TRANSPOSED) {
            // (I - Λ Wᵀ) h
            net.multiplyTransposed(h, tmp);
            net.lagrangian().hessianTimes(y, tmp, out);
        } else {
            // (I - W Λ) h
            net.lagrangian().hessianTimes(y, h, tmp);
            net.multiply(tmp, out);
        }
        for (int i = 0; i < n; i++) {
            out[i] = h[i] - out[i];
        }
    }

    /** Dense {@code R(y)}. */
    public DMatrixRMaj r(double[] y) {
        int n = net.size();
        DMatrixRMaj lam = new DMatrixRMaj(n, n);
        net.lagrangian().hessian(y, lam);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (choice == Choice.TRANSPOSED) {
            CommonOps_DDRM.multTransB(lam, net.weights(), out);
        } else {
            CommonOps_DDRM.mult(net.weights(), lam, out);
        }
        CommonOps_DDRM.scale(-1, out);
        for (int i = 0; i < n; i++) {
            out.add(i, i, 1);
        }
        return out;
    }

    @Override
    public Energy energy() {
        return energy;
    }

    private void applyS(double[] v, double[] out) {
        if (s == null) {
            System.arraycopy(v, 0, out, 0, v.length);
        } else {
            CommonOps_DDRM.mult(s, DMatrixRMaj.wrap(v.length, 1, v), DMatrixRMaj.wrap(out.length, 1, out));
        }
    }

    /** Energy (14). */
    private final class Energy14 implements Energy {
        @Override
        public double value(double[] y) {
            int n = net.size();
            double[] h = new double[n];
            residual(y, h);
            double[] sh = new double[n];
            applyS(h, sh);
            double q = 0;
            for (int i = 0; i < n; i++) {
                q += h[i] * sh[i];
            }
            return 0.5 * q;
        }

        /** {@code ∇E = (ΛWᵀ - I) S h}. */
        @Override
        public void gradient(double[] y, double[] out) {
            int n = net.size();
            double[] h = new double[n];
            residual(y, h);
            double[] sh = new double[n];
            applyS(h, sh);
            double[] wt = new double[n];
            net.multiplyTransposed(sh, wt);
            net.lagrangian().hessianTimes(y, wt, out);
            for (int i = 0; i < n; i++) {
                out[i] -= sh[i];
            }
        }
    }
}
