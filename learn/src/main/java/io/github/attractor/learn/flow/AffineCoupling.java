package io.github.attractor.learn.flow;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.nn.Layer;
import io.github.attractor.learn.nn.Mlp;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * Affine coupling layer (RealNVP, Dinh et al. 2017): with the split of {@link CouplingSplit},
 * {@code y_A = x_A}, {@code y_B = x_B ∘ e^{s(x_A)} + t(x_A)}, where {@code [ŝ, t] = NN(x_A)} and
 * {@code s = tanh(ŝ)} bounds the log-scale per layer; {@code log|det Dφ| = Σ_j s_j}; inverse
 * {@code x_B = (y_B − t(y_A)) ∘ e^{−s(y_A)}}.
 */
public final class AffineCoupling implements InvertibleLayer {
    private final CouplingSplit split;
    private final Layer conditioner;

    /** A coupling with the given conditioner, which must map {@code [B, ⌊d/2⌋]} to {@code [B, 2(d − ⌊d/2⌋)]}. */
    public AffineCoupling(int d, boolean flip, Layer conditioner) {
        this.split = new CouplingSplit("affine coupling", d, flip);
        this.conditioner = conditioner;
    }

    /**
     * A coupling whose conditioner is an MLP {@code ⌊d/2⌋ → hidden… → 2(d − ⌊d/2⌋)} named {@code <name>.net}; with
     * {@code identityInit} its last layer starts at zero, so the layer starts as the identity.
     */
    public static AffineCoupling withMlp(String name, int d, boolean flip, int[] hidden, Activation act, long seed,
            boolean identityInit) {
        CouplingSplit s = new CouplingSplit(name, d, flip);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = s.cond.length;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 2 * s.trans.length;
        Mlp mlp = new Mlp(name + ".net", sizes, act, seed);
        if (identityInit) {
            java.util.Arrays.fill(mlp.layers().get(mlp.layers().size() - 1).weight().value(), 0.0);
        }
        return new AffineCoupling(d, flip, mlp);
    }

    private Node[] scaleShift(Node xa) {
        int m = split.trans.length;
        Node h = conditioner.forward(xa);
        if (h.rank() != 2 || h.dim(1) != 2 * m) {
            throw new ShapeMismatchException("affine coupling: conditioner output must be [batch, " + 2 * m + "], got "
                    + java.util.Arrays.toString(h.shape()));
        }
        return new Node[] {h.slice(1, 0, m).tanh(), h.slice(1, m, 2 * m)};
    }

    @Override
    public int dimension() {
        return split.d;
    }

    @Override
    public FlowResult forward(Node x) {
        Flows.batch("affine coupling", x, split.d);
        Node xa = split.conditioning(x);
        Node[] st = scaleShift(xa);
        Node yb = split.transformed(x).mul(st[0].exp()).add(st[1]);
        return new FlowResult(split.merge(xa, yb), st[0].sum(1));
    }

    @Override
    public FlowResult inverse(Node y) {
        Flows.batch("affine coupling", y, split.d);
        Node ya = split.conditioning(y);
        Node[] st = scaleShift(ya);
        Node xb = split.transformed(y).sub(st[1]).mul(st[0].neg().exp());
        return new FlowResult(split.merge(ya, xb), st[0].sum(1).neg());
    }

    @Override
    public List<Parameter> parameters() {
        return conditioner.parameters();
    }
}
