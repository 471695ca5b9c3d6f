package io.github.attractor.learn.flow;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fixed permutation of the features, {@code y_j = x_{π(j)}}: volume preserving ({@code log|det| = 0}), inverse
 * {@code x_j = y_{π^{-1}(j)}}. Placed between coupling layers so that every feature gets transformed.
 */
public final class Permutation implements InvertibleLayer {
    private final int[] perm;
    private final int[] inv;

    /** The permutation {@code π} given as {@code y_j = x_{perm[j]}}. */
    public Permutation(int... perm) {
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (p < 0 || p >= perm.length || seen[p]) {
                throw new InvalidInputException("permutation: " + java.util.Arrays.toString(perm)
                        + " is not a permutation of 0.." + (perm.length - 1));
            }
            seen[p] = true;
        }
        if (perm.length == 0) {
            throw new InvalidInputException("permutation: dimension must be positive");
        }
        this.perm = perm.clone();
        this.inv = Flows.inversePermutation(perm);
    }

    /** A uniformly random permutation of {@code d} features (Fisher–Yates with the given seed). */
    public static Permutation random(int d, long seed) {
        if (d <= 0) {
            throw new InvalidInputException("permutation: dimension must be positive, got " + d);
        }
        int[] p = new int[d];
        for (int i = 0; i < d; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = d - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return new Permutation(p);
    }

    /** The reversal {@code y_j = x_{d−1−j}}. */
    public static Permutation reverse(int d) {
        int[] p = new int[d];
        for (int i = 0; i < d; i++) {
            p[i] = d - 1 - i;
        }
        return new Permutation(p);
    }

    /** Copy of {@code π}. */
    public int[] permutation() {
        return perm.clone();
    }

    @Override
    public int dimension() {
        return perm.length;
    }

    @Override
    public FlowResult forward(Node x) {
        int b = Flows.batch("permutation", x, perm.length);
        return new FlowResult(Ops.select(x, perm), Flows.zeroLogDet(x, b));
    }

    @Override
    public FlowResult inverse(Node y) {
        int b = Flows.batch("permutation", y, perm.length);
        return new FlowResult(Ops.select(y, inv), Flows.zeroLogDet(y, b));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
