package io.github.attractor.core.linalg;

import static io.github.attractor.core.linalg.LinalgAssertions.assertClose;
import static io.github.attractor.core.linalg.LinalgAssertions.assertOrthonormalColumns;
import static io.github.attractor.core.linalg.LinalgAssertions.assertSymmetric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RandomMatricesTest {

    @Test
    void gaussianIsSeededAndStandardNormal() {
        DMatrixRMaj g1 = RandomMatrices.gaussian(200, 100, new SplittableRandom(42));
        DMatrixRMaj g2 = RandomMatrices.gaussian(200, 100, new SplittableRandom(42));
        assertClose(g1, g2, 0.0);
        double mean = CommonOps_DDRM.elementSum(g1) / g1.getNumElements();
        double var = 0;
        for (double v : g1.data) {
            var += (v - mean) * (v - mean);
        }
        var /= g1.getNumElements() - 1;
        assertEquals(0.0, mean, 0.02);
        assertEquals(1.0, var, 0.03);
    }

    @Test
    void goeIsSymmetricWithTheRightVariances() {
        int n = 300;
        DMatrixRMaj w = RandomMatrices.goe(n, new SplittableRandom(1));
        assertSymmetric(w, 0.0);
        double diag = 0;
        double off = 0;
        for (int i = 0; i < n; i++) {
            diag += w.get(i, i) * w.get(i, i);
            for (int j = i + 1; j < n; j++) {
                off += w.get(i, j) * w.get(i, j);
            }
        }
        assertEquals(2.0, diag / n, 0.35);
        assertEquals(1.0, off / (n * (n - 1) / 2.0), 0.02);
        // semicircle edge 2 sqrt(n)
        assertEquals(2 * Math.sqrt(n), Norms.spectral(w), 0.1 * Math.sqrt(n));
    }

    @Test
    void orthogonalIsOrthogonal() {
        for (int n : new int[] {1, 2, 5, 40}) {
            DMatrixRMaj q = RandomMatrices.orthogonal(n, new SplittableRandom(n));
            assertOrthonormalColumns(q, 1e-13);
            assertOrthonormalColumns(LinalgAssertions.transpose(q), 1e-13);
        }
    }

    @Test
    void spectralNormIsAsRequested() {
        DMatrixRMaj w = RandomMatrices.symmetricWithSpectralNorm(30, 0.9, new SplittableRandom(2));
        assertSymmetric(w, 0.0);
        assertEquals(0.9, Norms.spectral(w), 1e-13);
        DMatrixRMaj g = RandomMatrices.gaussian(6, 4, new SplittableRandom(3));
        DMatrixRMaj before = g.copy();
        DMatrixRMaj scaled = RandomMatrices.withSpectralNorm(g, 2.5);
        assertClose(before, g, 0.0);
        assertEquals(2.5, Norms.spectral(scaled), 1e-13);
        assertEquals(0.0, Norms.spectral(RandomMatrices.withSpectralNorm(g, 0.0)), 0.0);
        assertThrows(InvalidInputException.class, () -> RandomMatrices.withSpectralNorm(new DMatrixRMaj(2, 2), 1));
    }

    @Test
    void positiveDefiniteHasSpectrumInRange() {
        DMatrixRMaj p = RandomMatrices.positiveDefinite(25, 0.5, 3.0, new SplittableRandom(4));
        assertSymmetric(p, 0.0);
        double[] l = Eigen.symmetric(p).values();
        assertTrue(l[0] >= 0.5 - 1e-12, "min eigenvalue " + l[0]);
        assertTrue(l[l.length - 1] <= 3.0 + 1e-12, "max eigenvalue " + l[l.length - 1]);
        assertThrows(InvalidInputException.class,
                () -> RandomMatrices.positiveDefinite(3, 0.0, 1.0, new SplittableRandom(1)));
        assertThrows(InvalidInputException.class,
                () -> RandomMatrices.positiveDefinite(3, 2.0, 1.0, new SplittableRandom(1)));
    }

    @Test
    void orthogonalHasHaarSignSymmetry() {
        // Haar measure: E[Q_00] = 0; without the sign fix QR of a Gaussian is biased towards Q_00 > 0
        SplittableRandom rng = new SplittableRandom(9);
        double sum = 0;
        int trials = 2000;
        for (int t = 0; t < trials; t++) {
            sum += RandomMatrices.orthogonal(3, rng).get(0, 0);
        }
        assertEquals(0.0, sum / trials, 0.05);
    }
}
