package io.github.attractor.learn.flow;

import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.nn.Activation;
import io.github.attractor.learn.nn.Layer;
import io.github.attractor.learn.nn.Mlp;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Parameter;
import java.util.List;

/**
 * Rational-quadratic spline coupling layer (Durkan et al. 2019): with the split of {@link CouplingSplit},
 * {@code y_A = x_A} and {@code y_{B,j} = g_{θ_j(x_A)}(x_{B,j})}, each {@code g} a {@link RationalQuadraticSpline}
 * whose {@code 3K − 1} unnormalised parameters per feature come from a conditioner network on {@code x_A};
 * {@code log|det Dφ| = Σ_j log g'(x_{B,j})}, since the Jacobian is block triangular. The inverse applies the
 * spline inverses with the same parameters (computed from {@code y_A = x_A}).
 */
public final class SplineCoupling implements InvertibleLayer {
    private final CouplingSplit split;
    private final Layer conditioner;
    private final RationalQuadraticSpline spline;

    /**
     * A coupling with the given conditioner, which must map {@code [B, ⌊d/2⌋]} to
     * {@code [B, (d − ⌊d/2⌋)(3K − 1)]}.
     */
    public SplineCoupling(int d, boolean flip, Layer conditioner, RationalQuadraticSpline spline) {
        this.split = new CouplingSplit("spline coupling", d, flip);
        this.conditioner = conditioner;
        this.spline = spline;
    }

    /**
     * A coupling whose conditioner is an MLP {@code ⌊d/2⌋ → hidden… → (d − ⌊d/2⌋)(3K − 1)} named
     * {@code <name>.net}; with {@code identityInit} its last layer starts at zero (uniform bins, unit interior
     * derivatives up to {@code softplus(0) + m_δ}).
     */
    public static SplineCoupling withMlp(String name, int d, boolean flip, int[] hidden, Activation act,
            RationalQuadraticSpline spline, long seed, boolean identityInit) {
        CouplingSplit s = new CouplingSplit(name, d, flip);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = s.cond.length;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = s.trans.length * spline.parametersPerFeature();
        Mlp mlp = new Mlp(name + ".net", sizes, act, seed);
        if (identityInit) {
            java.util.Arrays.fill(mlp.layers().get(mlp.layers().size() - 1).weight().value(), 0.0);
        }
        return new SplineCoupling(d, flip, mlp, spline);
    }

    public RationalQuadraticSpline spline() {
        return spline;
    }

    private Node theta(Node xa) {
        int m = split.trans.length;
        int p = spline.parametersPerFeature();
        Node h = conditioner.forward(xa);
        if (h.rank() != 2 || h.dim(1) != m * p) {
            throw new ShapeMismatchException("spline coupling: conditioner output must be [batch, " + m * p + "], got "
                    + java.util.Arrays.toString(h.shape()));
        }
        return h.reshape(h.dim(0), m, p);
    }

    @Override
    public int dimension() {
        return split.d;
    }

    @Override
    public FlowResult forward(Node x) {
        Flows.batch("spline coupling", x, split.d);
        Node xa = split.conditioning(x);
        FlowResult r = spline.forward(split.transformed(x), theta(xa));
        return new FlowResult(split.merge(xa, r.output()), r.logDet().sum(1));
    }

    @Override
    public FlowResult inverse(Node y) {
        Flows.batch("spline coupling", y, split.d);
        Node ya = split.conditioning(y);
        FlowResult r = spline.inverse(split.transformed(y), theta(ya));
        return new FlowResult(split.merge(ya, r.output()), r.logDet().sum(1));
    }

    @Override
    public List<Parameter> parameters() {
        return conditioner.parameters();
    }
}
