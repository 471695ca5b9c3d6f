package io.github.attractor.analysis.lineattractor;

import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Trajectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The "clicks" integration task of the note: two input channels carry rectangular pulses of unit area
 * (height 1/w, width w) at Poisson times; the line attractor {@code dx/dt = -x + [Wx + b + W_in u(t)]₊}
 * accumulates them and the readout {@code y = W_out x + b_out} reports the running count difference. For the
 * bounded attractor (2) with both units active, {@code d = x₁ - x₂} obeys {@code ḋ = 2α(u₂ - u₁)} and
 * {@code s = x₁ + x₂} relaxes to β, so {@code y = (x₁ - x₂)/(2α)} equals (clicks on channel 2) - (clicks on
 * channel 1) exactly while {@code |y| < β/(2α)}. The input is piecewise constant, so the integration restarts
 * at every pulse edge (no step straddles a discontinuity).
 */
public final class ClickIntegration {
    private ClickIntegration() {
    }

    /** Click times on the two channels. */
    public record Clicks(double[] channel1, double[] channel2, double width) {
    }

    /**
     * A run: sample times, decoded output, the exact count difference {@code ∫(u₂ - u₁)} (or its negative,
     * matching the readout's sign), and the states.
     */
    public record Run(double[] times, double[] decoded, double[] expected, double[][] states) {
        /** {@code max_t |decoded - expected|}. */
        public double maxError() {
            double m = 0;
            for (int i = 0; i < times.length; i++) {
                m = Math.max(m, Math.abs(decoded[i] - expected[i]));
            }
            return m;
        }

        public double finalDecoded() {
            return decoded[decoded.length - 1];
        }

        public double finalExpected() {
            return expected[expected.length - 1];
        }
    }

    /** Poisson click trains with the given rates (per unit time) on [0, duration - 2 width). */
    public static Clicks poisson(double rate1, double rate2, double duration, double width, long seed) {
        Require.that(width > 0 && duration > 2 * width, "clicks: need 0 < width < duration / 2");
        SplittableRandom rng = new SplittableRandom(seed);
        return new Clicks(train(rate1, duration - 2 * width, width, rng), train(rate2, duration - 2 * width, width, rng),
                width);
    }

    private static double[] train(double rate, double until, double width, SplittableRandom rng) {
        List<Double> ts = new ArrayList<>();
        double t = 0;
        while (rate > 0) {
            t += -Math.log(1 - rng.nextDouble()) / rate;
            if (t >= until) {
                break;
            }
            // pulses on one channel do not overlap: a click during a pulse starts when it ends
            if (!ts.isEmpty() && t < ts.get(ts.size() - 1) + width) {
                t = ts.get(ts.size() - 1) + width;
            }
            ts.add(t);
        }
        return ts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Simulates the attractor with input weights {@code wIn} from its decoder start over [0, duration],
     * sampling every {@code dt}; {@code expectedSign} is +1 when the readout counts channel 2 minus channel 1.
     */
    public static Run simulate(LineAttractor attractor, DMatrixRMaj wIn, double alpha, double beta, Clicks clicks,
            double duration, double dt, double expectedSign) {
        double width = clicks.width();
        double[] edges = edges(clicks, duration);
        Input u = (t, out) -> {
            out[0] = active(clicks.channel1(), t, width) ? 1 / width : 0;
            out[1] = active(clicks.channel2(), t, width) ? 1 / width : 0;
        };
        Integrator integ = new Integrator(IntegrationSettings.defaults().withTolerances(1e-11, 1e-11)
                .withRecordStates(false));
        int samples = (int) Math.round(duration / dt) + 1;
        double[] times = new double[samples];
        double[] decoded = new double[samples];
        double[] expected = new double[samples];
        double[][] states = new double[samples][];
        double[] x = attractor.initialState(beta);
        double t = 0;
        int e = 0;
        for (int s = 0; s < samples; s++) {
            double target = Math.min(duration, s * dt);
            while (t < target) {
                while (e < edges.length && edges[e] <= t) {
                    e++;
                }
                double stop = e < edges.length ? Math.min(edges[e], target) : target;
                double mid = 0.5 * (t + stop);
                // integrate the constant-input piece: the field is evaluated with the input at its midpoint
                double[] uc = new double[2];
                u.value(mid, uc);
                ThresholdLinearNetwork piece = attractor.network(beta).withInput(wIn, Input.constant(uc));
                Trajectory tr = integ.integrate(piece, x, t, stop);
                x = tr.finalState();
                t = stop;
            }
            times[s] = target;
            states[s] = x.clone();
            decoded[s] = attractor.decode(x, alpha, beta);
            expected[s] = expectedSign * (area(clicks.channel2(), target, width) - area(clicks.channel1(), target, width));
        }
        return new Run(times, decoded, expected, states);
    }

    private static boolean active(double[] starts, double t, double width) {
        int i = Arrays.binarySearch(starts, t);
        int k = i >= 0 ? i : -i - 2;
        return k >= 0 && t >= starts[k] && t < starts[k] + width;
    }

    /** {@code ∫₀ᵗ u_c}: the number of clicks completed plus the fraction of the current one. */
    private static double area(double[] starts, double t, double width) {
        double a = 0;
        for (double s : starts) {
            if (s >= t) {
                break;
            }
            a += Math.min(1, (t - s) / width);
        }
        return a;
    }

    private static double[] edges(Clicks c, double duration) {
        List<Double> es = new ArrayList<>();
        for (double[] ch : new double[][] {c.channel1(), c.channel2()}) {
            for (double s : ch) {
                es.add(s);
                es.add(s + c.width());
            }
        }
        es.add(duration);
        return es.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }
}
