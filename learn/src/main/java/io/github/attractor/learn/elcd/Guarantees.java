package io.github.attractor.learn.elcd;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;

/**
 * The guarantees of a trained ELCD model (plain, {@link Elcd}, or through a learned diffeomorphism, {@link ElcdFlow}),
 * checked numerically rather than taken on faith:
 * <ol>
 *   <li>the symmetric part of {@code A(z)} is at most {@code −α I}: {@code max_z λ_max(½(A(z) + A(z)ᵀ)) + α ≤ 0} over
 *       latent points {@code z = φ(x)} of the data and of random states far outside it;</li>
 *   <li>rollouts from random far starts converge to x*: the latent system {@code ż = A(z)(z − z*)} is integrated with
 *       adaptive Dormand–Prince (atol = rtol = 1e-10) up to {@code T = ln(1e9)/α}, where (4.12) bounds the distance by
 *       {@code 1e-9·‖z₀ − z*‖}, and a start counts as converged when {@code ‖x(T) − x*‖ ≤ 1e-6·max(1, ‖x₀ − x*‖)} with
 *       {@code x(T) = φ⁻¹(z(T))}.</li>
 * </ol>
 * Far states are {@code c + factor·r∘u}, c and r the centre and half-range of the data box, u uniform in
 * {@code [−1, 1]^d}.
 */
public final class Guarantees {
    /** The outcome: the worst {@code λ_max(sym A) + α}, the starts tried and converged, the worst final ratio. */
    public record Result(double maxSymmetricPlusAlpha, int points, int starts, int converged, double worstRatio) {
    }

    private Guarantees() {
    }

    /**
     * Checks {@code model} ({@link Elcd} or {@link ElcdFlow}) at {@code points} states (half drawn from {@code data},
     * half far states) and from {@code starts} far starts, far meaning {@code factor} times the data range.
     */
    public static Result check(LearnedDynamics model, double[][] data, int points, int starts, double factor, long seed) {
        Elcd latent;
        UnaryOperator<double[]> toLatent;
        UnaryOperator<double[]> fromLatent;
        if (model instanceof ElcdFlow f) {
            latent = f.latent();
            toLatent = f::toLatent;
            fromLatent = f::fromLatent;
        } else if (model instanceof Elcd e) {
            latent = e;
            toLatent = UnaryOperator.identity();
            fromLatent = UnaryOperator.identity();
        } else {
            throw new InvalidInputException("guarantees: " + model.kind() + " is not an ELCD model");
        }
        if (data.length == 0) {
            throw new InvalidInputException("guarantees: no data states");
        }
        int d = model.dimension();
        double[] lo = data[0].clone();
        double[] hi = data[0].clone();
        for (double[] x : data) {
            for (int i = 0; i < d; i++) {
                lo[i] = Math.min(lo[i], x[i]);
                hi[i] = Math.max(hi[i], x[i]);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double alpha = latent.alpha();
        double worst = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < points; p++) {
            double[] x = p % 2 == 0 ? data[rng.nextInt(data.length)] : far(lo, hi, factor, rng);
            worst = Math.max(worst, maxSymmetric(latent.matrix(toLatent.apply(x)), d) + alpha);
        }
        double[] xStar = model.equilibrium();
        double[] zStar = toLatent.apply(xStar);
        VectorField field = VectorField.autonomous(d, (z, out) -> {
            double[] a = latent.matrix(z);
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * (z[k] - zStar[k]);
                }
                out[i] = s;
            }
        });
        Integrator integrator = new Integrator(IntegrationSettings.defaults().withTolerances(1e-10, 1e-10)
                .withRecordStates(false));
        double horizon = Math.log(1e9) / alpha;
        int converged = 0;
        double worstRatio = 0;
        for (int s = 0; s < starts; s++) {
            double[] x0 = far(lo, hi, factor, rng);
            Trajectory tr = integrator.integrate(field, toLatent.apply(x0), 0, horizon);
            double ratio = distance(fromLatent.apply(tr.finalState()), xStar) / Math.max(1.0, distance(x0, xStar));
            worstRatio = Math.max(worstRatio, ratio);
            converged += ratio <= 1e-6 ? 1 : 0;
        }
        return new Result(worst, points, starts, converged, worstRatio);
    }

    private static double[] far(double[] lo, double[] hi, double factor, SplittableRandom rng) {
        double[] x = new double[lo.length];
        for (int i = 0; i < x.length; i++) {
            double c = 0.5 * (lo[i] + hi[i]);
            double r = Math.max(0.5 * (hi[i] - lo[i]), 1e-12);
            x[i] = c + factor * r * (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    private static double maxSymmetric(double[] a, int d) {
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                s.set(i, k, 0.5 * (a[i * d + k] + a[k * d + i]));
            }
        }
        return Eigen.maxSymmetric(s);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
