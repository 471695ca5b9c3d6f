package io.github.attractor.learn.flow;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;

/**
 * The feature split of a coupling layer: {@code h = ⌊d/2⌋} conditioning features {@code x_A} (the first
 * {@code h}, or the last {@code h} when flipped) pass unchanged; the other {@code d − h} features {@code x_B}
 * are transformed elementwise with parameters computed from {@code x_A}.
 */
final class CouplingSplit {
    final int d;
    final int[] cond;
    final int[] trans;
    private final int[] merge;

    CouplingSplit(String who, int d, boolean flip) {
        if (d < 2) {
            throw new InvalidInputException(who + ": a coupling layer needs dimension at least 2, got " + d);
        }
        this.d = d;
        int h = d / 2;
        cond = new int[h];
        trans = new int[d - h];
        for (int i = 0, a = 0, b = 0; i < d; i++) {
            boolean isCond = flip ? i >= d - h : i < h;
            if (isCond) {
                cond[a++] = i;
            } else {
                trans[b++] = i;
            }
        }
        int[] order = new int[d];
        System.arraycopy(cond, 0, order, 0, h);
        System.arraycopy(trans, 0, order, h, d - h);
        merge = Flows.inversePermutation(order);
    }

    Node conditioning(Node x) {
        return Ops.select(x, cond);
    }

    Node transformed(Node x) {
        return Ops.select(x, trans);
    }

    /** Reassembles {@code [x_A, y_B]} into the original feature order. */
    Node merge(Node a, Node b) {
        return Ops.select(Ops.concat(1, a, b), merge);
    }
}
