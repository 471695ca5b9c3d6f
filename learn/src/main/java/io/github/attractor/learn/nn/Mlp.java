package io.github.attractor.learn.nn;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multilayer perceptron {@code y = W_L σ(… σ(x W_1 + b_1) …) + b_L} (with an optional output activation):
 * sizes {@code n_0 → n_1 → … → n_L}, layers named {@code <name>.0}, {@code <name>.1}, …, each a
 * {@link Linear}. Weights are initialised with Xavier uniform for saturating activations and Kaiming uniform for
 * ReLU/ELU unless an {@link Init} is given, from a {@link SplittableRandom} of the given seed (one split per
 * layer, so adding layers does not change the earlier ones).
 */
public final class Mlp implements Layer {
    private final List<Linear> layers;
    private final Activation hidden;
    private final Activation output;
    private final int[] sizes;

    /** An MLP with the default initialisation for {@code hidden} and no output activation. */
    public Mlp(String name, int[] sizes, Activation hidden, long seed) {
        this(name, sizes, hidden, Activation.IDENTITY, defaultInit(hidden), seed);
    }

    /** An MLP with every choice explicit. */
    public Mlp(String name, int[] sizes, Activation hidden, Activation output, Init init, long seed) {
        if (sizes.length < 2) {
            throw new InvalidInputException(name + ": an MLP needs at least an input and an output size");
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        SplittableRandom root = new SplittableRandom(seed);
        List<Linear> ls = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            ls.add(new Linear(name + "." + i, sizes[i], sizes[i + 1], true, init, root.split()));
        }
        this.layers = Collections.unmodifiableList(ls);
    }

    /** Xavier uniform for tanh/sigmoid/softplus/identity, Kaiming uniform for ReLU and ELU. */
    public static Init defaultInit(Activation hidden) {
        return hidden == Activation.RELU || hidden == Activation.ELU ? Init.KAIMING_UNIFORM : Init.XAVIER_UNIFORM;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    /** Copy of the layer sizes {@code n_0 … n_L}. */
    public int[] sizes() {
        return sizes.clone();
    }

    public List<Linear> layers() {
        return layers;
    }

    @Override
    public Node forward(Node x) {
        Node h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h);
            h = i + 1 < layers.size() ? hidden.apply(h) : output.apply(h);
        }
        return h;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Linear l : layers) {
            ps.addAll(l.parameters());
        }
        return ps;
    }
}
