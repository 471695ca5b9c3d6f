package io.github.attractor.data.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.SharedData;
import io.github.attractor.data.rosenbrock.RosenbrockDatasets;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.data.trajectory.TrajectoryNpz;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryCatalogTest {
    @TempDir
    Path dir;

    @Test
    void referenceSources() {
        Path root = SharedData.require("elcd").getParent();
        SharedData.require("lasa");
        TrajectoryDataset a = TrajectoryCatalog.load("lasa:Angle", root, 0);
        assertEquals("Angle", a.name());
        assertEquals(2, a.dimension());
        assertEquals(4, TrajectoryCatalog.load("lasa4:Angle,Sine", root, 0).dimension());
        assertEquals(8, TrajectoryCatalog.load("lasa:Angle+Sine+Worm+Line", root, 0).dimension());
        assertEquals(16, TrajectoryCatalog.load("pendulum:8", root, 0).dimension());
        TrajectoryDataset r = TrajectoryCatalog.load("rosenbrock:16", root, 0);
        assertEquals(16, r.dimension());
        // Prepared for learning: the first sample (velocity up to 4.4e7, contradicting the positions) is gone.
        assertEquals(999, r.demonstration(0).length());
        assertArrayEquals(RosenbrockDatasets.reference(RosenbrockDatasets.referenceFile(root, 16)).demonstration(2)
                .state(1), r.demonstration(2).state(0), 0.0);
        double vmax = 0;
        for (double[] v : r.velocities()) {
            for (double x : v) {
                vmax = Math.max(vmax, Math.abs(x));
            }
        }
        assertTrue(vmax < 10, "largest remaining velocity " + vmax);
        TrajectoryDataset fromFile = TrajectoryCatalog.load(root.resolve("lasa").resolve("Angle.mat").toString(), root, 0);
        assertArrayEquals(a.demonstration(4).state(100), fromFile.demonstration(4).state(100), 1e-12,
                "a .mat file is prepared like the motion");
        // The first three demonstrations, standardised on those three (Section 4.5.2).
        TrajectoryDataset three = TrajectoryCatalog.load("lasa4:Angle,Sine", root, 0, 3);
        assertEquals(3, three.size());
        double[] mean = new double[4];
        double[][] states = three.states();
        for (double[] x : states) {
            for (int i = 0; i < 4; i++) {
                mean[i] += x[i] / states.length;
            }
        }
        assertArrayEquals(new double[4], mean, 1e-12);
        assertEquals(6, TrajectoryCatalog.load("pendulum:2", root, 0, 6).size());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrajectoryCatalog.load("lasa8:Angle,Sine", root, 0));
        assertTrue(e.getMessage().contains("lasa8 stacks 4 motions, got 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TrajectoryCatalog.load("pendulum:3", root, 0));
        assertTrue(e.getMessage().contains("reference file not found"), e.getMessage());
    }

    @Test
    void builtInSourcesAndFiles() {
        TrajectoryDataset p = TrajectoryCatalog.load("pendulum-sim:2", dir, 7);
        assertEquals(10, p.size());
        assertEquals(4, p.dimension());
        assertArrayEquals(p.demonstration(3).state(999), TrajectoryCatalog.load("pendulum-sim:2", dir, 7)
                .demonstration(3).state(999), 0.0, "seeded");
        TrajectoryDataset r = TrajectoryCatalog.load("rosenbrock-sim:8", dir, 0);
        assertEquals(4, r.size());
        Path f = dir.resolve("mine.npz");
        TrajectoryNpz.write(f, r);
        assertEquals("mine", TrajectoryCatalog.load(f.toString(), dir, 0).name());
        assertThrows(UnknownNameException.class, () -> TrajectoryCatalog.load("circle:2", dir, 0));
        assertThrows(UnknownNameException.class, () -> TrajectoryCatalog.load("whatever", dir, 0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> TrajectoryCatalog.load("pendulum-sim:two", dir, 0));
        assertTrue(e.getMessage().contains("'two' is not a positive whole number"), e.getMessage());
        assertEquals(2, TrajectoryCatalog.load("rosenbrock-sim:8", dir, 0, 2).size());
        assertEquals(4, TrajectoryCatalog.load("rosenbrock-sim:8", dir, 0, 9).size(), "at most all");
        e = assertThrows(InvalidInputException.class, () -> TrajectoryCatalog.load("rosenbrock-sim:8", dir, 0, -1));
        assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
    }
}
