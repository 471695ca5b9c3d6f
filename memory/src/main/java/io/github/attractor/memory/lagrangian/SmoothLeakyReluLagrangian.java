package io.github.attractor.memory.lagrangian;

import org.hipparchus.special.Erf;

/**
 * The smooth leaky ReLU Lagrangian of Krotov–Hopfield's Example 7 (registry name
 * {@code "smooth-leaky-relu"}). With {@code a = 3/8}, elementwise:
 * <pre>
 *   g(u)  = u (5 + 3 erf(a u)) / 8,
 *   g'(u) = (5 + 3 erf(a u)) / 8 + 9 u e^{-9u²/64} / (32 √π),
 *   L(u)  = 5u²/16 + (3/8) F(u),   F(u) = ∫_0^u s erf(a s) ds
 *         = (u²/2 - 1/(4a²)) erf(a u) + u e^{-a²u²} / (2a√π),
 * </pre>
 * so {@code L(0) = 0} with no extra constant ({@code F(0) = 0}), {@code L(y) = Σ L(y_i)},
 * {@code g_i(y) = g(y_i)} and {@code Λ(y) = diag(g'(y_i))}. For {@code |a u| ≤ 1} F is summed from its
 * alternating Taylor series {@code (2/(a²√π)) Σ_n (-1)^n x^{2n+3} / (n! (2n+1)(2n+3))}, {@code x = a u},
 * which keeps full relative accuracy near 0 where the closed form cancels; for {@code |u| = 1e6} the value
 * is large ({@code ≈ u²/2} or {@code u²/8}) but finite. The activation behaves like {@code u} for
 * {@code u → +∞} and like {@code u/4} for {@code u → -∞}.
 *
 * <p><b>Λ is positive definite.</b> {@code g''(u) = (9/(32√π)) e^{-a²u²} (2 - 2a²u²)} vanishes only at
 * {@code u = ±1/a = ±8/3}, so {@code g'} has its global minimum at {@code u = -8/3 ≈ -2.6667}:
 * {@code min g' = (5 - 3 erf(1))/8 - 3/(4e√π) ≈ 0.153321891111} (and its maximum
 * {@code ≈ 1.096678108889} at {@code u = +8/3}); the limits are 1/4 and 1. (Statements that this
 * Lagrangian's Hessian is not positive semidefinite do not hold for these formulas.) Hence
 * {@link #hessianPositiveSemidefinite()} is true and this activation has no dead directions.
 *
 * <p>The Legendre term {@code Σ [y_i g(y_i) - L(y_i)]} is computed as that difference, which loses at
 * most a factor of about 2.75 to cancellation (checked on a grid), so no closed form is needed.
 */
public final class SmoothLeakyReluLagrangian extends ElementwiseLagrangian {

    /** Registry name. */
    public static final String NAME = "smooth-leaky-relu";
    /** The erf scale {@code a = 3/8}. */
    public static final double A = 3.0 / 8.0;
    /** Where {@code g'} attains its minimum: {@code u = -1/a = -8/3}. */
    public static final double ARGMIN_DERIVATIVE = -8.0 / 3.0;

    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double DERIV_COEF = 9.0 / (32.0 * SQRT_PI);
    private static final double QUARTER_INV_A2 = 1.0 / (4.0 * A * A);
    private static final double SERIES_COEF = 2.0 / (A * A * SQRT_PI);

    /** The scalar activation {@code g(u)}. */
    public static double g(double u) {
        return u * (5.0 + 3.0 * Erf.erf(A * u)) / 8.0;
    }

    /** The scalar derivative {@code g'(u)}. */
    public static double gPrime(double u) {
        double e = Math.exp(-A * A * u * u);
        return (5.0 + 3.0 * Erf.erf(A * u)) / 8.0 + DERIV_COEF * u * e;
    }

    /** {@code F(u) = ∫_0^u s erf(a s) ds}. */
    static double f(double u) {
        double x = A * u;
        if (Math.abs(x) <= 1.0) {
            double x2 = x * x;
            double p = x2 * x; // (-1)^n x^{2n+3} / n!
            double sum = 0;
            for (int n = 0; n < 30; n++) {
                double term = p / ((2 * n + 1) * (2.0 * n + 3));
                sum += term;
                if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                    break;
                }
                p *= -x2 / (n + 1);
            }
            return SERIES_COEF * sum;
        }
        return (0.5 * u * u - QUARTER_INV_A2) * Erf.erf(x) + u * Math.exp(-x * x) / (2.0 * A * SQRT_PI);
    }

    /** The scalar Lagrangian {@code L(u)}, with {@code L(0) = 0}. */
    public static double scalarValue(double u) {
        return 5.0 * u * u / 16.0 + 0.375 * f(u);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected double neuronValue(double y) {
        return scalarValue(y);
    }

    @Override
    protected double neuronActivation(double y) {
        return g(y);
    }

    @Override
    protected double neuronHessian(double y) {
        return gPrime(y);
    }

    @Override
    protected double neuronLegendre(double y) {
        return y * g(y) - scalarValue(y);
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return true;
    }
}
