package io.github.attractor.learn.tape;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;

/** Shape helpers: a shape is an {@code int[]} of rank 0 to 3 with positive dimensions, row-major. */
final class Shapes {
    static final int MAX_RANK = 3;

    private Shapes() {
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return (int) n;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Validated copy of {@code shape} for an array of {@code length} entries. */
    static int[] check(String what, int[] shape, int length) {
        if (shape.length > MAX_RANK) {
            throw new InvalidInputException(what + ": rank " + shape.length + " exceeds the maximum " + MAX_RANK);
        }
        long n = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new InvalidInputException(what + ": dimensions must be positive, got " + str(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new ShapeMismatchException(what + ": shape " + str(shape) + " holds " + n + " entries but the array has "
                    + length);
        }
        return shape.clone();
    }

    /** The shape padded on the left with ones to rank 3. */
    static int[] pad3(int[] shape) {
        int[] p = {1, 1, 1};
        System.arraycopy(shape, 0, p, 3 - shape.length, shape.length);
        return p;
    }

    static int[] without(int[] shape, int axis) {
        int[] r = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                r[j++] = shape[i];
            }
        }
        return r;
    }

    static int prod(int[] shape, int from, int to) {
        int n = 1;
        for (int i = from; i < to; i++) {
            n *= shape[i];
        }
        return n;
    }
}
