package io.github.attractor.learn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.flow.Flow;
import io.github.attractor.learn.flow.LuLinear;
import io.github.attractor.learn.flow.Permutation;
import io.github.attractor.learn.flow.RationalQuadraticSpline;
import io.github.attractor.learn.flow.SplineCoupling;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.nn.Mlp;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static void assertBitIdentical(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + " entry " + i);
        }
    }

    private static List<Parameter> model(long seed) {
        List<Parameter> ps = new ArrayList<>(new Mlp("ps", new int[] {2, 16, 4}, Activation.TANH, seed).parameters());
        ps.addAll(new Flow(Permutation.random(2, seed), new LuLinear("lu", 2, seed), SplineCoupling.withMlp("sc", 2, false,
                new int[] {8}, Activation.TANH, new RationalQuadraticSpline(10, 10), seed, false)).parameters());
        return ps;
    }

    @Test
    void roundTripIsBitIdenticalIncludingSpecialValues() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff8_0000_dead_beefL), Math.PI, 1e-310};
        List<Parameter> ps = new ArrayList<>(model(1));
        ps.add(new Parameter("special", special.clone(), 3, 3));
        ps.add(new Parameter("scalar", new double[] {42.0}));
        Path f = dir.resolve("m.model");
        ModelFile.save(f, "elcd", 3, Map.of("d", "2", "note", "ünïcode ok"), ps);
        ModelFile.Contents c = ModelFile.load(f);
        assertEquals("elcd", c.kind());
        assertEquals(3, c.kindVersion());
        assertEquals("ünïcode ok", c.attributes().get("note"));
        assertEquals(ps.size(), c.parameters().size());
        for (int i = 0; i < ps.size(); i++) {
            assertEquals(ps.get(i).name(), c.parameters().get(i).name());
            assertArrayEquals(ps.get(i).shape(), c.parameters().get(i).shape());
            assertBitIdentical(ps.get(i).value(), c.parameters().get(i).value(), ps.get(i).name());
        }
        assertArrayEquals(new int[0], c.parameter("scalar").shape());
    }

    @Test
    void loadIntoRestoresAModelThatComputesTheSameOutputs() {
        Path f = dir.resolve("sub/dir/mlp.model"); // parent directories are created
        Mlp trained = new Mlp("net", new int[] {3, 32, 32, 9}, Activation.ELU, 5);
        ModelFile.save(f, "mlp", 1, Map.of(), trained.parameters());
        Mlp fresh = new Mlp("net", new int[] {3, 32, 32, 9}, Activation.ELU, 6);
        ModelFile.loadInto(f, "mlp", fresh.parameters());
        double[] x = new SplittableRandom(3).doubles(30, -2, 2).toArray();
        assertBitIdentical(trained.forward(new Tape().constant(x, 10, 3)).value(),
                fresh.forward(new Tape().constant(x, 10, 3)).value(), "outputs");
    }

    @Test
    void corruptedTruncatedAndForeignFilesGiveOneLineErrorsNamingTheFile() throws IOException {
        Path f = dir.resolve("m.model");
        ModelFile.save(f, "elcd", 1, Map.of(), model(2));
        byte[] good = Files.readAllBytes(f);

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Path bad = dir.resolve("flipped.model");
        Files.write(bad, flipped);
        assertMessage(bad, "checksum mismatch");

        Path cut = dir.resolve("cut.model");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length - 9));
        assertMessage(cut, "truncated");

        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2).putInt(8, 2);
        Path future = dir.resolve("future.model");
        Files.write(future, v2);
        assertMessage(future, "unsupported model format version 2 (this build reads version 1)");

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not a model\n");
        assertMessage(text, "not an attractor model file");

        assertMessage(dir.resolve("absent.model"), "no such file");
    }

    private static void assertMessage(Path f, String part) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f.toString() + ": "), m);
        assertTrue(m.contains(part), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void loadIntoChecksKindNamesAndShapes() {
        Path f = dir.resolve("m.model");
        Mlp a = new Mlp("net", new int[] {2, 4, 2}, Activation.TANH, 1);
        ModelFile.save(f, "mlp", 1, Map.of(), a.parameters());
        ModelFileException kind = assertThrows(ModelFileException.class,
                () -> ModelFile.loadInto(f, "elcd", a.parameters()));
        assertTrue(kind.getMessage().contains("kind 'mlp', expected 'elcd'"), kind.getMessage());
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> ModelFile.loadInto(f, "mlp", new Mlp("net", new int[] {2, 5, 2}, Activation.TANH, 1).parameters()));
        assertTrue(shape.getMessage().contains("'net.0.weight' has shape [2, 4], the model expects [2, 5]"),
                shape.getMessage());
        ModelFileException missing = assertThrows(ModelFileException.class,
                () -> ModelFile.loadInto(f, "mlp", new Mlp("other", new int[] {2, 4, 2}, Activation.TANH, 1).parameters()));
        assertTrue(missing.getMessage().contains("'other.0.weight' is missing"), missing.getMessage());
        ModelFileException extra = assertThrows(ModelFileException.class,
                () -> ModelFile.loadInto(f, "mlp", a.parameters().subList(0, 2)));
        assertTrue(extra.getMessage().contains("unexpected parameter 'net.1.weight'"), extra.getMessage());
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("m.model");
        List<Parameter> first = List.of(new Parameter("w", new double[] {1, 2}, 2));
        ModelFile.save(f, "k", 1, Map.of(), first);
        ModelFile.save(f, "k", 1, Map.of(), List.of(new Parameter("w", new double[] {3, 4}, 2))); // replaces
        assertArrayEquals(new double[] {3, 4}, ModelFile.load(f).parameter("w").value(), 0.0);
        // a save that fails before writing leaves the old file intact
        Parameter dup = new Parameter("w", 1);
        assertThrows(InvalidInputException.class, () -> ModelFile.save(f, "k", 1, Map.of(), List.of(dup, dup)));
        assertArrayEquals(new double[] {3, 4}, ModelFile.load(f).parameter("w").value(), 0.0);
        assertThrows(InvalidInputException.class, () -> ModelFile.save(dir, "k", 1, Map.of(), first));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no temporary files left");
        }
    }
}
