package io.github.attractor.memory.lagrangian;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A direct sum of Lagrangians on consecutive blocks of neurons (layered / hierarchical memories):
 * with {@code y = (y_1, …, y_K)}, {@code y_k} of length {@code sizes[k]},
 * <pre>
 *   L(y) = Σ_k L_k(y_k),   g(y) = (g_1(y_1), …, g_K(y_K)),   Λ(y) = blockdiag(Λ_1(y_1), …, Λ_K(y_K)).
 * </pre>
 * The Legendre term is the sum of the blocks' Legendre terms (each computed by its own stable form).
 * {@link #fixedDimension()} is {@code Σ sizes}; the sum is elementwise iff every block is and has a
 * positive semidefinite Hessian iff every block does. Its name is
 * {@code block[size*spec;size*spec;…]}, e.g. {@code block[3*relu;4*softmax:beta=1]}, which
 * {@link Lagrangians#parse} also reads.
 *
 * <p>Because {@link Lagrangian} works on whole arrays, every call copies each block of its arguments into
 * arrays of the block's length (O(n) scratch per call); a single block spanning everything is delegated
 * to directly.
 */
public final class BlockLagrangian implements Lagrangian {

    private final List<Lagrangian> blocks;
    private final int[] sizes;
    private final int[] offsets;
    private final int dimension;
    private final boolean elementwise;
    private final boolean psd;

    /**
     * Blocks {@code blocks.get(k)} acting on the {@code sizes[k]} consecutive entries after the previous
     * blocks. Throws {@link ShapeMismatchException} when the lengths differ or a block's fixed dimension
     * disagrees with its size, and {@link InvalidInputException} for an empty list or a size below 1.
     */
    public BlockLagrangian(List<Lagrangian> blocks, int[] sizes) {
        if (blocks == null || sizes == null) {
            throw new InvalidInputException("block: blocks and sizes must not be null");
        }
        if (blocks.size() != sizes.length) {
            throw new ShapeMismatchException("block: " + blocks.size() + " Lagrangians but " + sizes.length
                    + " sizes");
        }
        if (blocks.isEmpty()) {
            throw new InvalidInputException("block: needs at least one block");
        }
        this.blocks = List.copyOf(blocks);
        this.sizes = sizes.clone();
        this.offsets = new int[sizes.length];
        int n = 0;
        boolean ew = true;
        boolean p = true;
        for (int k = 0; k < sizes.length; k++) {
            Lagrangian l = this.blocks.get(k);
            if (this.sizes[k] < 1) {
                throw new InvalidInputException("block: size of block " + k + " (" + l.name() + ") must be >= 1, got "
                        + this.sizes[k]);
            }
            int fixed = l.fixedDimension();
            if (fixed >= 0 && fixed != this.sizes[k]) {
                throw new ShapeMismatchException("block: block " + k + " (" + l.name() + ") requires dimension "
                        + fixed + ", got size " + this.sizes[k]);
            }
            offsets[k] = n;
            n = Math.addExact(n, this.sizes[k]);
            ew &= l.isElementwise();
            p &= l.hessianPositiveSemidefinite();
        }
        this.dimension = n;
        this.elementwise = ew;
        this.psd = p;
    }

    /** The blocks' Lagrangians (unmodifiable). */
    public List<Lagrangian> blocks() {
        return blocks;
    }

    /** The blocks' sizes (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public String name() {
        List<String> parts = new ArrayList<>(sizes.length);
        for (int k = 0; k < sizes.length; k++) {
            parts.add(sizes[k] + "*" + blocks.get(k).name());
        }
        return "block[" + String.join(";", parts) + "]";
    }

    @Override
    public int fixedDimension() {
        return dimension;
    }

    private void checkY(double[] y) {
        if (y.length != dimension) {
            throw new ShapeMismatchException("y: block Lagrangian " + name() + " expects length " + dimension
                    + ", got " + y.length);
        }
    }

    private double[] slice(double[] a, int k) {
        return Arrays.copyOfRange(a, offsets[k], offsets[k] + sizes[k]);
    }

    @Override
    public double value(double[] y) {
        checkY(y);
        if (blocks.size() == 1) {
            return blocks.get(0).value(y);
        }
        double s = 0;
        for (int k = 0; k < sizes.length; k++) {
            s += blocks.get(k).value(slice(y, k));
        }
        return s;
    }

    @Override
    public void activation(double[] y, double[] g) {
        checkY(y);
        Checks.sameLength("g", y, g);
        if (blocks.size() == 1) {
            blocks.get(0).activation(y, g);
            return;
        }
        for (int k = 0; k < sizes.length; k++) {
            double[] gk = new double[sizes[k]]; // a block need not support g aliasing y
            blocks.get(k).activation(slice(y, k), gk);
            System.arraycopy(gk, 0, g, offsets[k], sizes[k]);
        }
    }

    @Override
    public void hessian(double[] y, DMatrixRMaj out) {
        checkY(y);
        if (blocks.size() == 1) {
            blocks.get(0).hessian(y, out);
            return;
        }
        out.reshape(dimension, dimension);
        out.zero();
        DMatrixRMaj sub = new DMatrixRMaj(1, 1);
        for (int k = 0; k < sizes.length; k++) {
            blocks.get(k).hessian(slice(y, k), sub);
            int o = offsets[k];
            for (int i = 0; i < sizes[k]; i++) {
                for (int j = 0; j < sizes[k]; j++) {
                    out.unsafe_set(o + i, o + j, sub.unsafe_get(i, j));
                }
            }
        }
    }

    @Override
    public void hessianTimes(double[] y, double[] v, double[] out) {
        checkY(y);
        Checks.sameLength("v", y, v);
        Checks.sameLength("out", y, out);
        if (blocks.size() == 1) {
            blocks.get(0).hessianTimes(y, v, out);
            return;
        }
        for (int k = 0; k < sizes.length; k++) {
            double[] ok = new double[sizes[k]];
            blocks.get(k).hessianTimes(slice(y, k), slice(v, k), ok);
            System.arraycopy(ok, 0, out, offsets[k], sizes[k]);
        }
    }

    @Override
    public boolean isElementwise() {
        return elementwise;
    }

    @Override
    public void hessianDiagonal(double[] y, double[] out) {
        if (!elementwise) {
            throw Checks.notElementwise(this);
        }
        checkY(y);
        Checks.sameLength("out", y, out);
        if (blocks.size() == 1) {
            blocks.get(0).hessianDiagonal(y, out);
            return;
        }
        for (int k = 0; k < sizes.length; k++) {
            double[] dk = new double[sizes[k]];
            blocks.get(k).hessianDiagonal(slice(y, k), dk);
            System.arraycopy(dk, 0, out, offsets[k], sizes[k]);
        }
    }

    @Override
    public double legendre(double[] y) {
        checkY(y);
        if (blocks.size() == 1) {
            return blocks.get(0).legendre(y);
        }
        double s = 0;
        for (int k = 0; k < sizes.length; k++) {
            s += blocks.get(k).legendre(slice(y, k));
        }
        return s;
    }

    @Override
    public boolean hessianPositiveSemidefinite() {
        return psd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockLagrangian && ((BlockLagrangian) o).blocks.equals(blocks)
                && Arrays.equals(((BlockLagrangian) o).sizes, sizes);
    }

    @Override
    public int hashCode() {
        return 31 * blocks.hashCode() + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
        return name();
    }
}
