package io.github.attractor.memory.store;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The similarity measures {@code sim(ξ, x)} of eq. (3.5) (after the universal Hopfield networks of Millidge
 * et al. 2022): large when the memory ξ and the query x are close.
 * <ul>
 *   <li>{@link #DOT}: {@code ξᵀx} — eq. (3.1)/(3.4), {@code sim(Ξ, x) = Ξᵀx} in the paper's d×N layout;</li>
 *   <li>{@link #NEGATIVE_SQUARED_EUCLIDEAN}: {@code -‖ξ - x‖²};</li>
 *   <li>{@link #NEGATIVE_MANHATTAN}: {@code -‖ξ - x‖₁} (the similarity of the paper's image experiments);</li>
 *   <li>{@link #COSINE}: {@code ξᵀx / (‖ξ‖ ‖x‖)}, defined as 0 when either vector is zero.</li>
 * </ul>
 * {@link #parse} accepts the short names {@code dot}, {@code euclidean}, {@code manhattan}, {@code cosine},
 * the long ones ({@code negative-squared-euclidean}, {@code negative-manhattan}), the enum constants and a
 * few aliases ({@code inner}, {@code l2}, {@code sqeuclidean}, {@code l1}), case-insensitively.
 */
public enum Similarity {
    DOT("dot"),
    NEGATIVE_SQUARED_EUCLIDEAN("euclidean"),
    NEGATIVE_MANHATTAN("manhattan"),
    COSINE("cosine");

    private final String key;

    Similarity(String key) {
        this.key = key;
    }

    /** The short name that {@link #parse} accepts. */
    public String key() {
        return key;
    }

    /** The short names, in declaration order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Similarity s : values()) {
            out.add(s.key);
        }
        return out;
    }

    /** The similarity a name denotes; {@link UnknownNameException} listing the valid names otherwise. */
    public static Similarity parse(String name) {
        if (name == null) {
            throw new InvalidInputException("similarity: name must not be null");
        }
        String s = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (s) {
            case "dot":
            case "inner":
            case "inner-product":
                return DOT;
            case "euclidean":
            case "negative-squared-euclidean":
            case "sqeuclidean":
            case "l2":
                return NEGATIVE_SQUARED_EUCLIDEAN;
            case "manhattan":
            case "negative-manhattan":
            case "l1":
                return NEGATIVE_MANHATTAN;
            case "cosine":
                return COSINE;
            default:
                throw new UnknownNameException("unknown similarity '" + name + "'; known: "
                        + String.join(", ", names()));
        }
    }

    /** {@code sim(a[aOff..aOff+d), b[bOff..bOff+d))} computed directly in double (the reference). */
    public double of(double[] a, int aOff, double[] b, int bOff, int d) {
        double s = 0;
        switch (this) {
            case DOT:
                for (int j = 0; j < d; j++) {
                    s += a[aOff + j] * b[bOff + j];
                }
                return s;
            case NEGATIVE_SQUARED_EUCLIDEAN:
                for (int j = 0; j < d; j++) {
                    double t = a[aOff + j] - b[bOff + j];
                    s += t * t;
                }
                return -s;
            case NEGATIVE_MANHATTAN:
                for (int j = 0; j < d; j++) {
                    s += Math.abs(a[aOff + j] - b[bOff + j]);
                }
                return -s;
            default:
                double na = 0;
                double nb = 0;
                for (int j = 0; j < d; j++) {
                    s += a[aOff + j] * b[bOff + j];
                    na += a[aOff + j] * a[aOff + j];
                    nb += b[bOff + j] * b[bOff + j];
                }
                return na == 0 || nb == 0 ? 0 : s / Math.sqrt(na * nb);
        }
    }

    /** {@code sim(a, b)} of two vectors of equal length. */
    public double of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new io.github.attractor.core.error.ShapeMismatchException("similarity: vectors of lengths "
                    + a.length + " and " + b.length);
        }
        return of(a, 0, b, 0, a.length);
    }
}
