package io.github.attractor.bench;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 with Box–Muller normals: a generator simple enough to be reproduced bit for bit in numpy
 * ({@code bench/python/peer_common.py}), so that the Java benchmarks and their Python peers integrate
 * the same random networks. Word {@code k} (k = 1, 2, …) is {@code mix(seed + k·γ)}; a double is the
 * top 53 bits of a word; a normal consumes two doubles {@code u1, u2} and is
 * {@code sqrt(-2 ln(1 - u1)) cos(2π u2)} (the cosine branch only, so that the stream position is trivial
 * to follow).
 */
public final class SplitMix64 implements RandomGenerator {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2.0 * Math.PI;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** Word {@code t} (t = 1, 2, …) of the stream seeded with {@code seed}, without walking the stream. */
    static long word(long seed, long t) {
        return mix(seed + t * GOLDEN);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(TWO_PI * u2);
    }
}
