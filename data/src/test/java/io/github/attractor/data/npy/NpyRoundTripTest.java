package io.github.attractor.data.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attractor.data.array.NdArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write-then-read is bit-identical, for every double including -0.0, subnormals, huge values and NaN. */
class NpyRoundTripTest {

    static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e308, -1e-308, 1.0 / 3, Math.PI};

    /** Doubles across the whole range: random bit patterns (finite), plus the special values above. */
    static Arbitrary<Double> anyFinite() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> special = Arbitraries.of(Arrays.stream(SPECIAL).boxed().toList());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, bits), net.jqwik.api.Tuple.of(1, special),
                net.jqwik.api.Tuple.of(1, Arbitraries.doubles()));
    }

    @Provide
    Arbitrary<NdArray> arrays() {
        Arbitrary<int[]> shapes = Arbitraries.integers().between(0, 5).list().ofMinSize(0).ofMaxSize(4)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        return shapes.flatMap(shape -> {
            int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
            return anyFinite().list().ofSize(n).map(values -> new NdArray(shape,
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        });
    }

    @Property(tries = 300)
    void streamRoundTripIsBitIdentical(@ForAll("arrays") NdArray a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        byte[] bytes = out.toByteArray();
        assertEquals(0, (bytes.length - a.size() * 8) % 64, "header padded to 64 bytes");
        NdArray b = Npy.read("mem.npy", new ByteArrayInputStream(bytes));
        assertBitIdentical(a, b);
    }

    @Property(tries = 25)
    void fileRoundTripIsBitIdentical(@ForAll("arrays") NdArray a) throws IOException {
        Path dir = Files.createTempDirectory("npy-rt");
        try {
            Path p = dir.resolve("a.npy");
            Npy.write(p, a);
            assertBitIdentical(a, Npy.read(p));
        } finally {
            try (var s = Files.list(dir)) {
                for (Path f : s.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<double[]> withNonFinite() {
        Arbitrary<Double> v = Arbitraries.oneOf(anyFinite(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff8_0000_0000_1234L)));
        return v.list().ofMaxSize(20).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 200)
    void nonFiniteValuesSurviveWhenAllowed(@ForAll("withNonFinite") double[] v) {
        NdArray a = NdArray.ofVector(v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        NdArray b = Npy.readAllowingNonFinite("mem.npy", new ByteArrayInputStream(out.toByteArray()));
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(b.data()[i]));
        }
    }

    @Test
    void severalArraysInOneStream() {
        List<NdArray> arrays = List.of(NdArray.scalar(1.5), NdArray.ofVector(new double[] {1, 2, 3}),
                new NdArray(new int[] {2, 2}, new double[] {-0.0, 0.0, 1e-320, 7}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (NdArray a : arrays) {
            Npy.write(out, a);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        for (NdArray a : arrays) {
            assertBitIdentical(a, Npy.read("mem", in));
        }
        assertEquals(-1, in.read());
    }

    @Test
    void largeArrayCrossesChunkBoundaries(@TempDir Path dir) {
        int n = 3 * 8192 + 17;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(i) * Math.pow(10, (i % 600) - 300);
        }
        NdArray a = new NdArray(new int[] {n / 7, 7}, Arrays.copyOf(v, n / 7 * 7));
        Path p = dir.resolve("big.npy");
        Npy.write(p, a);
        assertBitIdentical(a, Npy.read(p));
    }

    static void assertBitIdentical(NdArray a, NdArray b) {
        assertArrayEquals(a.shape(), b.shape());
        assertEquals("<f8", b.dtype());
        double[] x = a.data();
        double[] y = b.data();
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
                throw new AssertionError("value " + i + ": wrote " + x[i] + ", read " + y[i]);
            }
        }
    }

    @Test
    void float32FilesReadBackAsTheRoundedFloats(@TempDir Path dir) throws IOException {
        double[] v = {0.0, -0.0, 1.0 / 3, Math.PI, -2.5e-3, 1e30, Float.MIN_VALUE, 123456789.0};
        NdArray a = new NdArray(new int[] {2, 4}, v);
        Path f = dir.resolve("m32.npy");
        Npy.writeFloat32(f, a);
        NdArray b = Npy.read(f);
        assertArrayEquals(new int[] {2, 4}, b.shape());
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits((double) (float) v[i]), Double.doubleToRawLongBits(b.data()[i]));
        }
        assertEquals(0, (Files.size(f) - v.length * 4) % 64, "header padded to 64 bytes");
        Path big = dir.resolve("big.npy");
        io.github.attractor.core.error.NonFiniteValueException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.attractor.core.error.NonFiniteValueException.class,
                () -> Npy.writeFloat32(big, new NdArray(new int[] {2}, new double[] {1, 1e39})));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("big.npy") && e.getMessage().contains("entry 1"));
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(big), "nothing written");
    }
}
