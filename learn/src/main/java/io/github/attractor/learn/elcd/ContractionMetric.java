package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.field.Jacobians;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The contraction metric of Proposition 4.3.3 (4.15) with {@code C = I}:
 * {@code M(x) = ∫₀^∞ ψ(τ, x)ᵀ ψ(τ, x) dτ}, where {@code φ(τ, x)} solves {@code ẋ = f(x)}, {@code φ(0, x) = x}, and
 * {@code ψ} solves (4.16) {@code Ẏ = Df(φ(τ, x)) Y}, {@code Y(0) = I}. It solves (4.14)
 * {@code M Df + Dfᵀ M + Ṁ = −I} with {@code Ṁ(x) = DM(x) f(x)}, so (4.2) {@code M Df + Dfᵀ M + Ṁ ≤ −2cM} holds with
 * {@code c = 1/(2 λ_max(M))}.
 *
 * <p>Computed as one ODE in {@code (φ, ψ, Q)} with {@code Q̇ = ψᵀψ}, {@code Q(0) = 0} (the quadrature is part of the
 * integration), by the core's adaptive Dormand–Prince 5(4) with atol = rtol = {@code tolerance}, stopped when the
 * right-hand side falls below {@code 1e-3·tolerance} (ψ has decayed) or at the horizon; Df by central
 * differences ({@link Jacobians}); Ṁ by a central difference of M along f (displacement 1e-3·‖f‖). Adaptive steps
 * matter: the field of ELCD through a spline flow has a discontinuous Jacobian (the rational-quadratic splines are
 * C¹, f contains Dφ⁻¹, so Df jumps where a trajectory crosses a knot), and a fixed step leaves errors of order
 * h·jump in ψ that a difference quotient of M amplifies. At a point within the displacement of such a crossing, Ṁ (which jumps with Df) is
 * averaged across it and the residual of (4.14) deviates from −I there.
 */
public final class ContractionMetric {
    private final LearnedDynamics f;
    private final double tolerance;
    private final double horizon;
    private final int d;

    /** The metric of {@code f}, integrated to relative and absolute accuracy {@code tolerance} up to {@code horizon}. */
    public ContractionMetric(LearnedDynamics f, double tolerance, double horizon) {
        if (!(tolerance > 0) || !(tolerance < 1) || !(horizon > 0) || !Double.isFinite(horizon)) {
            throw new InvalidInputException("metric: need 0 < tolerance < 1 and a positive horizon, got " + tolerance
                    + " and " + horizon);
        }
        this.f = f;
        this.tolerance = tolerance;
        this.horizon = horizon;
        this.d = f.dimension();
    }

    /** {@code Df(x)} (row-major) by the core's central differences. */
    public double[] jacobian(double[] x) {
        DMatrixRMaj j = new DMatrixRMaj(d, d);
        Jacobians.centralDifference(d, x, j, f::evaluate);
        return j.data;
    }

    /** The right-hand side of {@code (φ, ψ, Q)}: {@code (f(φ), Df(φ)ψ, ψᵀψ)}. */
    private void rhs(double[] s, double[] out) {
        double[] x = Arrays.copyOf(s, d);
        double[] fx = new double[d];
        f.evaluate(x, fx);
        System.arraycopy(fx, 0, out, 0, d);
        double[] j = jacobian(x);
        int q = d + d * d;
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < d; c++) {
                double v = 0;
                double w = 0;
                for (int k = 0; k < d; k++) {
                    v += j[i * d + k] * s[d + k * d + c];
                    w += s[d + k * d + i] * s[d + k * d + c];
                }
                out[d + i * d + c] = v;
                out[q + i * d + c] = w;
            }
        }
    }

    /** {@code M(x)} (4.15), row-major d×d. */
    public double[] metric(double[] x) {
        int n = d + 2 * d * d;
        double[] s = new double[n];
        System.arraycopy(x, 0, s, 0, d);
        for (int i = 0; i < d; i++) {
            s[d + i * d + i] = 1;
        }
        Trajectory tr = new Integrator(IntegrationSettings.defaults().withTolerances(tolerance, tolerance)
                .withConvergenceTolerance(1e-3 * tolerance).withRecordStates(false))
                .integrate(VectorField.autonomous(n, this::rhs), s, 0, horizon);
        double[] end = tr.finalState();
        double psi = 0;
        for (int i = d; i < d + d * d; i++) {
            psi += end[i] * end[i];
        }
        if (Math.sqrt(psi) > Math.sqrt(tolerance)) {
            throw new NonConvergenceException("metric: the integral (4.15) from " + Arrays.toString(x)
                    + " has not converged by the horizon " + horizon + " (‖ψ‖ = " + Math.sqrt(psi)
                    + "); raise --horizon");
        }
        return Arrays.copyOfRange(end, d + d * d, n);
    }

    /**
     * The left-hand side {@code L(x) = M Df + Dfᵀ M + Ṁ} of (4.2)/(4.14) at x; (4.14) says {@code L = −I}.
     */
    public double[] residual(double[] x) {
        return residual(x, metric(x));
    }

    /** {@link #residual(double[])} with {@code m = M(x)} already computed. */
    public double[] residual(double[] x, double[] m) {
        double[] j = jacobian(x);
        double[] fx = new double[d];
        f.evaluate(x, fx);
        double e = 1e-3;
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
