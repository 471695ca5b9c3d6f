package io.github.attractor.data.trajectory;

import static io.github.attractor.data.TestFiles.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrajectoryDatasetTest {

    /** A random dataset: {@code demos} demonstrations of lengths {@code lengths[j]} in R^d. */
    static TrajectoryDataset random(String name, int d, long seed, int... lengths) {
        Random r = new Random(seed);
        List<Demonstration> list = new ArrayList<>();
        for (int len : lengths) {
            double[] t = new double[len];
            double[][] x = new double[len][d];
            double[][] v = new double[len][d];
            for (int k = 0; k < len; k++) {
                t[k] = 0.1 * k;
                for (int i = 0; i < d; i++) {
                    x[k][i] = 3 * i + (1 + i) * r.nextGaussian();
                    v[k][i] = r.nextGaussian();
                }
            }
            list.add(new Demonstration(t, x, v));
        }
        double[] eq = new double[d];
        for (int i = 0; i < d; i++) {
            eq[i] = i - 0.5;
        }
        return new TrajectoryDataset(name, list, eq);
    }

    @Test
    void standardizedHasZeroMeanUnitVarianceAndMapsBack() {
        TrajectoryDataset raw = random("r", 3, 1, 50, 70, 30);
        TrajectoryDataset z = raw.standardized();
        double[][] xs = z.states();
        assertEquals(150, xs.length);
        for (int i = 0; i < 3; i++) {
            double m = 0;
            double m2 = 0;
            for (double[] x : xs) {
                m += x[i] / xs.length;
            }
            for (double[] x : xs) {
                m2 += (x[i] - m) * (x[i] - m) / xs.length;
            }
            assertEquals(0, m, 1e-12);
            assertEquals(1, m2, 1e-12);
        }
        Standardization s = z.standardization();
        assertTrue(raw.standardization().isIdentity());
        for (int j = 0; j < raw.size(); j++) {
            for (int k = 0; k < raw.demonstration(j).length(); k += 7) {
                double[] x = raw.demonstration(j).state(k);
                double[] v = raw.demonstration(j).velocity(k);
                double[] zx = z.demonstration(j).state(k);
                double[] zv = z.demonstration(j).velocity(k);
                for (int i = 0; i < 3; i++) {
                    assertEquals((x[i] - s.mean()[i]) / s.scale()[i], zx[i], 1e-12);
                    assertEquals(v[i] / s.scale()[i], zv[i], 1e-12);
                }
                assertArrayEquals(x, s.unstandardizeState(zx), 1e-12);
                assertArrayEquals(v, s.unstandardizeVelocity(zv), 1e-12);
            }
        }
        assertArrayEquals(raw.equilibrium(), s.unstandardizeState(z.equilibrium()), 1e-12);
        assertArrayEquals(raw.demonstration(1).times(), z.demonstration(1).times());
    }

    @Test
    void standardizingTwiceComposesTheTransforms() {
        TrajectoryDataset raw = random("r", 2, 2, 40, 40);
        TrajectoryDataset shifted = raw.transformed(new Standardization(new double[] {5, -1}, new double[] {2, 0.5}));
        TrajectoryDataset z = shifted.standardized();
        TrajectoryDataset direct = raw.standardized();
        assertArrayEquals(direct.standardization().mean(), z.standardization().mean(), 1e-12);
        assertArrayEquals(direct.standardization().scale(), z.standardization().scale(), 1e-12);
        assertArrayEquals(direct.demonstration(1).state(13), z.demonstration(1).state(13), 1e-12);
    }

    @Test
    void constantFeatureCannotBeStandardized() {
        double[][] x = {{1, 2}, {1, 3}};
        TrajectoryDataset d = new TrajectoryDataset("flat", List.of(new Demonstration(new double[] {0, 1}, x, x)),
                new double[] {1, 3});
        InvalidInputException e = assertFails(InvalidInputException.class, "flat", d::standardized);
        assertTrue(e.getMessage().contains("feature 0 is constant"), e.getMessage());
    }

    @Test
    void stackConcatenatesDemonstrationsAlongFeatures() {
        TrajectoryDataset a = random("a", 2, 3, 20, 25);
        TrajectoryDataset b = random("b", 3, 4, 20, 25);
        TrajectoryDataset s = TrajectoryDataset.stack("a+b", List.of(a, b));
        assertEquals(5, s.dimension());
        assertEquals(2, s.size());
        for (int j = 0; j < 2; j++) {
            for (int k : new int[] {0, 9, 19}) {
                double[] x = s.demonstration(j).state(k);
                double[] v = s.demonstration(j).velocity(k);
                assertArrayEquals(a.demonstration(j).state(k), java.util.Arrays.copyOfRange(x, 0, 2));
                assertArrayEquals(b.demonstration(j).state(k), java.util.Arrays.copyOfRange(x, 2, 5));
                assertArrayEquals(b.demonstration(j).velocity(k), java.util.Arrays.copyOfRange(v, 2, 5));
            }
        }
        assertArrayEquals(new double[] {-0.5, 0.5, -0.5, 0.5, 1.5}, s.equilibrium());
        // Standardising the stack equals stacking the standardised parts (the statistics are per feature).
        TrajectoryDataset zs = s.standardized();
        TrajectoryDataset sz = TrajectoryDataset.stack("a+b", List.of(a.standardized(), b.standardized()));
        assertArrayEquals(zs.standardization().mean(), sz.standardization().mean(), 1e-12);
        assertArrayEquals(zs.standardization().scale(), sz.standardization().scale(), 1e-12);
        assertArrayEquals(zs.demonstration(1).state(24), sz.demonstration(1).state(24), 1e-12);
        assertArrayEquals(zs.equilibrium(), sz.equilibrium(), 1e-12);
    }

    @Test
    void stackRefusesMismatchedParts() {
        TrajectoryDataset a = random("a", 2, 3, 20, 25);
        ShapeMismatchException e = assertFails(ShapeMismatchException.class, "ab",
                () -> TrajectoryDataset.stack("ab", List.of(a, random("b", 2, 4, 20, 24))));
        assertTrue(e.getMessage().contains("demonstration 1 of b (24 samples)"), e.getMessage());
        e = assertFails(ShapeMismatchException.class, "ab",
                () -> TrajectoryDataset.stack("ab", List.of(a, random("b", 2, 4, 20))));
        assertTrue(e.getMessage().contains("(1 demonstrations)"), e.getMessage());
    }

    @Test
    void demonstrationValidatesItsArrays() {
        double[][] x = {{0, 1}, {1, 2}};
        assertFails(ShapeMismatchException.class, "d",
                () -> new Demonstration("d", new double[] {0, 1, 2}, x, x));
        assertFails(ShapeMismatchException.class, "d",
                () -> new Demonstration("d", new double[] {0, 1}, x, new double[][] {{0, 1}, {1}}));
        assertFails(InvalidInputException.class, "d", () -> new Demonstration("d", new double[] {0, 0}, x, x));
        NonFiniteValueException e = assertFails(NonFiniteValueException.class, "d",
                () -> new Demonstration("d", new double[] {0, 1}, new double[][] {{0, 1}, {Double.NaN, 2}}, x));
        assertTrue(e.getMessage().contains("state 1 has NaN in component 0"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new TrajectoryDataset("x",
                List.of(new Demonstration(new double[] {0, 1}, x, x)), new double[] {0, 0, 0}));
    }

    @Test
    void dropFirstAndSelect() {
        TrajectoryDataset a = random("a", 2, 5, 20, 25, 30);
        TrajectoryDataset b = a.dropFirst(15);
        assertEquals(5, b.demonstration(0).length());
        assertArrayEquals(a.demonstration(2).state(15), b.demonstration(2).state(0));
        assertEquals(1.5, b.demonstration(1).times()[0], 1e-12);
        assertFails(InvalidInputException.class, "a", () -> a.dropFirst(20));
        TrajectoryDataset c = a.select(2, 0);
        assertEquals(30, c.demonstration(0).length());
        assertFails(InvalidInputException.class, "a", () -> a.select(3));
        assertEquals(3, a.initialStates().length);
        assertArrayEquals(a.demonstration(1).state(0), a.initialStates()[1]);
    }
}
