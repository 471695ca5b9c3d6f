package io.github.attractor.data.csv;

import static io.github.attractor.data.TestFiles.assertFails;
import static io.github.attractor.data.TestFiles.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvMatrixTest {
    @TempDir
    Path dir;

    /** {@code (np.arange(6).reshape(2, 3) - 2.5) / 8}. */
    static final double[] M = {-0.3125, -0.1875, -0.0625, 0.0625, 0.1875, 0.3125};

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("x.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private DMatrixRMaj read(String text) throws IOException {
        return CsvMatrix.read(csv(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"savetxt_space.csv", "savetxt_comma_header.csv"})
    void readsNumpySavetxt(String file) {
        DMatrixRMaj m = CsvMatrix.read(fixture(file));
        assertEquals(2, m.numRows);
        assertEquals(3, m.numCols);
        assertArrayEquals(M, Arrays.copyOf(m.data, 6));
    }

    @Test
    void separators() throws IOException {
        double[] expected = {1, 2, 3, 4};
        assertArrayEquals(expected, read("1,2\n3,4\n").data);
        assertArrayEquals(expected, read("1 , 2\r\n3,\t4").data);
        assertArrayEquals(expected, read("1;2\n3;4\n").data);
        assertArrayEquals(expected, read("1 2\n  3\t\t4  \n").data);
        assertArrayEquals(expected, read("\"1\",\"2\"\n\"3\",\"4\"\n").data);
    }

    @Test
    void headerCommentsBlankLinesAndBom() throws IOException {
        DMatrixRMaj m = read("\uFEFF# generated\n\nx,y,z\n# more\n1,2e-3,-.5\n\n4,+5.,6E2\n\n");
        assertEquals(2, m.numRows);
        assertArrayEquals(new double[] {1, 2e-3, -0.5, 4, 5, 600}, m.data);
        DMatrixRMaj quoted = read("\"a\",\"b\"\n1,2\n");
        assertArrayEquals(new double[] {1, 2}, quoted.data);
    }

    @Test
    void singleColumn() throws IOException {
        DMatrixRMaj m = read("1\n2\n3\n");
        assertEquals(3, m.numRows);
        assertEquals(1, m.numCols);
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        Path p = csv("1,2,3\n4,5,6\n\n7,8\n");
        ShapeMismatchException e = assertFails(ShapeMismatchException.class, p, () -> CsvMatrix.read(p));
        assertEquals(p + ": line 4 has 2 values, expected 3 (as on line 1)", e.getMessage());
    }

    @Test
    void nonNumericTokenNamesLineAndColumn() throws IOException {
        Path p = csv("a,b,c\n1,2,3\n4,five,6\n");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p));
        assertEquals(p + ": line 3, column 2: \"five\" is not a number", e.getMessage());
    }

    @Test
    void secondHeaderIsNotSkipped() throws IOException {
        Path p = csv("a,b\nc,d\n1,2\n");
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p));
        assertTrue(e.getMessage().startsWith(p + ": line 2, column 1"), e.getMessage());
    }

    @Test
    void mixedFirstRowIsData() throws IOException {
        Path p = csv("1,b\n1,2\n");
        assertTrue(assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p)).getMessage()
                .contains("line 1, column 2"));
    }

    @Test
    void javaOnlyNumberFormsAreRefused() throws IOException {
        for (String bad : new String[] {"1d", "0x10", "1f", "1_000", "1e", "--1"}) {
            Path p = csv("1," + bad + "\n");
            assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p));
        }
    }

    @Test
    void emptyFieldIsRefused() throws IOException {
        Path p = csv("1,,3\n");
        assertEquals(p + ": line 1, column 2: empty value",
                assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p)).getMessage());
    }

    @Test
    void nonFiniteIsRefused() throws IOException {
        Path p = csv("1,2\n3,nan\n");
        assertEquals(p + ": line 2, column 2: entry (1,1) is NaN",
                assertFails(NonFiniteValueException.class, p, () -> CsvMatrix.read(p)).getMessage());
        Path q = csv("1,-Infinity\n");
        assertTrue(assertFails(NonFiniteValueException.class, q, () -> CsvMatrix.read(q)).getMessage()
                .endsWith("is -Infinity"));
        Path r = csv("1e400\n");
        assertTrue(assertFails(NonFiniteValueException.class, r, () -> CsvMatrix.read(r)).getMessage()
                .contains("overflows"));
    }

    @Test
    void noData() throws IOException {
        for (String text : new String[] {"", "# only a comment\n", "a,b,c\n", "\n\n"}) {
            Path p = csv(text);
            assertEquals(p + ": no numeric rows",
                    assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p)).getMessage());
        }
    }

    @Test
    void missingFileAndDirectory() {
        Path p = dir.resolve("nope.csv");
        assertEquals(p + ": no such file",
                assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p)).getMessage());
        assertFails(InvalidInputException.class, dir, () -> CsvMatrix.read(dir));
    }

    @Test
    void notUtf8() throws IOException {
        Path p = dir.resolve("bin.csv");
        Files.write(p, new byte[] {'1', ',', (byte) 0xff, (byte) 0xfe, '\n'});
        assertEquals(p + ": not UTF-8 text",
                assertFails(InvalidInputException.class, p, () -> CsvMatrix.read(p)).getMessage());
    }

    @Provide
    Arbitrary<DMatrixRMaj> matrices() {
        Arbitrary<Double> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
                        Double.MIN_NORMAL, 1e-310, 0.1, 1e22, 123456789012345678.0)));
        return Arbitraries.integers().between(1, 6).flatMap(r -> Arbitraries.integers().between(1, 6)
                .flatMap(c -> values.list().ofSize(r * c).map(l -> new DMatrixRMaj(r, c, true,
                        l.stream().mapToDouble(Double::doubleValue).toArray()))));
    }

    @Property(tries = 60)
    void roundTripIsBitIdentical(@ForAll("matrices") DMatrixRMaj m) throws IOException {
        Path d = Files.createTempDirectory("csv-rt");
        Path p = d.resolve("m.csv");
        try {
            CsvMatrix.write(p, m);
            DMatrixRMaj back = CsvMatrix.read(p);
            assertEquals(m.numRows, back.numRows);
            assertEquals(m.numCols, back.numCols);
            for (int i = 0; i < m.getNumElements(); i++) {
                assertEquals(Double.doubleToRawLongBits(m.data[i]), Double.doubleToRawLongBits(back.data[i]),
                        "value " + i + " = " + m.data[i]);
            }
        } finally {
            Files.deleteIfExists(p);
            Files.delete(d);
        }
    }

    @Property(tries = 300)
    void textRoundTripIsBitIdentical(@ForAll("matrices") DMatrixRMaj m) {
        DMatrixRMaj back = CsvMatrix.read("mem", new java.io.StringReader(CsvMatrix.toCsv(m)));
        for (int i = 0; i < m.getNumElements(); i++) {
            assertEquals(Double.doubleToRawLongBits(m.data[i]), Double.doubleToRawLongBits(back.data[i]));
        }
    }

    @Test
    void writeRefusesNonFiniteAndEmpty() {
        Path p = dir.resolve("w.csv");
        DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{1, Double.NaN}});
        assertEquals(p + ": entry (0,1) is NaN; CSV files hold finite values only",
                assertFails(NonFiniteValueException.class, p, () -> CsvMatrix.write(p, nan)).getMessage());
        assertFails(InvalidInputException.class, p, () -> CsvMatrix.write(p, new DMatrixRMaj(0, 3)));
        assertFalse(Files.exists(p));
    }

    @Test
    void writtenText() {
        assertEquals("1.0,-0.0\n1.0E-5,2.5\n", CsvMatrix.toCsv(new DMatrixRMaj(new double[][] {{1, -0.0}, {1e-5, 2.5}})));
    }

    @Test
    void fuzzedTextFailsCleanly() throws IOException {
        byte[] full = "# c\nx,y\n1.5,2\n-3e2,4\n5,.6\n".getBytes(StandardCharsets.UTF_8);
        Random rnd = new Random(7);
        Path p = dir.resolve("f.csv");
        for (int trial = 0; trial < 400; trial++) {
            byte[] b = Arrays.copyOf(full, rnd.nextInt(full.length + 1));
            if (b.length > 0 && trial % 2 == 0) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            Files.write(p, b);
            try {
                CsvMatrix.read(p);
            } catch (InvalidInputException e) {
                assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            } catch (RuntimeException e) {
                fail("gave " + e, e);
            }
        }
    }
}
