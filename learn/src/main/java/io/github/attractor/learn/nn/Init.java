package io.github.attractor.learn.nn;

import java.util.random.RandomGenerator;

/**
 * Seeded weight initialisation for a layer with {@code fanIn} inputs and {@code fanOut} outputs:
 * <ul>
 * <li>Xavier/Glorot uniform {@code U(−a, a)}, {@code a = √(6 / (fanIn + fanOut))}, and normal
 *     {@code N(0, 2 / (fanIn + fanOut))} (Glorot and Bengio 2010), which keep activation variance for
 *     {@code tanh}-like units;</li>
 * <li>Kaiming/He uniform {@code U(−a, a)}, {@code a = √(6 / fanIn)}, and normal {@code N(0, 2 / fanIn)}
 *     (He et al. 2015), the ReLU gain {@code √2};</li>
 * <li>zeros.</li>
 * </ul>
 */
public enum Init {
    XAVIER_UNIFORM, XAVIER_NORMAL, KAIMING_UNIFORM, KAIMING_NORMAL, ZEROS;

    /** Fills {@code w} with draws from {@code rng}. */
    public void fill(double[] w, int fanIn, int fanOut, RandomGenerator rng) {
        switch (this) {
            case XAVIER_UNIFORM -> uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
            case XAVIER_NORMAL -> normal(w, Math.sqrt(2.0 / (fanIn + fanOut)), rng);
            case KAIMING_UNIFORM -> uniform(w, Math.sqrt(6.0 / fanIn), rng);
            case KAIMING_NORMAL -> normal(w, Math.sqrt(2.0 / fanIn), rng);
            case ZEROS -> java.util.Arrays.fill(w, 0.0);
        }
    }

    /** {@code U(−a, a)} entries. */
    public static void uniform(double[] w, double a, RandomGenerator rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = a * (2 * rng.nextDouble() - 1);
        }
    }

    /** {@code N(0, σ²)} entries. */
    public static void normal(double[] w, double sigma, RandomGenerator rng) {
        for (int i = 0; i < w.length; i++) {
            w[i] = sigma * rng.nextGaussian();
        }
    }
}
