package io.github.attractor.analysis.rnn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import java.util.function.DoubleFunction;

/**
 * An input {@code u(t) ∈ Rⁿ} of the RNN (1): constant, any function of time, or samples at increasing times
 * joined by straight lines (held constant before the first and after the last sample).
 */
@FunctionalInterface
public interface Input {

    /** Writes {@code u(t)} into {@code out} (length n). */
    void value(double t, double[] out);

    /** {@code u(t) = u}. */
    static Input constant(double[] u) {
        double[] c = Require.finite("input", u).clone();
        return (t, out) -> System.arraycopy(c, 0, out, 0, c.length);
    }

    /** {@code u(t) = f(t)} (the returned arrays must have length n). */
    static Input of(DoubleFunction<double[]> f) {
        return (t, out) -> {
            double[] v = f.apply(t);
            System.arraycopy(v, 0, out, 0, out.length);
        };
    }

    /**
     * Samples {@code values[k]} (each of length n) at strictly increasing {@code times[k]}, linearly
     * interpolated.
     */
    static Input sampled(double[] times, double[][] values) {
        if (times.length == 0 || times.length != values.length) {
            throw new InvalidInputException("input: need as many sample times as samples (and at least one), got "
                    + times.length + " and " + values.length);
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new InvalidInputException("input: sample times must increase strictly (at index " + k + ")");
            }
        }
        double[] ts = Require.finite("input times", times).clone();
        double[][] vs = new double[values.length][];
        for (int k = 0; k < values.length; k++) {
            vs[k] = Require.finite("input sample " + k, values[k]).clone();
            if (vs[k].length != vs[0].length) {
                throw new InvalidInputException("input: sample " + k + " has length " + vs[k].length + ", not "
                        + vs[0].length);
            }
        }
        return (t, out) -> {
            if (t <= ts[0]) {
                System.arraycopy(vs[0], 0, out, 0, out.length);
                return;
            }
            int last = ts.length - 1;
            if (t >= ts[last]) {
                System.arraycopy(vs[last], 0, out, 0, out.length);
                return;
            }
            int lo = 0;
            int hi = last;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (ts[mid] <= t) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double w = (t - ts[lo]) / (ts[hi] - ts[lo]);
            for (int i = 0; i < out.length; i++) {
                out[i] = (1 - w) * vs[lo][i] + w * vs[hi][i];
            }
        };
    }
}
