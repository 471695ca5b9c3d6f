package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The layer-norm Hessian's spectrum and the Lagrangians that couple all entries on empty input. */
class LayerNormLagrangianTest {

    @Test
    void spectrumIsZeroEpsRatioAndGammaOverS() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + rnd.nextInt(7);
            double gamma = 0.1 + 3 * rnd.nextDouble();
            double eps = Math.pow(10, -6 + 6 * rnd.nextDouble());
            LayerNormLagrangian l = new LayerNormLagrangian(gamma, rnd.nextGaussian(), eps);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextGaussian() * (trial % 2 == 0 ? 1 : 10);
            }
            double mean = Arrays.stream(y).average().orElseThrow();
            double var = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / n;
            double s = Math.sqrt(var + eps);
            double[] expect = new double[n];
            expect[0] = 0;
            expect[1] = gamma / s * eps / (var + eps);
            Arrays.fill(expect, 2, n, gamma / s);
            Arrays.sort(expect);
            DMatrixRMaj h = new DMatrixRMaj(1, 1);
            l.hessian(y, h);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            eig.decompose(h.copy());
            double[] got = new double[n];
            for (int i = 0; i < n; i++) {
                got[i] = eig.getEigenvalue(i).real;
            }
            Arrays.sort(got);
            assertArrayEquals(expect, got, 1e-12 * gamma / s);
        }
    }

    @Test
    void couplingLagrangiansNeedAtLeastOneEntry() {
        for (Lagrangian l : List.of(new LayerNormLagrangian(), new LogSumExpLagrangian(2))) {
            double[] empty = {};
            assertThrows(ShapeMismatchException.class, () -> l.value(empty));
            assertThrows(ShapeMismatchException.class, () -> l.activation(empty, empty));
            assertThrows(ShapeMismatchException.class, () -> l.hessian(empty, new DMatrixRMaj(1, 1)));
            assertThrows(ShapeMismatchException.class, () -> l.hessianTimes(empty, empty, empty));
            assertThrows(ShapeMismatchException.class, () -> l.legendre(empty));
        }
    }

    @Test
    void elementwiseLagrangiansAcceptEmptyInput() {
        for (String name : List.of("relu", "sigmoid", "tanh", "identity", "smooth-leaky-relu")) {
            Lagrangian l = Lagrangians.parse(name);
            assertEquals(0.0, l.value(new double[0]), 0.0);
            assertEquals(0.0, l.legendre(new double[0]), 0.0);
            l.activation(new double[0], new double[0]);
        }
    }

    @Test
    void singleNeuronLayerNormIsConstant() {
        LayerNormLagrangian l = new LayerNormLagrangian(2, 0.5, 0.01);
        double[] g = new double[1];
        l.activation(new double[] {123.0}, g);
        assertEquals(0.5, g[0], 0.0);
        assertEquals(2 * Math.sqrt(0.01) + 0.5 * 123, l.value(new double[] {123.0}), 1e-12);
    }
}
