package io.github.attractor.memory.sequence;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.memory.lagrangian.IdentityLagrangian;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.lagrangian.LogCoshLagrangian;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * The activation σ of the feature neurons in the discrete sequence maps (7) and (10): {@code sign}, which
 * has no Lagrangian and no derivative at 0 but is fine for a map, or the activation {@code g = ∇L} of any
 * {@link Lagrangian}. For the topological conjugacy (11) σ must be invertible: {@link #tanh()} (inverse
 * {@code atanh}) and {@link #of(Lagrangian) identity} are.
 *
 * <p>Convention for {@link #sign()}: {@code sign(0) = +1}, so every state it produces is a ±1 vector.
 */
public interface Activation {

    /** Name: {@code "sign"} or the Lagrangian's registry name. */
    String name();

    /** Writes {@code σ(x)} into {@code out} (same length, not aliased). */
    void apply(double[] x, double[] out);

    /** Writes the Jacobian {@code dσ/dx} at x into {@code out} (n×n; diagonal for elementwise σ). */
    void jacobian(double[] x, DMatrixRMaj out);

    /** Whether {@link #inverse} is available. */
    default boolean invertible() {
        return false;
    }

    /**
     * Writes {@code σ⁻¹(y)} into {@code out}; only for invertible activations, and only for y in σ's range.
     *
     * @throws InvalidInputException if σ is not invertible
     */
    default void inverse(double[] y, double[] out) {
        throw new InvalidInputException("activation " + name() + " is not invertible");
    }

    /** {@code σ(x)} as a new array. */
    default double[] apply(double[] x) {
        double[] out = new double[x.length];
        apply(x, out);
        return out;
    }

    /**
     * {@code sign}: +1 for {@code x ≥ 0}, -1 otherwise. Its derivative is 0 wherever it exists (everywhere
     * but 0), which is what {@link #jacobian} returns.
     */
    static Activation sign() {
        return Sign.INSTANCE;
    }

    /** {@code tanh}, the activation of the log-cosh Lagrangian, with inverse {@code atanh}. */
    static Activation tanh() {
        return Tanh.INSTANCE;
    }

    /**
     * The activation {@code g = ∇L} of a Lagrangian, Jacobian Λ = ∇²L. The log-cosh Lagrangian gives
     * {@link #tanh()}, the identity Lagrangian an invertible identity; others are not inverted.
     */
    static Activation of(Lagrangian lagrangian) {
        if (lagrangian instanceof LogCoshLagrangian) {
            return Tanh.INSTANCE;
        }
        if (lagrangian instanceof IdentityLagrangian) {
            return Identity.INSTANCE;
        }
        return new OfLagrangian(lagrangian);
    }

    /** {@code "sign"}, or any Lagrangian spec of {@link Lagrangians#parse} ({@code "tanh"}, {@code "relu"}, …). */
    static Activation parse(String spec) {
        Require.that(spec != null, "activation: spec must not be null");
        if (spec.strip().toLowerCase(Locale.ROOT).equals("sign")) {
            return Sign.INSTANCE;
        }
        return of(Lagrangians.parse(spec));
    }

    /** sign, with sign(0) = +1. */
    final class Sign implements Activation {
        static final Sign INSTANCE = new Sign();

        private Sign() {
        }

        @Override
        public String name() {
            return "sign";
        }

        @Override
        public void apply(double[] x, double[] out) {
            Require.length("out", out, x.length);
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] >= 0 ? 1.0 : -1.0;
            }
        }

        @Override
        public void jacobian(double[] x, DMatrixRMaj out) {
            out.reshape(x.length, x.length);
            out.zero();
        }
    }

    /** tanh and atanh. */
    final class Tanh implements Activation {
        static final Tanh INSTANCE = new Tanh();

        private Tanh() {
        }

        @Override
        public String name() {
            return LogCoshLagrangian.NAME;
        }

        @Override
        public void apply(double[] x, double[] out) {
            Require.length("out", out, x.length);
            for (int i = 0; i < x.length; i++) {
                out[i] = Math.tanh(x[i]);
            }
        }

        @Override
        public void jacobian(double[] x, DMatrixRMaj out) {
            new LogCoshLagrangian().hessian(x, out);
        }

        @Override
        public boolean invertible() {
            return true;
        }

        /** {@code atanh y = ½ log1p(2y / (1 - y))}: accurate near 0 and, as far as y itself is, near ±1. */
        @Override
        public void inverse(double[] y, double[] out) {
            Require.length("out", out, y.length);
            for (int i = 0; i < y.length; i++) {
                double v = y[i];
                if (!(v > -1 && v < 1)) {
                    throw new InvalidInputException("atanh: entry " + i + " is " + v + ", outside (-1, 1)");
                }
                out[i] = 0.5 * Math.log1p(2 * v / (1 - v));
            }
        }
    }

    /** The identity, its own inverse. */
    final class Identity implements Activation {
        static final Identity INSTANCE = new Identity();

        private Identity() {
        }

        @Override
        public String name() {
            return IdentityLagrangian.NAME;
        }

        @Override
        public void apply(double[] x, double[] out) {
            Require.length("out", out, x.length);
            System.arraycopy(x, 0, out, 0, x.length);
        }

        @Override
        public void jacobian(double[] x, DMatrixRMaj out) {
            out.reshape(x.length, x.length);
            out.zero();
            for (int i = 0; i < x.length; i++) {
                out.unsafe_set(i, i, 1.0);
            }
        }

        @Override
        public boolean invertible() {
            return true;
        }

        @Override
        public void inverse(double[] y, double[] out) {
            apply(y, out);
        }
    }

    /** g = ∇L of any Lagrangian. */
    final class OfLagrangian implements Activation {
        private final Lagrangian lagrangian;

        OfLagrangian(Lagrangian lagrangian) {
            this.lagrangian = java.util.Objects.requireNonNull(lagrangian, "lagrangian");
        }

        @Override
        public String name() {
            return lagrangian.name();
        }

        @Override
        public void apply(double[] x, double[] out) {
            lagrangian.activation(x, out);
        }

        @Override
        public void jacobian(double[] x, DMatrixRMaj out) {
            lagrangian.hessian(x, out);
        }
    }
}
