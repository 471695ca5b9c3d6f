package io.github.attractor.memory.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.lagrangian.SoftplusLagrangian;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NetworkTest {
    /** Both products against a plain loop, for a symmetric W above the packed size and a general one. */
    @Test
    void productsMatchThePlainLoopForPackedAndDenseWeights() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = Network.PACKED_MIN_SIZE + 13;
        DMatrixRMaj sym = RandomMatrices.goe(n, rng);
        DMatrixRMaj general = RandomMatrices.gaussian(n, n, rng);
        for (DMatrixRMaj w : new DMatrixRMaj[] {sym, general}) {
            Network net = new Network(w, new double[n], new SoftplusLagrangian());
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rng.nextGaussian();
            }
            double[] wx = new double[n];
            double[] wtx = new double[n];
            net.multiply(x, wx);
            net.multiplyTransposed(x, wtx);
            for (int i = 0; i < n; i++) {
                double row = 0;
                double col = 0;
                double abs = 0;
                for (int j = 0; j < n; j++) {
                    row += w.get(i, j) * x[j];
                    col += w.get(j, i) * x[j];
                    abs += Math.abs(w.get(i, j) * x[j]) + Math.abs(w.get(j, i) * x[j]);
                }
                double bound = 2 * (n + 1) * Math.ulp(1.0) * abs;
                assertEquals(row, wx[i], bound, "W x, row " + i);
                assertEquals(col, wtx[i], bound, "Wᵀ x, row " + i);
            }
        }
    }
}
