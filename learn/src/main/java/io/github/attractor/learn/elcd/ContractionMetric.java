package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.dynamics.LearnedDynamics;

/**
 * The contraction metric of Proposition 4.3.3 (4.15) with {@code C = I}:
 * {@code M(x) = ∫₀^∞ ψ(τ, x)ᵀ ψ(τ, x) dτ}, where {@code φ(τ, x)} solves {@code ẋ = f(x)}, {@code φ(0, x) = x}, and
 * {@code ψ} solves (4.16) {@code Ẏ = Df(φ(τ, x)) Y}, {@code Y(0) = I}. It solves (4.14)
 * {@code M Df + Dfᵀ M + Ṁ = −I} with {@code Ṁ(x) = DM(x) f(x)}, so (4.2) {@code M Df + Dfᵀ M + Ṁ ≤ −2cM} holds with
 * {@code c = 1/(2 λ_max(M))}. Computed with fixed-step RK4 on (φ, ψ) jointly (step h), trapezoidal quadrature,
 * until {@code ‖ψ‖_F < 1e-12} or a horizon; Df by central differences (step 1e-6); Ṁ by a central difference of M
 * along f (step 1e-4). The trapezoidal rule makes the residual of (4.14) O(h²): about 7e-3 at h = 0.02 and
 * below 1e-3 at h = 0.005 for a unit-rate model (tested).
 */
public final class ContractionMetric {
    private final LearnedDynamics f;
    private final double h;
    private final double horizon;
    private final int d;

    /** The metric of {@code f} computed with RK4 step {@code h} up to time {@code horizon}. */
    public ContractionMetric(LearnedDynamics f, double h, double horizon) {
        if (!(h > 0) || !(horizon > h)) {
            throw new InvalidInputException("metric: need 0 < step < horizon, got " + h + " and " + horizon);
        }
        this.f = f;
        this.h = h;
        this.horizon = horizon;
        this.d = f.dimension();
    }

    /** {@code Df(x)} (row-major) by central differences. */
    public double[] jacobian(double[] x) {
        double[] j = new double[d * d];
        double[] p = new double[d];
        double[] m = new double[d];
        for (int k = 0; k < d; k++) {
            double e = 1e-6 * Math.max(1, Math.abs(x[k]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += e;
            xm[k] -= e;
            f.evaluate(xp, p);
            f.evaluate(xm, m);
            for (int i = 0; i < d; i++) {
                j[i * d + k] = (p[i] - m[i]) / (2 * e);
            }
        }
        return j;
    }

    private double[] rhs(double[] s) {
        double[] x = java.util.Arrays.copyOf(s, d);
        double[] out = new double[d + d * d];
        double[] fx = new double[d];
        f.evaluate(x, fx);
        System.arraycopy(fx, 0, out, 0, d);
        double[] j = jacobian(x);
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < d; c++) {
                double v = 0;
                for (int k = 0; k < d; k++) {
                    v += j[i * d + k] * s[d + k * d + c];
                }
                out[d + i * d + c] = v;
            }
        }
        return out;
    }

    private static void addPsiTPsi(double[] s, int d, double w, double[] m) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double v = 0;
                for (int k = 0; k < d; k++) {
                    v += s[d + k * d + a] * s[d + k * d + b];
                }
                m[a * d + b] += w * v;
            }
        }
    }

    /** {@code M(x)} (4.15), row-major d×d. */
    public double[] metric(double[] x) {
        int n = d + d * d;
        double[] s = new double[n];
        System.arraycopy(x, 0, s, 0, d);
        for (int i = 0; i < d; i++) {
            s[d + i * d + i] = 1;
        }
        double[] m = new double[d * d];
        addPsiTPsi(s, d, 0.5 * h, m);
        double[] y = new double[n];
        for (double t = 0; t < horizon; t += h) {
            double[] k1 = rhs(s);
            for (int i = 0; i < n; i++) {
                y[i] = s[i] + 0.5 * h * k1[i];
            }
            double[] k2 = rhs(y);
            for (int i = 0; i < n; i++) {
                y[i] = s[i] + 0.5 * h * k2[i];
            }
            double[] k3 = rhs(y);
            for (int i = 0; i < n; i++) {
                y[i] = s[i] + h * k3[i];
            }
            double[] k4 = rhs(y);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                if (i >= d) {
                    norm += s[i] * s[i];
                }
            }
            addPsiTPsi(s, d, h, m);
            if (Math.sqrt(norm) < 1e-12) {
                break;
            }
        }
        // the trapezoid's last weight is h/2; the tail beyond is negligible once ψ is below 1e-12
        return m;
    }

    /**
     * The left-hand side {@code L(x) = M Df + Dfᵀ M + Ṁ} of (4.2)/(4.14) at x; (4.14) says {@code L = −I}.
     */
    public double[] residual(double[] x) {
        double[] m = metric(x);
        double[] j = jacobian(x);
        double[] fx = new double[d];
        f.evaluate(x, fx);
        double e = 1e-4;
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < d; i++) {
            xp[i] += e * fx[i];
            xm[i] -= e * fx[i];
        }
        double[] mp = metric(xp);
        double[] mm = metric(xm);
        double[] l = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double v = (mp[a * d + b] - mm[a * d + b]) / (2 * e);
                for (int k = 0; k < d; k++) {
                    v += m[a * d + k] * j[k * d + b] + j[k * d + a] * m[k * d + b];
                }
                l[a * d + b] = v;
            }
        }
        return l;
    }
}
