package io.github.attractor.memory.hierarchical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.linalg.Norms;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.network.Network;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class HierarchicalMemoryTest {
    @Test
    void example1IsSymmetricBlockTridiagonal() {
        int[] sizes = {4, 3, 5, 2};
        List<Lagrangian> lags = List.of(Lagrangians.parse("relu"), Lagrangians.parse("softmax"),
                Lagrangians.parse("tanh"), Lagrangians.parse("sigmoid"));
        Network net = HierarchicalMemory.example1(sizes, lags, 1.0, new double[14], new SplittableRandom(1));
        DMatrixRMaj w = net.weights();
        assertTrue(net.isSymmetric(0));
        int[] layer = new int[14];
        int k = 0;
        for (int l = 0; l < sizes.length; l++) {
            for (int i = 0; i < sizes[l]; i++) {
                layer[k++] = l;
            }
        }
        for (int i = 0; i < 14; i++) {
            for (int j = 0; j < 14; j++) {
                if (Math.abs(layer[i] - layer[j]) != 1) {
                    assertEquals(0, w.get(i, j), 0.0, "(" + i + "," + j + ") outside the feedback blocks");
                }
            }
        }
        assertEquals(14, net.lagrangian().fixedDimension());
    }

    @Test
    void example7IsNonSymmetricWithNormAtMostOne() {
        Network net = HierarchicalMemory.example7(new int[] {6, 5, 4}, new double[15], new SplittableRandom(3));
        assertFalse(net.isSymmetric(1e-6));
        assertTrue(Norms.spectral(net.weights()) <= 1 + 1e-12);
        assertTrue(net.lagrangian().hessianPositiveSemidefinite());
    }

    @Test
    void wrongBlockShapesAreRejected() {
        List<Lagrangian> lags = List.of(Lagrangians.parse("relu"), Lagrangians.parse("relu"));
        DMatrixRMaj[] upper = {new DMatrixRMaj(3, 3)};
        assertThrows(ShapeMismatchException.class,
                () -> HierarchicalMemory.assemble(new int[] {2, 3}, lags, upper, null, new double[5]));
    }
}
