package io.github.attractor.learn.elcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attractor.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class DtwdTest {
    @Test
    void identicalTrajectoriesHaveDistanceZero() {
        double[][] x = {{0, 0}, {1, 0}, {2, 1}};
        assertEquals(0.0, Dtwd.distance(x, x), 0.0);
    }

    @Test
    void handComputedCases() {
        // x = (0,0),(1,0); y = (0,1): forward mins 1 and √2 over 2; backward min 1 over 1
        double[][] x = {{0, 0}, {1, 0}};
        double[][] y = {{0, 1}};
        assertEquals((1 + Math.sqrt(2)) / 2 + 1, Dtwd.distance(x, y), 1e-15);
        // a copy shifted by (3,4) with points far apart: every minimum is 5, so 5 + 5
        double[][] a = {{0, 0}, {100, 0}};
        double[][] b = {{3, 4}, {103, 4}};
        assertEquals(10.0, Dtwd.distance(a, b), 1e-12);
        // a coarser re-sampling of a segment: forward minima 0, 0.5, 0 over 3; backward minima 0, 0 over 2
        double[][] slow = {{0, 0}, {0.5, 0}, {1, 0}};
        double[][] fast = {{0, 0}, {1, 0}};
        assertEquals(0.5 / 3, Dtwd.distance(slow, fast), 1e-15);
        assertEquals(Dtwd.distance(slow, fast), Dtwd.distance(fast, slow), 0.0);
    }

    @Test
    void emptyAndMismatchedInputsAreRejected() {
        assertThrows(InvalidInputException.class, () -> Dtwd.distance(new double[0][], new double[][] {{1}}));
        assertThrows(InvalidInputException.class, () -> Dtwd.distance(new double[][] {{1, 2}}, new double[][] {{1}}));
    }
}
