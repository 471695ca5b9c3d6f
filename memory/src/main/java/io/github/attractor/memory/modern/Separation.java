package io.github.attractor.memory.modern;

import io.github.attractor.core.error.ComputationException;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A separation function of the universal Hopfield network {@code x⁺ = Ξ sep(sim(Ξ, x))} (Millidge et al.
 * 2022): it maps a row of similarity scores to weights over the memories that sum to one.
 * <ul>
 *   <li>{@link Softmax}: {@code softmax(β s)} — eq. (3.1) with {@link io.github.attractor.memory.store.Similarity#DOT}
 *       is the modern continuous Hopfield network of Ramsauer et al.;</li>
 *   <li>{@link HardMax}: the one-hot vector of the (first) largest score — the β → ∞ limit of softmax;</li>
 *   <li>{@link Polynomial}: {@code F(s) = sⁿ}, normalised to sum 1 (the dense associative memory
 *       separation; with an odd n negative scores give negative weights);</li>
 *   <li>{@link RectifiedPolynomial}: {@code F(s) = max(s, 0)ⁿ}, normalised to sum 1.</li>
 * </ul>
 * Polynomials are evaluated as {@code (s/max|s|)ⁿ} so that no power overflows; a normalising sum of zero
 * (all scores ≤ 0 for the rectified polynomial, or an exact cancellation) is a {@link ComputationException}.
 *
 * <p>Specs for {@link #parse}: {@code softmax} or {@code softmax:beta=B} (β defaults to 1), {@code max}
 * (aliases {@code hardmax}, {@code argmax}), {@code polynomial:degree=N} (alias {@code poly}, key {@code n}),
 * {@code relu-polynomial:degree=N} (aliases {@code rectified-polynomial}, {@code relu-poly}); case-insensitive.
 */
public sealed interface Separation permits Separation.Softmax, Separation.HardMax, Separation.Polynomial,
        Separation.RectifiedPolynomial {

    /** A spec that {@link #parse} maps back to an equal separation. */
    String name();

    /** {@code out[outOff .. outOff+n) = sep(scores[off .. off+n))}; out may be scores at the same offset. */
    void apply(double[] scores, int off, int n, double[] out, int outOff);

    /**
     * float32 scores: {@code out[outOff .. outOff+n) = sep(scores[off .. off+n))}. By default the row is
     * computed in double and rounded; {@link Softmax} has a float kernel (see {@link SoftmaxKernels}).
     */
    default void apply(float[] scores, int off, int n, float[] out, int outOff) {
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            row[i] = scores[off + i];
        }
        apply(row, 0, n, row, 0);
        for (int i = 0; i < n; i++) {
            out[outOff + i] = (float) row[i];
        }
    }

    /** {@code sep(scores)} as a new array. */
    default double[] apply(double[] scores) {
        double[] out = new double[scores.length];
        apply(scores, 0, scores.length, out, 0);
        return out;
    }

    /** {@code softmax(β s)}. */
    static Separation softmax(double beta) {
        return new Softmax(beta);
    }

    /** One-hot of the argmax. */
    static Separation hardMax() {
        return new HardMax();
    }

    /** {@code sⁿ / Σ sⁿ}. */
    static Separation polynomial(int degree) {
        return new Polynomial(degree);
    }

    /** {@code max(s,0)ⁿ / Σ max(s,0)ⁿ}. */
    static Separation rectifiedPolynomial(int degree) {
        return new RectifiedPolynomial(degree);
    }

    /** The known spec names. */
    static List<String> names() {
        return List.of("softmax", "max", "polynomial", "relu-polynomial");
    }

    /** The separation a spec names (see the interface notes). */
    static Separation parse(String spec) {
        if (spec == null) {
            throw new InvalidInputException("separation: spec must not be null");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).strip().toLowerCase(Locale.ROOT).replace('_', '-');
        Map<String, String> params = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String part : s.substring(colon + 1).split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new InvalidInputException("separation " + name + ": parameter '" + part.strip()
                            + "' must be written key=value");
                }
                params.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        switch (name) {
            case "softmax":
                only(name, params, "beta");
                return new Softmax(number(name, params.getOrDefault("beta", "1"), "beta"));
            case "max":
            case "hardmax":
            case "argmax":
                only(name, params);
                return new HardMax();
            case "polynomial":
            case "poly":
                return new Polynomial(degree(name, params));
            case "relu-polynomial":
            case "rectified-polynomial":
            case "relu-poly":
                return new RectifiedPolynomial(degree(name, params));
            default:
                throw new UnknownNameException("unknown separation '" + spec + "'; known: "
                        + String.join(", ", names()));
        }
    }

    private static void only(String name, Map<String, String> params, String... keys) {
        for (String key : params.keySet()) {
            if (!List.of(keys).contains(key)) {
                throw new InvalidInputException("separation " + name + ": unknown parameter '" + key + "'"
                        + (keys.length == 0 ? "; it takes none" : "; known: " + String.join(", ", keys)));
            }
        }
    }

    private static double number(String name, String text, String key) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("separation " + name + ": parameter '" + key + "' is not a number: '"
                    + text + "'", e);
        }
    }

    private static int degree(String name, Map<String, String> params) {
        for (String key : params.keySet()) {
            if (!key.equals("degree") && !key.equals("n")) {
                throw new InvalidInputException("separation " + name + ": unknown parameter '" + key
                        + "'; known: degree");
            }
        }
        String text = params.containsKey("degree") ? params.get("degree") : params.get("n");
        if (text == null) {
            throw new InvalidInputException("separation " + name + ": needs degree=N");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("separation " + name + ": degree '" + text + "' is not an integer", e);
        }
    }

    /** {@code softmax(β s)_i = e^{β(s_i - max s)} / Σ_j e^{β(s_j - max s)}}. */
    record Softmax(double beta) implements Separation {
        public Softmax {
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new InvalidInputException("beta: the softmax inverse temperature must be finite and > 0, got "
                        + beta);
            }
        }

        @Override
        public String name() {
            return "softmax:beta=" + beta;
        }

        @Override
        public void apply(double[] s, int off, int n, double[] out, int outOff) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, s[off + i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double e = Math.exp(beta * (s[off + i] - max));
                out[outOff + i] = e;
                sum += e;
            }
            double inv = 1 / sum;
            for (int i = 0; i < n; i++) {
                out[outOff + i] *= inv;
            }
        }

        /** float32 rows: the SIMD kernel of {@link SoftmaxKernels} when the Vector API is present. */
        @Override
        public void apply(float[] s, int off, int n, float[] out, int outOff) {
            if (SoftmaxKernels.VECTOR_API) {
                SoftmaxKernels.softmax(s, off, n, (float) beta, out, outOff);
            } else {
                Separation.super.apply(s, off, n, out, outOff);
            }
        }
    }

    /** One-hot at the first largest score. */
    record HardMax() implements Separation {
        @Override
        public String name() {
            return "max";
        }

        @Override
        public void apply(double[] s, int off, int n, double[] out, int outOff) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (s[off + i] > s[off + best]) {
                    best = i;
                }
            }
            for (int i = 0; i < n; i++) {
                out[outOff + i] = i == best ? 1 : 0;
            }
        }
    }

    /** {@code sⁿ / Σ sⁿ}. */
    record Polynomial(int degree) implements Separation {
        public Polynomial {
            if (degree < 1) {
                throw new InvalidInputException("degree: the polynomial separation needs degree >= 1, got " + degree);
            }
        }

        @Override
        public String name() {
            return "polynomial:degree=" + degree;
        }

        @Override
        public void apply(double[] s, int off, int n, double[] out, int outOff) {
            powers(s, off, n, out, outOff, degree, false, name());
        }
    }

    /** {@code max(s,0)ⁿ / Σ max(s,0)ⁿ}. */
    record RectifiedPolynomial(int degree) implements Separation {
        public RectifiedPolynomial {
            if (degree < 1) {
                throw new InvalidInputException("degree: the rectified polynomial separation needs degree >= 1, got "
                        + degree);
            }
        }

        @Override
        public String name() {
            return "relu-polynomial:degree=" + degree;
        }

        @Override
        public void apply(double[] s, int off, int n, double[] out, int outOff) {
            powers(s, off, n, out, outOff, degree, true, name());
        }
    }

    private static void powers(double[] s, int off, int n, double[] out, int outOff, int degree, boolean rectify,
            String name) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double v = rectify ? Math.max(s[off + i], 0) : s[off + i];
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0) {
            throw new ComputationException("separation " + name + ": every score is "
                    + (rectify ? "<= 0" : "0") + "; the weights cannot be normalised");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = rectify ? Math.max(s[off + i], 0) : s[off + i];
            double p = pow(v / scale, degree);
            out[outOff + i] = p;
            sum += p;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new ComputationException("separation " + name + ": the powers sum to " + sum
                    + "; the weights cannot be normalised");
        }
        double inv = 1 / sum;
        for (int i = 0; i < n; i++) {
            out[outOff + i] *= inv;
        }
    }

    private static double pow(double v, int n) {
        double r = 1;
        double b = v;
        int e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                r *= b;
            }
            b *= b;
            e >>= 1;
        }
        return r;
    }
}
