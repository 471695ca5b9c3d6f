package io.github.attractor.data.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NdArrayTest {

    @Test
    void basicAccessors() {
        NdArray a = new NdArray(new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5});
        assertEquals(2, a.rank());
        assertEquals(6, a.size());
        assertEquals(3, a.dim(1));
        assertEquals(5.0, a.get(1, 2));
        assertEquals(1.0, a.get(0, 1));
        assertEquals("<f8", a.dtype());
        int[] s = a.shape();
        s[0] = 99;
        assertEquals(2, a.shape()[0], "shape is copied out");
    }

    @Test
    void shapeMustMatchData() {
        assertThrows(ShapeMismatchException.class, () -> new NdArray(new int[] {2, 2}, new double[3]));
        assertThrows(ShapeMismatchException.class, () -> new NdArray(new int[] {-1}, new double[0]));
        assertEquals(0, new NdArray(new int[] {0, 5}, new double[0]).size());
    }

    @Test
    void scalarHasRankZero() {
        NdArray s = NdArray.scalar(2.5);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(2.5, s.get());
        assertThrows(ShapeMismatchException.class, s::toMatrix);
        assertThrows(ShapeMismatchException.class, s::toVector);
    }

    @Test
    void toMatrixNeedsRankTwo() {
        NdArray a = new NdArray(new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5});
        DMatrixRMaj m = a.toMatrix();
        assertEquals(2, m.numRows);
        assertEquals(3, m.numCols);
        assertEquals(5.0, m.get(1, 2));
        m.set(0, 0, 42);
        assertEquals(0.0, a.get(0, 0), "matrix is a copy");
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> NdArray.ofVector(new double[3]).toMatrix("x.npy"));
        assertTrue(e.getMessage().startsWith("x.npy: "), e.getMessage());
        assertTrue(e.getMessage().contains("(3,)"), e.getMessage());
    }

    @Test
    void toVectorAcceptsRowsAndColumns() {
        assertArrayEquals(new double[] {1, 2, 3}, NdArray.ofVector(new double[] {1, 2, 3}).toVector());
        assertArrayEquals(new double[] {1, 2, 3}, new NdArray(new int[] {3, 1}, new double[] {1, 2, 3}).toVector());
        assertArrayEquals(new double[] {1, 2, 3}, new NdArray(new int[] {1, 3}, new double[] {1, 2, 3}).toVector());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> new NdArray(new int[] {2, 2}, new double[4]).toVector("b.npy"));
        assertTrue(e.getMessage().startsWith("b.npy: "), e.getMessage());
    }

    @Test
    void ofMatrixCopies() {
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        NdArray a = NdArray.of(m);
        assertArrayEquals(new int[] {3, 2}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data());
        m.set(0, 0, 9);
        assertEquals(1.0, a.get(0, 0));
    }

    @Test
    void requireFiniteNamesTheEntry() {
        NdArray a = new NdArray(new int[] {2, 3}, new double[] {0, 1, 2, 3, Double.NaN, 5});
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> a.requireFinite("W.npy"));
        assertEquals("W.npy: entry (1,1) is NaN", e.getMessage());
        NonFiniteValueException v = assertThrows(NonFiniteValueException.class,
                () -> NdArray.ofVector(new double[] {0, Double.NEGATIVE_INFINITY}).requireFinite("b.npy"));
        assertEquals("b.npy: entry 1 is -Infinity", v.getMessage());
    }

    @Test
    void equalityIsByContent() {
        NdArray a = NdArray.ofVector(new double[] {1, 2});
        assertEquals(a, NdArray.ofVector(new double[] {1, 2}));
        assertEquals(a.hashCode(), NdArray.ofVector(new double[] {1, 2}).hashCode());
        assertNotEquals(a, new NdArray(new int[] {1, 2}, new double[] {1, 2}));
        assertNotEquals(NdArray.scalar(0.0), NdArray.scalar(-0.0));
    }

    @Test
    void shapeStringLooksLikeNumpy() {
        assertEquals("()", NdArray.shapeString(new int[0]));
        assertEquals("(5,)", NdArray.shapeString(new int[] {5}));
        assertEquals("(3, 4)", NdArray.shapeString(new int[] {3, 4}));
        assertEquals("entry (1,2,3)", NdArray.entryName(new int[] {2, 3, 4}, 23));
    }
}
