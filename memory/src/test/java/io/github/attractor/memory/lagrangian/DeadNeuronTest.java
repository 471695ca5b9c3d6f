package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Dead directions (g(y + Vc) = g(y)) leave the activation and the Legendre term unchanged, and no
 * Lagrangian overflows or yields NaN at {@code |y| = 1e6}.
 */
class DeadNeuronTest {

    private static double[] g(Lagrangian l, double[] y) {
        double[] g = new double[y.length];
        l.activation(y, g);
        return g;
    }

    // ---------------------------------------------------------------- ReLU

    @Property(tries = 200)
    void reluSilentNeuronsAreDead(@ForAll("vectors") double[] y, @ForAll @IntRange(min = 0, max = 5) int which,
            @ForAll @DoubleRange(min = 0, max = 1e6) double c) {
        Lagrangian l = new ReluLagrangian();
        int i = which % y.length;
        y[i] = -Math.abs(y[i]); // make neuron i silent (y_i <= 0, including -0.0 / 0.0)
        double[] moved = y.clone();
        moved[i] -= c;
        assertArrayEquals(g(l, y), g(l, moved), 0.0);
        assertEquals(l.legendre(y), l.legendre(moved), 0.0);
        assertEquals(l.value(y), l.value(moved), 0.0);
    }

    @Test
    void reluAtTheKinkIsSilent() {
        Lagrangian l = new ReluLagrangian();
        double[] y = {0.0, -0.0, 2.0};
        assertArrayEquals(new double[] {0, 0, 2}, g(l, y), 0.0);
        double[] d = new double[3];
        l.hessianDiagonal(y, d);
        assertArrayEquals(new double[] {0, 0, 1}, d, 0.0);
        assertEquals(2.0, l.legendre(y), 0.0);
        assertEquals(2.0, l.value(y), 0.0);
    }

    @Provide
    Arbitrary<double[]> vectors() {
        return Arbitraries.doubles().between(-30, 30).array(double[].class).ofMinSize(1).ofMaxSize(6);
    }

    // ---------------------------------------------------------------- sigmoid

    @Property(tries = 200)
    void sigmoidSaturatedNeuronsAreDead(@ForAll("vectors") double[] y, @ForAll @IntRange(min = 0, max = 5) int which,
            @ForAll @DoubleRange(min = 0, max = 1e6) double c) {
        Lagrangian l = new SoftplusLagrangian();
        int i = which % y.length;
        y[i] = 40;
        double[] moved = y.clone();
        moved[i] = 40 + c;
        double[] g0 = g(l, y);
        assertEquals(1.0, g0[i], 0.0, "σ(40) is exactly 1.0 in double");
        assertEquals(1.0, g(l, moved)[i], 0.0);
        assertArrayEquals(g0, g(l, moved), 0.0);
        assertEquals(l.legendre(y), l.legendre(moved), 0.0);
    }

    @Test
    void sigmoidLegendreOfSaturatedNeuronsIsExactlyZero() {
        Lagrangian l = new SoftplusLagrangian();
        assertEquals(0.0, l.legendre(new double[] {40, 1e6, -800, -1e6}), 0.0);
        // just before saturation the term is the tiny accurate value -(1 + y) e^{-y} to leading order
        double y = 30;
        double e = Math.exp(-y);
        assertEquals(-(Math.log1p(e) + y * e / (1 + e)), l.legendre(new double[] {y}), 1e-28);
        assertEquals(l.legendre(new double[] {y}), l.legendre(new double[] {-y}), 0.0);
    }

    // ---------------------------------------------------------------- tanh

