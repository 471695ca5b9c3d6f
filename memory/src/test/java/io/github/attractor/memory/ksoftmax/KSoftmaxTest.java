package io.github.attractor.memory.ksoftmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class KSoftmaxTest {

    @Property(tries = 60)
    void columnsAreNonNegativeAndSumToOne(@ForAll @IntRange(min = 1, max = 200) int n,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @DoubleRange(min = 0.01, max = 1e4)
            double scale, @ForAll @IntRange(min = 1, max = 12) int kWanted) {
        int k = Math.min(kWanted, n);
        double[] x = SumSoftmaxTest.gaussian(n, scale, seed);
        double[] ks = KSoftmax.of(x, k);
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double v = ks[i * k + j];
                assertTrue(v >= -1e-12, "entry " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 3e-10 * (j + 1), "column " + j);
        }
    }

    @Test
    void runningSumsAreSumSoftmax() {
        double[] x = SumSoftmaxTest.gaussian(40, 2, 1);
        int k = 7;
        double[] ks = KSoftmax.of(x, k);
        double[] run = new double[40];
        for (int j = 0; j < k; j++) {
            double[] y = SumSoftmax.of(x, j + 1);
            for (int i = 0; i < 40; i++) {
                run[i] += ks[i * k + j];
                assertEquals(y[i], run[i], 1e-10);
            }
            double[] col = KSoftmax.column(x, j + 1);
            for (int i = 0; i < 40; i++) {
                assertEquals(ks[i * k + j], col[i], 1e-10);
            }
        }
    }

    @Test
    void kEqualsN() {
        double[] x = {0.3, -1, 2, 0.5};
        double[] ks = KSoftmax.of(x, 4);
        double[] prev = SumSoftmax.of(x, 3);
        for (int i = 0; i < 4; i++) {
            assertEquals(1 - prev[i], ks[i * 4 + 3], 1e-9);
        }
        double[] col = KSoftmax.column(x, 4);
        for (int i = 0; i < 4; i++) {
            assertEquals(1 - prev[i], col[i], 1e-9);
        }
        double[] one = KSoftmax.of(new double[] {5}, 1);
        assertEquals(1.0, one[0], 0.0);
    }

    @Test
    void badKIsRejected() {
        double[] x = {1, 2, 3};
        assertThrows(InvalidInputException.class, () -> KSoftmax.of(x, 0));
        assertThrows(InvalidInputException.class, () -> KSoftmax.of(x, 4));
        assertThrows(InvalidInputException.class, () -> KSoftmax.column(x, 0));
        assertThrows(ShapeMismatchException.class, () -> KSoftmax.compute(x, 0, 3, 2, new double[5], 0));
        assertThrows(ShapeMismatchException.class, () -> KSoftmax.rows(x, 2, 3, 2, new double[12]));
    }

    @Property(tries = 25)
    void backwardEqualsFiniteDifferences(@ForAll @IntRange(min = 2, max = 25) int n,
            @ForAll @LongRange(min = 1, max = 100_000) long seed) {
        int k = 1 + (int) (seed % Math.min(n, 6));
        double[] x = SumSoftmaxTest.gaussian(n, 1.5, seed);
        double[] g = SumSoftmaxTest.gaussian(n * k, 1, seed + 7);
        double[] ks = KSoftmax.of(x, k);
        double[] grad = KSoftmax.backward(ks, n, k, g);
        // Against the dense sum Σ_i (J_i - J_{i-1}) G_i.
        double[] dense = new double[n];
        DMatrixRMaj prev = new DMatrixRMaj(n, n);
        for (int j = 1; j <= k; j++) {
            DMatrixRMaj jj = SumSoftmax.jacobian(x, j);
            for (int c = 0; c < n; c++) {
                for (int r = 0; r < n; r++) {
                    dense[c] += (jj.get(r, c) - prev.get(r, c)) * g[r * k + j - 1];
                }
            }
            prev = jj;
        }
        // And against central differences of L(x) = Σ G ∘ ksoftmax(x).
        double h = 1e-5;
        for (int c = 0; c < n; c++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[c] += h;
            xm[c] -= h;
            double fd = (dot(g, KSoftmax.of(xp, k)) - dot(g, KSoftmax.of(xm, k))) / (2 * h);
            assertEquals(fd, grad[c], 1e-6, "entry " + c);
            assertEquals(dense[c], grad[c], 1e-8, "dense entry " + c);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void batchedRowsEqualSingleRowsForDoubleAndFloat() {
        int rows = 30;
        int n = 700;
        int k = 4;
        double[] x = SumSoftmaxTest.gaussian(rows * n, 3, 2);
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        double[] out = new double[rows * n * k];
        float[] outF = new float[rows * n * k];
        KSoftmax.rows(x, rows, n, k, out);
        KSoftmax.rows(xf, rows, n, k, outF);
        double[] g = SumSoftmaxTest.gaussian(rows * n * k, 1, 3);
        double[] gradX = new double[rows * n];
        KSoftmax.backwardRows(out, rows, n, k, g, gradX);
        for (int r = 0; r < rows; r++) {
            double[] row = new double[n];
            System.arraycopy(x, r * n, row, 0, n);
            double[] single = KSoftmax.of(row, k);
            double[] gr = new double[n * k];
            System.arraycopy(g, r * n * k, gr, 0, n * k);
            double[] grad = KSoftmax.backward(single, n, k, gr);
            // Equal up to the last ulps: lanewise(EXP) is SVML once C2 compiles it and Math.exp per lane before,
            // and the batch runs its rows on other threads at other stages of compilation.
            for (int i = 0; i < n * k; i++) {
                assertEquals(single[i], out[r * n * k + i], 1e-14 * Math.abs(single[i]));
                assertEquals(single[i], outF[r * n * k + i], 1e-6);
            }
            for (int i = 0; i < n; i++) {
                assertEquals(grad[i], gradX[r * n + i], 1e-12);
            }
        }
    }

    @Test
    void columnsTendToIndicatorsOfTheIthLargest() {
        // Proposition 3.5.1 for i and i-1: ksoftmax_i(βx) → e_[i] (gap 0.05, distance < 1e-3 at β = 1000).
        List<KSoftmaxLimits.Measurement> rows = KSoftmaxLimits.run(KSoftmaxLimits.BETAS, 20, 5, 20, 0.05, 4);
        double last = Double.POSITIVE_INFINITY;
        for (KSoftmaxLimits.Measurement m : rows) {
            assertTrue(m.maxConstraintError() <= 1e-10, "constraint " + m);
            assertTrue(m.minKsoftmax() >= -1e-12, "min " + m);
            assertTrue(m.topkDistance() < last || m.topkDistance() < 1e-12, "decreasing " + m);
            last = m.topkDistance();
        }
        KSoftmaxLimits.Measurement at1000 = rows.get(rows.size() - 1);
        assertTrue(at1000.topkDistance() < 1e-3, at1000.toString());
        assertTrue(at1000.indicatorDistance() < 1e-3, at1000.toString());
        assertTrue(rows.get(0).topkDistance() > 0.1, "beta = 1 is far from the limit");
    }

    @Test
    void gappedInputsHaveTheGap() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = KSoftmaxLimits.gappedInput(50, 0.05, rng);
        double[] sorted = x.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 1; i < 50; i++) {
            assertTrue(sorted[i] - sorted[i - 1] >= 0.05 - 1e-15);
        }
    }
}
