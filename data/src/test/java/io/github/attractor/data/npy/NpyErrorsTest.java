package io.github.attractor.data.npy;

import static io.github.attractor.data.TestFiles.assertFails;
import static io.github.attractor.data.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.array.NdArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every malformed input gives one clear InvalidInputException that starts with the file name. */
class NpyErrorsTest {
    @TempDir
    Path dir;

    /** A version 1.0 .npy image with the given header text and data bytes. */
    static byte[] npy(String header, byte[] data) {
        return npy(1, header, data);
    }

    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer bb = ByteBuffer.allocate(8 + lenBytes + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(NpyCodec.MAGIC).put((byte) major).put((byte) 0);
        if (lenBytes == 2) {
            bb.putShort((short) h.length);
        } else {
            bb.putInt(h.length);
        }
        bb.put(h).put(data);
        return bb.array();
    }

    static byte[] doubles(double... v) {
        ByteBuffer bb = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            bb.putDouble(x);
        }
        return bb.array();
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private InvalidInputException fails(byte[] content) throws IOException {
        Path p = file("x.npy", content);
        return assertFails(InvalidInputException.class, p, () -> Npy.read(p));
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("W.npy");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npy.read(p));
        assertEquals(p + ": no such file", e.getMessage());
    }

    @Test
    void relativePathIsNamedAsGiven() {
        Path p = Path.of("no-such-dir-here", "W.npy");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npy.read(p));
        assertEquals("no-such-dir-here/W.npy: no such file".replace('/', java.io.File.separatorChar),
                e.getMessage());
    }

    @Test
    void directory() {
        assertFails(InvalidInputException.class, dir, () -> Npy.read(dir));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(fails(new byte[0]).getMessage().endsWith(": empty file"));
    }

    @Test
    void badMagic() throws IOException {
        InvalidInputException e = fails("PK\3\4 this is a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(e.getMessage().endsWith(": not a .npy file (bad magic)"), e.getMessage());
        InvalidInputException t = fails("1,2,3\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(t.getMessage().endsWith(": not a .npy file (bad magic)"), t.getMessage());
    }

    @Test
    void unsupportedVersion() throws IOException {
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", doubles(1));
        b[6] = 4;
        assertTrue(fails(b).getMessage().contains("unsupported .npy format version 4.0"));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", doubles(1, 2));
        InvalidInputException e = fails(b);
        assertTrue(e.getMessage().contains(": truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 24 bytes of data, found 16"), e.getMessage());
    }

    @Test
    void truncatedStream() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", doubles(1, 2));
        assertFails(InvalidInputException.class, "s.npy", () -> Npy.read("s.npy", new ByteArrayInputStream(b)));
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", doubles(1, 2));
        assertTrue(fails(b).getMessage().contains("8 unexpected bytes after the array data"));
    }

    @Test
    void hugeShapeIsRefusedWithoutAllocating() throws IOException {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }\n", doubles(1));
        assertTrue(fails(b).getMessage().contains("too large"));
        byte[] c = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (40000, 40000), }\n", doubles(1));
        assertTrue(fails(c).getMessage().contains("truncated"));
        // a stream cannot be sized up front: the data is read as it arrives
        assertFails(InvalidInputException.class, "s",
                () -> Npy.read("s", new ByteArrayInputStream(c)));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", quoteCharacter = '"', value = {
        "{'descr': '<f8', 'fortran_order': False} -> expected exactly the keys",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1} -> expected exactly the keys",
        "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)} -> 'fortran_order' must be True or False",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [1]} -> 'shape' must be a tuple",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)} -> negative dimension",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,)} -> bad header",
        "{'descr': '<f8', 'fortran_order': False, 'shape': ('a',)} -> 'shape' must be a tuple of integers",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (1,) -> bad header",
        "['descr', '<f8'] -> not a dictionary",
        "{'descr': __import__('os'), 'fortran_order': False, 'shape': (1,)} -> bad header",
        "{'descr': 8, 'fortran_order': False, 'shape': (1,)} -> 'descr' is not a dtype string",
        "{'descr': '<f16', 'fortran_order': False, 'shape': (1,)} -> unsupported dtype '<f16'",
        "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (1,)} -> dates and times",
        "{'descr': '|f8', 'fortran_order': False, 'shape': (1,)} -> needs a byte order",
        "{'descr': '<f8', 'descr': '<f8', 'shape': (1,)} -> repeats the key",
    })
    void badHeaders(String header, String expected) throws IOException {
        InvalidInputException e = fails(npy(header + "\n", doubles(1)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void headerLengthPastTheEnd() throws IOException {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", new byte[0]);
        b[8] = (byte) 0xff;
        b[9] = (byte) 0x7f;
        assertTrue(fails(b).getMessage().contains("truncated"));
    }

    @Test
    void version2HeaderLengthTooLong() throws IOException {
        byte[] b = npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", doubles(1));
        b[11] = 0x7f;
        assertTrue(fails(b).getMessage().contains("header too long"));
    }

    @Test
    void handWrittenHeadersInBothQuoteStylesAndWithoutTrailingComma() throws IOException {
        byte[] b = npy("{\"descr\":\"<f8\",\"fortran_order\":True,\"shape\":(2,1)}", doubles(1, 2));
        NdArray a = Npy.read(file("ok.npy", b));
        assertEquals(2.0, a.get(1, 0));
    }

    /** Every prefix of a valid file is refused with an InvalidInputException, never anything else. */
    @ParameterizedTest
    @ValueSource(strings = {"f8_2d.npy", "fortran_3d_i4.npy", "v2.npy", "scalar.npy", "b1.npy"})
    void everyTruncationIsRefused(String fixture) throws IOException {
        byte[] full = Files.readAllBytes(fixture(fixture));
        for (int len = 0; len < full.length; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            Path p = file("cut.npy", cut);
            assertFails(InvalidInputException.class, p, () -> Npy.read(p));
            assertFails(InvalidInputException.class, "s", () -> Npy.read("s", new ByteArrayInputStream(cut)));
        }
    }

    /** Random bit flips either still read (a flipped data bit) or fail cleanly. */
    @ParameterizedTest
    @ValueSource(strings = {"f8_2d.npy", "fortran_3d_i4.npy", "i8.npy", "f2.npy"})
    void bitFlipsNeverEscapeAsOtherExceptions(String fixture) throws IOException {
        byte[] full = Files.readAllBytes(fixture(fixture));
        Random rnd = new Random(fixture.hashCode());
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = full.clone();
            int flips = 1 + rnd.nextInt(3);
            for (int k = 0; k < flips; k++) {
                int bit = rnd.nextInt(trial % 2 == 0 ? Math.min(128, b.length) * 8 : b.length * 8); // headers get half the flips
                b[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            try {
                Npy.readAllowingNonFinite("s", new ByteArrayInputStream(b));
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith("s:"), e.getMessage());
            } catch (RuntimeException e) {
                fail("bit flip gave " + e, e);
            }
        }
    }

    @Test
    void writeToFailingStreamIsUnchecked() {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        try {
            Npy.write(broken, NdArray.scalar(1));
            fail("expected an exception");
        } catch (java.io.UncheckedIOException expected) {
            assertTrue(expected.getMessage().contains("disk full"));
        }
    }

    @Test
    void writeIntoMissingDirectoryCreatesIt() {
        Path p = dir.resolve("a/b/c.npy");
        Npy.write(p, NdArray.scalar(2));
        assertEquals(2.0, Npy.read(p).get());
    }

    @Test
    void byteArrayOutputHasNumpyLayout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, NdArray.ofVector(new double[] {1, 2}));
        byte[] b = out.toByteArray();
        assertEquals(128 + 16, b.length);
        assertEquals('\n', b[127]);
        assertEquals(1, b[6]);
        String header = new String(b, 10, 118, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }"), header);
    }
}
