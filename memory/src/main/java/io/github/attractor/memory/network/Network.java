package io.github.attractor.memory.network;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.NotSymmetricException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.linalg.MatVec;
import io.github.attractor.core.linalg.PackedSymmetric;
import io.github.attractor.memory.lagrangian.Lagrangian;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The one description every memory model here is derived from: a population of n neurons with
 * Lagrangian {@code L}, weights {@code W} (n×n) and bias {@code b}. The Krotov–Hopfield dynamics (1),
 * the modified dynamics (9) and the residual dynamics (13) are different fields built on the same
 * network. Construction checks shapes and finiteness only; symmetry and the sign of {@code Λ} are the
 * business of the model that needs them.
 *
 * <p>The network keeps its own copies of {@code W} and {@code b}; the accessors return them, and callers must
 * not modify them. When {@code W} is exactly symmetric and large ({@code n >= }{@value #PACKED_MIN_SIZE}),
 * {@link #multiply} and {@link #multiplyTransposed} use its packed upper triangle ({@link PackedSymmetric}),
 * which reads half the bytes of the dense product.
 */
public final class Network {
    /**
     * From this size on a symmetric W is multiplied in packed form. Below it the dense matrix fits in one
     * core's L2 cache (2 MiB at n = 512) and the dense kernel, with its four independent row sums, is as fast
     * or faster; at n = 700 packed is 1.2-1.5× faster, at n = 1000 1.35×, at n = 2000 4× (measured with both
     * kernels on the 2-core benchmark machine).
     */
    static final int PACKED_MIN_SIZE = 600;

    private final DMatrixRMaj weights;
    private final double[] bias;
    private final Lagrangian lagrangian;
    private final PackedSymmetric packed;

    public Network(DMatrixRMaj weights, double[] bias, Lagrangian lagrangian) {
        Require.square("weights", weights);
        Require.finite("weights", weights);
        Require.length("bias", bias, weights.numRows);
        Require.finite("bias", bias);
        int fixed = lagrangian.fixedDimension();
        if (fixed >= 0 && fixed != weights.numRows) {
            throw new ShapeMismatchException("Lagrangian " + lagrangian.name() + " needs " + fixed
                    + " neurons but the weights are " + weights.numRows + "x" + weights.numCols);
        }
        this.weights = weights.copy();
        this.bias = bias.clone();
        this.lagrangian = lagrangian;
        int n = weights.numRows;
        this.packed = n >= PACKED_MIN_SIZE && exactlySymmetric(this.weights)
                ? PackedSymmetric.ofUpper(this.weights.data, n) : null;
    }

    /** The weights W (the network's own copy: do not modify). */
    public DMatrixRMaj weights() {
        return weights;
    }

    /** The bias b (the network's own copy: do not modify). */
    public double[] bias() {
        return bias;
    }

    /** The Lagrangian L. */
    public Lagrangian lagrangian() {
        return lagrangian;
    }

    /** Number of neurons n. */
    public int size() {
        return weights.numRows;
    }

    /** Whether {@code W = Wᵀ} within {@code tol} (absolute, scaled by max |W|). */
    public boolean isSymmetric(double tol) {
        try {
            Require.symmetric("weights", weights, tol);
            return true;
        } catch (NotSymmetricException e) {
            return false;
        }
    }

    /** {@code out = W x}. */
    public void multiply(double[] x, double[] out) {
        if (packed != null) {
            packed.multiplyParallel(x, out);
        } else {
            MatVec.multiplyParallel(weights.data, weights.numRows, weights.numCols, x, out);
        }
    }

    /** {@code out = Wᵀ x}. */
    public void multiplyTransposed(double[] x, double[] out) {
        if (packed != null) {
            packed.multiplyParallel(x, out);
            return;
        }
        int n = size();
        Arrays.fill(out, 0);
        double[] w = weights.data;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += w[row + j] * xi;
            }
        }
    }

    private static boolean exactlySymmetric(DMatrixRMaj w) {
        int n = w.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (w.data[i * n + j] != w.data[j * n + i]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Network[n=" + size() + ", L=" + lagrangian.name() + "]";
    }
}
