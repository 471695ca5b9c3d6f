package io.github.attractor.data.npy;

import static io.github.attractor.data.TestFiles.assertFails;
import static io.github.attractor.data.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.data.array.NdArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpzTest {
    @TempDir
    Path dir;

    /** {@code (np.arange(9).reshape(3, 3) - 4) * 0.25}. */
    static final double[] W = {-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0};
    static final double[] B = {0.5, -0.5, 1.0};

    @ParameterizedTest
    @ValueSource(strings = {"savez.npz", "savez_compressed.npz"})
    void readsNumpyArchives(String file) {
        Npz.Contents c = Npz.readAll(fixture(file));
        assertEquals(List.of("W", "b", "patterns"), List.copyOf(c.arrays().keySet()), "archive order");
        NdArray w = c.arrays().get("W");
        assertArrayEquals(new int[] {3, 3}, w.shape());
        assertArrayEquals(W, w.data());
        assertArrayEquals(B, c.arrays().get("b").data());
        NdArray p = c.arrays().get("patterns");
        assertEquals("<i8", p.dtype());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, p.data());
        assertEquals(Map.of("lagrangian", "relu"), c.strings());
    }

    @Test
    void readSkipsTextAndReadStringsReturnsIt() {
        Map<String, NdArray> arrays = Npz.read(fixture("savez.npz"));
        assertFalse(arrays.containsKey("lagrangian"));
        assertEquals(3, arrays.size());
        assertEquals(Map.of("lagrangian", "relu"), Npz.readStrings(fixture("savez_compressed.npz")));
        assertEquals("softmax\u03b2", Npz.readStrings(fixture("lagrangian_unicode.npz")).get("lagrangian"));
    }

    @Test
    void positionalKeys() {
        Map<String, NdArray> m = Npz.read(fixture("positional.npz"));
        assertEquals(List.of("arr_0", "arr_1"), List.copyOf(m.keySet()));
        assertArrayEquals(new double[] {0, 1, 2}, m.get("arr_0").data());
        assertArrayEquals(new double[] {1, 0, 0, 1}, m.get("arr_1").data());
    }

    @Test
    void nanMemberIsNamed() {
        Path p = fixture("network_nan.npz");
        NonFiniteValueException e = assertFails(NonFiniteValueException.class, p, () -> Npz.read(p));
        assertEquals(p + "[W]: entry (0,1) is NaN", e.getMessage());
        assertTrue(Double.isNaN(Npz.readAll(p, true).arrays().get("W").get(0, 1)));
    }

    private static Map<String, NdArray> sample() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("zeta", new NdArray(new int[] {2, 3}, new double[] {-0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
            1e-310, Math.PI, Math.E}));
        m.put("alpha", NdArray.scalar(42));
        m.put("empty", new NdArray(new int[] {0}, new double[0]));
        m.put("cube", new NdArray(new int[] {2, 2, 2}, new double[] {1, 2, 3, 4, 5, 6, 7, 8}));
        return m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripIsBitIdenticalAndOrdered(boolean compressed) {
        Map<String, NdArray> m = sample();
        Path p = dir.resolve("out.npz");
        Npz.write(p, m, Map.of("name", "h\u00e9llo \uD83D\uDE00", "blank", ""), compressed);
        Npz.Contents c = Npz.readAll(p);
        assertEquals(List.copyOf(m.keySet()), List.copyOf(c.arrays().keySet()));
        for (String k : m.keySet()) {
            NpyRoundTripTest.assertBitIdentical(m.get(k), c.arrays().get(k));
        }
        assertEquals(Map.of("name", "h\u00e9llo \uD83D\uDE00", "blank", ""), c.strings());
    }

    @Test
    void writeCompressedAndPlainGiveSameContent() {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Npz.write(a, sample());
        Npz.writeCompressed(b, sample());
        assertEquals(Npz.read(a), Npz.read(b));
    }

    @Test
    void sameContentSameBytes() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        Npz.write(a, sample());
        Npz.write(b, sample());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void keyUsedTwiceIsRefused() {
        Path p = dir.resolve("x.npz");
        assertFails(InvalidInputException.class, p,
                () -> Npz.write(p, Map.of("a", NdArray.scalar(1)), Map.of("a", "text")));
        assertFalse(Files.exists(p));
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("x.npz");
        assertEquals(p + ": no such file",
                assertFails(InvalidInputException.class, p, () -> Npz.read(p)).getMessage());
    }

    @Test
    void notAZip() throws IOException {
        Path p = dir.resolve("x.npz");
        Files.writeString(p, "hello");
        assertTrue(assertFails(InvalidInputException.class, p, () -> Npz.read(p)).getMessage()
                .contains("not a zip archive"));
        Files.copy(fixture("f8_2d.npy"), p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(assertFails(InvalidInputException.class, p, () -> Npz.read(p)).getMessage()
                .contains("this is a .npy file"));
        Files.write(p, new byte[0]);
        assertTrue(assertFails(InvalidInputException.class, p, () -> Npz.read(p)).getMessage()
                .endsWith("empty file"));
    }

    @Test
    void truncated() throws IOException {
        byte[] full = Files.readAllBytes(fixture("savez.npz"));
        Path p = dir.resolve("x.npz");
        Files.write(p, Arrays.copyOf(full, full.length / 2));
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npz.read(p));
        assertTrue(e.getMessage().startsWith(p + ": truncated"), e.getMessage());
    }

    private Path zipOf(Map<String, byte[]> members) throws IOException {
        Path p = dir.resolve("made.npz");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            for (Map.Entry<String, byte[]> e : members.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(p, buf.toByteArray());
        return p;
    }

    private static byte[] npyBytes(NdArray a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        return out.toByteArray();
    }

    @Test
    void memberThatIsNotNpy() throws IOException {
        Path p = zipOf(Map.of("readme.txt", "hi".getBytes(StandardCharsets.UTF_8)));
        assertTrue(assertFails(InvalidInputException.class, p, () -> Npz.read(p)).getMessage()
                .contains("'readme.txt' is not a .npy array"));
    }

    @Test
    void badMemberIsNamed() throws IOException {
        byte[] good = npyBytes(NdArray.ofVector(new double[] {1, 2, 3}));
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("ok.npy", good);
        members.put("bad.npy", Arrays.copyOf(good, good.length - 3));
        Path p = zipOf(members);
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npz.read(p));
        assertTrue(e.getMessage().startsWith(p + "[bad]: truncated"), e.getMessage());
        Map<String, byte[]> extra = Map.of("x.npy", Arrays.copyOf(good, good.length + 5));
        Path q = zipOf(extra);
        assertTrue(assertFails(InvalidInputException.class, q, () -> Npz.read(q)).getMessage()
                .contains("unexpected bytes after the array data"));
    }

    @Test
    void unsupportedMemberDtypeIsNamed() throws IOException {
        Path p = zipOf(Map.of("c.npy", Files.readAllBytes(fixture("complex.npy"))));
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npz.read(p));
        assertEquals(p + "[c]: unsupported dtype '<c16' (complex numbers are not supported)", e.getMessage());
    }

    @Test
    void textArraysOfHigherRankAreSkipped() throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("names.npy", Files.readAllBytes(fixture("strings.npy")));
        members.put("x.npy", npyBytes(NdArray.scalar(1)));
        Npz.Contents c = Npz.readAll(zipOf(members));
        assertEquals(List.of("x"), List.copyOf(c.arrays().keySet()));
        assertTrue(c.strings().isEmpty());
    }

    @Test
    void crcMismatchIsDetected() throws IOException {
        byte[] full = Files.readAllBytes(fixture("savez.npz"));
        // flip one bit in the data of the stored member "W.npy" (data start at its local header + 30 + 5 + 20 + 128)
        byte[] b = full.clone();
        int dataOffset = 30 + "W.npy".length() + 20 + 128;
        b[dataOffset + 3] ^= 0x10;
        Path p = dir.resolve("flip.npz");
        Files.write(p, b);
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Npz.read(p));
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"savez.npz", "savez_compressed.npz"})
    void truncationsAndBitFlipsFailCleanly(String fixture) throws IOException {
        byte[] full = Files.readAllBytes(fixture(fixture));
        Path p = dir.resolve("fuzz.npz");
        for (int len = 0; len < full.length; len += 7) {
            Files.write(p, Arrays.copyOf(full, len));
            assertFails(InvalidInputException.class, p, () -> Npz.readAll(p, true));
        }
        Random rnd = new Random(fixture.hashCode());
        for (int trial = 0; trial < 300; trial++) {
            byte[] b = full.clone();
            int bit = rnd.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(p, b);
            try {
                Npz.readAll(p, true);
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            } catch (RuntimeException e) {
                fail("bit " + bit + " gave " + e, e);
            }
        }
    }
}
