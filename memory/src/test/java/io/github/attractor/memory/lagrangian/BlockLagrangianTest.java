package io.github.attractor.memory.lagrangian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The block-diagonal direct sum of Lagrangians. */
class BlockLagrangianTest {

    private final Lagrangian relu = new ReluLagrangian();
    private final Lagrangian softmax = new LogSumExpLagrangian(1.0);
    private final Lagrangian tanh = new LogCoshLagrangian();

    @Test
    void describesItself() {
        BlockLagrangian b = new BlockLagrangian(List.of(relu, softmax), new int[] {3, 4});
        assertEquals("block[3*relu;4*softmax:beta=1]", b.name());
        assertEquals(b.name(), b.toString());
        assertEquals(7, b.fixedDimension());
        assertFalse(b.isElementwise());
        assertTrue(b.hessianPositiveSemidefinite());
        assertArrayEquals(new int[] {3, 4}, b.sizes());
        assertEquals(List.of(relu, softmax), b.blocks());
        BlockLagrangian e = new BlockLagrangian(List.of(relu, tanh), new int[] {2, 2});
        assertTrue(e.isElementwise());
    }

    @Test
    void psdOnlyWhenEveryBlockIs() {
        Lagrangian indefinite = new Lagrangian() {
            @Override
            public String name() {
                return "test-indefinite";
            }

            @Override
            public double value(double[] y) {
                return 0;
            }

            @Override
            public void activation(double[] y, double[] g) {
                Arrays.fill(g, 0);
            }

            @Override
            public void hessian(double[] y, DMatrixRMaj out) {
                out.reshape(y.length, y.length);
                out.zero();
            }

            @Override
            public void hessianTimes(double[] y, double[] v, double[] out) {
                Arrays.fill(out, 0);
            }

            @Override
            public boolean isElementwise() {
                return true;
            }

            @Override
            public void hessianDiagonal(double[] y, double[] out) {
                Arrays.fill(out, 0);
            }

            @Override
            public double legendre(double[] y) {
                return 0;
            }

            @Override
            public boolean hessianPositiveSemidefinite() {
                return false;
            }

            @Override
            public int fixedDimension() {
                return 2;
            }
        };
        BlockLagrangian b = new BlockLagrangian(List.of(relu, indefinite), new int[] {3, 2});
        assertFalse(b.hessianPositiveSemidefinite());
        assertTrue(b.isElementwise());
        assertThrows(ShapeMismatchException.class, () -> new BlockLagrangian(List.of(indefinite), new int[] {3}));
    }

    @Test
    void everythingIsTheSumOrConcatenationOfTheBlocks() {
        BlockLagrangian b = new BlockLagrangian(List.of(relu, softmax, tanh), new int[] {2, 3, 2});
        double[] y = {0.5, -1.5, 2, -1, 0.25, 3, -0.7};
        double[] y1 = {0.5, -1.5};
        double[] y2 = {2, -1, 0.25};
        double[] y3 = {3, -0.7};
        assertEquals(relu.value(y1) + softmax.value(y2) + tanh.value(y3), b.value(y), 1e-15);
        assertEquals(relu.legendre(y1) + softmax.legendre(y2) + tanh.legendre(y3), b.legendre(y), 1e-15);
        double[] g = new double[7];
        b.activation(y, g);
        double[] g2 = new double[3];
        softmax.activation(y2, g2);
        assertArrayEquals(new double[] {0.5, 0, g2[0], g2[1], g2[2], Math.tanh(3), Math.tanh(-0.7)}, g, 0.0);
        DMatrixRMaj h = new DMatrixRMaj(1, 1);
        b.hessian(y, h);
        DMatrixRMaj h2 = new DMatrixRMaj(1, 1);
        softmax.hessian(y2, h2);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                int bi = i < 2 ? 0 : i < 5 ? 1 : 2;
                int bj = j < 2 ? 0 : j < 5 ? 1 : 2;
                if (bi != bj) {
                    assertEquals(0.0, h.get(i, j), 0.0);
                } else if (bi == 1) {
                    assertEquals(h2.get(i - 2, j - 2), h.get(i, j), 0.0);
                }
            }
        }
        assertThrows(IllegalStateException.class, () -> b.hessianDiagonal(y, new double[7]));
    }

    @Test
    void singleBlockDelegates() {
        BlockLagrangian b = new BlockLagrangian(List.of(softmax), new int[] {3});
        double[] y = {1, 2, 3};
        assertEquals(softmax.value(y), b.value(y), 0.0);
        assertEquals(softmax.legendre(y), b.legendre(y), 0.0);
        assertThrows(ShapeMismatchException.class, () -> b.value(new double[] {1, 2}));
    }

    @Test
    void badConstructionIsRejected() {
        assertThrows(ShapeMismatchException.class, () -> new BlockLagrangian(List.of(relu, tanh), new int[] {2}));
        assertThrows(InvalidInputException.class, () -> new BlockLagrangian(List.of(), new int[] {}));
        assertThrows(InvalidInputException.class, () -> new BlockLagrangian(List.of(relu), new int[] {0}));
        assertThrows(InvalidInputException.class, () -> new BlockLagrangian(null, new int[] {1}));
        BlockLagrangian inner = new BlockLagrangian(List.of(relu, tanh), new int[] {1, 1});
        assertThrows(ShapeMismatchException.class, () -> new BlockLagrangian(List.of(inner), new int[] {3}));
        assertEquals(2, new BlockLagrangian(List.of(inner), new int[] {2}).fixedDimension());
    }

    @Test
    void sizesAreCopied() {
        int[] sizes = {2, 2};
        BlockLagrangian b = new BlockLagrangian(List.of(relu, tanh), sizes);
        sizes[0] = 5;
        assertEquals(4, b.fixedDimension());
        assertEquals(new BlockLagrangian(List.of(relu, tanh), new int[] {2, 2}), b);
    }
}
