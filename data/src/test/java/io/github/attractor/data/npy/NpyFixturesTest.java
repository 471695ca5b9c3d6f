package io.github.attractor.data.npy;

import static io.github.attractor.data.TestFiles.assertFails;
import static io.github.attractor.data.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.data.array.NdArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the files numpy wrote (see {@code fixtures/make_fixtures.py}) and checks every value. */
class NpyFixturesTest {

    /** {@code np.arange(n) * step + offset}. */
    private static double[] arange(int n, double step, double offset) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * step + offset;
        }
        return a;
    }

    private static void check(String file, String dtype, int[] shape, double[] expected) {
        NdArray a = Npy.read(fixture(file));
        assertEquals(dtype, a.dtype(), file + " dtype");
        assertArrayEquals(shape, a.shape(), file + " shape");
        assertEquals(expected.length, a.data().length, file + " size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(a.data()[i]),
                    file + " value " + i + ": expected " + expected[i] + ", got " + a.data()[i]);
        }
    }

    @Test
    void float64BothByteOrders() {
        double[] v = arange(12, 0.5, 0); // np.arange(12).reshape(3, 4) * 0.5
        check("f8_2d.npy", "<f8", new int[] {3, 4}, v);
        check("f8_be.npy", ">f8", new int[] {3, 4}, v);
    }

    @Test
    void float32BothByteOrders() {
        double[] v = arange(6, 1, -2.5); // np.arange(6) - 2.5
        check("f4_le.npy", "<f4", new int[] {6}, v);
        check("f4_be.npy", ">f4", new int[] {6}, v);
    }

    @Test
    void float16() {
        check("f2.npy", "<f2", new int[] {6}, new double[] {0.5, -2.0, 65504.0, Math.pow(2, -24), 0.0, -0.0});
    }

    @Test
    void integersOfEveryWidth() {
        double two53 = 9007199254740992.0;
        check("i8.npy", "<i8", new int[] {5}, new double[] {-two53, -1, 0, 1, two53});
        check("i4.npy", "<i4", new int[] {2, 3}, arange(6, 1, -3));
        check("i4_be.npy", ">i4", new int[] {3}, new double[] {1, -2, 3});
        check("i2.npy", "<i2", new int[] {3}, new double[] {-32768, 0, 32767});
        check("i1.npy", "|i1", new int[] {3}, new double[] {-128, 0, 127});
        check("u1.npy", "|u1", new int[] {3}, new double[] {0, 1, 255});
        check("u2.npy", "<u2", new int[] {3}, new double[] {0, 1, 65535});
        check("u4.npy", "<u4", new int[] {3}, new double[] {0, 1, 4294967295.0});
        check("u8.npy", "<u8", new int[] {3}, new double[] {0, 1, two53});
        check("b1.npy", "|b1", new int[] {3}, new double[] {1, 0, 1});
    }

    @Test
    void shapes() {
        check("scalar.npy", "<f8", new int[0], new double[] {3.25});
        check("vector.npy", "<f8", new int[] {5}, new double[] {0, 0.25, 0.5, 0.75, 1.0});
        check("cube.npy", "<f8", new int[] {2, 3, 4}, arange(24, 1, 0));
        check("empty.npy", "<f8", new int[] {0, 3}, new double[0]);
        assertEquals(23.0, Npy.read(fixture("cube.npy")).get(1, 2, 3));
    }

    @Test
    void fortranOrderIsConvertedToC() {
        check("fortran_2d.npy", "<f8", new int[] {2, 3}, arange(6, 1, 0));
        check("fortran_be.npy", ">f8", new int[] {2, 3}, arange(6, 1, 0));
        check("fortran_3d_i4.npy", "<i4", new int[] {2, 3, 4}, arange(24, 1, 0));
    }

    @Test
    void headerVersions2And3() {
        check("v2.npy", "<f8", new int[] {2, 3}, arange(6, 1, 0));
        check("v3.npy", "<f8", new int[] {2, 3}, arange(6, 1, 0));
    }

    @Test
    void nanIsRefusedNamingTheEntry() {
        Path p = fixture("nan.npy");
        NonFiniteValueException e = assertFails(NonFiniteValueException.class, p, () -> Npy.read(p));
        assertEquals(p + ": entry (1,0) is NaN", e.getMessage());
        Path q = fixture("inf.npy");
        NonFiniteValueException f = assertFails(NonFiniteValueException.class, q, () -> Npy.read(q));
        assertEquals(q + ": entry 1 is -Infinity", f.getMessage());
    }

    @Test
    void nanIsAcceptedOnRequest() {
        NdArray a = Npy.readAllowingNonFinite(fixture("nan.npy"));
        assertTrue(Double.isNaN(a.get(1, 0)));
        assertEquals(4.0, a.get(1, 1));
    }

    @ParameterizedTest
    @CsvSource({
        "complex.npy, '<c16', complex",
        "object.npy, '|O', object",
        "strings.npy, '<U2', text",
    })
    void unsupportedDtypes(String file, String descr, String hint) {
        Path p = fixture(file);
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p + ": unsupported dtype '" + descr + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
    }

    @Test
    void structuredDtypeIsRefused() {
        Path p = fixture("structured.npy");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("structured"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i8_too_big.npy", "u8_too_big.npy"})
    void int64BeyondTwoTo53IsRefused(String file) {
        Path p = fixture(file);
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("2^53"), e.getMessage());
        assertTrue(e.getMessage().contains(file.startsWith("i8") ? "entry 1 = 9007199254740993"
                : "entry 0 = 18446744073709551615"), e.getMessage());
    }

    /** A file this module writes is byte for byte what numpy.save wrote for the same array. */
    @ParameterizedTest
    @ValueSource(strings = {"f8_2d.npy", "scalar.npy", "vector.npy", "cube.npy", "empty.npy"})
    void writerMatchesNumpyByteForByte(String file) throws IOException {
        byte[] numpy = Files.readAllBytes(fixture(file));
        NdArray a = Npy.read(fixture(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        assertArrayEquals(numpy, out.toByteArray());
    }
}
