package io.github.attractor.memory.lagrangian;

import io.github.attractor.core.error.ShapeMismatchException;

/** Cheap argument checks shared by the Lagrangians (hot paths: no allocation unless they fail). */
final class Checks {
    private Checks() {
    }

    /** {@code other.length == y.length}. */
    static void sameLength(String what, double[] y, double[] other) {
        if (other.length != y.length) {
            throw new ShapeMismatchException(what + ": expected length " + y.length + " (the length of y), got "
                    + other.length);
        }
    }

    /** {@code y.length >= 1}, for Lagrangians that couple all entries (softmax, layer norm). */
    static void nonEmpty(String lagrangian, double[] y) {
        if (y.length == 0) {
            throw new ShapeMismatchException("y: the " + lagrangian + " Lagrangian needs at least one entry, got 0");
        }
    }

    /** The exception thrown by {@link Lagrangian#hessianDiagonal} on a non-elementwise Lagrangian. */
    static IllegalStateException notElementwise(Lagrangian l) {
        return new IllegalStateException("hessianDiagonal: the Lagrangian '" + l.name()
                + "' is not elementwise (its Hessian is not diagonal); use hessian or hessianTimes");
    }

    /**
     * A parameter value for {@link Lagrangian#name()}: integers without a trailing {@code .0}, everything
     * else as {@link Double#toString}, which parses back to the same double.
     */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
