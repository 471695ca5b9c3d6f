package io.github.attractor.memory.experiments;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.corrupt.Corruptions;
import io.github.attractor.memory.modern.KHopfieldLayer;
import io.github.attractor.memory.modern.ModernHopfield;
import io.github.attractor.memory.modern.Separation;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The image-reconstruction capacity experiment of Section 3.3 (Figure 3.2): store N images as memories,
 * corrupt each stored image by occluding its top half (pixels set to 0), and count a reconstruction as
 * correct when
 * <ul>
 *   <li>for the k-Hopfield layer (3.5): <em>any</em> of the k retrieved rows {@code X_i = Ξ ksoftmax_i(β sim(Ξ, x))}
 *       has a sum of squared differences below the threshold (50) to the uncorrupted image;</li>
 *   <li>for the modern Hopfield network: its one-step output {@code Ξ softmax(β sim(Ξ, x))} does.</li>
 * </ul>
 * The paper uses β = 3 and the negative Manhattan similarity for both ({@link #BETA}, {@link #THRESHOLD}).
 * Because column i of the k-softmax does not depend on k, one layer with the largest k serves every k: the
 * success for k is the minimum squared error over its first k rows.
 */
public final class CapacityExperiment {
    /** Inverse temperature of the paper's experiments. */
    public static final double BETA = 3;
    /** Sum-of-squares threshold for a correct reconstruction. */
    public static final double THRESHOLD = 50;
    /** Queries processed at once. */
    private static final int CHUNK = 128;

    private CapacityExperiment() {
    }

    /**
     * Fractions of correctly reconstructed memories.
     *
     * @param kHopfield {@code kHopfield[j]}: fraction for {@code ks[j]}
     * @param modern    fraction for the modern Hopfield network (one step)
     */
    public record Result(int memories, int queries, int[] ks, double[] kHopfield, double modern) {
    }

    /**
     * The mean and standard deviation over trials for each memory count: {@code kMean[c][j]} for
     * {@code memoryCounts[c]} and {@code ks[j]}.
     */
    public record Curve(int[] memoryCounts, int[] ks, int trials, double[][] kMean, double[][] kSd,
            double[] modernMean, double[] modernSd) {
    }

    /**
     * Queries every stored memory of the store (images of {@code height×width} pixels), corrupted by
     * {@link Corruptions#occludeTopHalf} (the first ⌊height/2⌋ rows set to 0), against the k-Hopfield layer with each k of {@code ks} and the modern Hopfield
     * network, both with similarity {@code sim} and inverse temperature β.
     */
    public static Result evaluate(MemoryStore memories, int width, int height, int[] ks, double beta,
            Similarity sim, double threshold) {
        int n = memories.size();
        int d = memories.dimension();
        if (d != width * height) {
            throw new ShapeMismatchException("memories: dimension " + d + " is not " + height + "x" + width);
        }
        if (ks.length == 0) {
            throw new InvalidInputException("ks: at least one k is needed");
        }
        int kMax = 0;
        for (int k : ks) {
            if (k < 1 || k > n) {
                throw new InvalidInputException("k: needs 1 <= k <= N = " + n + ", got " + k);
            }
            kMax = Math.max(kMax, k);
        }
        if (!(threshold > 0)) {
            throw new InvalidInputException("threshold: must be > 0, got " + threshold);
        }
        KHopfieldLayer layer = new KHopfieldLayer(memories, sim, beta, kMax);
        ModernHopfield mchn = new ModernHopfield(memories, sim, Separation.softmax(beta));
        int[] success = new int[ks.length];
        int modernSuccess = 0;
        double[] clean = memories.toDoubleArray();
        double[] cues = Corruptions.occludeTopHalf(DMatrixRMaj.wrap(n, d, clean), height, width, 0.0).data;
        double[] q = new double[CHUNK * d];
        double[] x = new double[CHUNK * kMax * d];
        double[] y = new double[CHUNK * d];
        for (int q0 = 0; q0 < n; q0 += CHUNK) {
            int rows = Math.min(CHUNK, n - q0);
            System.arraycopy(cues, q0 * d, q, 0, rows * d);
            layer.retrieve(q, rows, x);
            mchn.update(q, rows, y);
            for (int r = 0; r < rows; r++) {
                int target = (q0 + r) * d;
                double best = Double.POSITIVE_INFINITY;
                double[] prefixBest = new double[kMax];
                for (int c = 0; c < kMax; c++) {
                    best = Math.min(best, sse(x, (r * kMax + c) * d, clean, target, d));
                    prefixBest[c] = best;
                }
                for (int j = 0; j < ks.length; j++) {
                    if (prefixBest[ks[j] - 1] < threshold) {
                        success[j]++;
                    }
                }
                if (sse(y, r * d, clean, target, d) < threshold) {
                    modernSuccess++;
                }
            }
        }
        double[] frac = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            frac[j] = (double) success[j] / n;
        }
        return new Result(n, n, ks.clone(), frac, (double) modernSuccess / n);
    }

    /**
     * Figure 3.2: for each memory count N, {@code trials} random sets of N images drawn without replacement
     * from the {@code count} images of the pool (row-major, {@code height×width} each), each evaluated by
     * {@link #evaluate}; mean and standard deviation over the trials.
     */
    public static Curve curve(double[] images, int count, int width, int height, int[] memoryCounts, int[] ks,
            int trials, double beta, Similarity sim, double threshold, long seed) {
        int d = width * height;
        if ((long) count * d > images.length || count < 1) {
            throw new ShapeMismatchException("images: " + count + " images of " + height + "x" + width + " need "
                    + ((long) count * d) + " entries, got " + images.length);
        }
        if (trials < 1) {
            throw new InvalidInputException("trials: must be >= 1, got " + trials);
        }
        MemoryStore pool = MemoryStore.ofDouble(Arrays.copyOf(images, count * d), count, d);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] kMean = new double[memoryCounts.length][ks.length];
        double[][] kSd = new double[memoryCounts.length][ks.length];
        double[] mMean = new double[memoryCounts.length];
        double[] mSd = new double[memoryCounts.length];
        for (int c = 0; c < memoryCounts.length; c++) {
            int n = memoryCounts[c];
            if (n < 1 || n > count) {
                throw new InvalidInputException("memory count " + n + " is not in [1, " + count + "]");
            }
            double[][] kv = new double[ks.length][trials];
            double[] mv = new double[trials];
            for (int t = 0; t < trials; t++) {
                int[] pick = sample(count, n, rng);
                Result r = evaluate(pool.subset(pick), width, height, ks, beta, sim, threshold);
                for (int j = 0; j < ks.length; j++) {
                    kv[j][t] = r.kHopfield()[j];
                }
                mv[t] = r.modern();
            }
            for (int j = 0; j < ks.length; j++) {
                kMean[c][j] = mean(kv[j]);
                kSd[c][j] = sd(kv[j]);
            }
            mMean[c] = mean(mv);
            mSd[c] = sd(mv);
        }
        return new Curve(memoryCounts.clone(), ks.clone(), trials, kMean, kSd, mMean, mSd);
    }

    static int[] sample(int count, int n, SplittableRandom rng) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(count - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, n);
    }

    static double sse(double[] a, int aOff, double[] b, int bOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[aOff + j] - b[bOff + j];
            s += t * t;
        }
        return s;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (0 for a single value). */
    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