    @Property(tries = 100)
    void tanhSaturatedNeuronsAreDead(@ForAll("vectors") double[] y, @ForAll @IntRange(min = 0, max = 5) int which,
            @ForAll @DoubleRange(min = 0, max = 1e6) double c, @ForAll boolean negative) {
        Lagrangian l = new LogCoshLagrangian();
        int i = which % y.length;
        double sign = negative ? -1 : 1;
        y[i] = sign * 20;
        double[] moved = y.clone();
        moved[i] = sign * (20 + c);
        assertEquals(sign, g(l, y)[i], 0.0, "tanh(±20) is exactly ±1.0 in double");
        assertArrayEquals(g(l, y), g(l, moved), 0.0);
        assertEquals(l.legendre(y), l.legendre(moved), 0.0);
        assertEquals(Math.log(2), l.legendre(new double[] {moved[i]}), 0.0);
    }

    // ---------------------------------------------------------------- softmax

    /** Dyadic entries (multiples of 2^-10 in [-8, 8]) and integer shifts: y + c·1 is computed exactly. */
    @Property(tries = 300)
    void softmaxIsInvariantUnderExactUniformShifts(@ForAll("dyadicVectors") double[] y,
            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int c, @ForAll("betas") double beta) {
        Lagrangian l = new LogSumExpLagrangian(beta);
        double[] shifted = y.clone();
        for (int i = 0; i < y.length; i++) {
            shifted[i] += c;
        }
        double[] g0 = g(l, y);
        double[] g1 = g(l, shifted);
        for (int i = 0; i < y.length; i++) {
            assertEquals(g0[i], g1[i], 1e-15);
        }
        double l0 = l.legendre(y);
        assertEquals(l0, l.legendre(shifted), 1e-12 * Math.abs(l0));
    }

    /** Arbitrary real entries and shifts: only the rounding of y_i + c itself can move anything. */
    @Property(tries = 300)
    void softmaxIsInvariantUnderRealUniformShifts(@ForAll("smallVectors") double[] y,
            @ForAll @DoubleRange(min = -10, max = 10) double c, @ForAll("betas") double beta) {
        Lagrangian l = new LogSumExpLagrangian(beta);
        double[] shifted = y.clone();
        for (int i = 0; i < y.length; i++) {
            shifted[i] += c;
        }
        double[] g0 = g(l, y);
        double[] g1 = g(l, shifted);
        double rounding = 2 * Math.ulp(13.0) * beta; // |Δ(y_i - y_j)| ≤ 2 ulp, |∂p/∂y| ≤ β/2 per entry
        for (int i = 0; i < y.length; i++) {
            assertEquals(g0[i], g1[i], rounding);
        }
        double l0 = l.legendre(y);
        assertEquals(l0, l.legendre(shifted), 1e-12 * Math.abs(l0));
    }

    @Test
    void softmaxLegendreStaysAccurateFarFromTheOrigin() {
        Lagrangian l = new LogSumExpLagrangian(1.0);
        double[] y = {0, -30, -30};
        double[] g = g(l, y);
        double naive = y[0] * g[0] + y[1] * g[1] + y[2] * g[2] - l.value(y); // accurate here (max entry 0)
        for (double c : new double[] {100, 1e4, -1e5, 1e6}) {
            double[] shifted = {c, c - 30, c - 30};
            assertEquals(naive, l.legendre(shifted), 1e-12 * Math.abs(naive));
        }
    }

