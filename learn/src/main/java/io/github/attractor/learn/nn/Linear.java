package io.github.attractor.learn.nn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Affine layer {@code y = x W + b} on row vectors: {@code x [B, in]}, weight {@code W [in, out]} (named
 * {@code <name>.weight}), bias {@code b [out]} ({@code <name>.bias}). The weight is stored input-major, the
 * transpose of PyTorch's {@code nn.Linear.weight}, so that the batch product runs as the cache-friendly
 * {@code C[i,:] += x_ik W[k,:]}; the bias starts at zero.
 */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with weights drawn by {@code init} from {@code rng} and a zero bias (none if {@code bias} is false). */
    public Linear(String name, int in, int out, boolean bias, Init init, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new InvalidInputException(name + ": sizes must be positive, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = new Parameter(name + ".weight", in, out);
        init.fill(weight.value(), in, out, rng);
        this.bias = bias ? new Parameter(name + ".bias", out) : null;
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Node forward(Node x) {
        if (x.rank() == 0 || x.dim(-1) != in) {
            throw new ShapeMismatchException(weight.name() + ": input must end in dimension " + in + ", got "
                    + java.util.Arrays.toString(x.shape()));
        }
        Tape t = x.tape();
        Node y = x.matmul(t.param(weight));
        return bias == null ? y : y.add(t.param(bias));
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
