package io.github.attractor.data.trajectory;

import static io.github.attractor.data.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npz;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryNpzTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadIsTheSameDataset() {
        TrajectoryDataset a = TrajectoryDatasetTest.random("a", 3, 7, 12, 12);
        Path p = dir.resolve("a.npz");
        TrajectoryNpz.write(p, a);
        TrajectoryDataset b = TrajectoryNpz.read(p);
        assertEquals("a", b.name());
        assertEquals(2, b.size());
        assertArrayEquals(a.equilibrium(), b.equilibrium());
        for (int j = 0; j < 2; j++) {
            assertArrayEquals(a.demonstration(j).times(), b.demonstration(j).times());
            for (int k = 0; k < 12; k++) {
                assertArrayEquals(a.demonstration(j).state(k), b.demonstration(j).state(k));
                assertArrayEquals(a.demonstration(j).velocity(k), b.demonstration(j).velocity(k));
            }
        }
        assertFails(ShapeMismatchException.class, dir.resolve("c.npz"),
                () -> TrajectoryNpz.write(dir.resolve("c.npz"), TrajectoryDatasetTest.random("c", 2, 1, 5, 6)));
    }

    /** pos[j][i][k] = 100 j + 10 i + k, vel = -pos: demos×D×T values that reveal the axis order. */
    static double[] coded(int demos, int d, int t, boolean timeFirst) {
        double[] v = new double[demos * d * t];
        for (int j = 0; j < demos; j++) {
            for (int i = 0; i < d; i++) {
                for (int k = 0; k < t; k++) {
                    int flat = timeFirst ? (k * demos + j) * d + i : (j * d + i) * t + k;
                    v[flat] = 100 * j + 10 * i + k;
                }
            }
        }
        return v;
    }

    static double[] neg(double[] v) {
        double[] o = v.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] = -o[i];
        }
        return o;
    }

    @Test
    void readsBothLayouts() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        double[] p = coded(2, 3, 4, false);
        m.put("pos", new NdArray(new int[] {2, 3, 4}, p));
        m.put("vel", new NdArray(new int[] {2, 3, 4}, neg(p)));
        m.put("dt", NdArray.scalar(0.5));
        Path f = dir.resolve("ddt.npz");
        Npz.write(f, m);
        TrajectoryDataset a = TrajectoryNpz.read(f);
        assertArrayEquals(new double[] {102, 112, 122}, a.demonstration(1).state(2));
        assertArrayEquals(new double[] {-102, -112, -122}, a.demonstration(1).velocity(2));
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5}, a.demonstration(0).times());
        assertArrayEquals(new double[] {53, 63, 73}, a.equilibrium(), "mean final state");

        Map<String, NdArray> m2 = new LinkedHashMap<>();
        double[] q = coded(2, 3, 4, true);
        m2.put("my_X_phy", new NdArray(new int[] {4, 2, 3}, q));
        m2.put("my_X_dot_phy", new NdArray(new int[] {4, 2, 3}, neg(q)));
        m2.put("x_eq", new NdArray(new int[] {1, 3}, new double[] {1, 2, 3}));
        m2.put("t", new NdArray(new int[] {4}, new double[] {0, 1, 3, 7}));
        Path g = dir.resolve("tdd.npz");
        Npz.write(g, m2);
        TrajectoryDataset b = TrajectoryNpz.read(g);
        assertArrayEquals(a.demonstration(1).state(2), b.demonstration(1).state(2));
        assertArrayEquals(a.demonstration(0).velocity(3), b.demonstration(0).velocity(3));
        assertArrayEquals(new double[] {1, 2, 3}, b.equilibrium());
        assertArrayEquals(new double[] {0, 1, 3, 7}, b.demonstration(1).times());

        // The same bytes under the other layout: a (4, 2, 3) array read as demos×D×T is 4 demos of 3 samples.
        m2.remove("t");
        m2.remove("x_eq");
        Npz.write(g, m2);
        TrajectoryDataset c = TrajectoryNpz.read(g, TrajectoryNpz.Layout.DEMOS_DIM_TIME);
        assertEquals(4, c.size());
        assertEquals(2, c.dimension());
        assertEquals(3, c.demonstration(0).length());

        Path h = dir.resolve("labelled.npz");
        Npz.write(h, m, Map.of("layout", "time, demos, dim"));
        TrajectoryDataset e = TrajectoryNpz.read(h);
        assertEquals(3, e.size(), "layout member read as T×demos×D: 3 demos");
        assertEquals(4, e.dimension());
    }

    @Test
    void badFilesGiveOneLineErrors() {
        Path f = dir.resolve("bad.npz");
        Npz.write(f, Map.of("x", NdArray.ofVector(new double[] {1, 2})));
        InvalidInputException e = assertFails(InvalidInputException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("no position array"), e.getMessage());

        Npz.write(f, Map.of("pos", new NdArray(new int[] {2, 2}, new double[4]),
                "vel", new NdArray(new int[] {2, 2}, new double[4])));
        e = assertFails(ShapeMismatchException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("must be rank 3"), e.getMessage());

        Npz.write(f, Map.of("pos", new NdArray(new int[] {1, 2, 2}, new double[4])));
        e = assertFails(InvalidInputException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("no 'vel' array"), e.getMessage());

        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("pos", new NdArray(new int[] {1, 2, 2}, new double[] {0, 1, 2, 3}));
        m.put("vel", new NdArray(new int[] {1, 2, 3}, new double[6]));
        Npz.write(f, m);
        e = assertFails(ShapeMismatchException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("'vel' has (1, 2, 3)"), e.getMessage());

        m.put("vel", new NdArray(new int[] {1, 2, 2}, new double[4]));
        m.put("x_eq", NdArray.ofVector(new double[] {1, 2, 3}));
        Npz.write(f, m);
        e = assertFails(ShapeMismatchException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("'x_eq' has shape"), e.getMessage());

        m.put("x_eq", NdArray.ofVector(new double[] {1, 2}));
        m.put("t", NdArray.ofVector(new double[] {0, 1, 2}));
        Npz.write(f, m);
        e = assertFails(ShapeMismatchException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("'t' has shape"), e.getMessage());

        m.put("t", NdArray.ofVector(new double[] {1, 1}));
        Npz.write(f, m);
        e = assertFails(InvalidInputException.class, f.toString() + ": demonstration 0", () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("increase strictly"), e.getMessage());

        m.remove("t");
        m.put("pos", new NdArray(new int[] {1, 2, 2}, new double[] {0, Double.NaN, 2, 3}));
        Npz.write(f, m);
        e = assertFails(NonFiniteValueException.class, f.toString() + "[pos]", () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());

        Npz.write(f, Map.of("pos", new NdArray(new int[] {1, 1, 1}, new double[1]),
                "vel", new NdArray(new int[] {1, 1, 1}, new double[1])), Map.of("layout", "dim,demos,time"));
        e = assertFails(InvalidInputException.class, f, () -> TrajectoryNpz.read(f));
        assertTrue(e.getMessage().contains("unknown layout"), e.getMessage());
    }
}
