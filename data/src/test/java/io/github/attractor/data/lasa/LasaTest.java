package io.github.attractor.data.lasa;

import static io.github.attractor.data.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.SharedData;
import io.github.attractor.data.io.MalformedFileException;
import io.github.attractor.data.io.MissingFileException;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.Standardization;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

class LasaTest {
    @TempDir
    Path dir;

    @Test
    void readsAllThirtyMotions() {
        Path lasa = SharedData.require("lasa");
        assertEquals(30, Lasa.MOTIONS.size());
        for (String m : Lasa.MOTIONS) {
            TrajectoryDataset d = Lasa.read(Lasa.file(lasa, m));
            assertEquals(m, d.name());
            assertEquals(7, d.size(), m);
            assertEquals(2, d.dimension(), m);
            for (Demonstration demo : d.demonstrations()) {
                assertEquals(1000, demo.length(), m);
                assertArrayEquals(new double[] {0, 0}, demo.finalState(), 1e-12, m + ": LASA ends at the origin");
            }
            assertArrayEquals(new double[] {0, 0}, d.equilibrium(), 1e-12, m);
        }
    }

    @Test
    void preparedMotionDropsFifteenSamplesAndIsStandardised() {
        Path lasa = SharedData.require("lasa");
        TrajectoryDataset all = Lasa.read(Lasa.file(lasa, "Angle"));
        TrajectoryDataset raw = Lasa.raw(lasa, "angle");
        assertEquals(985, raw.demonstration(0).length());
        assertEquals(7 * 985, raw.sampleCount());
        // Values checked against scipy.io.loadmat: demos{3}.pos(:, 16), vel(:, 16), t(16).
        Demonstration d3 = raw.demonstration(2);
        assertArrayEquals(new double[] {-43.10419822, 0.95118242}, d3.state(0), 1e-8);
        assertArrayEquals(new double[] {7.33146782, 19.43724086}, d3.velocity(0), 1e-8);
        assertEquals(0.046815045870772065, d3.times()[0], 1e-15);
        assertArrayEquals(all.demonstration(2).state(15), d3.state(0));

        TrajectoryDataset z = Lasa.motion(lasa, "Angle");
        Standardization s = z.standardization();
        // numpy over the same 6895 samples: mean and population std.
        assertArrayEquals(new double[] {-20.70058284, 20.05097437}, s.mean(), 1e-7);
        assertArrayEquals(new double[] {14.8215896, 13.49391301}, s.scale(), 1e-7);
        assertArrayEquals(new double[] {20.70058284 / 14.8215896, -20.05097437 / 13.49391301}, z.equilibrium(), 1e-8);
        assertArrayEquals(new double[] {7.33146782 / 14.8215896, 19.43724086 / 13.49391301},
                z.demonstration(2).velocity(0), 1e-8);
    }

    @Test
    void stackedMotionsAreFourAndEightDimensional() {
        Path lasa = SharedData.require("lasa");
        TrajectoryDataset four = Lasa.stacked(lasa, List.of("Angle", "Sine"));
        assertEquals("Angle+Sine", four.name());
        assertEquals(4, four.dimension());
        assertEquals(7, four.size());
        assertArrayEquals(new double[] {-20.70058284, 20.05097437, -22.29139302, 6.10472986},
                four.standardization().mean(), 1e-7);
        assertArrayEquals(new double[] {14.8215896, 13.49391301, 15.58942977, 6.9692383},
                four.standardization().scale(), 1e-7);
        TrajectoryDataset sine = Lasa.motion(lasa, "Sine");
        assertArrayEquals(sine.demonstration(4).state(100),
                java.util.Arrays.copyOfRange(four.demonstration(4).state(100), 2, 4), 1e-12);
        TrajectoryDataset eight = Lasa.stacked(lasa, List.of("Angle", "Sine", "Worm", "Multi_Models_1"));
        assertEquals(8, eight.dimension());
        assertEquals(7 * 985, eight.sampleCount());
        assertEquals("Angle+Sine+Worm+Multi_Models_1", eight.name());
    }

