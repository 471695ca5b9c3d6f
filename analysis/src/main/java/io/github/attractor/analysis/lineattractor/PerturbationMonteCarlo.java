package io.github.attractor.analysis.lineattractor;

import io.github.attractor.core.error.Require;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Monte-Carlo structure of the perturbation space (Section 1.4 of the note): {@code ε} with i.i.d.
 * {@code N(0, σ²)} entries, each sample classified exactly by {@link TwoUnitClassifier}; the fraction of each
 * {@link InvariantSet} with its Wilson 95% score interval. Samples are split in blocks of 2¹⁶, each with its
 * own generator split in order from the seed, and the blocks run in parallel, so the counts depend on the
 * seed only. For the bounded attractor it also counts how often the note's printed three-fixed-point
 * condition and the corrected one agree with the exact classification.
 */
public final class PerturbationMonteCarlo {
    private static final int BLOCK = 1 << 16;

    private PerturbationMonteCarlo() {
    }

    /** Counts per type, and (bounded only) agreement counts of the two analytic conditions. */
    public record Result(LineAttractor attractor, double sigma, long samples, Map<InvariantSet, Long> counts,
            long noteConditionTrue, long noteConditionAgrees, long correctedConditionAgrees, double seconds) {

        public long count(InvariantSet t) {
            return counts.getOrDefault(t, 0L);
        }

        public double fraction(InvariantSet t) {
            return (double) count(t) / samples;
        }

        /** Wilson 95% interval {@code {low, high}} of the fraction of type t. */
        public double[] interval(InvariantSet t) {
            return wilson(count(t), samples);
        }
    }

    /** Wilson score interval at 95% ({@code z = 1.959964}) for k successes in n trials. */
    public static double[] wilson(long k, long n) {
        double z = 1.959963984540054;
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Runs {@code samples} perturbations of the given attractor at scale σ. */
    public static Result run(LineAttractor attractor, double sigma, long samples, long seed) {
        Require.that(sigma > 0 && Double.isFinite(sigma), "sigma: must be > 0, got " + sigma);
        Require.that(samples > 0, "samples: must be positive, got " + samples);
        long t0 = System.nanoTime();
        int blocks = (int) ((samples + BLOCK - 1) / BLOCK);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[blocks];
        for (int i = 0; i < blocks; i++) {
            rngs[i] = root.split();
        }
        int types = InvariantSet.values().length;
        long[][] counts = new long[blocks][types + 3];
        IntStream.range(0, blocks).parallel().forEach(bi -> {
            SplittableRandom rng = rngs[bi];
            long[] c = counts[bi];
            long n = Math.min(BLOCK, samples - (long) bi * BLOCK);
            for (long s = 0; s < n; s++) {
                double e11 = sigma * rng.nextGaussian();
                double e12 = sigma * rng.nextGaussian();
                double e21 = sigma * rng.nextGaussian();
                double e22 = sigma * rng.nextGaussian();
                InvariantSet t = attractor == LineAttractor.BOUNDED ? TwoUnitClassifier.bounded(e11, e12, e21, e22)
                        : TwoUnitClassifier.unbounded(e11, e12, e21, e22);
                c[t.ordinal()]++;
                if (attractor == LineAttractor.BOUNDED) {
                    boolean three = t == InvariantSet.THREE_FIXED_POINTS;
                    boolean note = TwoUnitClassifier.noteThreeFixedPointCondition(e11, e12, e21, e22);
                    c[types] += note ? 1 : 0;
                    c[types + 1] += note == three ? 1 : 0;
                    c[types + 2] += TwoUnitClassifier.correctedThreeFixedPointCondition(e11, e12, e21, e22) == three
                            ? 1 : 0;
                }
            }
        });
        long[] total = new long[types + 3];
        for (long[] c : counts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        }
        Map<InvariantSet, Long> byType = new EnumMap<>(InvariantSet.class);
        for (InvariantSet t : InvariantSet.values()) {
            if (total[t.ordinal()] > 0) {
                byType.put(t, total[t.ordinal()]);
            }
        }
        return new Result(attractor, sigma, samples, byType, total[types], total[types + 1], total[types + 2],
                (System.nanoTime() - t0) * 1e-9);
    }
}
