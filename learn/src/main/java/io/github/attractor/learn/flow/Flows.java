package io.github.attractor.learn.flow;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.tape.Node;
import java.util.Arrays;

/** Shared checks and constants of the flow layers. */
final class Flows {
    private Flows() {
    }

    /** Checks that {@code x} is {@code [B, d]} and returns {@code B}. */
    static int batch(String who, Node x, int d) {
        if (x.rank() != 2 || x.dim(1) != d) {
            throw new ShapeMismatchException(who + ": input must be [batch, " + d + "], got " + Arrays.toString(x.shape()));
        }
        return x.dim(0);
    }

    /** A zero log-determinant for a batch of {@code b} samples. */
    static Node zeroLogDet(Node x, int b) {
        return x.tape().constant(x.tape().zeros(b), b);
    }

    static int[] inversePermutation(int[] p) {
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            inv[p[i]] = i;
        }
        return inv;
    }
}
