package io.github.attractor.memory.lagrangian;

import org.ejml.data.DMatrixRMaj;

/**
 * The log-cosh Lagrangian of tanh neurons (registry name {@code "tanh"}, alias {@code "logcosh"}):
 * <pre>
 *   L(y) = Σ_i log cosh y_i,   g_i(y) = tanh y_i,   Λ(y) = diag(1 - tanh² y_i).
 * </pre>
 * {@code log cosh y} is evaluated as {@code log1p(2 sinh²(y/2))} for {@code |y| < 1} (full relative
 * accuracy near 0) and as {@code |y| + log1p(e^{-2|y|}) - log 2} otherwise (no overflow);
 * {@code 1 - tanh² y = 4e/(1+e)²} with {@code e = e^{-2|y|}}. L is convex, so Λ is positive semidefinite.
 *
 * <p>The Legendre term {@code yᵀg - L = Σ_i [y_i tanh y_i - log cosh y_i]} is the conjugate
 * {@code L*(t) = ½[(1+t) log(1+t) + (1-t) log(1-t)]} at {@code t = tanh y}; per neuron it is computed as
 * {@code y t + ½ log1p(-t²)} for {@code |y| < 0.5} and {@code log 2 - log1p(e) - 2|y| e/(1+e)} otherwise,
 * both free of cancellation. A neuron whose activation rounds to exactly {@code ±1.0} (saturated,
 * {@code |y| ≳ 19}) contributes exactly {@code log 2 = L*(±1)}, so the term is exactly constant along the
 * dead directions of double arithmetic.
 */
public final class LogCoshLagrangian implements Lagrangian {

    /** Registry name. */
    public static final String NAME = "tanh";

    private static final double LN2 = Math.log(2.0);

    @Override
    public String name() {
        return NAME;
    }

    /** {@code log cosh y} accurately and without overflow. */
    static double logCosh(double y) {
        double a = Math.abs(y);
        if (a < 1.0) {
            double sh = Math.sinh(0.5 * a);
            return Math.log1p(2.0 * sh * sh);
        }
        return a + Math.log1p(Math.exp(-2.0 * a)) - LN2;
    }

    /** {@code 1 - tanh² y} with full relative accuracy. */
    static double tanhDerivative(double y) {
        double e = Math.exp(-2.0 * Math.abs(y));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }

    @Override
    public double value(double[] y) {
        double s = 0;
        for (double yi : y) {
            s += logCosh(yi);
        }
        return s;
    }

    @Override
    public void activation(double[] y, double[] g) {
        Checks.sameLength("g", y, g);
        for (int i = 0; i < y.length; i++) {
            g[i] = Math.tanh(y[i]);
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        int n = y.length;
        out.reshape(n, n);
        out.zero();
        for (int i = 0; i < n; i++) {
            out.unsafe_set(i, i, tanhDerivative(y[i]));
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = tanhDerivative(y[i]) * v[i];
        }
    }

    @Override
    public boolean isElementwise() {
        return true;
    }

    @Override
    public void hessianDiagonal(double[] y, double[] out) {
        Checks.sameLength("out", y, out);
        for (int i = 0; i < y.length; i++) {
            out[i] = tanhDerivative(y[i]);
        }
    }

    @Override
    public double legendre(double[] y) {
        double sum = 0;
        for (double yi : y) {
            double t = Math.tanh(yi);
            double a = Math.abs(yi);
            if (t == 1.0 || t == -1.0) {
                sum += LN2; // saturated: L*(±1) = log 2 at the rounded activation
            } else if (a < 0.5) {
                sum += yi * t + 0.5 * Math.log1p(-t * t);
            } else {
                double e = Math.exp(-2.0 * a);
                sum += LN2 - Math.log1p(e) - 2.0 * a * (e / (1.0 + e));
            }
        }
        return sum;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogCoshLagrangian;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return name();
    }
}