    @Test
    void unknownMotionListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Lasa.file(dir, "Circle"));
        assertTrue(e.getMessage().startsWith("unknown LASA motion 'Circle'; known: Angle, "), e.getMessage());
        assertTrue(e.getMessage().contains("Multi_Models_4"), e.getMessage());
    }

    // ---- broken files, written with MFL ----

    static Matrix matrix(int rows, int cols, double start) {
        Matrix m = Mat5.newMatrix(rows, cols);
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                m.setDouble(r, c, start + c + 0.5 * r);
            }
        }
        return m;
    }

    /** A demo struct with pos 2×n, vel 2×n, t 1×n (t = 0.01 k). */
    static Struct demo(int n) {
        Matrix t = Mat5.newMatrix(1, n);
        for (int k = 0; k < n; k++) {
            t.setDouble(0, k, 0.01 * k);
        }
        return Mat5.newStruct().set("pos", matrix(2, n, 0)).set("vel", matrix(2, n, 1)).set("t", t)
                .set("dt", Mat5.newScalar(0.01));
    }

    Path write(String name, MatFile mat) throws IOException {
        Path p = dir.resolve(name);
        Mat5.writeToFile(mat, p.toFile());
        return p;
    }

    Path withDemos(String name, Struct... demos) throws IOException {
        Cell cell = Mat5.newCell(1, demos.length);
        for (int j = 0; j < demos.length; j++) {
            cell.set(j, demos[j]);
        }
        return write(name, Mat5.newMatFile().addArray("dt", Mat5.newScalar(0.01)).addArray("demos", cell));
    }

    @Test
    void readsWellFormedSmallFilesInBothContainerForms() throws IOException {
        TrajectoryDataset a = Lasa.read(withDemos("Cells.mat", demo(20), demo(30)));
        assertEquals("Cells", a.name());
        assertEquals(2, a.size());
        assertArrayEquals(new double[] {3, 3.5}, a.demonstration(0).state(3));
        assertArrayEquals(new double[] {4, 4.5}, a.demonstration(0).velocity(3));
        assertEquals(0.03, a.demonstration(1).times()[3], 1e-15);
        assertArrayEquals(new double[] {24, 24.5}, a.equilibrium(), 1e-12, "mean final point");

        Struct array = Mat5.newStruct(1, 2);
        for (int j = 0; j < 2; j++) {
            Struct d = demo(20 + 10 * j);
            for (String f : List.of("pos", "vel", "t", "dt")) {
                array.set(f, j, d.get(f));
            }
        }
        TrajectoryDataset b = Lasa.read(write("Array.mat", Mat5.newMatFile().addArray("demos", array)));
        assertArrayEquals(a.demonstration(1).state(29), b.demonstration(1).state(29));
        assertEquals(30, b.demonstration(1).length());
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("Angle.mat");
        assertFails(MissingFileException.class, p, () -> Lasa.read(p));
        assertFails(MissingFileException.class, dir, () -> Lasa.read(dir));
    }

    @Test
    void notAMatFile() throws IOException {
        Path p = dir.resolve("Angle.mat");
        Files.writeString(p, "this is not a MAT file, just text long enough to hold a header.......................");
        MalformedFileException e = assertFails(MalformedFileException.class, p, () -> Lasa.read(p));
        assertTrue(e.getMessage().contains("not a readable MAT v5 file"), e.getMessage());
        Path empty = dir.resolve("Empty.mat");
        Files.write(empty, new byte[0]);
        assertFails(MalformedFileException.class, empty, () -> Lasa.read(empty));
    }

    @Test
    void noDemosVariable() throws IOException {
        Path p = write("Angle.mat", Mat5.newMatFile().addArray("dt", Mat5.newScalar(0.01)));
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Lasa.read(p));
        assertEquals(p + ": no variable 'demos'", e.getMessage());
    }

    @Test
    void demosOfTheWrongKind() throws IOException {
        Path p = write("Matrix.mat", Mat5.newMatFile().addArray("demos", matrix(2, 20, 0)));
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Lasa.read(p));
        assertTrue(e.getMessage().contains("'demos' is a double, expected a cell of structs"), e.getMessage());
        Cell cell = Mat5.newCell(1, 2);
        cell.set(0, demo(20));
        cell.set(1, matrix(2, 20, 0));
        Path q = write("MixedCell.mat", Mat5.newMatFile().addArray("demos", cell));
        e = assertFails(InvalidInputException.class, q, () -> Lasa.read(q));
        assertTrue(e.getMessage().endsWith("demos{2} is a double, not a struct"), e.getMessage());
    }

    @Test
    void missingField() throws IOException {
        Struct d = demo(20);
        d.remove("vel");
        Path p = withDemos("NoVel.mat", demo(20), d);
        InvalidInputException e = assertFails(InvalidInputException.class, p, () -> Lasa.read(p));
        assertEquals(p + ": demos{2} has no field 'vel'", e.getMessage());
    }

    @Test
    void wrongFieldShapes() throws IOException {
        Path p = withDemos("Pos3.mat", demo(20).set("pos", matrix(3, 20, 0)));
        ShapeMismatchException e = assertFails(ShapeMismatchException.class, p, () -> Lasa.read(p));
        assertEquals(p + ": demos{1}.pos has size 3x20, expected 2xT", e.getMessage());
        Path q = withDemos("Vel.mat", demo(20).set("vel", matrix(2, 19, 0)));
        e = assertFails(ShapeMismatchException.class, q, () -> Lasa.read(q));
        assertTrue(e.getMessage().endsWith("demos{1}.vel has size 2x19, expected 2x20 like pos"), e.getMessage());
        Path r = withDemos("T.mat", demo(20).set("t", matrix(2, 10, 0)));
        e = assertFails(ShapeMismatchException.class, r, () -> Lasa.read(r));
        assertTrue(e.getMessage().endsWith("demos{1}.t has size 2x10, expected 1x20 like pos"), e.getMessage());
        Path s = withDemos("Short.mat", demo(15));
        e = assertFails(ShapeMismatchException.class, s, () -> Lasa.read(s));
        assertTrue(e.getMessage().contains("has 15 samples; at least 16"), e.getMessage());
        Path c = withDemos("Text.mat", demo(20).set("pos", Mat5.newString("abc")));
        InvalidInputException ie = assertFails(InvalidInputException.class, c, () -> Lasa.read(c));
        assertTrue(ie.getMessage().contains("demos{1}.pos is a char, not a numeric matrix"), ie.getMessage());
    }

    @Test
    void nanAndNonIncreasingTimes() throws IOException {
        Struct d = demo(20);
        ((Matrix) d.get("vel")).setDouble(1, 7, Double.NaN);
        Path p = withDemos("Nan.mat", demo(20), d);
        NonFiniteValueException e = assertFails(NonFiniteValueException.class, p, () -> Lasa.read(p));
        assertEquals(p + ": demos{2}.vel has NaN at sample 8, row 2", e.getMessage());
        Struct d2 = demo(20);
        ((Matrix) d2.get("t")).setDouble(0, 5, 0.0);
        Path q = withDemos("Times.mat", d2);
        InvalidInputException ie = assertFails(InvalidInputException.class, q, () -> Lasa.read(q));
        assertTrue(ie.getMessage().contains("times must increase strictly"), ie.getMessage());
    }
}
