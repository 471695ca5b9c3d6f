package io.github.attractor.data.network;

import static io.github.attractor.data.TestFiles.assertFails;
import static io.github.attractor.data.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.NotSquareException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import io.github.attractor.data.npy.Npz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkFileTest {
    @TempDir
    Path dir;

    /** {@code (np.arange(9).reshape(3, 3) - 4) * 0.25}, as in the fixtures. */
    static final double[] W = {-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0};
    static final double[] B = {0.5, -0.5, 1.0};

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static DMatrixRMaj matrix(int n, double[] v) {
        return new DMatrixRMaj(n, n, true, v);
    }

    // ------------------------------------------------------------------------------------------ JSON

    @Test
    void readsFullJson() throws IOException {
        Path p = write("net.json", "{\"format\":\"attractor.network\",\"version\":1,\"lagrangian\":\"relu\","
                + "\"weights\":[[0,1],[1,0]],\"bias\":[0.5,-0.25]}");
        NetworkSpec s = NetworkFile.read(p);
        assertEquals(2, s.size());
        assertArrayEquals(new double[] {0, 1, 1, 0}, s.weights().data);
        assertArrayEquals(new double[] {0.5, -0.25}, s.bias());
        assertEquals("relu", s.lagrangian());
    }

    @Test
    void minimalJsonDefaultsBiasToZeros() throws IOException {
        NetworkSpec s = NetworkFile.read(write("net.JSON", "{\"weights\": [[2]]}"));
        assertArrayEquals(new double[] {0}, s.bias());
        assertNull(s.lagrangian());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"weights\":[[1,2,3],[4,5,6],[7,8,9],[1,2,3]]}|NotSquare|\"weights\" must be square, got 4x3",
        "{\"weights\":[[1,2],[3,4],[5,6]]}|NotSquare|\"weights\" must be square, got 3x2",
        "{\"weights\":[[1,2],[3]]}|ShapeMismatch|\"weights\" row 1 has 1 entries, expected 2 (as in row 0)",
        "{\"weights\":[[1,2],[3,4]],\"bias\":[1,2,3]}|ShapeMismatch|\"bias\" has length 3, expected 2 (one per unit)",
        "{\"weights\":[[1,2],[NaN,4]]}|NonFinite|\"weights\" entry (1,0) is NaN",
        "{\"weights\":[[1,2],[1e999,4]]}|NonFinite|\"weights\" entry (1,0) is Infinity",
        "{\"weights\":[[1,2],[3,4]],\"bias\":[0,-Infinity]}|NonFinite|\"bias\" entry 1 is -Infinity",
        "{\"weights\":[]}|Invalid|\"weights\" is empty",
        "{\"weights\":[[]]}|Invalid|\"weights\" is empty (1x0)",
        "{\"bias\":[1]}|Invalid|missing \"weights\"",
        "{\"weights\":[[1,\"2\"],[3,4]]}|Invalid|\"weights\"[0][1] is not a number, got the string \"2\"",
        "{\"weights\":[1,2]}|Invalid|\"weights\" row 0 must be an array of numbers, got 1",
        "{\"weights\":{\"a\":1}}|Invalid|\"weights\" must be an array of rows, got an object",
        "{\"weights\":[[1]],\"bias\":\"zero\"}|Invalid|\"bias\" must be an array of numbers, got the string \"zero\"",
        "{\"weights\":[[1]],\"version\":2}|Invalid|unsupported \"version\" 2 (this build reads version 1)",
        "{\"weights\":[[1]],\"version\":\"1\"}|Invalid|\"version\" must be an integer, got \"1\"",
        "{\"weights\":[[1]],\"format\":\"other\"}|Invalid|\"format\" is \"other\", expected \"attractor.network\"",
        "{\"weights\":[[1]],\"lagrangian\":3}|Invalid|\"lagrangian\" must be a non-empty string, got 3",
        "{\"weights\":[[1]],\"bais\":[1]}|Invalid|unknown key \"bais\"",
        "[[1,2],[3,4]]|Invalid|expected a JSON object",
        "|Invalid|empty file",
        "{\"weights\":[[1]], \"weights\":[[2]]}|Invalid|invalid JSON at line 1",
        "{\"weights\":[[1]]} trailing|Invalid|invalid JSON",
        "{\"weights\":[[1,2],[3,4]]|Invalid|invalid JSON",
    })
    void jsonErrors(String text, String kind, String expected) throws IOException {
        Path p = write("net.json", text == null ? "" : text);
        Class<? extends InvalidInputException> type = switch (kind) {
            case "NotSquare" -> NotSquareException.class;
            case "ShapeMismatch" -> ShapeMismatchException.class;
            case "NonFinite" -> NonFiniteValueException.class;
            default -> InvalidInputException.class;
        };
        InvalidInputException e = assertFails(type, p, () -> NetworkFile.read(p));
        assertTrue(e.getMessage().startsWith(p + ": " + expected), e.getMessage());
    }

    @Test
    void everyTruncatedJsonFailsCleanly() throws IOException {
        String full = "{\"format\": \"attractor.network\", \"version\": 1, \"lagrangian\": \"tanh\", "
                + "\"weights\": [[0.5, -1e-3], [2.0, 0]], \"bias\": [1, 2]}";
        assertEquals(2, NetworkFile.read(write("ok.json", full)).size());
        for (int len = 0; len < full.length(); len++) {
            Path p = write("cut.json", full.substring(0, len));
            try {
                NetworkFile.read(p);
                fail("prefix of length " + len + " was accepted");
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<NetworkSpec> specs() {
        Arbitrary<Double> v = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1, -1e-310)));
        Arbitrary<String> lag = Arbitraries.of("relu", "tanh", "softmax\u03b2", "a \"quoted\"\\name", null);
        return Arbitraries.integers().between(1, 5).flatMap(n -> v.list().ofSize(n * n + n).flatMap(vals ->
                lag.map(l -> {
                    double[] all = vals.stream().mapToDouble(Double::doubleValue).toArray();
                    return new NetworkSpec(matrix(n, Arrays.copyOf(all, n * n)),
                            Arrays.copyOfRange(all, n * n, all.length), l);
                })));
    }

    @Property(tries = 40)
    void jsonAndNpzRoundTripsAreBitIdentical(@ForAll("specs") NetworkSpec s) throws IOException {
        Path d = Files.createTempDirectory("net-rt");
        try {
            Path j = d.resolve("n.json");
            NetworkFile.writeJson(j, s);
            assertBitIdentical(s, NetworkFile.read(j));
            Path z = d.resolve("n.npz");
            NetworkFile.writeNpz(z, s);
            assertBitIdentical(s, NetworkFile.read(z));
        } finally {
            try (var files = Files.list(d)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(d);
        }
    }

    static void assertBitIdentical(NetworkSpec a, NetworkSpec b) {
        assertEquals(a, b);
        double[] x = a.weights().data;
        double[] y = b.weights().data;
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]));
        }
        double[] p = a.bias();
        double[] q = b.bias();
        for (int i = 0; i < p.length; i++) {
            assertEquals(Double.doubleToRawLongBits(p[i]), Double.doubleToRawLongBits(q[i]));
        }
    }

    @Test
    void writtenJsonIsVersionedAndReadable() throws IOException {
        Path p = dir.resolve("out/net.json");
        NetworkFile.writeJson(p, new NetworkSpec(matrix(2, new double[] {0, 1.5, -2e-7, 0}),
                new double[] {1, 0}, "relu"));
        assertEquals("{\n  \"format\": \"attractor.network\",\n  \"version\": 1,\n  \"lagrangian\": \"relu\",\n"
                + "  \"weights\": [\n    [0.0, 1.5],\n    [-2.0E-7, 0.0]\n  ],\n  \"bias\": [1.0, 0.0]\n}\n",
                Files.readString(p));
    }

    // ------------------------------------------------------------------------------------------- NPZ

    @ParameterizedTest
    @ValueSource(strings = {"savez.npz", "savez_compressed.npz"})
    void readsNumpyNpz(String file) {
        NetworkSpec s = NetworkFile.read(fixture(file));
        assertArrayEquals(W, s.weights().data);
        assertArrayEquals(B, s.bias());
        assertEquals("relu", s.lagrangian());
    }

    @Test
    void readsLongKeysAndUnicodeLagrangian() {
        NetworkSpec s = NetworkFile.read(fixture("network_long_keys.npz"));
        assertArrayEquals(W, s.weights().data);
        assertArrayEquals(B, s.bias());
        assertNull(s.lagrangian());
        NetworkSpec u = NetworkFile.read(fixture("lagrangian_unicode.npz"));
        assertEquals("softmax\u03b2", u.lagrangian());
        assertArrayEquals(new double[] {0, 0}, u.bias());
    }

    @Test
    void npzErrors() {
        Path nan = fixture("network_nan.npz");
        assertEquals(nan + "[W]: entry (0,1) is NaN",
                assertFails(NonFiniteValueException.class, nan, () -> NetworkFile.read(nan)).getMessage());
        Path ns = fixture("network_not_square.npz");
        assertEquals(ns + "[W]: weight matrix must be square, got 2x3",
                assertFails(NotSquareException.class, ns, () -> NetworkFile.read(ns)).getMessage());
        Path none = fixture("positional.npz");
        assertTrue(assertFails(InvalidInputException.class, none, () -> NetworkFile.read(none)).getMessage()
                .contains("no weight matrix"));
    }

    private Path npz(Map<String, NdArray> arrays, Map<String, String> strings) {
        Path p = dir.resolve("made.npz");
        Npz.write(p, arrays, strings);
        return p;
    }

    @Test
    void npzValidation() {
        NdArray w = new NdArray(new int[] {2, 2}, new double[] {1, 2, 3, 4});
        Map<String, NdArray> both = new LinkedHashMap<>();
        both.put("W", w);
        both.put("weights", w);
        Path p1 = npz(both, Map.of());
        assertTrue(assertFails(InvalidInputException.class, p1, () -> NetworkFile.read(p1)).getMessage()
                .contains("has both \"W\" and \"weights\""));

        Path p2 = npz(Map.of("W", w, "b", NdArray.ofVector(new double[] {1, 2, 3})), Map.of());
        assertEquals(p2 + "[b]: bias has length 3, expected 2 (one per unit)",
                assertFails(ShapeMismatchException.class, p2, () -> NetworkFile.read(p2)).getMessage());

        Path p3 = npz(Map.of("W", NdArray.ofVector(new double[] {1, 2})), Map.of());
        assertTrue(assertFails(ShapeMismatchException.class, p3, () -> NetworkFile.read(p3)).getMessage()
                .startsWith(p3 + "[W]: expected a matrix"));

        Path p4 = npz(Map.of("W", w, "lagrangian", NdArray.scalar(1)), Map.of());
        assertTrue(assertFails(InvalidInputException.class, p4, () -> NetworkFile.read(p4)).getMessage()
                .contains("\"lagrangian\" must be a text scalar"));

        Path p5 = npz(Map.of("W", w, "version", NdArray.scalar(2)), Map.of());
        assertEquals(p5 + ": unsupported \"version\" 2 (this build reads version 1)",
                assertFails(InvalidInputException.class, p5, () -> NetworkFile.read(p5)).getMessage());

        Path p6 = npz(Map.of("W", w), Map.of("format", "something.else"));
        assertTrue(assertFails(InvalidInputException.class, p6, () -> NetworkFile.read(p6)).getMessage()
                .contains("\"format\" is \"something.else\""));

        Path p7 = npz(Map.of("W", new NdArray(new int[] {0, 0}, new double[0])), Map.of());
        assertEquals(p7 + "[W]: weight matrix is empty (0x0)",
                assertFails(InvalidInputException.class, p7, () -> NetworkFile.read(p7)).getMessage());

        Path p8 = npz(Map.of("W", w, "b", new NdArray(new int[] {2, 1}, new double[] {5, 6})), Map.of());
        assertArrayEquals(new double[] {5, 6}, NetworkFile.read(p8).bias(), "column-vector bias accepted");

        Path p9 = npz(Map.of("W", w, "b", NdArray.ofVector(new double[] {0, Double.NaN})), Map.of());
        assertEquals(p9 + "[b]: entry 1 is NaN",
                assertFails(NonFiniteValueException.class, p9, () -> NetworkFile.read(p9)).getMessage());
    }

    @Test
    void writtenNpzLoadsAsPlainArrays() {
        Path p = dir.resolve("net.npz");
        NetworkFile.writeNpz(p, new NetworkSpec(matrix(2, new double[] {0, 1, 1, 0}), null, "relu"));
        Npz.Contents c = Npz.readAll(p);
        assertArrayEquals(new double[] {0, 1, 1, 0}, c.arrays().get("W").data());
        assertArrayEquals(new double[] {0, 0}, c.arrays().get("b").data());
        assertEquals("relu", c.strings().get("lagrangian"));
        assertEquals("attractor.network", c.strings().get("format"));
        assertEquals(1.0, c.arrays().get("version").get());
    }

    // ------------------------------------------------------------------------------------ NPY and CSV

    @Test
    void npyAndCsvHoldTheWeightsOnly() throws IOException {
        Path npy = dir.resolve("W.npy");
        Npy.write(npy, new NdArray(new int[] {3, 3}, W.clone()));
        NetworkSpec s = NetworkFile.read(npy);
        assertArrayEquals(W, s.weights().data);
        assertArrayEquals(new double[3], s.bias());
        assertNull(s.lagrangian());

        Path csv = write("W.csv", "# weights\n-1,-0.75,-0.5\n-0.25,0,0.25\n0.5,0.75,1\n");
        assertEquals(s, NetworkFile.read(csv));
    }

    @Test
    void npyAndCsvErrors() throws IOException {
        Path nan = fixture("nan.npy");
        assertEquals(nan + ": entry (1,0) is NaN",
                assertFails(NonFiniteValueException.class, nan, () -> NetworkFile.read(nan)).getMessage());
        Path rect = fixture("f8_2d.npy");
        assertEquals(rect + ": weight matrix must be square, got 3x4",
                assertFails(NotSquareException.class, rect, () -> NetworkFile.read(rect)).getMessage());
        Path vec = fixture("vector.npy");
        assertFails(ShapeMismatchException.class, vec, () -> NetworkFile.read(vec));
        Path cube = fixture("cube.npy");
        assertFails(ShapeMismatchException.class, cube, () -> NetworkFile.read(cube));
        Path csv = write("W.csv", "1,2,3\n4,5,6\n");
        assertEquals(csv + ": weight matrix must be square, got 2x3",
                assertFails(NotSquareException.class, csv, () -> NetworkFile.read(csv)).getMessage());
    }

    // ------------------------------------------------------------------------------------------ other

    @ParameterizedTest
    @ValueSource(strings = {"W.npy", "net.json", "net.npz", "W.csv"})
    void missingFiles(String name) {
        Path p = dir.resolve(name);
        assertEquals(p + ": no such file",
                assertFails(InvalidInputException.class, p, () -> NetworkFile.read(p)).getMessage());
    }

    @Test
    void unknownExtension() throws IOException {
        Path p = write("net.txt", "1");
        assertEquals(p + ": unsupported network file type '.txt' (expected .json, .npz, .npy or .csv)",
                assertFails(InvalidInputException.class, p, () -> NetworkFile.read(p)).getMessage());
        Path q = write("net", "1");
        assertFails(InvalidInputException.class, q, () -> NetworkFile.read(q));
    }

    @Test
    void specValidatesAndCopies() {
        DMatrixRMaj w = matrix(2, new double[] {1, 2, 3, 4});
        double[] b = {1, 1};
        NetworkSpec s = new NetworkSpec(w, b, null);
        w.set(0, 0, 99);
        b[0] = 99;
        s.weights().set(0, 0, 77);
        s.bias()[0] = 77;
        assertEquals(1.0, s.weights().get(0, 0));
        assertEquals(1.0, s.bias()[0]);
        assertFails(NotSquareException.class, "network", () -> new NetworkSpec(new DMatrixRMaj(2, 3)));
        assertFails(ShapeMismatchException.class, "network",
                () -> new NetworkSpec(matrix(2, new double[4]), new double[3], null));
        assertFails(NonFiniteValueException.class, "network",
                () -> new NetworkSpec(matrix(1, new double[] {Double.NaN})));
        assertFails(InvalidInputException.class, "network", () -> new NetworkSpec(new DMatrixRMaj(0, 0)));
        assertFails(InvalidInputException.class, "network", () -> new NetworkSpec(matrix(1, new double[1]), null, " "));
    }

    @Test
    void failedWriteLeavesOldFile() throws IOException {
        Path p = write("keep.json", "{\"weights\": [[1]]}");
        // an NPZ writer with a key clash fails before anything is written
        Path z = dir.resolve("keep.npz");
        NetworkFile.writeNpz(z, new NetworkSpec(matrix(1, new double[] {3})));
        byte[] before = Files.readAllBytes(z);
        try {
            Npz.write(z, Map.of("W", NdArray.scalar(1)), Map.of("W", "clash"));
            fail("expected a key clash");
        } catch (InvalidInputException expected) {
            assertArrayEquals(before, Files.readAllBytes(z));
        }
        assertEquals(1, NetworkFile.read(p).size());
    }
}
