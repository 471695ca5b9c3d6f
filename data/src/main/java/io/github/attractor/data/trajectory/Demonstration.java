package io.github.attractor.data.trajectory;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;

/**
 * One demonstration: a time series of {@code T} states {@code x(t_k) ∈ R^D} with the velocities
 * {@code ẋ(t_k)} recorded beside them and the sample times {@code t_0 < t_1 < … < t_{T-1}}.
 *
 * <p>Arrays are copied on the way in; the accessors return the stored arrays themselves (no copy, to keep
 * training loops cheap), which callers must treat as read-only — as {@link io.github.attractor.data.array.NdArray}
 * does.
 */
public final class Demonstration {
    private final double[] times;
    private final double[][] states;
    private final double[][] velocities;

    /**
     * A demonstration from its times (length T), states (T×D) and velocities (T×D); errors are prefixed with
     * {@code "demonstration"}.
     */
    public Demonstration(double[] times, double[][] states, double[][] velocities) {
        this("demonstration", times, states, velocities);
    }

    /**
     * As {@link #Demonstration(double[], double[][], double[][])} with error messages prefixed by {@code what}
     * (a file and demonstration index, say). Checks: at least one sample, T×D shapes that agree, D ≥ 1,
     * strictly increasing times, every value finite.
     */
    public Demonstration(String what, double[] times, double[][] states, double[][] velocities) {
        if (times == null || states == null || velocities == null) {
            throw new InvalidInputException(what + ": times, states and velocities are required");
        }
        int t = times.length;
        if (t == 0) {
            throw new ShapeMismatchException(what + ": no samples");
        }
        if (states.length != t || velocities.length != t) {
            throw new ShapeMismatchException(what + ": " + t + " times but " + states.length + " states and "
                    + velocities.length + " velocities");
        }
        int d = states[0].length;
        if (d == 0) {
            throw new ShapeMismatchException(what + ": states have dimension 0");
        }
        this.times = times.clone();
        this.states = new double[t][];
        this.velocities = new double[t][];
        for (int k = 0; k < t; k++) {
            if (states[k].length != d || velocities[k].length != d) {
                throw new ShapeMismatchException(what + ": sample " + k + " has state length " + states[k].length
                        + " and velocity length " + velocities[k].length + ", expected " + d);
            }
            this.states[k] = checkFinite(what, "state", k, states[k]);
            this.velocities[k] = checkFinite(what, "velocity", k, velocities[k]);
            if (!Double.isFinite(times[k])) {
                throw new NonFiniteValueException(what + ": time " + k + " is " + times[k]);
            }
            if (k > 0 && !(times[k] > times[k - 1])) {
                throw new InvalidInputException(what + ": times must increase strictly, but t[" + k + "] = "
                        + times[k] + " after t[" + (k - 1) + "] = " + times[k - 1]);
            }
        }
    }

    private static double[] checkFinite(String what, String kind, int k, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new NonFiniteValueException(what + ": " + kind + " " + k + " has " + v[i] + " in component "
                        + i);
            }
        }
        return v.clone();
    }

    /** Number of samples T. */
    public int length() {
        return times.length;
    }

    /** State dimension D. */
    public int dimension() {
        return states[0].length;
    }

    /** Sample times (length T; read-only). */
    public double[] times() {
        return times;
    }

    /** States, T×D (read-only). */
    public double[][] states() {
        return states;
    }

    /** Velocities, T×D (read-only). */
    public double[][] velocities() {
        return velocities;
    }

    /** State k (read-only). */
    public double[] state(int k) {
        return states[k];
    }

    /** Velocity k (read-only). */
    public double[] velocity(int k) {
        return velocities[k];
    }

    /** The first state (read-only). */
    public double[] initialState() {
        return states[0];
    }

    /** The last state (read-only). */
    public double[] finalState() {
        return states[states.length - 1];
    }

    /** The samples {@code from, …, T-1} (the first {@code from} dropped); {@code 0 <= from < T}. */
    public Demonstration dropFirst(int from) {
        if (from < 0 || from >= times.length) {
            throw new InvalidInputException("demonstration: cannot drop " + from + " of " + times.length + " samples");
        }
        return new Demonstration(java.util.Arrays.copyOfRange(times, from, times.length),
                java.util.Arrays.copyOfRange(states, from, states.length),
                java.util.Arrays.copyOfRange(velocities, from, velocities.length));
    }
}
