package io.github.attractor.analysis.contraction;

import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A certificate against simulation: two trajectories x₁, x₂ of the same (time-dependent) field from different
 * starts, integrated together as one 2n-dimensional system (so both are sampled at the same accepted steps), and
 * at every step the certified bound
 * <pre>
 *   ‖x₁(t) - x₂(t)‖_M ≤ e^{-ct} ‖x₁(0) - x₂(0)‖_M
 * </pre>
 * of a contraction in the constant metric M at rate c (Lohmiller &amp; Slotine 1998: contraction of virtual
 * displacements integrates to the distance along the straight segment, which bounds the geodesic distance in a
 * constant metric). A step violates the bound when the measured distance exceeds it by more than
 * {@code relTol · d(0) + absTol} — the integration error allowance.
 */
public final class SimulatedContraction {
    private SimulatedContraction() {
    }

    /**
     * @param times      the accepted step times
     * @param distances  {@code ‖x₁(t) - x₂(t)‖_M} at those times
     * @param bound      {@code e^{-ct} ‖x₁(0) - x₂(0)‖_M}
     * @param violations the number of steps past the bound (beyond the allowance)
     * @param worstExcess the largest {@code (d(t) - bound(t)) / d(0)} over t > 0 (negative when the bound holds
     *                    everywhere with room)
     * @param worstRatio  the largest {@code d(t) / bound(t)} over t > 0 (how tight the bound is; ≤ 1 when it holds)
     */
    public record Result(double[] times, double[] distances, double[] bound, int violations, double worstExcess,
            double worstRatio) {
    }

    /**
     * An assembled network ({@link Combination#assemble}) driven by a random sinusoidal input
     * {@code u_i(t) = a_i sin(ω_i t)}, {@code a_i ~ U(-1, 1)}, {@code ω_i ~ U(0.2, 2.2)}, from two random starts
     * {@code ~ U(-3, 3)ⁿ}, checked against the bound at the given rate in the assembly's metric.
     */
    public static Result randomPair(Combination.Assembly a, Nonlinearity.Scaled phi, double rate, double tEnd,
            SplittableRandom rng, IntegrationSettings settings) {
        int n = a.weights().numRows;
        double[] amp = new double[n];
        double[] freq = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            amp[i] = 2 * rng.nextDouble() - 1;
            freq[i] = 0.2 + 2 * rng.nextDouble();
            x1[i] = 3 * (2 * rng.nextDouble() - 1);
            x2[i] = 3 * (2 * rng.nextDouble() - 1);
        }
        Input u = (t, o) -> {
            for (int i = 0; i < n; i++) {
                o[i] = amp[i] * Math.sin(freq[i] * t);
            }
        };
        MembraneRnn rnn = new MembraneRnn(a.weights(), phi, 1, u).withCoupling(a.coupling());
        return check(rnn, a.metric(), rate, x1, x2, tEnd, settings, 1e-6, 1e-9);
    }

    /** Integrates both starts over [0, tEnd] with the settings and compares with the bound. */
    public static Result check(VectorField f, DMatrixRMaj metric, double rate, double[] x1, double[] x2, double tEnd,
            IntegrationSettings settings, double relTol, double absTol) {
        int n = f.dimension();
        Require.shape("metric", metric, n, n);
        Require.length("first start", x1, n);
        Require.length("second start", x2, n);
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new InvalidInputException("rate: must be finite and ≥ 0, got " + rate);
        }
        VectorField pair = new VectorField() {
            @Override
            public int dimension() {
                return 2 * n;
            }

            @Override
            public void evaluate(double t, double[] z, double[] out) {
                double[] a = new double[n];
                double[] b = new double[n];
                System.arraycopy(z, 0, a, 0, n);
                System.arraycopy(z, n, b, 0, n);
                double[] fa = new double[n];
                double[] fb = new double[n];
                f.evaluate(t, a, fa);
                f.evaluate(t, b, fb);
                System.arraycopy(fa, 0, out, 0, n);
                System.arraycopy(fb, 0, out, n, n);
            }
        };
        double[] z0 = new double[2 * n];
        System.arraycopy(x1, 0, z0, 0, n);
        System.arraycopy(x2, 0, z0, n, n);
        Trajectory tr = new Integrator(settings.withRecordStates(true)).integrate(pair, z0, 0, tEnd);
        double[] times = tr.times();
        double[][] states = tr.states();
        double[] d = new double[times.length];
        double[] bound = new double[times.length];
        double[] diff = new double[n];
        for (int k = 0; k < times.length; k++) {
            for (int i = 0; i < n; i++) {
                diff[i] = states[k][i] - states[k][n + i];
            }
            d[k] = norm(diff, metric);
        }
        double d0 = d[0];
        int violations = 0;
        double worst = Double.NaN;
        double ratio = Double.NaN;
        for (int k = 0; k < times.length; k++) {
            bound[k] = Math.exp(-rate * times[k]) * d0;
            double excess = d[k] - bound[k];
            if (k > 0) {
                worst = Double.isNaN(worst) ? excess / d0 : Math.max(worst, excess / d0);
                ratio = Double.isNaN(ratio) ? d[k] / bound[k] : Math.max(ratio, d[k] / bound[k]);
            }
            if (excess > relTol * d0 + absTol) {
                violations++;
            }
        }
        return new Result(times, d, bound, violations, worst, ratio);
    }

    /** {@code sqrt(vᵀ M v)}. */
    public static double norm(double[] v, DMatrixRMaj m) {
        int n = v.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                r += m.data[row + j] * v[j];
            }
            s += v[i] * r;
        }
        return Math.sqrt(Math.max(0, s));
    }
}
