package io.github.attractor.memory.modern;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.DiscreteMap;
import io.github.attractor.memory.ksoftmax.KSoftmax;
import io.github.attractor.memory.ksoftmax.SumSoftmax;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The energy of one column of the k-Hopfield layer, Section 3.6: the column update
 * <pre>
 *   x⁺ = Ξ ksoftmax_i(β Ξᵀx)                                                    (3.17)
 * </pre>
 * is a gradient step with unit step size on
 * <pre>
 *   E(x) = ½ xᵀx - (1/β) ∫₀¹ zᵀ ksoftmax_i(t z) dt,      z = β Ξᵀx,             (3.18), (3.19) for i = 1
 *   ∇E(x) = x - Ξ ksoftmax_i(β Ξᵀx),
 * </pre>
 * because {@code ksoftmax_i = ∇(V_i - V_{i-1})} with the potentials {@code V_k(z) = ∫₀¹ zᵀ ssm(tz; k) dt} of
 * (3.13) (Proposition 3.6.1). <b>Note on the printed formula:</b> (3.18)/(3.19) write {@code xᵀ} inside the
 * integral, which does not match dimensions (x ∈ R^d, ksoftmax_i ∈ R^N); the integrand that makes the stated
 * gradient true is {@code zᵀ = β xᵀΞ} with the factor 1/β in front, i.e.
 * {@code E(x) = ½xᵀx - ∫₀¹ (Ξᵀx)ᵀ ksoftmax_i(tβΞᵀx) dt}. That is what is computed here.
 *
 * <p>{@link #value} evaluates the integral by iterative Gauss–Legendre quadrature (Hipparchus, 5 points per
 * sub-interval, relative accuracy {@value #QUADRATURE_RELATIVE}); {@link #closedFormValue} uses the closed
 * form {@code V_k(z) = min_ν Σ softplus(z_j + ν) - kν - N H_b(k/N)} ({@link SumSoftmax#potential}), which
 * the tests check the quadrature against. The similarity is the dot product, as in (3.17).
 */
public final class KHopfieldEnergy implements Energy {
    /** Relative accuracy asked of the quadrature. */
    public static final double QUADRATURE_RELATIVE = 1e-12;
    private static final int MAX_EVALUATIONS = 100_000;
    /** Relative tolerance of the sum-softmax solves inside the integrand (smooth to this level). */
    private static final double INTEGRAND_TOLERANCE = 1e-14;

    private final MemoryStore store;
    private final double beta;
    private final int column;

    /** The energy of column {@code i} ({@code 1 <= i <= N}) at inverse temperature {@code β > 0}. */
    public KHopfieldEnergy(MemoryStore store, double beta, int column) {
        if (store == null) {
            throw new InvalidInputException("k-Hopfield energy: a memory store is required");
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new InvalidInputException("beta: the inverse temperature must be finite and > 0, got " + beta);
        }
        if (column < 1 || column > store.size()) {
            throw new InvalidInputException("column: needs 1 <= i <= N = " + store.size() + ", got " + column);
        }
        this.store = store;
        this.beta = beta;
        this.column = column;
    }

    public double beta() {
        return beta;
    }

    public int column() {
        return column;
    }

    /** {@code z = β Ξᵀx}. */
    private double[] scaled(double[] x) {
        if (x.length != store.dimension()) {
            throw new ShapeMismatchException("state: expected length " + store.dimension() + ", got " + x.length);
        }
        double[] z = store.scores(Similarity.DOT, x);
        for (int j = 0; j < z.length; j++) {
            z[j] *= beta;
        }
        return z;
    }

    /** E(x) of (3.18)/(3.19) by quadrature of the integral (see the class notes for the integrand). */
    @Override
    public double value(double[] x) {
        double[] z = scaled(x);
        int n = z.length;
        double[] tz = new double[n];
        double scale = 0;
        for (double v : z) {
            scale += Math.abs(v);
        }
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(5, QUADRATURE_RELATIVE,
                1e-15 * Math.max(1, scale), 2, 64);
        double integral;
        try {
            integral = quad.integrate(MAX_EVALUATIONS, t -> {
                for (int j = 0; j < n; j++) {
                    tz[j] = t * z[j];
                }
                double[] col = KSoftmax.column(tz, column, INTEGRAND_TOLERANCE);
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += z[j] * col[j];
                }
                return s;
            }, 0, 1);
        } catch (MathIllegalStateException e) {
            throw new NonConvergenceException("k-Hopfield energy: the quadrature of (3.18) did not reach relative "
                    + "accuracy " + QUADRATURE_RELATIVE + " within " + MAX_EVALUATIONS + " evaluations");
        }
        return 0.5 * dot(x, x) - integral / beta;
    }

    /** E(x) from the closed form of the potentials: {@code ½xᵀx - (V_i(z) - V_{i-1}(z))/β}. */
    public double closedFormValue(double[] x) {
        double[] z = scaled(x);
        double v = SumSoftmax.potential(z, column) - SumSoftmax.potential(z, column - 1);
        return 0.5 * dot(x, x) - v / beta;
    }

    /** {@code ∇E(x) = x - Ξ ksoftmax_i(βΞᵀx)}. */
    @Override
    public void gradient(double[] x, double[] out) {
        double[] next = update(x);
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] - next[j];
        }
    }

    /** The column update (3.17) {@code x⁺ = Ξ ksoftmax_i(βΞᵀx)} as a new array. */
    public double[] update(double[] x) {
        double[] col = KSoftmax.column(scaled(x), column);
        double[] out = new double[store.dimension()];
        store.combine(col, 1, out);
        return out;
    }

    /** The update (3.17) as a discrete map (for fixed-point searches). */
    public DiscreteMap map() {
        return new DiscreteMap() {
            @Override
            public int dimension() {
                return store.dimension();
            }

            @Override
            public void apply(double[] x, double[] out) {
                System.arraycopy(update(x), 0, out, 0, store.dimension());
            }
        };
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
