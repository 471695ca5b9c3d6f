package io.github.attractor.memory.sequence;

/**
 * A run of the sequence map: {@code states[t] = V_f(t)} for {@code t = 0..steps}, and
 * {@code overlaps[t][μ] = (1/N_f) ξ_μ · σ_f(V_f(t))}, the overlap with stored pattern μ.
 */
public record Replay(double[][] states, double[][] overlaps) {

    /** Number of steps (states - 1). */
    public int steps() {
        return states.length - 1;
    }

    /** Overlap of σ(V_f(t)) with pattern μ. */
    public double overlap(int t, int mu) {
        return overlaps[t][mu];
    }

    /** The pattern with the largest overlap at step t. */
    public int bestPattern(int t) {
        double[] m = overlaps[t];
        int best = 0;
        for (int mu = 1; mu < m.length; mu++) {
            if (m[mu] > m[best]) {
                best = mu;
            }
        }
        return best;
    }
}
