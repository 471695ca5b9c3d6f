package io.github.attractor.data.corrupt;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Corrupted cues for associative-memory experiments. Every method works on a copy and leaves its input
 * untouched; every random one takes the caller's (seeded) {@link RandomGenerator}, so a run is repeatable.
 *
 * <ul>
 *   <li><b>Occlusion</b>: the top {@code rows} rows of an {@code h × w} image (a row-major vector of length
 *       {@code h·w}) are set to a fill value (default 0); {@link #occludeTopHalf} uses {@code rows = ⌊h/2⌋}.</li>
 *   <li><b>Gaussian noise</b>: {@code x + σ z} with {@code z ~ N(0, I)}.</li>
 *   <li><b>Random mask</b>: each entry independently set to the fill value with probability {@code p}.</li>
 *   <li><b>Sign flips</b> of a ±1 pattern: exactly {@code round(f·n)} distinct positions, drawn uniformly
 *       without replacement (a partial Fisher–Yates shuffle), change sign. The overlap with the original is
 *       then exactly {@code 1 - 2·round(f·n)/n}.</li>
 * </ul>
 * The batch variants take an {@code N × d} matrix (one sample per row) and corrupt each row independently, the
 * rows in order from the same generator.
 */
public final class Corruptions {
    private Corruptions() {
    }

    // ---------------------------------------------------------------- occlusion

    /** The image with its top {@code rows} rows set to 0. */
    public static double[] occludeTop(double[] image, int height, int width, int rows) {
        return occludeTop(image, height, width, rows, 0.0);
    }

    /** The image with its top {@code rows} rows ({@code 0 ≤ rows ≤ height}) set to {@code fill}. */
    public static double[] occludeTop(double[] image, int height, int width, int rows, double fill) {
        checkImage(image.length, height, width, rows);
        double[] out = image.clone();
        java.util.Arrays.fill(out, 0, rows * width, fill);
        return out;
    }

    /** The image with its top half, {@code ⌊height/2⌋} rows, set to 0. */
    public static double[] occludeTopHalf(double[] image, int height, int width) {
        return occludeTop(image, height, width, height / 2, 0.0);
    }

    /** The image with its top half, {@code ⌊height/2⌋} rows, set to {@code fill}. */
    public static double[] occludeTopHalf(double[] image, int height, int width, double fill) {
        return occludeTop(image, height, width, height / 2, fill);
    }

    /** Every row (an {@code height × width} image) with its top {@code rows} rows set to {@code fill}. */
    public static DMatrixRMaj occludeTop(DMatrixRMaj images, int height, int width, int rows, double fill) {
        checkImage(images.numCols, height, width, rows);
        DMatrixRMaj out = images.copy();
        for (int k = 0; k < out.numRows; k++) {
            int base = k * out.numCols;
            java.util.Arrays.fill(out.data, base, base + rows * width, fill);
        }
        return out;
    }

    /** Every row with its top half, {@code ⌊height/2⌋} rows, set to {@code fill}. */
    public static DMatrixRMaj occludeTopHalf(DMatrixRMaj images, int height, int width, double fill) {
        return occludeTop(images, height, width, height / 2, fill);
    }

    // ---------------------------------------------------------------- Gaussian noise

    /** {@code x + σ z}, {@code z ~ N(0, I)}, {@code σ ≥ 0}. */
    public static double[] gaussianNoise(double[] x, double sigma, RandomGenerator rng) {
        checkSigma(sigma);
        Objects.requireNonNull(rng, "rng");
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += sigma * rng.nextGaussian();
        }
        return out;
    }

    /** {@code X + σ Z} entrywise, {@code Z} standard normal. */
    public static DMatrixRMaj gaussianNoise(DMatrixRMaj x, double sigma, RandomGenerator rng) {
        checkSigma(sigma);
        Objects.requireNonNull(rng, "rng");
        DMatrixRMaj out = x.copy();
        int n = out.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] += sigma * rng.nextGaussian();
        }
        return out;
    }

    // ---------------------------------------------------------------- random mask

    /** Each entry independently replaced by {@code fill} with probability {@code p ∈ [0, 1]}. */
    public static double[] randomMask(double[] x, double p, double fill, RandomGenerator rng) {
        checkProbability(p);
        Objects.requireNonNull(rng, "rng");
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            if (rng.nextDouble() < p) {
                out[i] = fill;
            }
        }
        return out;
    }

    /** Each entry of every row independently replaced by {@code fill} with probability {@code p}. */
    public static DMatrixRMaj randomMask(DMatrixRMaj x, double p, double fill, RandomGenerator rng) {
        checkProbability(p);
        Objects.requireNonNull(rng, "rng");
        DMatrixRMaj out = x.copy();
        int n = out.getNumElements();
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                out.data[i] = fill;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- sign flips

    /** Number of positions {@link #flipSigns} changes in a pattern of length n: {@code round(f·n)}. */
    public static int flipCount(int n, double fraction) {
        checkFraction(fraction);
        return (int) Math.round(fraction * n);
    }

    /**
     * A ±1 pattern with exactly {@code round(f·n)} distinct, uniformly chosen entries negated.
     *
     * @throws InvalidInputException if an entry is not ±1 or {@code f ∉ [0, 1]}
     */
    public static double[] flipSigns(double[] pattern, double fraction, RandomGenerator rng) {
        requireSpins("pattern", pattern, 0, pattern.length, -1);
        int k = flipCount(pattern.length, fraction);
        Objects.requireNonNull(rng, "rng");
        double[] out = pattern.clone();
        flip(out, 0, out.length, k, rng, new int[out.length]);
        return out;
    }

    /** Every row (a ±1 pattern of length d) with exactly {@code round(f·d)} distinct entries negated. */
    public static DMatrixRMaj flipSigns(DMatrixRMaj patterns, double fraction, RandomGenerator rng) {
        int d = patterns.numCols;
        for (int r = 0; r < patterns.numRows; r++) {
            requireSpins("patterns", patterns.data, r * d, d, r);
        }
        int k = flipCount(d, fraction);
        Objects.requireNonNull(rng, "rng");
        DMatrixRMaj out = patterns.copy();
        int[] scratch = new int[d];
        for (int r = 0; r < out.numRows; r++) {
            flip(out.data, r * d, d, k, rng, scratch);
        }
        return out;
    }

    /** Negates {@code k} distinct entries of {@code x[off, off+n)}: the first k of a partial Fisher–Yates shuffle. */
    private static void flip(double[] x, int off, int n, int k, RandomGenerator rng, int[] idx) {
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            x[off + idx[i]] = -x[off + idx[i]];
        }
    }

    // ---------------------------------------------------------------- checks

    private static void requireSpins(String what, double[] x, int off, int n, int row) {
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (v != 1.0 && v != -1.0) {
                String where = row < 0 ? "entry " + i : "entry (" + row + "," + i + ")";
                throw new InvalidInputException(what + ": " + where + " is " + v + "; sign flips need a ±1 pattern");
            }
        }
    }

    private static void checkImage(int length, int height, int width, int rows) {
        Require.that(height > 0 && width > 0, "image size must be positive, got " + height + "x" + width);
        if ((long) height * width != length) {
            throw new ShapeMismatchException("image: expected " + height + "x" + width + " = " + (long) height * width
                    + " pixels, got " + length);
        }
        Require.that(rows >= 0 && rows <= height, "occluded rows must be in [0, " + height + "], got " + rows);
    }

    private static void checkSigma(double sigma) {
        Require.that(sigma >= 0 && Double.isFinite(sigma), "noise sigma must be finite and >= 0, got " + sigma);
    }

    private static void checkProbability(double p) {
        Require.that(p >= 0 && p <= 1, "mask probability must be in [0, 1], got " + p);
    }

    private static void checkFraction(double f) {
        Require.that(f >= 0 && f <= 1, "flip fraction must be in [0, 1], got " + f);
    }
}
