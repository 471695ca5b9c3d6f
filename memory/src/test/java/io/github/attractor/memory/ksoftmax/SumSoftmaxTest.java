package io.github.attractor.memory.ksoftmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SumSoftmaxTest {

    static double[] gaussian(int n, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * rng.nextGaussian();
        }
        return x;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** An independent reference: plain bisection on ν in [-max - 50 - |logit|, -min + 50 + |logit|], 400 halvings. */
    static double[] bisection(double[] x, double k) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double lo = -max - 60;
        double hi = -min + 60;
        for (int it = 0; it < 400; it++) {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (double v : x) {
                f += sigmoid(v + mid);
            }
            if (f < k) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double nu = 0.5 * (lo + hi);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = sigmoid(x[i] + nu);
        }
        return y;
    }

    static double sum(double[] y) {
        double s = 0;
        for (double v : y) {
            s += v;
        }
        return s;
    }

    static void assertFeasible(double[] y, double k) {
        for (double v : y) {
            assertTrue(v >= 0 && v <= 1, "y in [0,1]: " + v);
        }
        assertTrue(Math.abs(sum(y) - k) <= 1e-10 * k + 1e-300, "|sum y - k| = " + Math.abs(sum(y) - k) + ", k = " + k);
    }

    @Property(tries = 60)
    void feasibleAndEqualToBisection(@ForAll @IntRange(min = 2, max = 300) int n, @ForAll @LongRange(min = 1,
            max = 1_000_000) long seed, @ForAll @DoubleRange(min = 0.01, max = 0.99) double fraction,
            @ForAll @DoubleRange(min = 0.01, max = 30) double scale) {
        double[] x = gaussian(n, scale, seed);
        double k = fraction * n;
        double[] y = SumSoftmax.of(x, k);
        assertFeasible(y, k);
        double[] ref = bisection(x, k);
        // Each entry moves by at most |Σy - k| between two points that satisfy the constraint to that level
        // (|Δy_i| = a_i |Δν| <= |ΔF|, a_i <= F' = Σa).
        for (int i = 0; i < n; i++) {
            assertEquals(ref[i], y[i], 2e-10 * k + 1e-12, "entry " + i);
        }
    }

    @Test
    void returnedDualReproducesTheSolution() {
        double[] x = gaussian(50, 2, 1);
        double[] y = new double[50];
        double nu = SumSoftmax.solve(x, 0, 50, 7, y, 0);
        for (int i = 0; i < 50; i++) {
            assertEquals(sigmoid(x[i] + nu), y[i], 1e-13);
        }
    }

    @Test
    void solutionMinimisesTheObjective() {
        // -xᵀy - H_b(y) is strictly convex on the constraint set: moving along any direction with zero sum
        // (keeping y in [0,1]) must not decrease it.
        double[] x = gaussian(20, 1.5, 2);
        double k = 4.5;
        double[] y = SumSoftmax.of(x, k);
        double best = objective(x, y);
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int i = rng.nextInt(20);
            int j = rng.nextInt(20);
            if (i == j) {
                continue;
            }
            double step = 1e-3 * (rng.nextDouble() - 0.5);
            double[] z = y.clone();
            z[i] += step;
            z[j] -= step;
            if (z[i] <= 0 || z[i] >= 1 || z[j] <= 0 || z[j] >= 1) {
                continue;
            }
            assertTrue(objective(x, z) >= best - 1e-15, "trial " + trial);
        }
    }

    static double objective(double[] x, double[] y) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            v += -x[i] * y[i] + y[i] * Math.log(y[i]) + (1 - y[i]) * Math.log(1 - y[i]);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e2, 1e4, 1e6})
    void hugeScoresDoNotOverflow(double scale) {
        for (long seed = 1; seed <= 5; seed++) {
            double[] x = gaussian(200, scale, seed);
            for (double k : new double[] {1, 3, 7.5, 100, 199}) {
                double[] y = SumSoftmax.of(x, k);
                assertFeasible(y, k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e6, 8e6})
    void translationInvarianceFarFromZero(double offset) {
        // ssm(x + c1) = ssm(x). The near-tied cluster sits 2·offset below the maximum; at 8e6 an ulp of ν is
        // about 2e-9 and the tolerance cannot be met without moving the pivot (the double-double recentring).
        SplittableRandom rng = new SplittableRandom(9);
        int n = 401;
        double[] x = new double[n];
        x[0] = offset;
        for (int i = 1; i < n; i++) {
            x[i] = -offset + 0.01 * rng.nextGaussian();
        }
        double k = 1 + 20.25;
        double[] y = SumSoftmax.of(x, k);
        assertFeasible(y, k);
        assertEquals(1.0, y[0], 0.0);
        // The cluster alone, moved to zero (the differences are exact: Sterbenz).
        double[] small = new double[n - 1];
        for (int i = 1; i < n; i++) {
            small[i - 1] = x[i] + offset;
        }
        double[] ref = SumSoftmax.of(small, k - 1);
        for (int i = 1; i < n; i++) {
            assertEquals(ref[i - 1], y[i], 1e-10, "entry " + i);
        }
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i] + offset;
        }
        double[] ys = SumSoftmax.of(shifted, k);
        for (int i = 0; i < n; i++) {
            assertEquals(ys[i], y[i], 1e-10);
        }
    }

    @Test
    void tiesGetEqualShares() {
        double[] x = {3, 3, 3, 3, 3};
        double[] y = SumSoftmax.of(x, 2);
        for (double v : y) {
            assertEquals(0.4, v, 1e-15);
        }
        double[] z = {5, 5, 0, 0, -1, 5};
        double[] w = SumSoftmax.of(z, 1);
        assertEquals(w[0], w[1], 0.0);
        assertEquals(w[0], w[5], 0.0);
        assertEquals(w[2], w[3], 0.0);
        assertFeasible(w, 1);
        double[] big = {1e6, 1e6, -1e6, -1e6};
        double[] yb = SumSoftmax.of(big, 1);
        assertEquals(0.5, yb[0], 1e-10);
        assertEquals(yb[0], yb[1], 0.0);
        assertEquals(0.0, yb[2], 0.0);
    }

    @Test
    void kZeroAndKnAreExact() {
        double[] x = gaussian(30, 5, 4);
        double[] y = new double[30];
        assertEquals(Double.NEGATIVE_INFINITY, SumSoftmax.solve(x, 0, 30, 0, y, 0));
        for (double v : y) {
            assertEquals(0.0, v, 0.0);
        }
        assertEquals(Double.POSITIVE_INFINITY, SumSoftmax.solve(x, 0, 30, 30, y, 0));
        for (double v : y) {
            assertEquals(1.0, v, 0.0);
        }
        assertEquals(0.0, SumSoftmax.potential(x, 0), 0.0);
        assertEquals(sum(x), SumSoftmax.potential(x, 30), 1e-12);
    }

    @Test
    void fractionalAndExtremeK() {
        double[] x = gaussian(100, 1, 5);
        for (double k : new double[] {1e-8, 0.3, 2.5, 99.7, 100 - 1e-8}) {
            double[] y = SumSoftmax.of(x, k);
            assertFeasible(y, k);
        }
    }

    @Test
    void badInputsAreNamed() {
        double[] x = {1, 2, 3};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SumSoftmax.of(x, 4));
        assertTrue(e.getMessage().startsWith("k:"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> SumSoftmax.of(x, -0.5));
        assertThrows(InvalidInputException.class, () -> SumSoftmax.of(x, Double.NaN));
        NonFiniteValueException nan = assertThrows(NonFiniteValueException.class,
                () -> SumSoftmax.of(new double[] {1, Double.NaN, 3}, 1));
        assertTrue(nan.getMessage().startsWith("x: entry 1"), nan.getMessage());
        assertThrows(NonFiniteValueException.class,
                () -> SumSoftmax.of(new double[] {1, Double.POSITIVE_INFINITY}, 1));
        assertThrows(NonFiniteValueException.class, () -> SumSoftmax.of(new float[] {Float.NaN, 1f}, 1));
        assertThrows(InvalidInputException.class, () -> SumSoftmax.of(new double[] {-1e308, 1e308}, 1));
        assertThrows(ShapeMismatchException.class, () -> SumSoftmax.solve(x, 1, 3, 1, new double[3], 0));
        assertThrows(ShapeMismatchException.class, () -> SumSoftmax.rows(x, 2, 3, 1, new double[6], null));
    }

    @Test
    void jacobianIsASymmetricLaplacianEqualToFiniteDifferences() {
        for (long seed = 1; seed <= 4; seed++) {
            int n = 12;
            double[] x = gaussian(n, 1.5, seed);
            double k = 3 + 0.5 * seed;
            DMatrixRMaj j = SumSoftmax.jacobian(x, k);
            double h = 1e-5;
            for (int c = 0; c < n; c++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] yp = SumSoftmax.of(xp, k);
                double[] ym = SumSoftmax.of(xm, k);
                for (int r = 0; r < n; r++) {
                    assertEquals((yp[r] - ym[r]) / (2 * h), j.get(r, c), 1e-6, "J[" + r + "," + c + "]");
                }
            }
            for (int r = 0; r < n; r++) {
                double rowSum = 0;
                for (int c = 0; c < n; c++) {
                    rowSum += j.get(r, c);
                    assertEquals(j.get(r, c), j.get(c, r), 0.0);
                    if (r != c) {
                        assertTrue(j.get(r, c) <= 0, "off-diagonal " + j.get(r, c));
                    }
                }
                assertTrue(j.get(r, r) >= 0);
                assertEquals(0.0, rowSum, 1e-15);
            }
        }
    }

    @Test
    void jacobianVanishesForKZeroAndKn() {
        double[] x = gaussian(6, 1, 8);
        for (double v : SumSoftmax.jacobian(x, 0).data) {
            assertEquals(0.0, v, 0.0);
        }
        for (double v : SumSoftmax.jacobian(x, 6).data) {
            assertEquals(0.0, v, 0.0);
        }
        double[] g = gaussian(6, 1, 9);
        for (double v : SumSoftmax.backward(SumSoftmax.of(x, 6), g)) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Property(tries = 30)
    void backwardIsTheJacobianTransposeTimesG(@ForAll @IntRange(min = 2, max = 40) int n,
            @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        double[] x = gaussian(n, 2, seed);
        double k = 1 + (seed % (n - 1));
        double[] g = gaussian(n, 1, seed + 1);
        double[] y = SumSoftmax.of(x, k);
        double[] vjp = SumSoftmax.backward(y, g);
        DMatrixRMaj j = SumSoftmax.jacobian(x, k);
        for (int c = 0; c < n; c++) {
            double expected = 0;
            for (int r = 0; r < n; r++) {
                expected += j.get(r, c) * g[r];
            }
            assertEquals(expected, vjp[c], 1e-12);
        }
    }

    @Test
    void monotoneInK() {
        // Proposition 3.5.2: ssm(x; k) >= ssm(x; j) elementwise for k >= j.
        double[] x = gaussian(60, 3, 10);
        double[] prev = new double[60];
        for (double k = 0.5; k < 60; k += 2.5) {
            double[] y = SumSoftmax.of(x, k);
            for (int i = 0; i < 60; i++) {
                assertTrue(y[i] >= prev[i], "k = " + k + ", entry " + i);
            }
            prev = y;
        }
    }

    @Test
    void potentialHasGradientSsm() {
        // Proposition 3.6.1: ∇V_k = ssm(·; k), V_k convex, V_k(0) = 0.
        double[] x = gaussian(15, 2, 11);
        double k = 4;
        double[] y = SumSoftmax.of(x, k);
        double h = 1e-5;
        for (int i = 0; i < 15; i++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (SumSoftmax.potential(xp, k) - SumSoftmax.potential(xm, k)) / (2 * h);
            assertEquals(y[i], fd, 1e-7, "entry " + i);
        }
        assertEquals(0.0, SumSoftmax.potential(new double[15], k), 1e-12);
    }

    @Test
    void floatScoresMatchDoubleScores() {
        int n = 5000;
        double[] xd = gaussian(n, 3, 12);
        float[] xf = new float[n];
        double[] back = new double[n];
        for (int i = 0; i < n; i++) {
            xf[i] = (float) xd[i];
            back[i] = xf[i];
        }
        for (double k : new double[] {1, 8, 2500}) {
            float[] yf = SumSoftmax.of(xf, k);
            double[] yd = SumSoftmax.of(back, k);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += yf[i];
                assertEquals(yd[i], yf[i], 1e-7 * Math.max(yd[i], 1e-30) + 1e-45);
            }
            assertTrue(Math.abs(s - k) <= 1e-6 * k, "float constraint " + Math.abs(s - k));
        }
    }

    @Test
    void batchedRowsEqualSingleRows() {
        int rows = 40;
        int n = 1000;
        double[] x = gaussian(rows * n, 2, 13);
        double[] y = new double[rows * n];
        double[] nu = new double[rows];
        SumSoftmax.rows(x, rows, n, 5, y, nu);
        float[] xf = new float[rows * n];
        for (int i = 0; i < xf.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] yf = new float[rows * n];
        SumSoftmax.rows(xf, rows, n, 5, yf, null);
        for (int r = 0; r < rows; r++) {
            double[] single = new double[n];
            double nur = SumSoftmax.solve(x, r * n, n, 5, single, 0);
            assertEquals(nur, nu[r], 0.0);
            for (int i = 0; i < n; i++) {
                assertEquals(single[i], y[r * n + i], 0.0);
                assertEquals(single[i], yf[r * n + i], 1e-6);
            }
        }
    }

    @Test
    void limitIsTopK() {
        // Proposition 3.5.1: ssm(βx; k) → topk(x) as β → ∞ when x_[k] > x_[k+1].
        double[] x = {0.30, 0.95, 0.10, 0.70, 0.50, 0.00, 0.85};
        double[] top3 = {0, 1, 0, 1, 0, 0, 1};
        double last = Double.POSITIVE_INFINITY;
        for (double beta : new double[] {1, 10, 100, 1000}) {
            double[] bx = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                bx[i] = beta * x[i];
            }
            double[] y = SumSoftmax.of(bx, 3);
            double dist = 0;
            for (int i = 0; i < x.length; i++) {
                dist = Math.max(dist, Math.abs(y[i] - top3[i]));
            }
            assertTrue(dist < last, "distance decreases with beta");
            last = dist;
        }
        assertTrue(last < 1e-3, "distance at beta = 1000: " + last);
    }
}
