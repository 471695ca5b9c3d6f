package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

/** Example 7 of Krotov–Hopfield: the antiderivative, and the (positive) lower bound of g'. */
class SmoothLeakyReluLagrangianTest {

    private static final SmoothLeakyReluLagrangian L = new SmoothLeakyReluLagrangian();

    /** (5 - 3 erf(1))/8 - 3/(4 e √π), the value of g' at u = -8/3. */
    private static final double MIN_DERIVATIVE = (5 - 3 * Erf.erf(1.0)) / 8 - 3 / (4 * Math.E * Math.sqrt(Math.PI));

    @Test
    void derivativeIsBoundedBelowByAbout0153AtMinus8Over3() {
        double min = Double.POSITIVE_INFINITY;
        double argmin = Double.NaN;
        double max = Double.NEGATIVE_INFINITY;
        int steps = 1_000_000; // step 1e-4 on [-50, 50]
        for (int k = 0; k <= steps; k++) {
            double u = -50 + 100.0 * k / steps;
            double d = SmoothLeakyReluLagrangian.gPrime(u);
            if (d < min) {
                min = d;
                argmin = u;
            }
            max = Math.max(max, d);
        }
        assertTrue(min > 0.15, "min g' = " + min);
        assertEquals(-8.0 / 3.0, argmin, 1e-3);
        // the grid misses u = -8/3 by up to 5e-5, so its minimum sits O(1e-10) above the true one
        assertEquals(MIN_DERIVATIVE, min, 1e-9);
        assertTrue(min >= MIN_DERIVATIVE);
        assertEquals(0.153321891111, MIN_DERIVATIVE, 1e-12);
        assertEquals(MIN_DERIVATIVE, SmoothLeakyReluLagrangian.gPrime(SmoothLeakyReluLagrangian.ARGMIN_DERIVATIVE),
                1e-15);
        assertEquals(1.25 - MIN_DERIVATIVE, max, 1e-9); // g'(u) + g'(-u) = 5/4
        assertTrue(L.hessianPositiveSemidefinite());
    }

    @Test
    void derivativeTendsToOneQuarterAndOne() {
        assertEquals(0.25, SmoothLeakyReluLagrangian.gPrime(-50), 1e-15);
        assertEquals(1.0, SmoothLeakyReluLagrangian.gPrime(50), 1e-15);
        assertEquals(5.0 / 8.0, SmoothLeakyReluLagrangian.gPrime(0), 0.0);
    }

    @Test
    void valueIsTheAntiderivativeOfTheActivationWithLOfZeroZero() {
        assertEquals(0.0, SmoothLeakyReluLagrangian.scalarValue(0.0), 0.0);
        assertEquals(0.0, L.value(new double[] {0, 0}), 0.0);
        double[] us = {-40, -20, -8.0 / 3.0 - 1e-3, -8.0 / 3.0, -2, -1, -0.1, -1e-3, 1e-3, 0.3, 1, 2.6, 8.0 / 3.0,
            2.7, 5, 12, 30};
        for (double u : us) {
            double integral = LagrangianCases.simpson(SmoothLeakyReluLagrangian::g, 0, u, 20_000);
            double value = SmoothLeakyReluLagrangian.scalarValue(u);
            assertEquals(integral, value, 1e-12 * Math.abs(integral), "L(" + u + ")");
        }
    }

    @Test
    void valueIsAccurateNearZero() {
        // L(u) = 5u²/16 + (3/8)(2a/(3√π)) u³ + O(u⁵) with a = 3/8
        for (double u : new double[] {1e-8, -1e-8, 1e-5, -3e-6}) {
            double expect = 5 * u * u / 16 + 0.375 * (2 * 0.375 / (3 * Math.sqrt(Math.PI))) * u * u * u;
            assertEquals(expect, SmoothLeakyReluLagrangian.scalarValue(u), 1e-15 * expect);
        }
    }

    @Test
    void seriesAndClosedFormAgreeAcrossTheSwitch() {
        double u = 8.0 / 3.0; // a u = 1
        for (double s : new double[] {-1, 1}) {
            double below = SmoothLeakyReluLagrangian.scalarValue(s * Math.nextDown(u));
            double above = SmoothLeakyReluLagrangian.scalarValue(s * Math.nextUp(Math.nextUp(u)));
            assertEquals(below, above, 1e-14 * Math.abs(below));
        }
    }

    @Test
    void legendreIsNonNegativeAndZeroOnlyAtTheOrigin() {
        assertEquals(0.0, L.legendre(new double[] {0}), 0.0);
        for (double u = -30; u <= 30; u += 0.37) {
            assertTrue(L.legendre(new double[] {u}) > 0, "at " + u);
        }
    }
}
