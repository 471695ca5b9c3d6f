package io.github.attractor.data.network;

import io.github.attractor.core.error.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A recurrent network {@code dy/dt = W g(y) - y + b} as stored in a file: the weight matrix {@code W}
 * (square, finite, non-empty), the bias {@code b} (one entry per unit; zeros if not given) and, optionally,
 * the name of the Lagrangian whose gradient is the activation {@code g}. Symmetry of {@code W} is not
 * checked here: whether it is needed depends on the model.
 *
 * <p>The weights and bias are copied on the way in and on the way out, so a spec cannot be changed after
 * it is made. Equality is bit-for-bit on the values.
 *
 * @param weights    the n-by-n weight matrix
 * @param bias       the n biases ({@code null} in the constructor means zeros)
 * @param lagrangian the Lagrangian's name, or {@code null} if the file does not say
 */
public record NetworkSpec(DMatrixRMaj weights, double[] bias, String lagrangian) {

    /** Validates and copies; messages start with {@code "network"}. */
    public NetworkSpec {
        Objects.requireNonNull(weights, "weights");
        weights = NetworkFile.checkedWeights("network", "weights", weights.copy());
        int n = weights.numRows;
        bias = bias == null ? new double[n] : NetworkFile.checkedBias("network", "bias", bias.clone(), n);
        if (lagrangian != null && lagrangian.isBlank()) {
            throw new InvalidInputException("network: the Lagrangian name is blank");
        }
    }

    /** A network with zero bias and no Lagrangian named. */
    public NetworkSpec(DMatrixRMaj weights) {
        this(weights, null, null);
    }

    /** Number of units n. */
    public int size() {
        return bias.length;
    }

    /** A copy of the weight matrix. */
    @Override
    public DMatrixRMaj weights() {
        return weights.copy();
    }

    /** A copy of the bias. */
    @Override
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NetworkSpec other)) {
            return false;
        }
        return weights.numRows == other.weights.numRows
                && Arrays.equals(weights.data, 0, size() * size(), other.weights.data, 0, size() * size())
                && Arrays.equals(bias, other.bias) && Objects.equals(lagrangian, other.lagrangian);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(Arrays.copyOf(weights.data, size() * size())), Arrays.hashCode(bias),
                lagrangian);
    }

    @Override
    public String toString() {
        return "NetworkSpec[n=" + size() + ", lagrangian=" + lagrangian + "]";
    }
}
