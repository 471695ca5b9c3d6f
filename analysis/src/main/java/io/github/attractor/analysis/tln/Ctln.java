package io.github.attractor.analysis.tln;

import io.github.attractor.core.error.Require;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Combinatorial threshold-linear networks (Curto &amp; Morrison): the TLN {@code dx/dt = -x + [Wx + θ1]₊}
 * whose weights are read off a directed graph G,
 * <pre>
 *   W_ii = 0,   W_ij = -1 + ε  if j → i in G,   W_ij = -1 - δ  if j ↛ i,   b_i = θ,
 * </pre>
 * with {@code ε, δ, θ > 0}. The legal range {@code ε < δ / (δ + 1)} (so that an edge is excitatory
 * relative to the inhibitory background and {@code W} is competitive) is where the graph rules of the
 * CTLN literature hold; the standard choice is ε = 0.25, δ = 0.5, θ = 1.
 */
public final class Ctln {
    /** The standard parameters ε = 0.25, δ = 0.5, θ = 1. */
    public static final double EPSILON = 0.25;
    public static final double DELTA = 0.5;
    public static final double THETA = 1;

    private Ctln() {
    }

    /** Whether {@code (ε, δ)} lies in the legal range {@code 0 < ε < δ/(δ+1)}, δ > 0. */
    public static boolean legal(double epsilon, double delta) {
        return delta > 0 && epsilon > 0 && epsilon < delta / (delta + 1);
    }

    /** The CTLN weights of G. */
    public static DMatrixRMaj weights(DirectedGraph g, double epsilon, double delta) {
        Require.that(Double.isFinite(epsilon) && epsilon > 0 && epsilon < 1,
                "--epsilon: must be in (0, 1), got " + epsilon);
        Require.that(Double.isFinite(delta) && delta > 0, "--delta: must be > 0, got " + delta);
        int n = g.size();
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    w.set(i, j, g.hasEdge(j, i) ? -1 + epsilon : -1 - delta);
                }
            }
        }
        return w;
    }

    /** The CTLN of G with parameters ε, δ, θ. */
    public static ThresholdLinearNetwork of(DirectedGraph g, double epsilon, double delta, double theta) {
        Require.that(Double.isFinite(theta) && theta > 0, "--theta: must be > 0, got " + theta);
        double[] b = new double[g.size()];
        Arrays.fill(b, theta);
        return new ThresholdLinearNetwork(weights(g, epsilon, delta), b);
    }

    /** The CTLN of G with the standard parameters. */
    public static ThresholdLinearNetwork of(DirectedGraph g) {
        return of(g, EPSILON, DELTA, THETA);
    }
}
