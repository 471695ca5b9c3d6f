package io.github.attractor.analysis.rnn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.Locale;

/**
 * A static, slope-restricted nonlinearity φ of the RNN (1) of Kozachkov et al.,
 * {@code τ dx/dt = -x + W φ(x) + u(t)}, with {@code 0 ≤ φ' ≤ g}:
 * <ul>
 *   <li>{@code tanh(a x)}, slope bound g = a;</li>
 *   <li>softplus {@code log(1 + eˣ)}, g = 1;</li>
 *   <li>ReLU {@code max(0, x)}, g = 1, piecewise linear with slopes {0, 1}.</li>
 * </ul>
 * The contraction theorems use only the slope interval [0, g]; the vertex checks of a piecewise-linear φ use
 * its finitely many slopes. This is a different concept from the memory models' activations (gradients of
 * Lagrangians): here only the slope bound matters, and ReLU's slopes are the vertices of the slope box.
 */
public enum Nonlinearity {
    TANH, SOFTPLUS, RELU;

    /** φ with a gain (only tanh uses it: {@code tanh(gain·x)}). */
    public record Scaled(Nonlinearity kind, double gain) {
        public Scaled {
            if (!(gain > 0) || !Double.isFinite(gain)) {
                throw new InvalidInputException("nonlinearity: the gain must be finite and > 0, got " + gain);
            }
            if (kind != TANH && gain != 1) {
                throw new InvalidInputException("nonlinearity: only tanh takes a gain, " + kind.key() + " has g = 1");
            }
        }

        /** φ(x). */
        public double value(double x) {
            return switch (kind) {
                case TANH -> Math.tanh(gain * x);
                case SOFTPLUS -> x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
                case RELU -> Math.max(0, x);
            };
        }

        /** φ'(x) (ReLU: 1 for x > 0, 0 otherwise). */
        public double slope(double x) {
            return switch (kind) {
                case TANH -> {
                    double t = Math.tanh(gain * x);
                    yield gain * (1 - t * t);
                }
                case SOFTPLUS -> 1 / (1 + Math.exp(-x));
                case RELU -> x > 0 ? 1 : 0;
            };
        }

        /** φ''(x) (ReLU: 0 away from the kink). */
        public double curvature(double x) {
            return switch (kind) {
                case TANH -> {
                    double t = Math.tanh(gain * x);
                    yield -2 * gain * gain * t * (1 - t * t);
                }
                case SOFTPLUS -> {
                    double sg = 1 / (1 + Math.exp(-x));
                    yield sg * (1 - sg);
                }
                case RELU -> 0;
            };
        }

        /** The slope bound g: {@code 0 ≤ φ' ≤ g}. */
        public double slopeBound() {
            return kind == TANH ? gain : 1;
        }

        /** Whether φ is piecewise linear (its slopes are exactly {@link #slopes()}). */
        public boolean piecewiseLinear() {
            return kind == RELU;
        }

        /** The slopes a piecewise-linear φ takes ({0, 1} for ReLU); for smooth φ the ends of [0, g]. */
        public double[] slopes() {
            return new double[] {0, slopeBound()};
        }

        /** A spec that {@link #parse} maps back to an equal value. */
        public String spec() {
            return kind == TANH && gain != 1 ? "tanh:a=" + gain : kind.key();
        }
    }

    /** The lower-case name. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code tanh}, {@code tanh:a=GAIN}, {@code softplus}, {@code relu} (case-insensitive). */
    public static Scaled parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("nonlinearity: empty name (known: tanh, tanh:a=GAIN, softplus, relu)");
        }
        String s = spec.strip().toLowerCase(Locale.ROOT);
        String name = s;
        double gain = 1;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            name = s.substring(0, colon);
            String param = s.substring(colon + 1);
            if (!param.startsWith("a=")) {
                throw new InvalidInputException("nonlinearity '" + spec + "': expected a parameter a=GAIN");
            }
            try {
                gain = Double.parseDouble(param.substring(2));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("nonlinearity '" + spec + "': gain '" + param.substring(2)
                        + "' is not a number", e);
            }
        }
        for (Nonlinearity k : values()) {
            if (k.key().equals(name)) {
                return new Scaled(k, gain);
            }
        }
        throw new UnknownNameException("nonlinearity: unknown name '" + spec + "' (known: tanh, tanh:a=GAIN, softplus, relu)");
    }

    /** This φ with gain 1. */
    public Scaled unit() {
        return new Scaled(this, 1);
    }
}
