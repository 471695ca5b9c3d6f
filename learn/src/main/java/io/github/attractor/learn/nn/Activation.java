package io.github.attractor.learn.nn;

import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.learn.tape.Node;
import java.util.Locale;

/**
 * Elementwise activation functions of {@link Mlp} layers: {@code tanh}, {@code relu(x) = max(x, 0)},
 * {@code elu(x) = x (x > 0), e^x − 1 (x ≤ 0)}, {@code softplus(x) = log(1 + e^x)},
 * {@code sigmoid(x) = 1/(1 + e^{−x})} and the identity.
 */
public enum Activation {
    IDENTITY, TANH, RELU, ELU, SOFTPLUS, SIGMOID;

    /** The activation applied to {@code x} on its tape. */
    public Node apply(Node x) {
        return switch (this) {
            case IDENTITY -> x;
            case TANH -> x.tanh();
            case RELU -> x.relu();
            case ELU -> x.elu(1.0);
            case SOFTPLUS -> x.softplus();
            case SIGMOID -> x.sigmoid();
        };
    }

    /** The lower-case name, as used in model files and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The activation with the given name (case-insensitive). */
    public static Activation of(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new UnknownNameException("activation: unknown name '" + name + "' (known: identity, tanh, relu, elu, "
                + "softplus, sigmoid)");
    }
}
