package io.github.attractor.memory.network;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.memory.lagrangian.Lagrangian;
import org.ejml.data.DMatrixRMaj;

/**
 * The one description every memory model here is derived from: a population of n neurons with
 * Lagrangian {@code L}, weights {@code W} (n×n) and bias {@code b}. The Krotov–Hopfield dynamics (1),
 * the modified dynamics (9) and the residual dynamics (13) are different fields built on the same
 * network. Construction checks shapes and finiteness only; symmetry and the sign of {@code Λ} are the
 * business of the model that needs them.
 */
public record Network(DMatrixRMaj weights, double[] bias, Lagrangian lagrangian) {

    public Network {
        Require.square("weights", weights);
        Require.finite("weights", weights);
        Require.length("bias", bias, weights.numRows);
        Require.finite("bias", bias);
        int fixed = lagrangian.fixedDimension();
        if (fixed >= 0 && fixed != weights.numRows) {
            throw new ShapeMismatchException("Lagrangian " + lagrangian.name() + " needs " + fixed
                    + " neurons but the weights are " + weights.numRows + "x" + weights.numCols);
        }
        weights = weights.copy();
        bias = bias.clone();
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
        } catch (io.github.attractor.core.error.NotSymmetricException e) {
            return false;
        }
    }

    /** {@code out = W x}. */
    public void multiply(double[] x, double[] out) {
        io.github.attractor.core.linalg.MatVec.multiplyParallel(weights.data, weights.numRows, weights.numCols, x, out);
    }

    /** {@code out = Wᵀ x}. */
    public void multiplyTransposed(double[] x, double[] out) {
        int n = size();
        java.util.Arrays.fill(out, 0);
        double[] w = weights.data;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += w[row + j] * xi;
            }
        }
    }
}
