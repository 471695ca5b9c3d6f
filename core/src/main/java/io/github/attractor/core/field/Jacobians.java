package io.github.attractor.core.field;

import org.ejml.data.DMatrixRMaj;

/**
 * Central-difference Jacobians: the fallback for models without an analytic Jacobian and the oracle
 * that tests hold analytic Jacobians against. Column j is {@code (f(x + h e_j) - f(x - h e_j)) / 2h}
 * with {@code h = eps^(1/3) * max(1, |x_j|)}, which balances truncation ({@code O(h^2)}) against
 * rounding ({@code O(eps/h)}) error.
 */
public final class Jacobians {
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    private Jacobians() {
    }

    /** Finite-difference step used for coordinate value {@code xj}. */
    public static double step(double xj) {
        return STEP * Math.max(1.0, Math.abs(xj));
    }

    /** Central-difference Jacobian of a vector field at {@code (t, x)}. */
    public static void centralDifference(VectorField f, double t, double[] x, DMatrixRMaj out) {
        int n = f.dimension();
        centralDifference(n, x, out, (xp, fp) -> f.evaluate(t, xp, fp));
    }

    /** Central-difference Jacobian of a map at {@code x}. */
    public static void centralDifference(DiscreteMap map, double[] x, DMatrixRMaj out) {
        centralDifference(map.dimension(), x, out, map::apply);
    }

    /** A function {@code R^n -> R^m} writing into a caller-owned buffer. */
    @FunctionalInterface
    public interface VectorFunction {
        void apply(double[] x, double[] out);
    }

    /** Central-difference Jacobian (m×n) of any vector function with output length m. */
    public static void centralDifference(int m, double[] x, DMatrixRMaj out, VectorFunction fn) {
        int n = x.length;
        out.reshape(m, n);
        double[] xp = x.clone();
        double[] fPlus = new double[m];
        double[] fMinus = new double[m];
        for (int j = 0; j < n; j++) {
            double h = step(x[j]);
            xp[j] = x[j] + h;
            fn.apply(xp, fPlus);
            xp[j] = x[j] - h;
            fn.apply(xp, fMinus);
            xp[j] = x[j];
            for (int i = 0; i < m; i++) {
                out.unsafe_set(i, j, (fPlus[i] - fMinus[i]) / (2 * h));
            }
        }
    }

    /** Central-difference gradient of a scalar function. */
    public static void gradient(java.util.function.ToDoubleFunction<double[]> fn, double[] x, double[] out) {
        double[] xp = x.clone();
        for (int j = 0; j < x.length; j++) {
            double h = step(x[j]);
            xp[j] = x[j] + h;
            double fp = fn.applyAsDouble(xp);
            xp[j] = x[j] - h;
            double fm = fn.applyAsDouble(xp);
            xp[j] = x[j];
            out[j] = (fp - fm) / (2 * h);
        }
    }
}
