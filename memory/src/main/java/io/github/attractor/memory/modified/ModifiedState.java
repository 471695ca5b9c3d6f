package io.github.attractor.memory.modified;

import io.github.attractor.memory.network.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Everything eq. (9) and Proposition 5 need at one state u: {@code y = Wu + b}, {@code g(y)}, the residual
 * {@code f = u - g(y)}, and, on demand, the dense Hessian {@code Λ(y)} and the matrix
 * {@code F(u) = α WΛW + β W + γ (I - WᵀΛ) S}. One instance per evaluation (not shared between threads).
 */
public final class ModifiedState {
    private final Network net;
    private final LyapunovFamily family;
    private final double[] u;
    private final double[] y;
    private final double[] g;
    private final double[] f;
    private DMatrixRMaj lambda;
    private DMatrixRMaj bigF;

    ModifiedState(Network net, LyapunovFamily family, double[] u) {
        this.net = net;
        this.family = family;
        this.u = u;
        int n = net.size();
        y = new double[n];
        net.multiply(u, y);
        double[] b = net.bias();
        for (int i = 0; i < n; i++) {
            y[i] += b[i];
        }
        g = new double[n];
        net.lagrangian().activation(y, g);
        f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = u[i] - g[i];
        }
    }

    public Network network() {
        return net;
    }

    public double[] u() {
        return u;
    }

    /** {@code y = Wu + b}. */
    public double[] y() {
        return y;
    }

    /** {@code g(Wu + b)}. */
    public double[] g() {
        return g;
    }

    /** {@code f = u - g(Wu + b)}; eq. (9) reads {@code du/dt = -R f}. */
    public double[] f() {
        return f;
    }

    /** {@code Λ(Wu + b)}, dense. */
    public DMatrixRMaj lambda() {
        if (lambda == null) {
            lambda = new DMatrixRMaj(u.length, u.length);
            net.lagrangian().hessian(y, lambda);
        }
        return lambda;
    }

    /** {@code out = Λ(Wu + b) v}. */
    public void lambdaTimes(double[] v, double[] out) {
        net.lagrangian().hessianTimes(y, v, out);
    }

    /** {@code F(u) = α WΛW + β W + γ (I - WᵀΛ) S} of eq. (11). */
    public DMatrixRMaj bigF() {
        if (bigF == null) {
            int n = u.length;
            DMatrixRMaj w = net.weights();
            DMatrixRMaj lam = lambda();
            bigF = new DMatrixRMaj(n, n);
            DMatrixRMaj wl = new DMatrixRMaj(n, n);
            if (family.alpha() != 0) {
                CommonOps_DDRM.mult(w, lam, wl);
                CommonOps_DDRM.mult(family.alpha(), wl, w, bigF);
            }
            if (family.beta() != 0) {
                CommonOps_DDRM.addEquals(bigF, family.beta(), w);
            }
            if (family.gamma() != 0) {
                DMatrixRMaj r = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(w, lam, wl);
                CommonOps_DDRM.scale(-1, wl, r);
                for (int i = 0; i < n; i++) {
                    r.add(i, i, 1);
                }
                if (family.s() == null) {
                    CommonOps_DDRM.addEquals(bigF, family.gamma(), r);
                } else {
                    DMatrixRMaj rs = new DMatrixRMaj(n, n);
                    CommonOps_DDRM.mult(r, family.s(), rs);
                    CommonOps_DDRM.addEquals(bigF, family.gamma(), rs);
                }
            }
        }
        return bigF;
    }
}
