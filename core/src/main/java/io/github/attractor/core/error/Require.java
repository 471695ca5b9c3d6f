package io.github.attractor.core.error;

import org.ejml.data.DMatrixRMaj;

/**
 * Argument checks that raise the named input errors. Every message starts with the name the caller
 * gives (an option, a file, a parameter), so it reads as one complete line for the user.
 */
public final class Require {
    private Require() {
    }

    /** Every entry finite. */
    public static double[] finite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new NonFiniteValueException(what + ": entry " + i + " is " + values[i]);
            }
        }
        return values;
    }

    /** Every entry finite. */
    public static DMatrixRMaj finite(String what, DMatrixRMaj m) {
        double[] d = m.data;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                throw new NonFiniteValueException(what + ": entry (" + (i / m.numCols) + "," + (i % m.numCols)
                        + ") is " + d[i]);
            }
        }
        return m;
    }

    /** A square matrix. */
    public static DMatrixRMaj square(String what, DMatrixRMaj m) {
        if (m.numRows != m.numCols) {
            throw new NotSquareException(what + ": must be square, got " + m.numRows + "x" + m.numCols);
        }
        return m;
    }

    /** A square matrix with {@code |a_ij - a_ji| <= tol * max(1, max|a|)}. */
    public static DMatrixRMaj symmetric(String what, DMatrixRMaj m, double tol) {
        square(what, m);
        int n = m.numRows;
        double scale = 1.0;
        for (int i = 0; i < m.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(m.data[i]));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.abs(m.get(i, j) - m.get(j, i));
                if (d > tol * scale) {
                    throw new NotSymmetricException(what + ": must be symmetric, but |W[" + i + "," + j + "] - W[" + j
                            + "," + i + "]| = " + d);
                }
            }
        }
        return m;
    }

    /** Vector of the given length. */
    public static double[] length(String what, double[] v, int n) {
        if (v.length != n) {
            throw new ShapeMismatchException(what + ": expected length " + n + ", got " + v.length);
        }
        return v;
    }

    /** Matrix of the given shape. */
    public static DMatrixRMaj shape(String what, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new ShapeMismatchException(what + ": expected shape " + rows + "x" + cols + ", got " + m.numRows
                    + "x" + m.numCols);
        }
        return m;
    }

    /** A condition on a parameter, with the message to show when it fails. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInputException(message);
        }
    }
}