    @Provide
    Arbitrary<double[]> dyadicVectors() {
        return Arbitraries.integers().between(-8192, 8192).map(k -> k / 1024.0).array(double[].class).ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<double[]> smallVectors() {
        return Arbitraries.doubles().between(-3, 3).array(double[].class).ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Double> betas() {
        return Arbitraries.of(0.25, 1.0, 2.0, 2.5);
    }

    // ---------------------------------------------------------------- layer norm

    /** The mean is rounded at the shifted magnitude, so invariance holds to about γ·ulp(c)/s, not exactly. */
    @Property(tries = 200)
    void layerNormIsInvariantUnderUniformShifts(@ForAll("dyadicVectors") double[] y,
            @ForAll @IntRange(min = -1000, max = 1000) int c) {
        Lagrangian l = new LayerNormLagrangian(1.5, 0.25, 1e-3);
        double[] shifted = y.clone();
        for (int i = 0; i < y.length; i++) {
            shifted[i] += c;
        }
        double[] g0 = g(l, y);
        double[] g1 = g(l, shifted);
        for (int i = 0; i < y.length; i++) {
            assertEquals(g0[i], g1[i], 1e-10);
        }
        assertEquals(l.legendre(y), l.legendre(shifted), 1e-10 * Math.abs(l.legendre(y)));
        double[] ones = new double[y.length];
        Arrays.fill(ones, 1.0);
        double[] h1 = new double[y.length];
        l.hessianTimes(y, ones, h1);
        for (double v : h1) {
            assertEquals(0.0, v, 1e-12, "1 is in the null space of Λ");
        }
    }

    // ---------------------------------------------------------------- |y| = 1e6

    @Test
    void nothingOverflowsAtAMillion() {
        double[] y = {1e6, -1e6, 0.5, -1e6, 1e6};
        for (Lagrangian l : List.of(new ReluLagrangian(), new SoftplusLagrangian(), new LogSumExpLagrangian(1.0),
                new LogSumExpLagrangian(7.0), new LogCoshLagrangian(), new IdentityLagrangian(),
                new LayerNormLagrangian(), new SmoothLeakyReluLagrangian(),
                Lagrangians.parse("block[2*sigmoid;3*softmax:beta=3]"))) {
            String name = l.name();
            assertTrue(Double.isFinite(l.value(y)), name + " value");
            assertTrue(Double.isFinite(l.legendre(y)), name + " legendre");
            for (double v : g(l, y)) {
                assertTrue(Double.isFinite(v), name + " activation");
            }
            DMatrixRMaj h = new DMatrixRMaj(1, 1);
            l.hessian(y, h);
            for (int i = 0; i < h.getNumElements(); i++) {
                assertTrue(Double.isFinite(h.data[i]), name + " hessian");
            }
            double[] hv = new double[y.length];
            l.hessianTimes(y, new double[] {1, 2, 3, 4, 5}, hv);
            for (double v : hv) {
                assertTrue(Double.isFinite(v), name + " hessianTimes");
            }
        }
    }

    @Test
    void valuesAtAMillionAreTheAsymptotes() {
        double[] p = {1e6};
        double[] m = {-1e6};
        assertEquals(1e6, new SoftplusLagrangian().value(p), 0.0);
        assertEquals(0.0, new SoftplusLagrangian().value(m), 0.0);
        assertArrayEquals(new double[] {1.0, 0.0}, g(new SoftplusLagrangian(), new double[] {1e6, -1e6}), 0.0);
        assertEquals(1e6 - Math.log(2), new LogCoshLagrangian().value(m), 1e-9);
        assertArrayEquals(new double[] {1.0, -1.0}, g(new LogCoshLagrangian(), new double[] {1e6, -1e6}), 0.0);
        assertEquals(1e6, new LogSumExpLagrangian(3).value(new double[] {1e6, -1e6, 1e6 - 1e3}),
                Math.log(2) / 3 + 1e-9);
        assertArrayEquals(new double[] {1.0, 0.0}, g(new LogSumExpLagrangian(3), new double[] {1e6, -1e6}), 0.0);
        Lagrangian slr = new SmoothLeakyReluLagrangian();
        // L(u) -> u²/2 - 2/3 for u -> +inf and u²/8 + 2/3 for u -> -inf (erf = ±1 there)
        assertEquals(1e12 / 2 - 2.0 / 3, slr.value(p), 1e12 * 1e-15);
        assertEquals(1e12 / 8 + 2.0 / 3, slr.value(m), 1e12 * 1e-15);
        assertArrayEquals(new double[] {1e6, -2.5e5}, g(slr, new double[] {1e6, -1e6}), 0.0);
    }
}
