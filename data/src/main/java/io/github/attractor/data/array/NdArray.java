package io.github.attractor.data.array;

import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * An n-dimensional array of doubles as read from (or written to) an array file: a shape, the values in
 * row-major (C) order, and the numpy dtype descriptor the values came from ({@code "<f8"}, {@code "<i4"},
 * …; always {@code "<f8"} for arrays made in Java).
 *
 * <p>The shape is copied on the way in and out. The data array is <em>not</em> copied, to keep large
 * arrays cheap: {@link #data()} returns the array itself, and callers must treat it as read-only. A rank-0
 * array (a numpy scalar) has shape {@code []} and one value.
 *
 * @param shape the extent of each dimension, all {@code >= 0}
 * @param data  the values in C order, {@code data.length == product(shape)}
 * @param dtype the numpy dtype descriptor the values came from
 */
public record NdArray(int[] shape, double[] data, String dtype) {

    /** Descriptor of little-endian float64, what every array made in Java carries. */
    public static final String FLOAT64 = "<f8";

    /** Checks that the shape is non-negative and agrees with the data length. */
    public NdArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new ShapeMismatchException("array: negative dimension in shape " + shapeString(shape));
            }
            size *= d;
            if (size > Integer.MAX_VALUE) {
                throw new ShapeMismatchException("array: shape " + shapeString(shape) + " is too large");
            }
        }
        if (size != data.length) {
            throw new ShapeMismatchException("array: shape " + shapeString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
    }

    /** A float64 array of the given shape holding {@code data} (not copied). */
    public NdArray(int[] shape, double[] data) {
        this(shape, data, FLOAT64);
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** Number of values, the product of the shape. */
    public int size() {
        return data.length;
    }

    /** Extent of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** The value at the given index, one coordinate per dimension (none for a scalar). */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not match shape "
                    + shapeString(shape));
        }
        int flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
                        + shapeString(shape));
            }
            flat = flat * shape[k] + index[k];
        }
        return data[flat];
    }

    /** This rank-2 array as a (copied) matrix. */
    public DMatrixRMaj toMatrix() {
        return toMatrix("array");
    }

    /**
     * This rank-2 array as a (copied) matrix.
     *
     * @param what names the array in the error message (a file name, say)
     * @throws ShapeMismatchException if the rank is not 2
     */
    public DMatrixRMaj toMatrix(String what) {
        if (shape.length != 2) {
            throw new ShapeMismatchException(what + ": expected a matrix (2 dimensions), got shape "
                    + shapeString(shape));
        }
        DMatrixRMaj m = new DMatrixRMaj(shape[0], shape[1]);
        System.arraycopy(data, 0, m.data, 0, data.length);
        return m;
    }

    /** The values of a vector-shaped array (copied). */
    public double[] toVector() {
        return toVector("array");
    }

    /**
     * The values of a vector-shaped array (copied): rank 1, or rank 2 with one dimension equal to 1
     * (a row or column vector).
     *
     * @param what names the array in the error message (a file name, say)
     * @throws ShapeMismatchException for any other shape
     */
    public double[] toVector(String what) {
        boolean ok = shape.length == 1 || (shape.length == 2 && (shape[0] == 1 || shape[1] == 1));
        if (!ok) {
            throw new ShapeMismatchException(what + ": expected a vector, got shape " + shapeString(shape));
        }
        return data.clone();
    }

    /**
     * Checks that every value is finite.
     *
     * @param what names the array in the error message
     * @return this array
     * @throws NonFiniteValueException naming the first offending entry, e.g. {@code "W.npy: entry (3,4) is NaN"}
     */
    public NdArray requireFinite(String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new NonFiniteValueException(what + ": " + entryName(shape, i) + " is " + data[i]);
            }
        }
        return this;
    }

    /** A float64 array holding a copy of a matrix, shape {@code [rows, cols]}. */
    public static NdArray of(DMatrixRMaj m) {
        Objects.requireNonNull(m, "m");
        return new NdArray(new int[] {m.numRows, m.numCols}, Arrays.copyOf(m.data, m.numRows * m.numCols));
    }

    /** A float64 rank-1 array holding a copy of {@code v}. */
    public static NdArray ofVector(double[] v) {
        return new NdArray(new int[] {v.length}, v.clone());
    }

    /** A float64 rank-0 array (a scalar). */
    public static NdArray scalar(double value) {
        return new NdArray(new int[0], new double[] {value});
    }

    /** A shape written the numpy way: {@code (3, 4)}, {@code (5,)}, {@code ()}. */
    public static String shapeString(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        if (shape.length == 1) {
            sb.append(',');
        }
        return sb.append(')').toString();
    }

    /**
     * Names the entry at C-order position {@code flat} for messages: {@code "entry (3,4)"} for rank 2 and
     * higher, {@code "entry 3"} for a vector, {@code "the value"} for a scalar.
     */
    public static String entryName(int[] shape, long flat) {
        if (shape.length == 0) {
            return "the value";
        }
        if (shape.length == 1) {
            return "entry " + flat;
        }
        long[] idx = new long[shape.length];
        long rest = flat;
        for (int k = shape.length - 1; k >= 0; k--) {
            idx[k] = shape[k] == 0 ? 0 : rest % shape[k];
            rest = shape[k] == 0 ? 0 : rest / shape[k];
        }
        StringBuilder sb = new StringBuilder("entry (");
        for (int k = 0; k < idx.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(idx[k]);
        }
        return sb.append(')').toString();
    }

    /** Equal shapes, dtypes, and bit-identical values ({@link Double#doubleToLongBits}, so NaN equals NaN). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NdArray other)) {
            return false;
        }
        return Arrays.equals(shape, other.shape) && dtype.equals(other.dtype) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(data)) + dtype.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NdArray[shape=").append(shapeString(shape)).append(", dtype=")
                .append(dtype).append(", data=");
        if (data.length <= 16) {
            sb.append(Arrays.toString(data));
        } else {
            String head = Arrays.toString(Arrays.copyOf(data, 16));
            sb.append(head, 0, head.length() - 1).append(", ... (").append(data.length).append(" values)]");
        }
        return sb.append(']').toString();
    }
}
