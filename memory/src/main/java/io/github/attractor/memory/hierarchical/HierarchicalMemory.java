package io.github.attractor.memory.hierarchical;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.linalg.Norms;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.lagrangian.BlockLagrangian;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.SmoothLeakyReluLagrangian;
import io.github.attractor.memory.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Layered (hierarchical) memories: a block-tridiagonal weight matrix that couples consecutive layers,
 * one Lagrangian per layer.
 * <pre>
 *        ( 0    W12             )
 *   W =  ( W21  0    W23        )        dy_i/dt = W_{i,i-1} g(y_{i-1}) + W_{i,i+1} g(y_{i+1}) - y_i + b_i
 *        (      W32  0    W34   )
 *        (           W43  0     )
 * </pre>
 * Example 1 of "Associative memory and dead neurons" (an MLP with symmetric feedback) takes
 * {@code W_{i+1,i} = W_{i,i+1}ᵀ}; Example 7 takes independent blocks normalised as
 * {@code W_{i,i±1} = W̃_{i,i±1} / (2‖W̃_{i,i±1}‖₂)}, which gives {@code ‖W‖₂ ≤ max‖W_{i,i+1}‖₂ + max‖W_{i,i-1}‖₂ ≤ 1},
 * with the smooth leaky ReLU {@code g(u) = u(5 + 3 erf(3u/8))/8} in every layer.
 */
public final class HierarchicalMemory {
    private HierarchicalMemory() {
    }

    /**
     * Assembles the network from layer sizes, a Lagrangian per layer, the upper blocks
     * {@code W_{i,i+1}} ({@code sizes[i] × sizes[i+1]}) and the lower blocks {@code W_{i+1,i}}; pass
     * {@code lower = null} for symmetric feedback ({@code W_{i+1,i} = W_{i,i+1}ᵀ}).
     */
    public static Network assemble(int[] sizes, List<Lagrangian> lagrangians, DMatrixRMaj[] upper,
            DMatrixRMaj[] lower, double[] bias) {
        int layers = sizes.length;
        Require.that(layers >= 2, "a hierarchical memory needs at least 2 layers, got " + layers);
        if (lagrangians.size() != layers || upper.length != layers - 1
                || (lower != null && lower.length != layers - 1)) {
            throw new ShapeMismatchException("hierarchical memory: " + layers + " layers need " + layers
                    + " Lagrangians and " + (layers - 1) + " feedback blocks per direction");
        }
        int[] offset = new int[layers + 1];
        for (int i = 0; i < layers; i++) {
            Require.that(sizes[i] > 0, "layer " + i + " must have at least one neuron");
            offset[i + 1] = offset[i] + sizes[i];
        }
        int n = offset[layers];
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i + 1 < layers; i++) {
            Require.shape("block W_" + (i + 1) + "," + (i + 2), upper[i], sizes[i], sizes[i + 1]);
            CommonOps_DDRM.insert(upper[i], w, offset[i], offset[i + 1]);
            DMatrixRMaj down;
            if (lower == null) {
                down = CommonOps_DDRM.transpose(upper[i], null);
            } else {
                down = Require.shape("block W_" + (i + 2) + "," + (i + 1), lower[i], sizes[i + 1], sizes[i]);
            }
            CommonOps_DDRM.insert(down, w, offset[i + 1], offset[i]);
        }
        return new Network(w, bias, new BlockLagrangian(lagrangians, sizes));
    }

    /**
     * Example 1: symmetric feedback between consecutive layers with Gaussian blocks
     * {@code W_{i,i+1} ~ N(0, scale²/sqrt(n_i n_{i+1}))} and the given bias.
     */
    public static Network example1(int[] sizes, List<Lagrangian> lagrangians, double scale, double[] bias,
            RandomGenerator rng) {
        DMatrixRMaj[] upper = new DMatrixRMaj[sizes.length - 1];
        for (int i = 0; i + 1 < sizes.length; i++) {
            upper[i] = RandomMatrices.gaussian(sizes[i], sizes[i + 1], rng);
            CommonOps_DDRM.scale(scale / Math.sqrt(Math.sqrt((double) sizes[i] * sizes[i + 1])), upper[i]);
        }
        return assemble(sizes, lagrangians, upper, null, bias);
    }

    /**
     * Example 7: independent Gaussian blocks in both directions, each normalised to spectral norm ½, and
     * the smooth leaky ReLU in every layer.
     */
    public static Network example7(int[] sizes, double[] bias, RandomGenerator rng) {
        int layers = sizes.length;
        DMatrixRMaj[] upper = new DMatrixRMaj[layers - 1];
        DMatrixRMaj[] lower = new DMatrixRMaj[layers - 1];
        List<Lagrangian> lags = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            lags.add(new SmoothLeakyReluLagrangian());
        }
        for (int i = 0; i + 1 < layers; i++) {
            upper[i] = halfNormalised(RandomMatrices.gaussian(sizes[i], sizes[i + 1], rng));
            lower[i] = halfNormalised(RandomMatrices.gaussian(sizes[i + 1], sizes[i], rng));
        }
        return assemble(sizes, lags, upper, lower, bias);
    }

    private static DMatrixRMaj halfNormalised(DMatrixRMaj m) {
        CommonOps_DDRM.scale(1.0 / (2 * Norms.spectral(m)), m);
        return m;
    }
}
