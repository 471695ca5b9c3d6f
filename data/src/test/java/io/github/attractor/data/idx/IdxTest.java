package io.github.attractor.data.idx;

import static io.github.attractor.data.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.io.MalformedFileException;
import io.github.attractor.data.io.MissingFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** IDX files written byte by byte here, plain and gzipped, read back; every malformed one named. */
class IdxTest {
    @TempDir
    Path dir;

    /** The header {@code 00 00 type rank} and the big-endian dimensions. */
    static ByteBuffer header(int type, int[] dims, int dataBytes) {
        ByteBuffer bb = ByteBuffer.allocate(4 + 4 * dims.length + dataBytes).order(ByteOrder.BIG_ENDIAN);
        bb.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            bb.putInt(d);
        }
        return bb;
    }

    static byte[] ubyte(int[] dims, int... values) {
        ByteBuffer bb = header(0x08, dims, values.length);
        for (int v : values) {
            bb.put((byte) v);
        }
        return bb.array();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(plain);
        }
        return bos.toByteArray();
    }

    Path file(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void unsignedBytesPlainAndGzippedReadAlike() throws IOException {
        byte[] plain = ubyte(new int[] {2, 3}, 0, 1, 127, 128, 200, 255);
        // compression is recognised by content: the gzipped file has no .gz suffix, the plain one has one
        Path p = file("plain.gz", plain);
        Path g = file("compressed.idx", gzip(plain));
        for (Path f : new Path[] {p, g}) {
            NdArray a = Idx.read(f);
            assertArrayEquals(new int[] {2, 3}, a.shape());
            assertArrayEquals(new double[] {0, 1, 127, 128, 200, 255}, a.data(), 0.0);
            assertEquals("|u1", a.dtype());
        }
    }

    @Test
    void everyTypeDecodesBigEndianExactly() throws IOException {
        int[] dims = {3};
        ByteBuffer b = header(0x09, dims, 3).put((byte) -128).put((byte) -1).put((byte) 127);
        assertArrayEquals(new double[] {-128, -1, 127}, Idx.read(file("i1", b.array())).data(), 0.0);
        ByteBuffer s = header(0x0B, dims, 6).putShort((short) -32768).putShort((short) 258).putShort((short) 32767);
        assertArrayEquals(new double[] {-32768, 258, 32767}, Idx.read(file("i2", s.array())).data(), 0.0);
        ByteBuffer i = header(0x0C, dims, 12).putInt(Integer.MIN_VALUE).putInt(16909060).putInt(Integer.MAX_VALUE);
        assertArrayEquals(new double[] {Integer.MIN_VALUE, 16909060, Integer.MAX_VALUE},
                Idx.read(file("i4", i.array())).data(), 0.0);
        ByteBuffer f = header(0x0D, dims, 12).putFloat(-1.5f).putFloat(0.1f).putFloat(3.4e38f);
        NdArray fa = Idx.read(file("f4", gzip(f.array())));
        assertArrayEquals(new double[] {-1.5, 0.1f, 3.4e38f}, fa.data(), 0.0);
        assertEquals(">f4", fa.dtype());
        ByteBuffer d = header(0x0E, dims, 24).putDouble(-0.0).putDouble(Math.PI).putDouble(Double.MIN_VALUE);
        assertArrayEquals(new double[] {-0.0, Math.PI, Double.MIN_VALUE}, Idx.read(file("f8", d.array())).data(), 0.0);
    }

    @Test
    void largeGzippedFileIsReadInChunks() throws IOException {
        int n = 70_000; // more than one 64 KiB chunk
        int[] values = new int[n];
        for (int k = 0; k < n; k++) {
            values[k] = (k * 31) & 0xff;
        }
        NdArray a = Idx.read(file("big", gzip(ubyte(new int[] {n}, values))));
        for (int k = 0; k < n; k++) {
            assertEquals(values[k], a.data()[k], 0.0);
        }
    }

    @Test
    void streamsAreReadToTheirEnd() throws IOException {
        byte[] plain = ubyte(new int[] {2}, 5, 6);
        assertArrayEquals(new double[] {5, 6}, Idx.read("s", new ByteArrayInputStream(gzip(plain))).data(), 0.0);
        assertFails(MalformedFileException.class, "s",
                () -> Idx.read("s", new ByteArrayInputStream(Arrays.copyOf(plain, plain.length + 1))));
    }

    @Test
    void imagesAreScaledToUnitIntervalOnePerRow() throws IOException {
        // two 2x3 images
        Path f = file("img", gzip(ubyte(new int[] {2, 2, 3}, 0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 1)));
        IdxImages im = Idx.readImages(f);
        assertEquals(2, im.count());
        assertEquals(2, im.rows());
        assertEquals(3, im.cols());
        assertArrayEquals(new int[] {2, 6}, im.pixels().shape());
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, im.image(0), 1e-15);
        assertEquals(1.0 / 255, im.toMatrix().get(1, 5), 0.0);
        assertEquals(1.0, im.toMatrix(1).get(0, 5), 0.0);
    }

    @Test
    void labels() throws IOException {
        assertArrayEquals(new int[] {7, 2, 1, 0, 255}, Idx.readLabels(file("lab", ubyte(new int[] {5}, 7, 2, 1, 0, 255))));
    }

    @Test
    void missingFileAndDirectory() {
        Path p = dir.resolve("nope.gz");
        assertFails(MissingFileException.class, p, () -> Idx.read(p));
        assertFails(MissingFileException.class, dir, () -> Idx.read(dir));
    }

    @Test
    void emptyAndBadMagic() throws IOException {
        Path empty = file("empty", new byte[0]);
        assertFails(MalformedFileException.class, empty, () -> Idx.read(empty));
        byte[] bad = ubyte(new int[] {1}, 3);
        bad[0] = 0x50;
        Path p = file("bad", bad);
        InvalidInputException e = assertFails(MalformedFileException.class, p, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
        Path g = file("badgz", gzip(bad));
        assertFails(MalformedFileException.class, g, () -> Idx.read(g));
        byte[] type = ubyte(new int[] {1}, 3);
        type[2] = 0x0A;
        Path t = file("type", type);
        e = assertFails(MalformedFileException.class, t, () -> Idx.read(t));
        assertTrue(e.getMessage().contains("0x0a"), e.getMessage());
        byte[] rank0 = {0, 0, 8, 0};
        Path r = file("rank0", rank0);
        assertFails(MalformedFileException.class, r, () -> Idx.read(r));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedHeaderAndData(boolean compressed) throws IOException {
        byte[] full = ubyte(new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);
        for (int cut : new int[] {2, 9, 16, 17, 22}) {
            byte[] part = Arrays.copyOf(full, cut);
            Path p = file("cut" + cut, compressed ? gzip(part) : part);
            InvalidInputException e = assertFails(MalformedFileException.class, p, () -> Idx.read(p));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
        Path p = file("cut22b", compressed ? gzip(Arrays.copyOf(full, 22)) : Arrays.copyOf(full, 22));
        InvalidInputException e = assertFails(MalformedFileException.class, p, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("(2, 2, 2) need 8 bytes of data, found 6"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dimensionsThatDoNotMatchTheDataAreRefused(boolean compressed) throws IOException {
        // dims say 2x2 = 4 values, the file holds 6
        byte[] b = header(0x08, new int[] {2, 2}, 6).put(new byte[] {1, 2, 3, 4, 5, 6}).array();
        Path p = file("extra", compressed ? gzip(b) : b);
        InvalidInputException e = assertFails(MalformedFileException.class, p, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("6 bytes of data") && e.getMessage().contains("account for 4"),
                e.getMessage());
    }

    @Test
    void corruptGzipStream() throws IOException {
        byte[] g = gzip(ubyte(new int[] {100}, new int[100]));
        g[12] ^= 0x5a;
        g[13] ^= 0x33;
        Path p = file("corrupt", g);
        assertFails(MalformedFileException.class, p, () -> Idx.read(p));
        Path cut = file("cutgz", Arrays.copyOf(gzip(ubyte(new int[] {1000}, new int[1000])), 15));
        assertFails(MalformedFileException.class, cut, () -> Idx.read(cut));
    }

    @Test
    void nonFiniteFloatsAreNamed() throws IOException {
        ByteBuffer f = header(0x0E, new int[] {1, 2}, 16).putDouble(1).putDouble(Double.NaN);
        Path p = file("nan", f.array());
        InvalidInputException e = assertFails(NonFiniteValueException.class, p, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("entry (0,1)"), e.getMessage());
    }

    @Test
    void imagesAndLabelsNeedTheirRankAndUnsignedBytes() throws IOException {
        Path flat = file("flat", ubyte(new int[] {4}, 1, 2, 3, 4));
        assertFails(ShapeMismatchException.class, flat, () -> Idx.readImages(flat));
        Path cube = file("cube", ubyte(new int[] {1, 2, 2}, 1, 2, 3, 4));
        assertFails(ShapeMismatchException.class, cube, () -> Idx.readLabels(cube));
        Path ints = file("ints", header(0x0C, new int[] {1}, 4).putInt(3).array());
        InvalidInputException e = assertFails(InvalidInputException.class, ints, () -> Idx.readLabels(ints));
        assertTrue(e.getMessage().contains("unsigned byte"), e.getMessage());
    }

    @Test
    void mnistTestImagesIfPresent() {
        String shared = System.getProperty("attractor.shared.data", "../../shared/data");
        Path images = Path.of(shared, "mnist", "t10k-images-idx3-ubyte.gz");
        Path labels = Path.of(shared, "mnist", "t10k-labels-idx1-ubyte.gz");
        assumeTrue(Files.isRegularFile(images), "MNIST test images not found at " + images + "; skipped");
        IdxImages im = Idx.readImages(images);
        assertEquals(10_000, im.count());
        assertEquals(28, im.rows());
        assertEquals(28, im.cols());
        double sum = 0;
        double max = 0;
        for (double v : im.pixels().data()) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0.0);
        // the mean intensity of the MNIST test set is 0.1325 (the training set's is the well-known 0.1307)
        assertEquals(0.1325, sum / im.pixels().size(), 5e-4);
        if (Files.isRegularFile(labels)) {
            int[] y = Idx.readLabels(labels);
            assertEquals(10_000, y.length);
            assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(y, 10));
            int[] counts = new int[10];
            for (int v : y) {
                counts[v]++;
            }
            assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts);
        }
    }
}
