package io.github.attractor.learn.flow;

import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Parameter;
import io.github.attractor.learn.tape.Tape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invertible linear layer in LU form (Kingma and Dhariwal 2018; Durkan et al. 2019):
 * {@code y = W x + b} with {@code W = P L (U + diag(s))}, {@code P} a fixed seeded permutation matrix, {@code L}
 * unit lower triangular (strict part {@code <name>.lower}), {@code U} strictly upper triangular
 * ({@code <name>.upper}), {@code s} the diagonal ({@code <name>.diag}) and {@code b} ({@code <name>.bias}), so
 * {@code log|det W| = Σ_i log|s_i|} in {@code O(d)}. Inverse {@code x = W^{-1}(y − b)}. The strict parts start
 * uniform in {@code ±1/√d}, {@code s = 1}, {@code b = 0}. Only the strict triangles of the {@code lower} and
 * {@code upper} arrays are used (the rest receives zero gradient).
 */
public final class LuLinear implements InvertibleLayer {
    private final int d;
    private final Parameter lower;
    private final Parameter upper;
    private final Parameter diag;
    private final Parameter bias;
    private final double[] perm;
    private final double[] strictLower;
    private final double[] strictUpper;
    private final double[] eye;

    public LuLinear(String name, int d, long seed) {
        if (d <= 0) {
            throw new io.github.attractor.core.error.InvalidInputException(name + ": dimension must be positive");
        }
        this.d = d;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] p = Permutation.random(d, rng.nextLong()).permutation();
        perm = new double[d * d];
        strictLower = new double[d * d];
        strictUpper = new double[d * d];
        eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            perm[i * d + p[i]] = 1;
            eye[i * d + i] = 1;
            for (int j = 0; j < d; j++) {
                if (j < i) {
                    strictLower[i * d + j] = 1;
                } else if (j > i) {
                    strictUpper[i * d + j] = 1;
                }
            }
        }
        lower = new Parameter(name + ".lower", d, d);
        upper = new Parameter(name + ".upper", d, d);
        double a = 1 / Math.sqrt(d);
        for (int i = 0; i < d * d; i++) {
            lower.value()[i] = strictLower[i] * a * (2 * rng.nextDouble() - 1);
            upper.value()[i] = strictUpper[i] * a * (2 * rng.nextDouble() - 1);
        }
        diag = new Parameter(name + ".diag", d);
        java.util.Arrays.fill(diag.value(), 1.0);
        bias = new Parameter(name + ".bias", d);
    }

    /** {@code W = P L (U + diag(s))} on {@code t}. */
    public Node weight(Tape t) {
        Node l = t.param(lower).mul(t.constant(strictLower, d, d)).add(t.constant(eye, d, d));
        Node u = t.param(upper).mul(t.constant(strictUpper, d, d)).add(t.constant(eye, d, d).mul(t.param(diag)));
        return t.constant(perm, d, d).matmul(l).matmul(u);
    }

    /** {@code Σ_i log|s_i|}, shape {@code []}. */
    public Node logAbsDet(Tape t) {
        return t.param(diag).abs().log().sum();
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public FlowResult forward(Node x) {
        int b = Flows.batch(lower.name(), x, d);
        Tape t = x.tape();
        Node y = x.matmul(weight(t).transpose()).add(t.param(bias));
        return new FlowResult(y, Flows.zeroLogDet(x, b).add(logAbsDet(t)));
    }

    @Override
    public FlowResult inverse(Node y) {
        int b = Flows.batch(lower.name(), y, d);
        Tape t = y.tape();
        Node xt = Ops.solve(weight(t), y.sub(t.param(bias)).transpose());
        return new FlowResult(xt.transpose(), Flows.zeroLogDet(y, b).sub(logAbsDet(t)));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(lower, upper, diag, bias);
    }
}
